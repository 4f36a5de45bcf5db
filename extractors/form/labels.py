"""Label cells and label lines: where a form states its metadata outright.

Labels come as "主管部门：江门市司法局" lines, as a label cell followed by a value cell
("项目名称 | 依法治市工作经费", or "项目名称： | X | 申请单位： | Y" side by side in one row —
tab-separated in the text), or as a header row of label cells with the values in the row below.
The labels themselves are in vocab.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.form.vocab import ALL_LABELS
from pipeline.core.document import Cell, Document, per_document

_SEAL = r"(?:\s*\((?:盖章|公章|签章)\))?"
# A value is cut where a seal remark, a note on the unit's scope ("（本级）": the body without
# its subordinate units) or the next label on the same line begins.
_VALUE_TAIL = re.compile(r"\(?(?:盖章|公章|签章|签字)\)?|\((?:本级|机关本级|本部|汇总)\)$|\s{2,}|\s+\S{2,8}:")
_VALUE = r"[^\t\n,，。;；]{2,60}"
_ANY_LABEL = re.compile(rf"(?:{'|'.join(map(re.escape, ALL_LABELS))}){_SEAL}\s*:?")


@dataclass(frozen=True)
class LocatedValue:
    """A value and where it was read: doc.text[start:end] == value, except for a title
    wrapped over several lines, whose value is its lines joined."""

    value: str
    start: int
    end: int
    source: str  # title / label / signature / body / page (Document.cues: not in text, 0:0)


def labelled(doc: Document, labels: tuple[str, ...]) -> list[LocatedValue]:
    """Values written after one of `labels` (some of ALL_LABELS), in text order."""
    inline, cell, alone = _label_patterns(labels)
    found = [trimmed(doc, hit.start("v"), hit.end("v"))
             for pattern in (inline, alone) for hit in pattern.finditer(doc.match_text)
             if not _ANY_LABEL.fullmatch(hit.group("v").strip())]
    found += _below_label_cells(doc, cell)
    return sorted((f for f in found if f.value), key=lambda f: f.start)


@lru_cache(maxsize=64)
def _label_patterns(labels: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A value after one of `labels` on its line, a cell holding just one of them, and a
    label alone on its line with the value on the next (a form copied one cell a line)."""
    alternation = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return (re.compile(rf"(?:{alternation}){_SEAL}\s*(?::\s*|\t+)(?P<v>{_VALUE})"),
            re.compile(rf"(?:{alternation}){_SEAL}\s*:?"),
            re.compile(rf"^[ \t]*(?:{alternation}){_SEAL}[ \t]*:?[ \t]*\n[ \t]*(?P<v>{_VALUE})[ \t]*$", re.M))


def _below_label_cells(doc: Document, label: re.Pattern) -> list[LocatedValue]:
    """A label cell with nothing or another label to its right: the value is in the cell below."""
    return [trimmed(doc, below.char_start, below.char_end)
            for text, below in _labels_above_values(doc) if label.fullmatch(text)]


@per_document
def _labels_above_values(doc: Document) -> list[tuple[str, Cell]]:
    """Cells holding one of ALL_LABELS (the labels asked for are among them) with nothing or
    another label to their right and text below, as (their text, the cell below): found once
    for every set of labels asked for."""
    found = []
    for table in doc.tables:
        grid = table.grid()
        for row, below_row in zip(grid, grid[1:]):
            for c, cell in enumerate(row):
                below = below_row[c]
                if cell is None or below is None or not below.text.strip():
                    continue
                text = doc.match_text[cell.char_start:cell.char_end].strip()
                if not _ANY_LABEL.fullmatch(text):
                    continue
                right = next((x for x in row[c + 1:] if x and x.text.strip()), None)
                if right is None or _ANY_LABEL.fullmatch(doc.match_text[right.char_start:right.char_end].strip()):
                    found.append((text, below))
    return found


def trimmed(doc: Document, start: int, end: int, source: str = "label") -> LocatedValue:
    """The value in text[start:end] without a trailing seal remark or next label, and spaces."""
    tail = _VALUE_TAIL.search(doc.match_text, start, end)
    if tail:
        end = tail.start()
    start, end = stripped(doc.text, start, end)
    return LocatedValue(doc.text[start:end], start, end, source)


def stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
