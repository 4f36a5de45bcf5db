"""Placing candidates at levels: each candidate is scored at every level it could take in the
outline built so far, and the sections it opens end where the next heading of the same or a
higher level begins.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.core import numbering as N
from pipeline.core.document import Document, Section
from pipeline.sections.candidates import Candidate, same_run

# How well a candidate fits a level of the outline built so far.
W_STYLE_AT_LEVEL = 2.0
W_STYLE_ELSEWHERE = -2.0
W_NEW_STYLE_CHILD = 1.0
W_ORDINAL_NEXT = 2.0
W_ORDINAL_SKIP = 0.5
W_ORDINAL_RESTART = -3.0
# Starting again from 1 is less suspect than going back to 3: it may open a new part whose
# own heading carries no numbering.
W_ORDINAL_NEW_SEQUENCE = -1.5
W_CHILD_FIRST = 1.0
W_CHILD_NOT_FIRST = -1.0
W_GB_ORDER = 1.0
W_TOP_LEVEL_SIBLING = 2.5
W_NOT_TOP_AMONG_TOP = -1.0
W_OUTLINE_HINT = 5.0

Placed = tuple[Candidate, int, int | None]  # the candidate, its level, its parent's index


@dataclass
class _Open:
    """A heading whose section is still open at some level of the outline."""
    index: int
    candidate: Candidate
    # Canonical names of this heading and its earlier siblings.
    seen: frozenset[str]


@dataclass
class Outline:
    open: list[_Open] = field(default_factory=list)
    # The level each numbering style was last placed at, kept after its sections close.
    style_level: dict[str, int] = field(default_factory=dict)
    placed: list[Placed] = field(default_factory=list)

    def place_all(self, candidates: list[Candidate]) -> list[Placed]:
        previous, previous_placed = None, False
        for candidate in candidates:
            level, score = self.best_level(candidate)
            # A list stays a list: once one item of a bare run is rejected, so are the rest,
            # even when an item's ordinal happens to continue some open level.
            in_rejected_list = same_run(previous, candidate) and not previous_placed
            previous_placed = not in_rejected_list and score + candidate.content > 0
            if previous_placed:
                self.place(candidate, level)
            previous = candidate
        return self.placed

    def best_level(self, c: Candidate) -> tuple[int, float]:
        """Ties go to the deeper level: wrongly nesting a heading costs less than promoting it."""
        best = (len(self.open) + 1, self.score(c, len(self.open) + 1))
        for level in range(len(self.open), 0, -1):
            score = self.score(c, level)
            if score > best[1]:
                best = (level, score)
        return best

    def score(self, c: Candidate, level: int) -> float:
        depth = len(self.open)
        score = 0.0
        if c.hint is not None and level == min(c.hint, depth + 1):
            score += W_OUTLINE_HINT
        known = self.style_level.get(c.style)
        if known == level:
            score += W_STYLE_AT_LEVEL
        elif known is not None:
            score += W_STYLE_ELSEWHERE
        if level > depth:
            return score + self._child_score(c, known is None)
        return score + self._sibling_score(c, self.open[level - 1])

    def _child_score(self, c: Candidate, new_style: bool) -> float:
        score = W_NEW_STYLE_CHILD if new_style else 0.0
        if c.ordinal is not None:
            score += W_CHILD_FIRST if c.ordinal == 1 else W_CHILD_NOT_FIRST
        if self.open:
            parent_rank = N.rank(self.open[-1].candidate.style)
            rank = N.rank(c.style)
            if parent_rank is not None and rank is not None and rank != parent_rank:
                score += W_GB_ORDER if rank > parent_rank else -W_GB_ORDER
        return score

    def _sibling_score(self, c: Candidate, here: _Open) -> float:
        score = 0.0
        previous = here.candidate.ordinal
        if c.ordinal is not None and previous is not None:
            if c.ordinal == previous + 1:
                score += W_ORDINAL_NEXT
            elif c.ordinal > previous:
                score += W_ORDINAL_SKIP
            elif c.ordinal == 1:
                score += W_ORDINAL_NEW_SEQUENCE
            else:
                score += W_ORDINAL_RESTART
        if here.candidate.top_level:
            if c.top_level and c.canonical not in here.seen:
                score += W_TOP_LEVEL_SIBLING
            elif not c.top_level:
                score += W_NOT_TOP_AMONG_TOP
        return score

    def place(self, c: Candidate, level: int) -> None:
        seen = self.open[level - 1].seen if level <= len(self.open) else frozenset()
        del self.open[level - 1:]
        parent = self.open[-1].index if self.open else None
        self.open.append(_Open(index=len(self.placed), candidate=c, seen=seen | {c.canonical}))
        self.style_level[c.style] = level
        self.placed.append((c, level, parent))


def to_sections(doc: Document, placed: list[Placed]) -> list[Section]:
    ends = _section_ends([(c.start, level) for c, level, _ in placed], len(doc.text))
    return [
        Section(
            section_id=i, parent_id=parent, level=level, numbering=c.numbering, title=c.title,
            canonical=c.canonical, char_start=c.start, char_end=end, page=doc.page_at(c.start),
        )
        for i, ((c, level, parent), end) in enumerate(zip(placed, ends))
    ]


def _section_ends(starts: list[tuple[int, int]], text_end: int) -> list[int]:
    """A section ends where the next heading of the same or a higher level begins."""
    ends = [text_end] * len(starts)
    waiting: list[int] = []  # indices whose end is not yet known, levels increasing
    for i, (start, level) in enumerate(starts):
        while waiting and starts[waiting[-1]][1] >= level:
            ends[waiting.pop()] = start
        waiting.append(i)
    return ends
