"""Cross-year alignment and year-over-year tables.

`align(tables)` returns the alignment tables (core/schema.py: department_keys, project_keys,
indicator_keys, problem_keys, problem_recurrence) to be written beside the others;
`compare_table(tables, by, metric, …)` gives the wide table of `jixiao compare`: the entity's
columns, one column per year ("2019", "2020", …), then the changes ("Δ2020", "Δ2020%").

The rules and their thresholds live in keys.py (departments, projects, indicators,
the aliases file format) and problems.py (recurring problems).
"""
from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from itertools import pairwise
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.align import keys as compare_keys, problems as compare_problems
from pipeline.align.metrics import DOCUMENT_METRICS, INDICATOR_METRICS, LEVELS
from pipeline.core.errors import JixiaoError
from pipeline.core.schema import ALIGNMENT_TABLES

# pandas is imported where a frame is built: the review rules of one document (in the child
# that reads files) use rows_of on plain rows and must not pay for importing it.
if TYPE_CHECKING:
    import pandas as pd

_FEN = Decimal("0.01")


def align(tables: dict, aliases: Path | str | None = None) -> dict[str, list[dict]]:
    """Alignment tables for the tables of one extraction (lists of rows or DataFrames)."""
    alias_map = compare_keys.read_aliases(aliases)
    docs = [d for d in rows_of(tables, "documents") if d.get("doc_id")]
    departments, projects, doc_keys = document_keys(docs, alias_map)
    indicators = compare_keys.align_indicators(rows_of(tables, "indicators"), doc_keys)
    problem_keys, recurrence = compare_problems.recurrence(rows_of(tables, "problems"), doc_keys)
    return {"department_keys": departments, "project_keys": projects, "indicator_keys": indicators,
            "problem_keys": problem_keys, "problem_recurrence": recurrence}


def document_keys(docs: list[dict], alias_map: compare_keys.Aliases) -> tuple[list[dict], list[dict], dict]:
    """(department_keys rows, project_keys rows, doc_id -> (department_key, project_key, year)):
    what indicators and problems are grouped by."""
    departments = compare_keys.align_departments(docs, alias_map)
    dept_of = {r["doc_id"]: r["department_key"] for r in departments}
    projects = compare_keys.align_projects(docs, dept_of, alias_map)
    year_of = {d["doc_id"]: _int(d.get("year")) for d in docs}
    doc_keys = {r["doc_id"]: (r["department_key"], r["project_key"], year_of.get(r["doc_id"]))
                for r in projects}
    return departments, projects, doc_keys


def rows_of(tables: dict, name: str) -> list[dict]:
    """A table as a list of dicts with None for missing values, from rows or a DataFrame."""
    table = tables.get(name)
    if table is None:
        return []
    pd = sys.modules.get("pandas")  # without pandas imported there is no DataFrame
    if pd is not None and isinstance(table, pd.DataFrame):
        records = table.to_dict("records")
        return [{k: (None if _missing(v) else v) for k, v in row.items()} for row in records]
    return [dict(row) for row in table]


def _missing(value) -> bool:
    import pandas as pd

    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _int(value) -> int | None:
    return None if value is None else int(value)


def alignment_for(tables: dict, aliases: Path | str | None = None) -> dict[str, list[dict]]:
    """The stored alignment when it covers every document and no aliases are asked for, else a new one."""
    if aliases is None:
        stored = {name: rows_of(tables, name) for name in ALIGNMENT_TABLES}
        docs = {d["doc_id"] for d in rows_of(tables, "documents") if d.get("doc_id")}
        if docs and docs <= {r["doc_id"] for r in stored["project_keys"]} \
                and docs <= {r["doc_id"] for r in stored["department_keys"]}:
            return stored
    return align(tables, aliases)


# ---------------------------------------------------------------- the wide table

def compare_table(tables: dict, by: str = "department", metric: str = "budget",
                  year_from: int | None = None, year_to: int | None = None,
                  aliases: Path | str | None = None) -> pd.DataFrame:
    """Entity columns, one column per year holding the metric, then Δyear and Δyear% columns."""
    if by not in LEVELS:
        raise JixiaoError(f"--by must be one of {', '.join(LEVELS)}, not {by!r}")
    allowed = INDICATOR_METRICS if by == "indicator" else DOCUMENT_METRICS
    if metric not in allowed:
        raise JixiaoError(f"--metric for --by {by} must be one of {', '.join(allowed)}, not {metric!r}")
    alignment = alignment_for(tables, aliases)
    docs = _documents(tables, alignment)
    docs = [d for d in docs if d["year"] is not None
            and (year_from is None or d["year"] >= year_from) and (year_to is None or d["year"] <= year_to)]
    if by == "indicator":
        cells, entity_cols = _indicator_cells(tables, alignment, docs, metric)
    else:
        cells, entity_cols = _document_cells(docs, by, metric)
    money = by != "indicator" and DOCUMENT_METRICS[metric][1] == "money"
    return _wide(cells, entity_cols, kind="money" if money else "float")


def _documents(tables: dict, alignment: dict) -> list[dict]:
    dept = {r["doc_id"]: r for r in alignment["department_keys"]}
    proj = {r["doc_id"]: r for r in alignment["project_keys"]}
    out = []
    for d in rows_of(tables, "documents"):
        if not d.get("doc_id") or d.get("status") == "error":
            continue
        out.append({**d, "year": _int(d.get("year")),
                    "department_key": dept.get(d["doc_id"], {}).get("department_key"),
                    "region_key": dept.get(d["doc_id"], {}).get("region"),
                    "project_key": proj.get(d["doc_id"], {}).get("project_key")})
    # Reports read without error first, then by path: the first of two copies of a report wins.
    out.sort(key=lambda d: (d.get("status") != "ok", d.get("source_path") or ""))
    return out


