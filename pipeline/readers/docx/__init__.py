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

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lxml.etree import _Element

from pipeline.core.document import Cell, Document, TextBuilder, new_document
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions
from pipeline.readers.cleanup import clean_text
from pipeline.readers.docx.numbering import Numbering
from pipeline.readers.docx.package import Package, open_package
from pipeline.readers.docx.styles import Styles, outline_to_level
from pipeline.readers.docx.text import visible_text
from pipeline.readers.docx.xml import child_val, maybe_int, qn, to_int, val

_BODY, _P, _TBL, _TR, _TC = qn("w:body"), qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_PPR, _NUM_PR = qn("w:pPr"), qn("w:numPr")
_BLOCKS = {_P, _TBL}
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
            text = renderer.paragraph(block)
            if text:
                builder.add_paragraph(text, renderer.heading_level(block))
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


@dataclass(frozen=True)
class _Slot:
    """One w:tc placed on the table grid."""

    col: int
    span: int
    text: str
    continues: bool  # continuation of a vertical merge: the text sits in the cell above


class _Renderer:
    """Paragraph and table text for one file; owns the numbering counters, so it renders
    every paragraph exactly once and in document order."""

    def __init__(self, package: Package) -> None:
        self._styles = Styles(package.styles)
        self._numbering = Numbering(package.numbering, self._styles.numbering_style_nums)

    def paragraph(self, p: _Element) -> str:
        """The paragraph as Word displays it, numbering label first; "" when it has no text."""
        ppr = p.find(_PPR)
        label = self._label(ppr)
        body = clean_text(visible_text(p))
        return label + body if body.strip() else ""

    def heading_level(self, p: _Element) -> int | None:
        ppr = p.find(_PPR)
        outline = maybe_int(child_val(ppr, "w:outlineLvl"))
        if outline is not None:
            return outline_to_level(outline)
        return self._styles.heading_level(child_val(ppr, "w:pStyle"))

    def _label(self, ppr: _Element | None) -> str:
        style_id = child_val(ppr, "w:pStyle")
        num_pr = None if ppr is None else ppr.find(_NUM_PR)
        style_num_id, style_ilvl = self._styles.numbering(style_id)
        num_id = child_val(num_pr, "w:numId") or style_num_id
        if not num_id or num_id == "0":  # numId 0 switches off a style's numbering
            return ""
        ilvl = maybe_int(child_val(num_pr, "w:ilvl"))
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
        for tr in _children(tbl, {_TR}):
            col = to_int(child_val(tr.find(qn("w:trPr")), "w:gridBefore"), 0)
            row = []
            for tc in _children(tr, {_TC}):
                tc_pr = tc.find(qn("w:tcPr"))
                span = max(1, to_int(child_val(tc_pr, "w:gridSpan"), 1))
                v_merge = None if tc_pr is None else tc_pr.find(qn("w:vMerge"))
                continues = v_merge is not None and val(v_merge) in (None, "continue")
                row.append(_Slot(col, span, "" if continues else self._cell_text(tc), continues))
                col += span
            yield row

    def _cell_text(self, tc: _Element) -> str:
        lines = []
        for block in _children(tc, _BLOCKS):
            if block.tag == _P:
                lines.append(self.paragraph(block))
            else:
                # A cell is one line of `text`, and CJK-side line breaks are dropped when
                # it is flattened; spaces keep the nested cells apart.
                lines.append(" ".join(c.text for row in self.table_rows(block) for c in row if c.text))
        return "\n".join(line for line in lines if line)


def _rowspan(grid: list[list[_Slot]], r: int, col: int) -> int:
    span = 1
    for row in grid[r + 1:]:
        if not any(s.continues and s.col == col for s in row):
            break
        span += 1
    return span
