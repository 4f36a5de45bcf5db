"""Small readers of WordprocessingML attribute values shared by the docx modules.

Word files in the wild carry odd values (empty w:val, "true"/"on" toggles, text where a
number belongs); these helpers turn them into defaults instead of exceptions.
"""
from __future__ import annotations

from docx.oxml.ns import qn
from lxml.etree import _Element


def val(el: _Element | None) -> str | None:
    return None if el is None else el.get(qn("w:val"))


def child_val(el: _Element | None, tag: str) -> str | None:
    """w:val of the first `tag` child ("w:numId") of `el`."""
    return None if el is None else val(el.find(qn(tag)))


def to_int(text: str | None, default: int) -> int:
    number = maybe_int(text)
    return default if number is None else number


def maybe_int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def is_on(el: _Element | None) -> bool:
    """A w:ST_OnOff toggle: present and not switched off."""
    return el is not None and val(el) not in ("0", "false", "off")
