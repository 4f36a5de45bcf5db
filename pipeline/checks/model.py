"""What a rule reads and what it returns: a document's facts (`Facts`, its table rows) and
`Finding`s, which become rows of the `checks` table with the rule's id and severity.

Rows come either straight from extraction (values are Decimal, int, None) or from stored
tables (float, NaN): `number` and `present` read both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Any, Callable, Iterable

from pipeline.core.document import Document, page_of, sentence_bounds

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
# Report kinds that state results against their targets and score themselves; the rules about
# results, scores and the parts of a report apply to these only (a 绩效目标申报表 has no
# results yet, a 部门预算 no indicators).
SELF_EVALUATIONS = ("项目支出绩效自评报告", "部门整体支出绩效自评报告", "绩效评价报告")


@dataclass(frozen=True)
class Finding:
    """One thing a reviewer should look at, pointing at text[start:end] of the document."""

    message: str
    start: int
    end: int
    stated: Any = None  # what the document states (a number or text)
    expected: Any = None  # what the arithmetic or the rest of the document says it should be
    evidence: tuple[int, int] | None = None  # default: the sentence or table row at start:end


@dataclass(frozen=True)
class Rule:
    """A review rule: `check` reads one document's facts (or, with `across=True`, the tables
    of a whole archive) and returns findings."""

    id: str
    severity: str
    title: str  # what the 复核提示 view calls it
    check: Callable[..., Iterable[Finding]]
    across: bool = False


def present(value: Any) -> bool:
    """False for None and the missing markers of stored tables (NaN, NA)."""
    if value is None:
        return False
    # The cells of one document's rows are plain Python values: answered here, as pd.isna
    # would, so that a child reading files does not import pandas (a third of a second).
    if isinstance(value, (str, int)):
        return True
    if isinstance(value, (float, Decimal)):
        return value == value  # only NaN differs from itself
    import pandas as pd

    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):  # array-like cells are never "missing" as a whole
        return True


def number(value: Any) -> Decimal | None:
    """Any numeric cell (Decimal, int, float, numpy scalar) as a Decimal; None when missing."""
    if not present(value) or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    try:
        parsed = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return parsed if parsed.is_finite() else None


def plain(value: Decimal | int | float | None) -> str | None:
    """A number as the checks table writes it: no exponent, no trailing zeros (95.50 → 95.5)."""
    if value is None:
        return None
    value = Decimal(str(value)) if not isinstance(value, Decimal) else value
    text = format(value.normalize(), "f")
    return text if text != "-0" else "0"


def text_or_none(value: Any) -> str | None:
    return str(value) if present(value) and str(value).strip() else None


@dataclass
class Facts:
    """One document's rows of every table, as a rule reads them.

    `doc` is the Document itself when the checks run right after extraction; rules that need
    more than the tables hold (the 自评表's score blocks) read it and skip without it."""

    document: dict
    text: str
    page_starts: list[int] = field(default_factory=list)
    sections: list[dict] = field(default_factory=list)
    budgets: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    suggestions: list[dict] = field(default_factory=list)
    doc: Document | None = None
    cache: dict = field(default_factory=dict)  # what rules read once per document

    @classmethod
    def of(cls, rows: dict[str, list[dict]], doc: Document | None = None) -> Facts:
        """From one document's rows (`FileResult.rows`), sorted by their offsets."""
        (document,) = rows["documents"]
        texts = rows.get("doc_text") or [{}]
        starts = texts[0].get("page_starts")

        def by_offset(name: str) -> list[dict]:
            return sorted(rows.get(name) or [], key=lambda r: number(r.get("char_start")) or 0)

        return cls(
            document=document, text=texts[0].get("text") or (doc.text if doc else ""),
            page_starts=[] if starts is None else [int(s) for s in starts],
            sections=list(rows.get("sections") or []), budgets=by_offset("budgets"),
            indicators=by_offset("indicators"), problems=by_offset("problems"),
            suggestions=by_offset("suggestions"), doc=doc,
        )

    @property
    def doc_id(self) -> str:
        return self.document["doc_id"]

    @property
    def kind(self) -> str | None:
        return text_or_none(self.document.get("report_kind"))

    @property
    def self_evaluation(self) -> bool:
        return self.kind in SELF_EVALUATIONS

    def fact(self, name: str) -> Decimal | None:
        return number(self.document.get(name))

    @cached_property
    def _section_spans(self) -> list[tuple[int, int, int, str]]:
        return [(int(s["char_start"]), int(s["char_end"]), int(s["level"]),
                 f"{s.get('numbering') or ''}{s.get('title') or ''}") for s in self.sections]

    def section_path(self, offset: int) -> str:
        if self.doc is not None:
            return self.doc.section_path(offset)
        chain = sorted((level, start, name) for start, end, level, name in self._section_spans
                       if start <= offset < end)
        return " > ".join(name for _, _, name in chain)

    def row(self, rule: Rule, finding: Finding) -> dict:
        """The finding as a row of the checks table."""
        lo, hi = finding.evidence or sentence_bounds(self.text, finding.start, finding.end)
        return {
            "doc_id": self.doc_id, "rule": rule.id, "severity": rule.severity, "message": finding.message,
            "value_stated": _value(finding.stated), "value_expected": _value(finding.expected),
            "char_start": finding.start, "char_end": finding.end,
            "page": page_of(self.page_starts, finding.start), "section_path": self.section_path(finding.start),
            "evidence": self.text[lo:hi].strip(),
        }


def _value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
        return plain(value)
    return re.sub(r"\s+", " ", str(value)).strip() or None


def line_at(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Bounds of the line (a table row as text) holding text[start:end]."""
    end = start if end is None else end
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi
