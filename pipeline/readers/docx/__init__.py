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
  sections often sit.
"""
from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.parts.document import DocumentPart
from lxml.etree import XMLSyntaxError, _Element

from pipeline.core.document import Cell, Document, TextBuilder, new_document
from pipeline.core.errors import ReadError
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions
from pipeline.readers.cleanup import clean_text
from pipeline.readers.docx.numbering import Numbering
from pipeline.readers.docx.styles import Styles, outline_to_level
from pipeline.readers.docx.text import visible_text
from pipeline.readers.docx.xml import child_val, maybe_int, to_int, val

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and legacy .doc

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_BLOCKS = {_P, _TBL}
# Elements that only wrap content (content controls, custom XML) are looked through.
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}


def read(path: Path, options: ReadOptions = DEFAULT_OPTIONS, source: Path | None = None,
         fmt: str = "docx") -> Document:
    """`source` and `fmt`: the file this .docx was converted from (a legacy .doc, see
    legacy.py); the Document then carries that file's path, format and doc_id."""
    word = _open(path)
    renderer = _Renderer(word.part)
    builder = TextBuilder()
    body = word.element.body
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


def _open(path: Path) -> WordDocument:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_OLE_MAGIC))
    except OSError as exc:
        raise ReadError(f"cannot open the file: {exc.strerror}") from exc
    if head == _OLE_MAGIC:
        raise ReadError("encrypted or legacy Word file: save it as .docx without a password")
    if not zipfile.is_zipfile(path):
        raise ReadError("not a valid .docx (not a zip package)")
    try:
        return docx.Document(str(path))
    except (KeyError, ValueError) as exc:  # python-docx's "no main document part"
        raise ReadError("not a valid .docx (no Word document inside the zip package)") from exc
    except XMLSyntaxError as exc:
        raise ReadError(f"not a valid .docx (damaged XML: {exc.msg})") from exc
    except (PackageNotFoundError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ReadError("not a valid .docx (damaged zip package)") from exc


def _related_xml(part: DocumentPart, reltype: str) -> _Element | None:
    """The XML root of a part such as numbering.xml; None when the file has none."""
    try:
        # A part with an unexpected content type loads as raw bytes, without .element.
        return getattr(part.part_related_by(reltype), "element", None)
    except KeyError:
        return None


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

    def __init__(self, part: DocumentPart) -> None:
        self._styles = Styles(_related_xml(part, RT.STYLES))
        self._numbering = Numbering(
            _related_xml(part, RT.NUMBERING), self._styles.numbering_style_nums
        )

    def paragraph(self, p: _Element) -> str:
        """The paragraph as Word displays it, numbering label first; "" when it has no text."""
        ppr = p.find(qn("w:pPr"))
        label = self._label(ppr)
        body = clean_text(visible_text(p))
        return label + body if body.strip() else ""

    def heading_level(self, p: _Element) -> int | None:
        ppr = p.find(qn("w:pPr"))
        outline = maybe_int(child_val(ppr, "w:outlineLvl"))
        if outline is not None:
            return outline_to_level(outline)
        return self._styles.heading_level(child_val(ppr, "w:pStyle"))

    def _label(self, ppr: _Element | None) -> str:
        style_id = child_val(ppr, "w:pStyle")
        num_pr = None if ppr is None else ppr.find(qn("w:numPr"))
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
