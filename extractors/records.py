"""What extractors return: small frozen records whose fields are the output table's columns.

Every fact record points into `Document.text` with `char_start`/`char_end`; `raw` (or `text`
for problem and suggestion items) is exactly `doc.text[char_start:char_end]`. `make_span`
is the one place that fills in page, section path and evidence from the offsets.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

from pipeline.core.document import Document


@dataclass(frozen=True)
class Span:
    char_start: int
    char_end: int
    page: int | None
    section_path: str
    evidence: str


def make_span(doc: Document, start: int, end: int, evidence: tuple[int, int] | None = None) -> Span:
    """Provenance of text[start:end]; evidence defaults to the sentence or table row holding it."""
    ev_start, ev_end = evidence if evidence else doc.sentence_at(start, end)
    return Span(
        char_start=start,
        char_end=end,
        page=doc.page_at(start),
        section_path=doc.section_path(start),
        evidence=doc.text[ev_start:ev_end].strip(),
    )


@dataclass(frozen=True)
class BudgetRecord:
    TABLE: ClassVar[str] = "budgets"
    role: str  # budget / adjusted_budget / actual / arrived / balance / other
    amount_yuan: Decimal
    raw: str
    span: Span
    source: str = "text"  # text / table
    label: str | None = None  # a table row's label: 年度资金总额, 其中：财政拨款 …
    cue: str | None = None  # the words that gave the role: 实际支出, a column header …
    is_part: bool = False  # a share of another amount (其中…, a non-total row); never a document total


@dataclass(frozen=True)
class IndicatorRecord:
    TABLE: ClassVar[str] = "indicators"
    name: str
    raw: str
    span: Span
    level1: str | None = None
    level2: str | None = None
    target_raw: str | None = None
    target_op: str | None = None
    target_value: Decimal | None = None
    target_unit: str | None = None
    actual_raw: str | None = None
    actual_value: Decimal | None = None
    actual_unit: str | None = None
    weight: Decimal | None = None
    score: Decimal | None = None
    achieved: bool | None = None
    source: str = "text"
    # The sentence an actual was read from when it is not on the indicator's own line or row.
    actual_evidence: str | None = None


@dataclass(frozen=True)
class CountRecord:
    TABLE: ClassVar[str] = "counts"
    value: Decimal
    unit: str
    raw: str
    span: Span
    approx: bool = False
    qualifier: str | None = None
    subject: str | None = None


@dataclass(frozen=True)
class ProblemRecord:
    TABLE: ClassVar[str] = "problems"
    ordinal: int
    text: str
    span: Span
    category: str = "其他"


@dataclass(frozen=True)
class SuggestionRecord:
    TABLE: ClassVar[str] = "suggestions"
    ordinal: int
    text: str
    span: Span


@dataclass(frozen=True)
class DocFacts:
    """Document-level facts; the runner merges every DocFacts of a document into its row."""

    TABLE: ClassVar[str] = "documents"
    department: str | None = None
    region: str | None = None
    year: int | None = None
    project: str | None = None
    report_kind: str | None = None
    budget_yuan: Decimal | None = None
    actual_yuan: Decimal | None = None
    execution_rate_pct: Decimal | None = None
    execution_rate_stated_pct: Decimal | None = None
    self_score: Decimal | None = None
    grade: str | None = None
    warnings: tuple[str, ...] = field(default=())
    self_score_evidence: str | None = None  # the sentence or table row stating the total


Record = BudgetRecord | IndicatorRecord | CountRecord | ProblemRecord | SuggestionRecord | DocFacts


def to_row(record: Record) -> dict:
    """Flatten a record into its table's columns (the span's fields inline)."""
    row = {}
    for name, value in record.__dict__.items():
        if isinstance(value, Span):
            row.update(value.__dict__)
        else:
            row[name] = value
    return row
