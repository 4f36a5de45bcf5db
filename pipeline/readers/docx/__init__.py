"""Word .docx: body paragraphs and tables in document order, numbered as Word shows them.

Choices a reader of the output should know about:
- Automatic numbering ("一、", "（一）", "1.") is rendered into the paragraph text; see
  numbering.py. A numbered paragraph without text still advances its counter, as in
  Word, but adds no line.
- Paragraph text is what Word shows (no deleted revisions, no field codes, soft breaks
  next to Chinese joined); see text.py.
- Heading levels come from heading styles and w:outlineLvl; see styles.py.
- A table cell is one line of `text`: a merged cell appears once, a cell continuing a
  vertical merge is an empty position, and a nested table is flattened into its
  enclosing cell, its cells separated by spaces.
- Text boxes, headers, footers, footnotes and comments are not part of the text.
- The body is walked as XML rather than through python-docx's iter_inner_content(), which
  skips everything inside content controls (w:sdt) — where cover pages and whole report
  sections often sit; only the parts read are opened (package.py).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

from lxml.etree import _Element

from pipeline.core.document import Cell, Document, TextBuilder, new_document
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions
from pipeline.readers.cleanup import clean_text
from pipeline.readers.docx.numbering import Numbering
from pipeline.readers.docx.package import Package, open_package
from pipeline.readers.docx.styles import Styles, outline_to_level
from pipeline.readers.docx.text import visible_text
from pipeline.readers.docx.xml import W, maybe_int, qn, to_int, val

_BODY, _P, _TBL, _TR, _TC = qn("w:body"), qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_PPR, _NUM_PR = qn("w:pPr"), qn("w:numPr")
_P_STYLE, _OUTLINE, _NUM_ID, _ILVL = qn("w:pStyle"), qn("w:outlineLvl"), qn("w:numId"), qn("w:ilvl")
_TR_PR, _GRID_BEFORE, _TC_PR, _GRID_SPAN, _V_MERGE = (
    qn("w:trPr"), qn("w:gridBefore"), qn("w:tcPr"), qn("w:gridSpan"), qn("w:vMerge"))
_ROWS, _CELLS = {_TR}, {_TC}
_BLOCKS = {_P, _TBL}
_VAL = W + "val"
# Elements that only wrap content (content controls, custom XML) are looked through.
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}


def read(path: Path, options: ReadOptions = DEFAULT_OPTIONS, source: Path | None = None,
         fmt: str = "docx") -> Document:
    """`source` and `fmt`: the file this .docx was converted from (a legacy .doc, see
    legacy.py); the Document then carries that file's path, format and doc_id."""
    package = open_package(path)
    renderer = _Renderer(package)
    builder = TextBuilder()
    body = package.document.find(_BODY)
    for block in _children(body, _BLOCKS) if body is not None else ():
        if block.tag == _P:
            ppr = _first(block, _PPR)
            text = renderer.paragraph(block, ppr)
            if text:
                builder.add_paragraph(text, renderer.heading_level(ppr))
        else:
            builder.add_table(renderer.table_rows(block))
    doc = new_document(source or path, fmt, builder.text())
    doc.tables, doc.heading_levels = builder.tables, builder.heading_levels
    return doc


def _children(parent: _Element, tags: set[str]) -> Iterator[_Element]:
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tags)


class _Slot(NamedTuple):
    """One w:tc placed on the table grid."""

    col: int
    span: int
    text: str
    continues: bool  # continuation of a vertical merge: the text sits in the cell above


