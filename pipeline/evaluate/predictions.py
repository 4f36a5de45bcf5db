"""What the pipeline found, read from its tables into the shape the gold files use."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import pandas as pd

from pipeline.checks import across_documents
from pipeline.core.errors import JixiaoError


@dataclass(frozen=True)
class PredictedIndicator:
    name: str | None
    target_value: Decimal | str | None
    actual_raw: str | None
    evidence: str | None = None


@dataclass(frozen=True)
class PredictedCount:
    value: Decimal | None
    unit: str | None
    approx: bool
    raw: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class PredictedCheck:
    rule: str | None
    value_stated: str | None
    message: str | None = None
    evidence: str | None = None


@dataclass
class Prediction:
    """What the pipeline found for one document, in the shape the gold files use."""

    file: str
    status: str = "ok"
    error: str | None = None
    department: str | None = None
    region: str | None = None
    year: Decimal | None = None
    project: str | None = None
    report_kind: str | None = None
    sections_top: list[str] = field(default_factory=list)
    budget_yuan: Decimal | None = None
    actual_yuan: Decimal | None = None
    execution_rate_stated_pct: Decimal | None = None
    self_score: Decimal | None = None
    indicators: list[PredictedIndicator] = field(default_factory=list)
    counts: list[PredictedCount] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    checks: list[PredictedCheck] = field(default_factory=list)
    text: str = ""
    # Evidence for scalar fields, where a fact table holds it (budget amounts).
    evidence: dict[str, str] = field(default_factory=dict)

    @property
    def readable(self) -> bool:
        return self.status not in ("error", "missing")

    @property
    def execution_rate_computed_pct(self) -> Decimal | None:
        """Derived from the predicted amounts, so it can never disagree with them."""
        if self.budget_yuan is None or self.actual_yuan is None or self.budget_yuan == 0:
            return None
        rate = self.actual_yuan / self.budget_yuan * 100
        return rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def predictions_from_tables(tables: dict[str, Any]) -> dict[str, Prediction]:
    """Predictions keyed by file name, from `RunResult.tables` or `store.load()` frames."""
    rows = {name: _records(value) for name, value in tables.items()}
    rows["checks"] = rows.get("checks", []) + _across_documents(tables, rows)
    documents = rows.get("documents", [])
    copies = Counter(doc["doc_id"] for doc in documents)
    by_doc = {name: _group(rows.get(name, []), copies)
              for name in ("doc_text", "sections", "budgets", "indicators", "counts",
                           "problems", "suggestions", "checks")}
    predictions: dict[str, Prediction] = {}
    paths: dict[str, str] = {}
    for doc in documents:
        name = _basename(doc.get("source_path") or "")
        if name in predictions:
            raise JixiaoError(
                f'two documents are named "{name}" ({paths[name]}, {doc.get("source_path")}): '
                "gold files match documents by file name, so evaluate them one folder at a time"
            )
        paths[name] = doc.get("source_path")
        facts = {table: grouped.get(doc["doc_id"], []) for table, grouped in by_doc.items()}
        predictions[name] = _prediction(name, doc, facts)
    return predictions


def _prediction(name: str, doc: dict, facts: dict[str, list[dict]]) -> Prediction:
    top = sorted((s for s in facts["sections"] if s.get("level") == 1),
                 key=lambda s: (s.get("char_start") is None, s.get("char_start") or 0))
    return Prediction(
        file=name,
        status=doc.get("status") or "ok",
        error=doc.get("error"),
        department=doc.get("department"),
        region=doc.get("region"),
        year=number(doc.get("year")),
        project=doc.get("project"),
        report_kind=doc.get("report_kind"),
        sections_top=[(s.get("numbering") or "") + (s.get("title") or "") for s in top],
        budget_yuan=number(doc.get("budget_yuan")),
        actual_yuan=number(doc.get("actual_yuan")),
        execution_rate_stated_pct=number(doc.get("execution_rate_stated_pct")),
        self_score=number(doc.get("self_score")),
        indicators=[PredictedIndicator(name=r.get("name"), target_value=number_or_text(r.get("target_value")),
                                       actual_raw=r.get("actual_raw"),
                                       evidence=r.get("evidence") or r.get("raw"))
                    for r in facts["indicators"]],
        counts=[PredictedCount(value=number(r.get("value")), unit=r.get("unit"),
                               approx=bool(r.get("approx")), raw=r.get("raw"), evidence=r.get("evidence"))
                for r in facts["counts"]],
        problems=[r.get("text") or "" for r in facts["problems"]],
        suggestions=[r.get("text") or "" for r in facts["suggestions"]],
        checks=[PredictedCheck(rule=r.get("rule"), value_stated=r.get("value_stated"), message=r.get("message"),
                               evidence=r.get("evidence")) for r in facts["checks"]],
        text="\n".join(r.get("text") or "" for r in facts["doc_text"]),
        evidence=_budget_evidence(doc, facts["budgets"]),
    )


def _across_documents(tables: dict[str, Any], rows: dict[str, list[dict]]) -> list[dict]:
    """Findings across years (recurring problems) for tables of a run that was not aligned
    (`pipeline.run.run`, as `jixiao eval --docs` reads them): problems without problem_keys.
    Tables of `jixiao extract` hold them in their checks table already."""
    if not rows.get("problems") or rows.get("problem_keys"):
        return []
    return across_documents(tables)


def _budget_evidence(doc: dict, budgets: list[dict]) -> dict[str, str]:
    """The budgets row behind documents.budget_yuan / actual_yuan, for --explain."""
    evidence = {}
    for fld, role in (("budget_yuan", "budget"), ("actual_yuan", "actual")):
        amount = number(doc.get(fld))
        for row in budgets:
            if row.get("role") == role and amount is not None and number(row.get("amount_yuan")) == amount:
                evidence[fld] = row.get("evidence") or row.get("raw") or ""
                break
    return evidence


def _records(table: Any) -> list[dict]:
    """Rows as dicts with pandas' missing markers (NaN, NA, NaT) turned into None."""
    if hasattr(table, "to_dict"):
        table = table.to_dict("records")
    return [{key: _none_if_missing(value) for key, value in row.items()} for row in table]


def _none_if_missing(value: Any) -> Any:
    if value is None or isinstance(value, (str, bytes, bool, Decimal)):
        return value
    try:
        return None if bool(pd.isna(value)) else value
    except (TypeError, ValueError):  # array-like cells: never "missing" as a whole
        return value


def _group(rows: list[dict], copies: Counter) -> dict[str, list[dict]]:
    """Rows per doc_id, in table order.

    Two files with the same bytes share a doc_id, so each of their rows is in the table once
    per copy; keep one copy's share so a duplicated file does not double its facts.
    """
    totals = Counter(_row_key(row) for row in rows)
    kept: Counter = Counter()
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        key = _row_key(row)
        if kept[key] >= max(1, totals[key] // max(1, copies.get(row.get("doc_id"), 1))):
            continue
        kept[key] += 1
        grouped.setdefault(row.get("doc_id"), []).append(row)
    return grouped


def _row_key(row: dict) -> tuple:
    return tuple(sorted((k, repr(v)) for k, v in row.items()))


def _basename(path: str) -> str:
    return re.split(r"[\\/]", str(path))[-1]


def number(value: Any) -> Decimal | None:
    """Any numeric value (int, float, Decimal, numpy scalar, numeric text) as a Decimal."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    try:
        parsed = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return parsed if parsed.is_finite() else None


def number_or_text(value: Any) -> Decimal | str | None:
    parsed = number(value)
    return parsed if parsed is not None or value is None else str(value)
