"""Points, and what is counted from them: tallies per family and document, and findings.

Every gold field is worth one point. A scorer turns (gold, prediction) into `Point`s:
"match" (tp), "miss" (fn), "false_positive" (fp) or "wrong" (fp + fn: a value was
predicted but it is not the gold one). Tallies and `--explain` findings are both read off
those points, so the two can never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

MATCH, MISS, FALSE_POSITIVE, WRONG = "match", "miss", "false_positive", "wrong"


@dataclass(frozen=True)
class Point:
    kind: str  # match | miss | false_positive | wrong
    field: str
    gold: Any = None
    predicted: Any = None
    evidence: str | None = None


@dataclass(frozen=True)
class Finding:
    """A point that was not earned, for `jixiao eval --explain`."""

    doc: str
    family: str
    kind: str  # miss | false_positive | wrong
    field: str
    gold: Any
    predicted: Any
    evidence: str | None


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @classmethod
    def of(cls, points: Iterable[Point]) -> Tally:
        tally = cls()
        for point in points:
            tally.tp += point.kind == MATCH
            tally.fp += point.kind in (FALSE_POSITIVE, WRONG)
            tally.fn += point.kind in (MISS, WRONG)
        return tally

    @property
    def scored(self) -> bool:
        return bool(self.tp or self.fp or self.fn)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp) if self.scored else None

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn) if self.scored else None

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn) if self.scored else None


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass
class DocumentScore:
    doc: str  # the gold file's `file`
    predicted_file: str | None  # the prediction it was scored against (None: not found)
    status: str  # ok | partial | error | missing
    error: str | None
    families: dict[str, Tally]

    @property
    def micro(self) -> Tally:
        return _sum(self.families.values())


@dataclass
class Scores:
    families: dict[str, Tally]
    documents: list[DocumentScore]
    findings: list[Finding]

    @property
    def micro(self) -> Tally:
        return _sum(self.families.values())

    @property
    def unreadable(self) -> list[DocumentScore]:
        return [d for d in self.documents if d.status in ("error", "missing")]


def _sum(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for tally in tallies:
        total.add(tally)
    return total
