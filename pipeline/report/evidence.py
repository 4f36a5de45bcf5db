"""Evidence for the report: each figure points back to its sentence, highlighted, with file and page.

An `Evidence` holds one or more passages of the document text; a passage is a list of
(text, highlighted) segments cut from `doc_text` by character offsets, never rewritten.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from pipeline.core.document import page_of, sentence_bounds

CONTEXT = 140  # characters kept on each side of a match when no evidence sentence is given


@dataclass
class Passage:
    segments: list[tuple[str, bool]]
    page: int | None = None
    section_path: str | None = None
    label: str | None = None  # shown above the passage, e.g. its year and file

    def to_json(self) -> dict:
        return {"segments": [[text, mark] for text, mark in self.segments], "page": self.page,
                "section_path": self.section_path, "label": self.label}


@dataclass
class Evidence:
    title: str
    source_path: str | None
    passages: list[Passage] = field(default_factory=list)
    note: str | None = None

    def to_json(self) -> dict:
        return {"title": self.title, "source_path": self.source_path, "note": self.note,
                "passages": [p.to_json() for p in self.passages]}


class EvidenceBook:
    """Collects evidence entries and hands out stable ids (ev1, ev2, … in the order of the page)."""

    def __init__(self) -> None:
        self.entries: dict[str, dict] = {}

    def add(self, evidence: Evidence | None) -> str | None:
        if evidence is None:
            return None
        key = f"ev{len(self.entries) + 1}"
        self.entries[key] = evidence.to_json()
        return key


def _num(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


class Locator:
    """Document text, section paths and page numbers by character offset, per document."""

    def __init__(self, tables) -> None:
        doc_text = tables["doc_text"]
        self.text = dict(zip(doc_text["doc_id"], doc_text["text"]))
        self._page_starts = {doc: [] if starts is None else list(starts)
                             for doc, starts in zip(doc_text["doc_id"], doc_text["page_starts"])}
        self._sections: dict[str, list[dict]] = {}
        for row in tables["sections"].to_dict("records"):
            self._sections.setdefault(row["doc_id"], []).append(row)

    def page_at(self, doc_id: str, offset: int) -> int | None:
        """The page holding `offset`, from where the document's pages start (None without pages)."""
        return page_of(self._page_starts.get(doc_id, []), offset)

    def section_path_at(self, doc_id: str, offset: int) -> str | None:
        by_id = {s["section_id"]: s for s in self._sections.get(doc_id, [])}
        inside = [s for s in by_id.values() if s["char_start"] <= offset < s["char_end"]]
        if not inside:
            return None
        node, names = max(inside, key=lambda s: (s["level"], s["char_start"])), []
        while node is not None:
            names.append(f"{node['numbering'] or ''}{node['title'] or ''}")
            node = by_id.get(_num(node["parent_id"]))
        return " > ".join(reversed(names))

    def passage(self, doc_id: str, start: int, end: int, evidence: str | None = None,
                marks: list[tuple[int, int]] | None = None, section_path: str | None = None) -> Passage:
        """The evidence sentence around text[start:end] with `marks` (default: that span) highlighted."""
        text = self.text.get(doc_id, "")
        ev_start = _covering(text, evidence, start, end) if evidence else None
        if ev_start is None:
            ev_start, ev_end = _sentence_around(text, start, end)
        else:
            ev_end = ev_start + len(evidence)
        segments = _segments(text, ev_start, ev_end, marks if marks is not None else [(start, end)])
        return Passage(segments, self.page_at(doc_id, start),
                       section_path or self.section_path_at(doc_id, start))

    def sentence(self, doc_id: str, sentence: str, mark_pattern: str | None = None,
                 last: bool = False) -> Passage | None:
        """A sentence found verbatim in the text, with the match of `mark_pattern` highlighted."""
        text = self.text.get(doc_id, "")
        start = text.find(sentence) if sentence else -1
        if start < 0:
            return None
        marks = []
        if mark_pattern:
            found = list(re.finditer(mark_pattern, sentence))
            if found:
                match = found[-1] if last else found[0]
                marks = [(start + match.start(), start + match.end())]
        span = marks[0] if marks else (start, start + len(sentence))
        return self.passage(doc_id, span[0], span[1], evidence=sentence, marks=marks)

    def find(self, doc_id: str, pattern: str, near: str | None = None) -> tuple[int, int] | None:
        """First match of `pattern` in the text whose preceding 40 characters contain `near`."""
        text = self.text.get(doc_id, "")
        for match in re.finditer(pattern, text):
            if near is None or near in text[max(0, match.start() - 40):match.start()]:
                return match.start(), match.end()
        return None


def _covering(text: str, evidence: str, start: int, end: int) -> int | None:
    """Start of the occurrence of `evidence` in `text` that contains [start, end)."""
    position = text.find(evidence, max(0, end - len(evidence)))
    while 0 <= position <= start:
        if position + len(evidence) >= end:
            return position
        position = text.find(evidence, position + 1)
    return None


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding text[start:end], at most CONTEXT characters on either side."""
    lo, hi = sentence_bounds(text, start, end)
    return max(lo, start - CONTEXT), min(hi, end + CONTEXT)


def _segments(text: str, lo: int, hi: int, marks: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    segments, cursor = [], lo
    for start, end in sorted(marks):
        start, end = max(start, cursor), min(end, hi)
        if start >= end:
            continue
        if start > cursor:
            segments.append((text[cursor:start], False))
        segments.append((text[start:end], True))
        cursor = end
    if cursor < hi:
        segments.append((text[cursor:hi], False))
    return segments


def number_pattern(value: float, suffix: str = "") -> str:
    """Regex for a number as a report may write it: 95.9 matches 95.9 and 95.90, 100 matches 100.00."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    decimals = rf"\.{frac}0*" if frac else r"(?:\.0+)?"
    return rf"(?<![\d.]){re.escape(whole)}{decimals}(?![\d]){suffix}"
