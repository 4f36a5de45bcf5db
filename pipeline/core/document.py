"""The one core model: a document is one string plus things that point into it by offset.

Offsets are Python string indices into `Document.text`, start inclusive, end exclusive.
`text` is never rewritten after a reader returns it; matching-friendly views of it
(`match_text`) keep the same length so that an offset found in the view is an offset
into `text`.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, wraps
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from pipeline.core.match_view import match_view


@dataclass
class Cell:
    row: int
    col: int
    text: str
    char_start: int
    char_end: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Table:
    index: int
    n_rows: int
    n_cols: int
    cells: list[Cell]
    char_start: int
    char_end: int
    page: int | None = None

    def grid(self) -> list[list[Cell | None]]:
        """Rows of cells; a merged cell sits at its top-left position only."""
        rows: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            rows[cell.row][cell.col] = cell
        return rows

    def row_texts(self) -> list[list[str]]:
        return [[c.text if c else "" for c in row] for row in self.grid()]


@dataclass
class Section:
    section_id: int
    parent_id: int | None
    level: int
    numbering: str
    title: str
    canonical: str
    char_start: int
    char_end: int
    page: int | None = None


def _section_segments(sections: list[Section]) -> tuple[list[int], list[tuple[Section, ...]]]:
    """Offsets where the set of enclosing sections changes, and that set (outermost first) from
    each offset on: a sweep over the sections' starts and ends."""
    bounds = sorted({s.char_start for s in sections} | {s.char_end for s in sections})
    starting: dict[int, list[Section]] = {}
    for section in sections:
        if section.char_start < section.char_end:
            starting.setdefault(section.char_start, []).append(section)
    active: list[Section] = []
    chains = []
    for bound in bounds:
        active = [s for s in active if s.char_end > bound] + starting.get(bound, [])
        chains.append(tuple(sorted(active, key=lambda s: (s.level, s.char_start))))
    return bounds, chains


@dataclass
class Document:
    doc_id: str
    source_path: str
    format: str
    text: str
    sha256: str = ""
    pages: list[int] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Paragraph start offset -> outline level (1 = top) from the source's own markup
    # (Word heading styles, w:outlineLvl). A signal for the section detector, not a verdict.
    heading_levels: dict[int, int] = field(default_factory=dict)
    # What the source says about the report outside `text` (a saved web page's <title>,
    # 来源 and 发布日期: see readers/html): cues for the metadata extractor, without offsets.
    cues: dict[str, str] = field(default_factory=dict)

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    def page_at(self, offset: int) -> int | None:
        """1-based page holding `offset`, or None for formats without pages."""
        return page_of(self.pages, offset)

    def section_chain(self, offset: int) -> list[Section]:
        """Sections enclosing `offset`, outermost first."""
        # Every record asks for its section path: an index of the sections (built once per
        # list of sections) keeps that linear in the length of the document.
        key = (id(self.sections), len(self.sections))
        index = self.__dict__.get("_section_index")
        if index is None or index[0] != key:
            index = self.__dict__["_section_index"] = (key, *_section_segments(self.sections))
        _, bounds, chains = index
        at = bisect.bisect_right(bounds, offset) - 1
        return list(chains[at]) if at >= 0 else []

    def section_path(self, offset: int) -> str:
        return " > ".join(
            f"{s.numbering}{s.title}" for s in self.section_chain(offset)
        )

    def sentence_at(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence (or table row, or line) holding text[start:end]."""
        return sentence_bounds(self.text, start, end)

    @cached_property
    def match_text(self) -> str:
        """`text` as vocabulary is matched on it (match_view.py): full-width ASCII folded to
        half-width, traditional characters read simplified, a converter's bracketed pinyin
        blanked; same length as `text`."""
        return match_view(self.text)

_R = TypeVar("_R")


def per_document(read: Callable[[Document], _R]) -> Callable[[Document], _R]:
    """`read(doc)` done once per document: several extractors and the checks read the same
    things (the flattened tables, the problem sections); the second asks for the first's result.
    A document whose sections or tables were replaced since is read again. What it returns is
    shared: callers must not change it."""
    @wraps(read)
    def once(doc: Document) -> _R:
        memo = doc.__dict__.setdefault("_per_document", {})
        key = (read, id(doc.sections), len(doc.sections), id(doc.tables), len(doc.tables))
        if key not in memo:
            memo[key] = read(doc)
        return memo[key]

    return once


# Where a sentence ends: full stops, question and exclamation marks, semicolons, and a line
# break (a paragraph or a table row). `；` ends one too: reports chain whole paragraphs of
# findings with it ("一是…；二是…"), and the evidence of a figure is the part that states it.
SENTENCE_ENDS = "。！？；!?;\n"
# The same without semicolons, for a reader that needs the whole sentence a clause stands in.
FULL_STOPS = "。！？!?\n"
_LEADING_SPACE = " \t\u3000"


def sentence_bounds(text: str, start: int, end: int, ends: str = SENTENCE_ENDS) -> tuple[int, int]:
    """Bounds of the sentence holding text[start:end]: its closing mark included (a line
    break is not), its leading spaces left out. A span across an end gets every sentence it
    touches."""
    left = start
    while left > 0 and text[left - 1] not in ends:
        left -= 1
    right = max(end, start)
    while right < len(text) and text[right] not in ends:
        right += 1
    if right < len(text) and text[right] != "\n":
        right += 1  # keep the closing punctuation with the sentence
    while left < right and text[left] in _LEADING_SPACE:
        left += 1
    return left, right


@lru_cache(maxsize=8)
def _sentence_run(ends: str) -> re.Pattern:
    return re.compile(f"[^{re.escape(ends)}]+")


def sentences(text: str, start: int = 0, end: int | None = None,
              ends: str = SENTENCE_ENDS) -> Iterator[tuple[int, int]]:
    """Bounds of the sentences of text[start:end] in order, cut as `sentence_bounds` cuts
    them; a sentence running over `start` or `end` is clipped there."""
    end = len(text) if end is None else end
    for match in _sentence_run(ends).finditer(text, start, end):
        left, right = match.span()
        if right < len(text) and text[right] in ends and text[right] != "\n":
            right += 1
        while left < right and text[left] in _LEADING_SPACE:
            left += 1
        if left < right:
            yield left, right


def page_of(page_starts: list[int], offset: int) -> int | None:
    """1-based page holding `offset`, given where each page starts (`Document.pages`, the
    `page_starts` of doc_text); None when there are no pages (txt, docx)."""
    if not page_starts:
        return None
    return max(1, bisect.bisect_right(page_starts, offset))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def new_document(path: Path, fmt: str, text: str, sha256: str | None = None) -> Document:
    """A Document whose id is derived from the file's bytes, so ids are stable across runs."""
    sha = sha256 or file_sha256(path)
    return Document(doc_id=sha[:16], source_path=str(path), format=fmt, text=text, sha256=sha)


class TextBuilder:
    """Accumulates paragraphs and tables into one text, recording where each lands.

    Readers of structured formats (docx, pdf) share it so that the join rules — paragraphs
    joined by a newline, table cells by tabs, rows by newlines — live in one place.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.tables: list[Table] = []
        self.heading_levels: dict[int, int] = {}

    @property
    def offset(self) -> int:
        """Where the next paragraph will start."""
        return self._length + (1 if self._parts else 0)

    def add_paragraph(self, text: str, heading_level: int | None = None) -> int:
        start = self._append(text)
        if heading_level is not None:
            self.heading_levels[start] = heading_level
        return start

    def add_table(self, rows: list[list[Cell]], page: int | None = None) -> Table | None:
        """`rows` hold cells whose text is set and whose offsets are filled in here.

        Empty rows are dropped; a table with no text at all adds nothing.
        """
        rows = [row for row in rows if any(c.text.strip() for c in row)]
        if not rows:
            return None
        table_start = self.offset
        cells: list[Cell] = []
        for r, row in enumerate(rows):
            pos = self.offset
            pieces = []
            for i, cell in enumerate(row):
                cell_text = _one_line(cell.text)
                if i:
                    pos += 1  # the tab before this cell
                cell.row, cell.text = r, cell_text
                cell.char_start, cell.char_end = pos, pos + len(cell_text)
                pos += len(cell_text)
                pieces.append(cell_text)
                cells.append(cell)
            self._append("\t".join(pieces))
        n_cols = max((c.col + c.colspan for c in cells), default=0)
        table = Table(
            index=len(self.tables), n_rows=len(rows), n_cols=n_cols, cells=cells,
            char_start=table_start, char_end=self._length, page=page,
        )
        self.tables.append(table)
        return table

    def _append(self, text: str) -> int:
        start = self.offset
        if self._parts:
            self._parts.append("\n")
        self._parts.append(text)
        self._length = start + len(text)
        return start

    def text(self) -> str:
        return "".join(self._parts)


def _one_line(text: str) -> str:
    """A cell's own line breaks and tabs would break the row layout of `text`.

    A break between two CJK characters or a number and its unit is a wrap, not a
    space: `465.49万` + `元` must read `465.49万元`.
    """
    lines = [line.strip() for line in text.replace("\t", " ").split("\n")]
    return join_wrapped(lines, " ")


def join_wrapped(lines: list[str], separator: str) -> str:
    """Join lines that one piece of text was wrapped into: nothing between CJK neighbours,
    `separator` between two latin words or numbers."""
    out = ""
    for line in filter(None, lines):
        if out and not (is_cjk(out[-1]) or is_cjk(line[0])):
            out += separator
        out += line
    return out


def is_cjk(ch: str) -> bool:
    """CJK ideographs and the full-width punctuation that sits between them."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x2FFFF
    )
