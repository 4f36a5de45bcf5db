"""What Word shows of one paragraph's content: runs, tabs, breaks and field results.

Deleted revisions (w:del, w:moveFrom) and field codes are dropped; insertions and field
results are kept. A soft line break (w:br, w:cr) becomes "\\n" only between two non-CJK
characters ("Annual" / "Report"); next to Chinese it is a wrap and the two sides are
joined ("465.49万" + "元" -> "465.49万元"). Text boxes are not part of the paragraph.
"""
from __future__ import annotations

from lxml.etree import _Element

from pipeline.core.document import join_wrapped
from pipeline.readers.docx.xml import qn

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NOT_SHOWN = {
    *map(qn, ("w:pPr", "w:rPr", "w:sdtPr", "w:del", "w:moveFrom", "w:delText",
              "w:instrText", "w:txbxContent")),
    _MC_FALLBACK,  # a second copy of the mc:Choice content, for older readers
}
_TEXT, _FIELD_CHAR = qn("w:t"), qn("w:fldChar")
_TABS = {qn("w:tab"), qn("w:ptab")}
_BREAKS = {qn("w:br"), qn("w:cr")}
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_FIELD_CHAR_TYPE = qn("w:fldCharType")


class _VisibleText:
    """Collects what Word shows of a paragraph: field results, not field codes."""

    def __init__(self) -> None:
        self.lines = [""]
        self._fields: list[str] = []  # "code" or "result" for each open w:fldChar

    @property
    def _shown(self) -> bool:
        return "code" not in self._fields

    def add(self, text: str) -> None:
        if self._shown:
            self.lines[-1] += text

    def line_break(self) -> None:
        if self._shown:
            self.lines.append("")

    def field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append("code")
        elif kind == "separate" and self._fields:
            self._fields[-1] = "result"
        elif kind == "end" and self._fields:
            self._fields.pop()


def visible_text(p: _Element) -> str:
    """The text of one w:p as Word shows it, without its numbering label."""
    out = _VisibleText()
    _collect(p, out)
    return _join_soft_breaks(out.lines)


def _collect(el: _Element, out: _VisibleText) -> None:
    for child in el:
        tag = child.tag
        if tag in _NOT_SHOWN:
            continue
        if tag == _TEXT:
            out.add(child.text or "")
        elif tag in _TABS:
            out.add("\t")
        elif tag in _BREAKS:
            out.line_break()
        elif tag == _NO_BREAK_HYPHEN:
            out.add("-")
        elif tag == _FIELD_CHAR:
            out.field_char(child.get(_FIELD_CHAR_TYPE))
        else:
            _collect(child, out)


def _join_soft_breaks(lines: list[str]) -> str:
    return join_wrapped(lines, "\n")
