"""Where a report states its metadata outright: the title block and labelled values.

Labels come as "主管部门：江门市司法局" lines, as a label cell followed by a value cell
("项目名称 | 依法治市工作经费" — tab-separated in the text), or as a header row of label
cells with the values in the row below.
"""
from __future__ import annotations

import re

from extractors.metadata.lexicon import ALL_LABELS
from extractors.metadata.names import LocatedValue
from pipeline.core.document import Document

TITLE_CUE = re.compile(r"报告|预算|决算|自评|评价|绩效|情况说明|自评表")
# Lines above a title that are not part of it ("附件2", "目录"), and an attachment number
# written on the title's own line ("附件1：2021年度…自评报告").
_SKIPPED_LINE = re.compile(r"(?:附件\s*[\d一二三四五六七八九十]*\s*[:：、]?|目\s*录|公开)")
_ATTACHMENT_PREFIX = re.compile(r"附件\s*[\d一二三四五六七八九十]*\s*[:：、]\s*")
# A line that ends a title block: prose, a table row, a "label：value" line.
_NOT_TITLE_LINE = re.compile(r"[。；;，,]$|\t|[:：]\s*\S")
_LINE = re.compile(r"^.*$", re.M)
_TITLE_MAX_LINES = 4
_TITLE_LINE_MAX_CHARS = 60
_HEAD_LINES = 12  # a title sits among the first lines or not at all

# The closing date of a signature ("2022年3月15日"), on a line of its own.
DATE_LINE = re.compile(
    r"(?P<year>[\d〇零一二三四五六七八九]{4})\s*年\s*(?P<month>[\d]{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?"
)
_CLOSING_LINES = 4  # non-empty lines at the end looked at for a signature
_SIGNATURE_MAX_CHARS = 40

_SEAL = r"(?:\s*\((?:盖章|公章|签章)\))?"
# A value is cut where a seal remark or the next label on the same line begins.
_VALUE_TAIL = re.compile(r"\(?(?:盖章|公章|签章|签字)\)?|\s{2,}|\s+\S{2,8}:")
_VALUE = r"[^\t\n,，。;；]{2,60}"
_ANY_LABEL = re.compile(rf"(?:{'|'.join(map(re.escape, ALL_LABELS))}){_SEAL}\s*:?")


def title_block(doc: Document) -> LocatedValue | None:
    """The short lines that open the document and name it (title, subtitle, issuer)."""
    section_starts = {s.char_start for s in doc.sections}
    lines: list[tuple[int, int]] = []
    for n, line in enumerate(_LINE.finditer(doc.text)):
        if n >= _HEAD_LINES and not lines or len(lines) == _TITLE_MAX_LINES:
            break
        first, end = _stripped(doc.text, line.start(), line.end())
        if first == end or _SKIPPED_LINE.fullmatch(doc.text, first, end):
            if lines:
                break
            continue
        attachment = _ATTACHMENT_PREFIX.match(doc.text, first, end) if not lines else None
        first = attachment.end() if attachment else first
        title_line = doc.text[first:end]
        opens_section = first in section_starts or line.start() in section_starts
        if opens_section and not TITLE_CUE.search(title_line) or len(title_line) > _TITLE_LINE_MAX_CHARS \
                or _NOT_TITLE_LINE.search(doc.match_text, first, end):
            break
        lines.append((first, end))
    if not any(TITLE_CUE.search(doc.text, a, b) for a, b in lines):
        return None
    return LocatedValue("".join(doc.text[a:b] for a, b in lines), lines[0][0], lines[-1][1], "title")


def closing_lines(doc: Document) -> list[tuple[int, int]]:
    """The last non-empty lines, stripped: where a signature and its date stand."""
    lines = [_stripped(doc.text, m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", doc.text)]
    return lines[-_CLOSING_LINES:]


def signature(doc: Document) -> LocatedValue | None:
    """The short line above a closing date: who signed the report."""
    lines = closing_lines(doc)
    for (a, b), (c, d) in zip(lines, lines[1:]):
        if DATE_LINE.fullmatch(doc.text, c, d) and b - a <= _SIGNATURE_MAX_CHARS:
            return _trimmed(doc, a, b, "signature")
    return None


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def labelled(doc: Document, labels: tuple[str, ...]) -> list[LocatedValue]:
    """Values written after one of `labels`, in text order."""
    alternation = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    inline = re.compile(rf"(?:{alternation}){_SEAL}\s*(?::\s*|\t+)(?P<v>{_VALUE})")
    found = [_trimmed(doc, hit.start("v"), hit.end("v")) for hit in inline.finditer(doc.match_text)
             if not _ANY_LABEL.fullmatch(hit.group("v").strip())]
    found += _below_label_cells(doc, re.compile(rf"(?:{alternation}){_SEAL}\s*:?"))
    return sorted((f for f in found if f.value), key=lambda f: f.start)


def _below_label_cells(doc: Document, label: re.Pattern) -> list[LocatedValue]:
    """A label cell with nothing or another label to its right: the value is in the cell below."""
    found = []
    for table in doc.tables:
        grid = table.grid()
        for row, below_row in zip(grid, grid[1:]):
            for c, cell in enumerate(row):
                if cell is None or not label.fullmatch(doc.match_text[cell.char_start:cell.char_end].strip()):
                    continue
                right = next((x for x in row[c + 1:] if x and x.text.strip()), None)
                below = below_row[c]
                header = right is None or _ANY_LABEL.fullmatch(
                    doc.match_text[right.char_start:right.char_end].strip())
                if header and below is not None and below.text.strip():
                    found.append(_trimmed(doc, below.char_start, below.char_end))
    return found


def _trimmed(doc: Document, start: int, end: int, source: str = "label") -> LocatedValue:
    tail = _VALUE_TAIL.search(doc.match_text, start, end)
    if tail:
        end = tail.start()
    start, end = _stripped(doc.text, start, end)
    return LocatedValue(doc.text[start:end], start, end, source)
