"""EXTRACTORS in the order they run, each with what it reads from the Context and what it adds.

`requires` and `provides` name record tables (`budgets`, `indicators` …) and document facts
(`year`, `self_score` …), the names `Context` knows. `check_order` proves statically that every
extractor runs after what it reads; tests/test_registry.py also runs the extractors over the
sample documents and checks that they read and return nothing they did not declare (as spaCy's
`analyze_pipes` does for its components).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from extractors import budgets, counts, indicators, metadata, problems, scores
from extractors.context import FACT_NAMES, TABLE_NAMES, Context
from extractors.problems import suggestions
from extractors.records import Record
from pipeline.core.document import Document


@dataclass(frozen=True)
class Extractor:
    name: str
    extract: Callable[[Document, Context], list[Record]]
    requires: tuple[str, ...]
    provides: tuple[str, ...]


EXTRACTORS: list[Extractor] = [
    Extractor("metadata", metadata.extract, requires=(),
              provides=("department", "region", "year", "project", "report_kind", "warnings")),
    # 收入 is budgeted income in a 部门预算 only.
    Extractor("budgets", budgets.extract, requires=("year", "report_kind"),
              provides=("budgets", "budget_yuan", "actual_yuan", "execution_rate_pct",
                        "execution_rate_stated_pct", "warnings")),
    Extractor("scores", scores.extract, requires=("year",),
              provides=("self_score", "grade", "self_score_evidence", "warnings")),
    Extractor("indicators", indicators.extract, requires=(), provides=("indicators",)),
    # A number inside an indicator or budget is not a tally.
    Extractor("counts", counts.extract, requires=("indicators", "budgets"), provides=("counts",)),
    Extractor("problems", problems.extract, requires=(), provides=("problems",)),
    Extractor("suggestions", suggestions.extract, requires=(), provides=("suggestions",)),
]


class OrderError(ValueError):
    """An extractor reads something no extractor before it provides, or adds a name the
    Context does not hold."""


def check_order(extractors: list[Extractor]) -> None:
    known = set(TABLE_NAMES) | set(FACT_NAMES)
    provided: set[str] = set()
    for extractor in extractors:
        missing = [name for name in extractor.requires if name not in provided]
        if missing:
            raise OrderError(
                f"extractor {extractor.name!r} requires {', '.join(missing)}, which no extractor "
                f"before it provides; move it after the one that does")
        unknown = [name for name in extractor.provides if name not in known]
        if unknown:
            raise OrderError(
                f"extractor {extractor.name!r} provides {', '.join(unknown)}, which the Context "
                f"does not hold (it knows {', '.join(sorted(known))})")
        provided.update(extractor.provides)
