"""Tables of contents: the outline a document states before its body.

A 目录 line opens one; its entries follow one a line, with or without dot leaders and page
numbers, until the body begins: the first entry restated, or a line that is no title. The
entries are not sections, but they tell which lines of the body are. Budget disclosures
often number their parts in the table of contents only and title them in the body with the
unit's name or the year in front: 目录 "一、单位主要职能", body "上海市财政局（单位）主要职能".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.core.document import Document
from pipeline.sections.candidates import NUMBERING, PLAIN, Candidate, read_line

_LABEL = re.compile(r"目\s*录[:：]?")
_LEADER = re.compile(r"\s*(?:…|\.|·|。|_|-|—|－){2,}\s*\d*\s*$")
_PAGE = re.compile(r"\s+\d{1,4}$")
# A line with these is a sentence of the body, not a title.
_SENTENCE = re.compile(r"[。；;！？!?，,]")
_YEAR = re.compile(r"^(?:19|20)\d\d年度?")
_BRACKETS = re.compile(r"[\s（）()【】\[\]〔〕“”\"]")
# Words a table of contents puts where the body puts the unit's name: 单位基本情况 for
# 重庆市渝北区疾病预防控制中心基本情况. The name ends like an organisation's.
_OWNER_WORDS = ("本单位", "本部门", "单位", "部门")
_ORGANISATION_END = tuple("局委办厅心院馆站所队会处部社校园府道镇乡室署司台团")
MAX_ENTRY_CHARS = 50
MIN_ENTRIES = 2


@dataclass(frozen=True)
class Entry:
    style: str
    norm: str  # the title without numbering, year, spaces or brackets
    core: str  # the same without a leading 单位 / 部门


@dataclass(frozen=True)
class Toc:
    start: int
    end: int
    entries: list[Entry]

    def top_entries(self) -> list[Entry]:
        """Entries of the outermost level: those in the first entry's numbering style."""
        return [e for e in self.entries if e.style == self.entries[0].style]


def find_toc(doc: Document) -> Toc | None:
    lines = _lines(doc.match_text)
    label = next((i for i, (_, _, text) in enumerate(lines) if _LABEL.fullmatch(text.strip())), None)
    if label is None:
        return None
    entries: list[Entry] = []
    end = lines[label][1]
    for start, stop, text in lines[label + 1:]:
        entry = _entry(text)
        if entry is None or (entries and _restates(text, entries[0])):
            break
        entries.append(entry)
        end = stop
    if len(entries) < MIN_ENTRIES:
        return None
    return Toc(start=lines[label][0], end=end, entries=entries)


def guided_headings(doc: Document, toc: Toc, line_numbers: dict[int, int]) -> list[Candidate]:
    """Unnumbered lines of the body that title the table of contents' top-level entries, in
    its order, as headings marked top-level (as a Word outline level would mark them).
    `line_numbers` maps line starts to the line numbers the scan gave them."""
    found = []
    lines = [line for line in _lines(doc.match_text) if line[0] >= toc.end]
    at = 0
    for entry in toc.top_entries():
        for k in range(at, len(lines)):
            start, stop, folded = lines[k]
            numbered = NUMBERING.match(folded.strip())
            if numbered and _norm(folded) == entry.norm:
                at = k + 1
                break
            if not numbered and _titles(folded, entry):
                candidate = read_line(start, line_numbers[start], doc.text[start:stop], folded, hint=1)
                if candidate is not None and candidate.style == PLAIN:
                    found.append(candidate)
                    at = k + 1
                    break
    return found


def _lines(view: str) -> list[tuple[int, int, str]]:
    """Non-blank lines as (start, end, text)."""
    out, start = [], 0
    for line in view.split("\n"):
        if line.strip():
            out.append((start, start + len(line), line))
        start += len(line) + 1
    return out


def _entry(text: str) -> Entry | None:
    title = _PAGE.sub("", _LEADER.sub("", text.strip()))
    if not title or len(title) > MAX_ENTRY_CHARS or _SENTENCE.search(title):
        return None
    match = NUMBERING.match(title)
    norm = _norm(title)
    if not norm:
        return None
    return Entry(style=match.lastgroup if match else PLAIN, norm=norm, core=_core(norm))


def _norm(title: str) -> str:
    title = title.strip()
    match = NUMBERING.match(title)
    if match:
        title = title[match.end():]
    title = _BRACKETS.sub("", title).lstrip("、:：")
    return _YEAR.sub("", title)


def _core(norm: str) -> str:
    for word in _OWNER_WORDS:
        if norm.startswith(word) and len(norm) - len(word) >= 2:
            return norm[len(word):]
    return norm


def _restates(text: str, first: Entry) -> bool:
    """The body begins: the first entry again, numbered as there or titled as in the body."""
    return _norm(text) == first.norm or (not NUMBERING.match(text.strip()) and _titles(text, first))


def _titles(text: str, entry: Entry) -> bool:
    """Whether an unnumbered line is the body's title of `entry`: the entry's words at its
    end, whatever name or year stands before them."""
    title = text.strip()
    if not title or len(title) > MAX_ENTRY_CHARS or _SENTENCE.search(title):
        return False
    norm = _norm(title)
    if norm.endswith(entry.norm):
        return True
    named = norm[:len(norm) - len(entry.core)]
    return entry.core != entry.norm and norm.endswith(entry.core) and named.endswith(_ORGANISATION_END)
