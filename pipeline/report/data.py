"""What the report shows, from the tables: departments and projects followed across years.

Grouping uses the alignment keys (department_keys, project_keys, indicator_keys of
pipeline.align); a document the alignment gives no key (no department or project named) is
grouped by the name as written, after removing spaces and unifying brackets.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from pipeline.align.compare import alignment_for

UNKNOWN_DEPARTMENT = "（未识别部门）"
UNKNOWN_PROJECT = "（未识别项目）"


def present(value) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and pd.isna(value))


def clean(value) -> str | None:
    return value if present(value) and str(value).strip() else None


def normalise_name(name: str | None) -> str:
    """A grouping key for a name as written: NFKC (full-width brackets and digits), no spaces."""
    if not name:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


def alignment(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The non-empty alignment tables: the stored ones when they cover every document, else
    computed now (pipeline.align.compare.alignment_for)."""
    return {name: pd.DataFrame(rows) for name, rows in alignment_for(tables).items() if len(rows)}


def keys_by(aligned: dict[str, pd.DataFrame], table: str, ids: tuple[str, ...], key: str) -> dict:
    """Lookup from an alignment table: the `ids` columns (one: the value; several: a tuple) -> key."""
    frame = aligned.get(table)
    if frame is None:
        return {}
    columns = [frame[c] for c in ids]
    index = zip(*columns) if len(ids) > 1 else columns[0]
    return {i if len(ids) == 1 else tuple(int(v) if isinstance(v, float) else v for v in i): str(k)
            for i, k in zip(index, frame[key]) if present(k)}


@dataclass
class Project:
    key: str
    department_key: str
    docs: dict[int, dict] = field(default_factory=dict)           # year -> documents row
    duplicates: dict[int, list[dict]] = field(default_factory=dict)  # other reports of that year
    names: list[str] = field(default_factory=list)                # spellings, oldest first
    label: str | None = None  # the alignment's name for it (its project_key)

    @property
    def name(self) -> str:
        return self.label or (self.names[-1] if self.names else UNKNOWN_PROJECT)

    @property
    def other_names(self) -> list[str]:
        return [n for n in self.names if n != self.name]

    @property
    def years(self) -> list[int]:
        return sorted(self.docs)


@dataclass
class Department:
    key: str
    names: list[str] = field(default_factory=list)
    region: str | None = None
    projects: dict[str, Project] = field(default_factory=dict)
    label: str | None = None

    @property
    def name(self) -> str:
        return self.label or (self.names[-1] if self.names else UNKNOWN_DEPARTMENT)

    @property
    def other_names(self) -> list[str]:
        return [n for n in self.names if n != self.name]


def _rank(doc: dict) -> tuple:
    """Which report speaks for a project-year when there are several: ok first, most figures."""
    figures = sum(present(doc.get(k)) for k in ("budget_yuan", "actual_yuan", "self_score"))
    return (doc.get("status") == "ok", figures, doc.get("source_path") or "")


def group(documents: pd.DataFrame, aligned: dict[str, pd.DataFrame]) -> tuple[list[Department], list[dict]]:
    """Departments with their projects followed across years, and the documents without a year."""
    dept_keys = keys_by(aligned, "department_keys", ("doc_id",), "department_key")
    project_keys = keys_by(aligned, "project_keys", ("doc_id",), "project_key")
    departments: dict[str, Department] = {}
    undated = []
    rows = documents[documents["status"] != "error"].to_dict("records")
    rows.sort(key=lambda r: (r["year"] if present(r["year"]) else 0, r["source_path"] or ""))
    for doc in rows:
        if not present(doc["year"]):
            undated.append(doc)
            continue
        dept_name, project_name = clean(doc["department"]), clean(doc["project"])
        dkey = dept_keys.get(doc["doc_id"]) or normalise_name(dept_name) or UNKNOWN_DEPARTMENT
        pkey = project_keys.get(doc["doc_id"]) or normalise_name(project_name) or UNKNOWN_PROJECT
        dept = departments.setdefault(dkey, Department(dkey, label=dept_keys.get(doc["doc_id"])))
        if dept_name and dept_name not in dept.names:
            dept.names.append(dept_name)
        dept.region = clean(doc["region"]) or dept.region
        project = dept.projects.setdefault(pkey, Project(pkey, dkey, label=project_keys.get(doc["doc_id"])))
        if project_name:
            if project_name in project.names:
                project.names.remove(project_name)
            project.names.append(project_name)
        year = int(doc["year"])
        if year in project.docs:
            both = sorted([project.docs[year], doc], key=_rank, reverse=True)
            project.docs[year] = both[0]
            project.duplicates.setdefault(year, []).append(both[1])
        else:
            project.docs[year] = doc
    ordered = sorted(departments.values(), key=lambda d: (d.key == UNKNOWN_DEPARTMENT, d.region or "", d.name))
    return ordered, undated


def indicator_key(row: dict, keys: dict[tuple[str, int], str]) -> str:
    """One indicator followed across years: the alignment key, else its name and unit."""
    aligned = keys.get((row["doc_id"], int(row["char_start"])))
    if aligned:
        return aligned
    unit = clean(row.get("target_unit")) or clean(row.get("actual_unit")) or ""
    return f"{normalise_name(clean(row['name']) or '')}|{unit}"


def wan(amount: Decimal) -> float:
    """Yuan to 万元, for plotting only (labels and tooltips keep the exact yuan)."""
    return float(Decimal(amount) / 10000)


def yuan_text(amount) -> str:
    return f"{Decimal(amount):,.2f} 元"


def wan_text(amount) -> str:
    value = (Decimal(amount) / 10000).normalize()
    text = f"{value:,.6f}".rstrip("0")
    whole, _, frac = text.partition(".")
    return f"{whole}.{frac.ljust(2, '0')}"
