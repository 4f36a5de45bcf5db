"""Small readers of WordprocessingML attribute values shared by the docx modules.

Word files in the wild carry odd values (empty w:val, "true"/"on" toggles, text where a
number belongs); these helpers turn them into defaults instead of exceptions.
"""
from __future__ import annotations

from functools import lru_cache

from lxml.etree import _Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NAMESPACES = {"w": W}
_VAL = W + "val"


@lru_cache(maxsize=None)
def qn(tag: str) -> str:
    """"w:numId" in Clark notation, as lxml names elements and attributes."""
    prefix, name = tag.split(":")
    return _NAMESPACES[prefix] + name


def val(el: _Element | None) -> str | None:
    return None if el is None else el.get(_VAL)


def child_val(el: _Element | None, tag: str) -> str | None:
    """w:val of the first `tag` child ("w:numId") of `el`."""
    if el is None:
        return None
    child = el.find(qn(tag))
    return None if child is None else child.get(_VAL)


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
