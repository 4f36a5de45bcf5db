"""The output tables: the contract analysts build on (DESIGN.md). Column order is fixed here.

Types are DuckDB type names; `store.py` maps them to Arrow types. Money is DECIMAL(18,2)
yuan; amounts with finer precision than the fen keep it in the `raw` text. The record types
of extractors/records.py carry exactly these columns (tests/test_schema.py).
"""
from __future__ import annotations

MONEY = "DECIMAL(18,2)"
OFFSETS = "INTEGER[]"  # a list of character offsets into doc_text.text

_PROVENANCE = [
    ("char_start", "INTEGER"),
    ("char_end", "INTEGER"),
    ("page", "INTEGER"),
    ("section_path", "VARCHAR"),
]

# One row per document or per fact found in one, written by `jixiao extract`.
_PER_DOCUMENT: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("doc_id", "VARCHAR"),
        ("source_path", "VARCHAR"),
        ("format", "VARCHAR"),
        ("sha256", "VARCHAR"),
        ("n_pages", "INTEGER"),
        ("n_chars", "INTEGER"),
        ("status", "VARCHAR"),
        ("error", "VARCHAR"),
        ("department", "VARCHAR"),
        ("region", "VARCHAR"),
        ("year", "INTEGER"),
        ("project", "VARCHAR"),
        ("report_kind", "VARCHAR"),
        ("budget_yuan", MONEY),
        ("actual_yuan", MONEY),
        ("execution_rate_pct", "DOUBLE"),
        ("execution_rate_stated_pct", "DOUBLE"),
        ("self_score", "DOUBLE"),
        ("grade", "VARCHAR"),
        ("warnings", "VARCHAR"),
        ("self_score_evidence", "VARCHAR"),
    ],
    "doc_text": [
        ("doc_id", "VARCHAR"),
        ("text", "VARCHAR"),
        ("page_starts", OFFSETS),  # where each page begins; empty for formats without pages
    ],
    "sections": [
        ("doc_id", "VARCHAR"),
        ("section_id", "INTEGER"),
        ("parent_id", "INTEGER"),
        ("level", "INTEGER"),
        ("numbering", "VARCHAR"),
        ("title", "VARCHAR"),
        ("canonical", "VARCHAR"),
        ("char_start", "INTEGER"),
        ("char_end", "INTEGER"),
        ("page", "INTEGER"),
    ],
    "budgets": [
        ("doc_id", "VARCHAR"),
        ("role", "VARCHAR"),
        ("amount_yuan", MONEY),
        ("raw", "VARCHAR"),
        *_PROVENANCE,
        ("evidence", "VARCHAR"),
        ("source", "VARCHAR"),
        ("label", "VARCHAR"),
        ("cue", "VARCHAR"),
        ("is_part", "BOOLEAN"),
    ],
    "indicators": [
        ("doc_id", "VARCHAR"),
        ("level1", "VARCHAR"),
        ("level2", "VARCHAR"),
        ("name", "VARCHAR"),
        ("raw", "VARCHAR"),
        ("target_raw", "VARCHAR"),
        ("target_op", "VARCHAR"),
        ("target_value", "DOUBLE"),
        ("target_unit", "VARCHAR"),
        ("actual_raw", "VARCHAR"),
        ("actual_value", "DOUBLE"),
        ("actual_unit", "VARCHAR"),
        ("weight", "DOUBLE"),
        ("score", "DOUBLE"),
        ("achieved", "BOOLEAN"),
        ("source", "VARCHAR"),
        *_PROVENANCE,
        ("evidence", "VARCHAR"),
        ("actual_evidence", "VARCHAR"),
    ],
    "counts": [
        ("doc_id", "VARCHAR"),
        ("value", "DOUBLE"),
        ("unit", "VARCHAR"),
        ("approx", "BOOLEAN"),
        ("qualifier", "VARCHAR"),
        ("subject", "VARCHAR"),
        ("raw", "VARCHAR"),
        *_PROVENANCE,
        ("evidence", "VARCHAR"),
    ],
    "problems": [
        ("doc_id", "VARCHAR"),
        ("ordinal", "INTEGER"),
        ("text", "VARCHAR"),
        ("category", "VARCHAR"),
        *_PROVENANCE,
        ("evidence", "VARCHAR"),
    ],
    "suggestions": [
        ("doc_id", "VARCHAR"),
        ("ordinal", "INTEGER"),
        ("text", "VARCHAR"),
        *_PROVENANCE,
        ("evidence", "VARCHAR"),
    ],
    # Review findings (pipeline.checks): value_stated / value_expected are text so that one column
    # holds a rate ("96.5"), money in yuan ("6500000"), a score, an indicator's name or a part
    # of a report; numbers are written plainly, without exponent or trailing zeros.
    "checks": [
        ("doc_id", "VARCHAR"),
        ("rule", "VARCHAR"),
        ("severity", "VARCHAR"),
        ("message", "VARCHAR"),
        ("value_stated", "VARCHAR"),
        ("value_expected", "VARCHAR"),
        *_PROVENANCE,
        ("evidence", "VARCHAR"),
    ],
    "errors": [
        ("source_path", "VARCHAR"),
        ("stage", "VARCHAR"),
        ("error_type", "VARCHAR"),
        ("message", "VARCHAR"),
        ("doc_id", "VARCHAR"),
    ],
}

