"""Review checks: what a finance bureau's reviewer (自评复核) looks for in a self-evaluation or a
budget disclosure, as rows of the `checks` table — one row per finding, with the rule, a
severity, what the document states and what was expected, and the evidence.

    from pipeline.checks import RULES, for_document, across_documents
    rows["checks"] = for_document(doc, rows)          # one document's rows (FileResult.rows)
    tables["checks"] += across_documents(tables)      # rules over several years (recurrence)

Each rule is one module-level `Rule` (model.py) with a short id, a severity and a check; RULES
lists them in the order their findings are written. Severities:
- error: the document's own figures contradict each other (a rate, a sum, a score over its
  weight) — a reader checking the arithmetic will agree;
- warning: something a reviewer should ask about (spending over budget with no reason given,
  a result that misses its target yet is marked met, a part the guidance asks for missing);
- info: worth knowing, rarely wrong in itself (a total counting rows its table does not list).

Precision first: tolerances follow the precision figures are written in, explanations in the
text ("超支原因", "使用上年结转资金") excuse a finding, and every threshold is in thresholds.py.
"""
from __future__ import annotations

from pipeline.checks.budget import BUDGET_TEXT_TABLE, OVERSPEND_UNEXPLAINED, RATE_MISMATCH
from pipeline.checks.indicators import (
    HIGH_SELF_SCORE, MET_BUT_MISSED, MISSED_BUT_MET, RESULT_MISSING, TARGET_MISSING,
)
from pipeline.checks.model import SEVERITIES, Facts, Finding, Rule
from pipeline.checks.outline import MISSING_PARTS
from pipeline.checks.parts import PARTS_EXCEED_TOTAL, PARTS_SHORT_OF_TOTAL
from pipeline.checks.recurrence import RECURRING_PROBLEM, repeated
from pipeline.checks.scores import SCORE_OVER_WEIGHT, SCORE_SUM, UNLISTED_POINTS, WEIGHT_SUM
from pipeline.core.document import Document

RULES: tuple[Rule, ...] = (
    RATE_MISMATCH, OVERSPEND_UNEXPLAINED, BUDGET_TEXT_TABLE,
    PARTS_EXCEED_TOTAL, PARTS_SHORT_OF_TOTAL,
    SCORE_SUM, WEIGHT_SUM, UNLISTED_POINTS, SCORE_OVER_WEIGHT,
    MET_BUT_MISSED, MISSED_BUT_MET, TARGET_MISSING, RESULT_MISSING, HIGH_SELF_SCORE,
    MISSING_PARTS,
    RECURRING_PROBLEM,
)
RULE_IDS = tuple(rule.id for rule in RULES)
__all__ = ["RULES", "RULE_IDS", "SEVERITIES", "Rule", "across_documents", "for_document",
           "recurring_in_group", "rows_of_findings"]


def for_document(doc: Document | None, rows: dict[str, list[dict]]) -> list[dict]:
    """Findings of the per-document rules on one document's rows (a FileResult's); `doc`, when
    given, lets the score rules read the 自评表's blocks. A document that could not be read has
    no findings."""
    document = (rows.get("documents") or [None])[0]
    if document is None or document.get("status") == "error":
        return []
    facts = Facts.of(rows, doc)
    return [facts.row(rule, finding) for rule in RULES if not rule.across for finding in rule.check(facts)]


def across_documents(tables: dict) -> list[dict]:
    """Findings of the rules over an archive's years, from the tables of a run (lists of rows
    or DataFrames); alignment is the stored one when it covers every document, else computed."""
    rows = [facts.row(rule, finding) for rule in RULES if rule.across for facts, finding in rule.check(tables)]
    return sorted(rows, key=_across_order)


def recurring_in_group(problems: list[dict], keys: list[dict]) -> list[tuple[str, Finding]]:
    """The across-years findings of one department and project (a streamed run aligns group by
    group and never holds the archive's tables): (doc_id, finding) pairs for rows_of_findings."""
    return list(repeated(problems, keys))


def rows_of_findings(found: list[tuple[str, Finding]], rows_of_docs) -> list[dict]:
    """checks rows of recurring_in_group's findings; `rows_of_docs(doc_ids)` yields
    (doc_id, {table: rows}) with the documents, doc_text and sections rows of those documents,
    one document at a time (an archive's texts are never all held)."""
    if not found:
        return []
    by_doc: dict[str, list[Finding]] = {}
    for doc_id, finding in found:
        by_doc.setdefault(doc_id, []).append(finding)
    rows = []
    for doc_id, doc_rows in rows_of_docs(sorted(by_doc)):
        if doc_rows.get("documents"):
            # Byte-identical copies share a doc_id: the first (in path order) holds the facts.
            facts = Facts.of({**doc_rows, "documents": doc_rows["documents"][:1]})
            rows += [facts.row(RECURRING_PROBLEM, finding) for finding in by_doc[doc_id]]
    return sorted(rows, key=_across_order)


def _across_order(row: dict) -> tuple:
    """One order for findings across years, however the run grouped the archive."""
    return row["doc_id"], row["char_start"], row["rule"]