def _project_values(docs: list[dict], column: str) -> dict[tuple, object]:
    """(department, region, project, year) -> the value of the first report that states it."""
    values: dict[tuple, object] = {}
    for d in docs:
        key = (d["department_key"], d["region_key"], d["project_key"], d["year"])
        if values.get(key) is None:
            values[key] = d.get(column)
    return values


def _document_cells(docs: list[dict], by: str, metric: str) -> tuple[dict, list[str]]:
    column, kind = DOCUMENT_METRICS[metric]
    if by == "project":
        values = _project_values(docs, column)
        cells = {(dept, region, project): {} for dept, region, project, _ in values}
        for (dept, region, project, year), value in values.items():
            cells[(dept, region, project)][year] = _as_number(value, kind)
        return cells, ["department", "region", "project"]
    return _department_cells(docs, column, kind), ["department", "region"]


def _department_cells(docs: list[dict], column: str, kind: str) -> dict:
    """Per department and year: the sum over its projects (money), the rate of those sums, the
    mean score. A year where one project lacks the figure stays empty: a partial sum would
    read like the department's total."""
    budgets = _project_values(docs, "budget_yuan")
    actuals = _project_values(docs, "actual_yuan")
    wanted = _project_values(docs, column)
    per_year: dict[tuple, dict[int, list]] = {}
    for dept, region, project, year in wanted:
        per_year.setdefault((dept, region), {}).setdefault(year, []).append((dept, region, project, year))
    cells: dict[tuple, dict] = {}
    for entity, years in per_year.items():
        cells[entity] = {}
        for year, keys in years.items():
            if kind == "money":
                cells[entity][year] = _sum([wanted[k] for k in keys])
            elif kind == "rate":
                budget, actual = _sum([budgets[k] for k in keys]), _sum([actuals[k] for k in keys])
                cells[entity][year] = (None if budget is None or actual is None or budget == 0
                                       else round(float(actual / budget * 100), 2))
            else:
                scores = [wanted[k] for k in keys]
                cells[entity][year] = (None if any(s is None for s in scores)
                                       else round(sum(float(s) for s in scores) / len(scores), 2))
    return cells


def _indicator_cells(tables: dict, alignment: dict, docs: list[dict], metric: str) -> tuple[dict, list[str]]:
    column = INDICATOR_METRICS[metric]
    doc_of = {d["doc_id"]: d for d in docs}
    key_of = {(r["doc_id"], _int(r["char_start"])): r for r in alignment["indicator_keys"]}
    cells: dict[tuple, dict] = {}
    for row in sorted(rows_of(tables, "indicators"), key=lambda r: (r["doc_id"], r.get("char_start") or 0)):
        doc, key = doc_of.get(row["doc_id"]), key_of.get((row["doc_id"], _int(row.get("char_start"))))
        if doc is None or key is None:
            continue
        unit = key["unit"] or ""
        # The key carries the unit to stay unique; the table shows the unit in its own column.
        name = key["indicator_key"].removesuffix(f"（{unit}）") if unit else key["indicator_key"]
        entity = (doc["department_key"], doc["region_key"], doc["project_key"], name, key["unit"])
        year_cells = cells.setdefault(entity, {})
        if year_cells.get(doc["year"]) is None:  # a report's table and text may both state it
            year_cells[doc["year"]] = _as_number(row.get(column), "float")
    # Qualitative indicators (有效保障) have no figure in any year: no row to compare.
    cells = {entity: years for entity, years in cells.items() if any(v is not None for v in years.values())}
    return cells, ["department", "region", "project", "indicator", "unit"]


def _sum(values: list) -> Decimal | None:
    if not values or any(v is None for v in values):
        return None
    return sum((Decimal(v) for v in values), Decimal(0)).quantize(_FEN, rounding=ROUND_HALF_EVEN)


def _as_number(value, kind: str):
    if value is None:
        return None
    if kind == "money":
        try:
            return Decimal(value).quantize(_FEN, rounding=ROUND_HALF_EVEN)
        except InvalidOperation:
            return None
    return float(value)


def _wide(cells: dict, entity_cols: list[str], kind: str) -> pd.DataFrame:
    years = sorted({y for per_year in cells.values() for y in per_year})
    year_cols = [str(y) for y in years]
    delta_cols = [c for y in years[1:] for c in (f"Δ{y}", f"Δ{y}%")]
    records = []
    for entity in sorted(cells, key=lambda e: tuple("" if v is None else str(v) for v in e)):
        per_year = cells[entity]
        record = dict(zip(entity_cols, entity))
        record.update({str(y): per_year.get(y) for y in years})
        for prev, year in pairwise(years):
            record[f"Δ{year}"], record[f"Δ{year}%"] = _change(per_year.get(prev), per_year.get(year), kind)
        records.append(record)
    import pandas as pd

    frame = pd.DataFrame(records, columns=entity_cols + year_cols + delta_cols)
    # Object columns keep Decimal money exact and None as None (pandas would make floats and NaN).
    return frame.astype(object).where(frame.notna(), None)


def _change(prev, cur, kind: str):
    if prev is None or cur is None:
        return None, None
    if kind == "money":
        delta = (cur - prev).quantize(_FEN)
        pct = None if prev == 0 else round(float(delta / prev * 100), 2)
        return delta, pct
    delta = round(cur - prev, 6)
    pct = None if prev == 0 else round(delta / prev * 100, 2)
    return delta, pct