class _Renderer:
    """Paragraph and table text for one file; owns the numbering counters, so it renders
    every paragraph exactly once and in document order."""

    def __init__(self, package: Package) -> None:
        self._styles = _styles(package.styles)
        self._numbering = Numbering(package.numbering, self._styles.numbering_style_nums)

    def paragraph(self, p: _Element, ppr: _Element | None) -> str:
        """The paragraph (`ppr` its w:pPr) as Word displays it, numbering label first; "" when
        it has no text."""
        label = self._label(ppr)
        body = clean_text(visible_text(p))
        return label + body if body.strip() else ""

    def heading_level(self, ppr: _Element | None) -> int | None:
        """The level of a paragraph whose w:pPr is `ppr`."""
        if ppr is None:
            return self._styles.heading_level(None)
        outline = maybe_int(_val_of(ppr, _OUTLINE))
        if outline is not None:
            return outline_to_level(outline)
        return self._styles.heading_level(_val_of(ppr, _P_STYLE))

    def _label(self, ppr: _Element | None) -> str:
        style_id = num_pr = None
        if ppr is not None:
            style_id, num_pr = _val_of(ppr, _P_STYLE), _first(ppr, _NUM_PR)
        style_num_id, style_ilvl = self._styles.numbering(style_id)
        num_id = (num_pr is not None and _val_of(num_pr, _NUM_ID)) or style_num_id
        if not num_id or num_id == "0":  # numId 0 switches off a style's numbering
            return ""
        ilvl = None if num_pr is None else maybe_int(_val_of(num_pr, _ILVL))
        if ilvl is None:
            ilvl = style_ilvl
        if ilvl is None:
            ilvl = self._numbering.level_for_style(num_id, style_id) or 0
        return self._numbering.next_label(num_id, ilvl)

    def table_rows(self, tbl: _Element) -> list[list[Cell]]:
        """Rows of cells; a merged cell appears once, vertical continuations as empty cells."""
        grid = [row for row in self._slots(tbl) if any(s.text.strip() for s in row)]
        return [
            [
                Cell(row=r, col=slot.col, text=slot.text, char_start=0, char_end=0,
                     rowspan=1 if slot.continues else _rowspan(grid, r, slot.col),
                     colspan=slot.span)
                for slot in row
            ]
            for r, row in enumerate(grid)
        ]

    def _slots(self, tbl: _Element) -> Iterator[list[_Slot]]:
        for tr in _children(tbl, _ROWS):
            tr_pr = _first(tr, _TR_PR)
            col = 0 if tr_pr is None else to_int(_val_of(tr_pr, _GRID_BEFORE), 0)
            row = []
            for tc in _children(tr, _CELLS):
                tc_pr = _first(tc, _TC_PR)
                span, continues = 1, False
                if tc_pr is not None:
                    span = max(1, to_int(_val_of(tc_pr, _GRID_SPAN), 1))
                    v_merge = _first(tc_pr, _V_MERGE)
                    continues = v_merge is not None and val(v_merge) in (None, "continue")
                row.append(_Slot(col, span, "" if continues else self._cell_text(tc), continues))
                col += span
            yield row

    def _cell_text(self, tc: _Element) -> str:
        lines = []
        for block in _children(tc, _BLOCKS):
            if block.tag == _P:
                lines.append(self.paragraph(block, _first(block, _PPR)))
            else:
                # A cell is one line of `text`, and CJK-side line breaks are dropped when
                # it is flattened; spaces keep the nested cells apart.
                lines.append(" ".join(c.text for row in self.table_rows(block) for c in row if c.text))
        return "\n".join(line for line in lines if line)


@lru_cache(maxsize=16)
def _styles(root: _Element | None) -> Styles:
    """One Styles per styles.xml tree: package.py parses each distinct styles.xml once, and
    what Styles reads of it (and remembers) never changes."""
    return Styles(root)


def _val_of(el: _Element, tag: str) -> str | None:
    """w:val of the first `tag` child (in Clark notation) of `el`."""
    child = _first(el, tag)
    return None if child is None else child.get(_VAL)


def _first(el: _Element, tag: str) -> _Element | None:
    """el.find(tag) for a tag in Clark notation: the properties a reader looks for come first
    among the children, and this loop finds them in a third of find's time (no path parsing)."""
    for child in el:
        if child.tag == tag:
            return child
    return None


def _rowspan(grid: list[list[_Slot]], r: int, col: int) -> int:
    span = 1
    for row in grid[r + 1:]:
        if not any(s.continues and s.col == col for s in row):
            break
        span += 1
    return span