# Computed across documents by pipeline.align and written beside the tables above. Scores are
# 0–100; `method` says which rule linked.
_ALIGNMENT: dict[str, list[tuple[str, str]]] = {
    "department_keys": [
        ("doc_id", "VARCHAR"),
        ("department", "VARCHAR"),
        ("department_key", "VARCHAR"),
        ("region", "VARCHAR"),
        ("method", "VARCHAR"),
        ("score", "DOUBLE"),
    ],
    "project_keys": [
        ("doc_id", "VARCHAR"),
        ("department_key", "VARCHAR"),
        ("project", "VARCHAR"),
        ("project_key", "VARCHAR"),
        ("method", "VARCHAR"),
        ("score", "DOUBLE"),
        ("year", "INTEGER"),
    ],
    "indicator_keys": [
        ("doc_id", "VARCHAR"),
        ("char_start", "INTEGER"),
        ("department_key", "VARCHAR"),
        ("project_key", "VARCHAR"),
        ("name", "VARCHAR"),
        ("indicator_key", "VARCHAR"),
        ("score", "DOUBLE"),
        ("unit", "VARCHAR"),
        ("method", "VARCHAR"),
        ("year", "INTEGER"),
    ],
    "problem_keys": [
        ("doc_id", "VARCHAR"),
        ("char_start", "INTEGER"),
        ("department_key", "VARCHAR"),
        ("project_key", "VARCHAR"),
        ("year", "INTEGER"),
        ("problem_key", "VARCHAR"),
        ("score", "DOUBLE"),
    ],
    "problem_recurrence": [
        ("department_key", "VARCHAR"),
        ("project_key", "VARCHAR"),
        ("problem_key", "VARCHAR"),
        ("years", "VARCHAR"),
        ("n_years", "INTEGER"),
        ("first_year", "INTEGER"),
        ("last_year", "INTEGER"),
        ("example_text", "VARCHAR"),
        ("doc_ids", "VARCHAR"),
        ("score", "DOUBLE"),
    ],
}
ALIGNMENT_TABLES = tuple(_ALIGNMENT)

TABLES: dict[str, list[tuple[str, str]]] = {**_PER_DOCUMENT, **_ALIGNMENT}

# Fact tables whose rows point into doc_text -> the column that holds text[char_start:char_end].
SPAN_COLUMN = {
    "budgets": "raw",
    "indicators": "raw",
    "counts": "raw",
    "problems": "text",
    "suggestions": "text",
}


def columns(table: str) -> list[str]:
    return [name for name, _ in TABLES[table]]
