"""What a paragraph inherits from its style: numbering (w:numPr) and outline level.

Properties are looked up along the w:basedOn chain, nearest style first, the way Word
resolves them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from lxml.etree import _Element

from pipeline.readers.docx.xml import child_val, maybe_int, qn

# Built-in heading styles keep English names ("heading 1") even in Chinese Word, which
# gives them the ids "1".."9"; WPS and some templates use "标题 1".
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_HEADING_ID = re.compile(r"^(?:heading|标题)?\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = {"title", "标题"}
_BODY_TEXT_OUTLINE = 9  # w:outlineLvl 9 means "not in the outline"
_STYLE, _STYLE_ID, _TYPE, _DEFAULT = qn("w:style"), qn("w:styleId"), qn("w:type"), qn("w:default")
_PPR, _NUM_PR = qn("w:pPr"), qn("w:numPr")


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
    """The paragraph-level facts of styles.xml that the reader needs. A template defines
    hundreds of styles and a report uses a few: each is read when first asked for."""

    def __init__(self, root: _Element | None) -> None:
        self._elements: dict[str, _Element] = {}
        self._styles: dict[str, _Style] = {}
        self._numbering: dict[str | None, tuple[str | None, int | None]] = {}
        self._levels: dict[str | None, int | None] = {}
        # Numbering style id -> the w:num it stands for (target of w:numStyleLink).
        self.numbering_style_nums: dict[str, str] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for element in root.iterchildren(_STYLE):
            style_id = element.get(_STYLE_ID) or ""
            self._elements[style_id] = element  # a later definition wins, as it always did
            kind = element.get(_TYPE)
            if kind == "numbering":
                num_id = _read(element).num_id
                if num_id:
                    self.numbering_style_nums[style_id] = num_id
            elif kind == "paragraph" and element.get(_DEFAULT) in ("1", "true", "on"):
                self.default_paragraph = style_id

    def _style(self, style_id: str) -> _Style | None:
        style = self._styles.get(style_id)
        if style is None and style_id in self._elements:
            style = self._styles[style_id] = _read(self._elements[style_id])
        return style

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph of this style is numbered with, if any."""
        # Asked for every paragraph, of a few styles: remembered per style.
        known = self._numbering.get(style_id)
        if known is None:
            known = self._numbering[style_id] = self._read_numbering(style_id)
        return known

    def _read_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        chain = list(self._chain(style_id))
        num_id = next((s.num_id for s in chain if s.num_id is not None), None)
        ilvl = next((s.ilvl for s in chain if s.ilvl is not None), None)
        return num_id, ilvl

    def heading_level(self, style_id: str | None) -> int | None:
        """1-based outline level the style gives its paragraphs; None for body text and titles."""
        if style_id not in self._levels:
            self._levels[style_id] = self._read_heading_level(style_id)
        return self._levels[style_id]

    def _read_heading_level(self, style_id: str | None) -> int | None:
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
        while current is not None and current not in seen:
            style = self._style(current)
            if style is None:
                return
            seen.add(current)
            yield style
            current = style.based_on


def _read(element: _Element) -> _Style:
    ppr = element.find(_PPR)
    num_pr = None if ppr is None else ppr.find(_NUM_PR)
    return _Style(
        style_id=element.get(_STYLE_ID) or "",
        name=(child_val(element, "w:name") or "").strip(),
        based_on=child_val(element, "w:basedOn"),
        num_id=child_val(num_pr, "w:numId"),
        ilvl=maybe_int(child_val(num_pr, "w:ilvl")),
        outline=maybe_int(child_val(ppr, "w:outlineLvl")),
    )
