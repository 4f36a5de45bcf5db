"""What a paragraph inherits from its style: numbering (w:numPr) and outline level.

Properties are looked up along the w:basedOn chain, nearest style first, the way Word
resolves them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from docx.oxml.ns import qn
from lxml.etree import _Element

from pipeline.readers.docx.xml import child_val, maybe_int

# Built-in heading styles keep English names ("heading 1") even in Chinese Word, which
# gives them the ids "1".."9"; WPS and some templates use "标题 1".
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_HEADING_ID = re.compile(r"^(?:heading|标题)?\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = {"title", "标题"}
_BODY_TEXT_OUTLINE = 9  # w:outlineLvl 9 means "not in the outline"


def outline_to_level(outline: int) -> int | None:
    """w:outlineLvl (0-based, 9 = body text) as a 1-based heading level."""
    return outline + 1 if 0 <= outline < _BODY_TEXT_OUTLINE else None


@dataclass(frozen=True)
class _Style:
    style_id: str
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


class Styles:
    """The paragraph-level facts of styles.xml that the reader needs."""

    def __init__(self, root: _Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        # Numbering style id -> the w:num it stands for (target of w:numStyleLink).
        self.numbering_style_nums: dict[str, str] = {}
        self.default_paragraph: str | None = None
        if root is not None:
            for style in root.iterchildren(qn("w:style")):
                self._add(style)

    def _add(self, element: _Element) -> None:
        ppr = element.find(qn("w:pPr"))
        num_pr = None if ppr is None else ppr.find(qn("w:numPr"))
        style = _Style(
            style_id=element.get(qn("w:styleId")) or "",
            name=(child_val(element, "w:name") or "").strip(),
            based_on=child_val(element, "w:basedOn"),
            num_id=child_val(num_pr, "w:numId"),
            ilvl=maybe_int(child_val(num_pr, "w:ilvl")),
            outline=maybe_int(child_val(ppr, "w:outlineLvl")),
        )
        self._styles[style.style_id] = style
        kind = element.get(qn("w:type"))
        if kind == "numbering" and style.num_id:
            self.numbering_style_nums[style.style_id] = style.num_id
        if kind == "paragraph" and element.get(qn("w:default")) in ("1", "true", "on"):
            self.default_paragraph = style.style_id

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph of this style is numbered with, if any."""
        chain = list(self._chain(style_id))
        num_id = next((s.num_id for s in chain if s.num_id is not None), None)
        ilvl = next((s.ilvl for s in chain if s.ilvl is not None), None)
        return num_id, ilvl

    def heading_level(self, style_id: str | None) -> int | None:
        """1-based outline level the style gives its paragraphs; None for body text and titles."""
        for style in self._chain(style_id):
            if style.name.lower() in _TITLE_NAMES:
                return None
            if style.outline is not None:
                return outline_to_level(style.outline)
            match = _HEADING_NAME.match(style.name) or _HEADING_ID.match(style.style_id)
            if match:
                return int(match.group(1))
        return None

    def _chain(self, style_id: str | None) -> Iterator[_Style]:
        """The style and those it is based on, nearest first."""
        seen: set[str] = set()
        current = style_id if style_id is not None else self.default_paragraph
        while current is not None and current in self._styles and current not in seen:
            seen.add(current)
            yield self._styles[current]
            current = self._styles[current].based_on
