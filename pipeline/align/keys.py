"""Keys for departments, projects and indicators that stay the same across years.

Each rule is declarative at the top; the functions below apply them in order (alias pin,
exact after normalisation, fuzzy within a threshold) and return one row per input row with
the key, the rule that gave it (`method`) and the score that justified the link.

Aliases file (`--aliases aliases.csv`, UTF-8, with or without BOM)::

    kind,name,key
    department,市司法局,江门市司法局
    project,人民调解“以案定补”经费,人民调解工作经费
    project,法律援助专项经费,法律援助专项经费

`kind` is `department` or `project`; `name` is a name as a report writes it (spaces, width
and a leading year do not matter); `key` is the key it must get. Names mapped to one key are
pinned together whatever their similarity; names mapped to different keys are split even when
they normalise alike. A project alias applies in every department.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from pipeline.align.cluster import agglomerate
from pipeline.core.errors import JixiaoError

PROJECT_THRESHOLD = 85.0  # WRatio; renamings seen in the archive score 90, other projects < 50
INDICATOR_THRESHOLD = 90.0  # indicator names are usually copied year to year; be strict
# Party organs are written with and without 中共 (中共江门市委政法委员会 / 江门市委政法委员会).
_PARTY_PREFIXES = ("中国共产党", "中共")
_ADMIN_CHARS = "省市县区州盟旗"
# 市场监督管理局 begins with 市 but is not "the city's 场监督管理局".
_NOT_A_LEVEL = ("市场",)
_YEAR = re.compile(r"(?:19|20)\d{2}\s*(?:年度|年)?|年度")
_LEADING_YEAR = re.compile(r"^\s*(?:19|20)\d{2}\s*(?:年度|年)?")
_PUNCT = re.compile(r"[\W_]+")
_SPACE = re.compile(r"\s+")
# Words that name the money rather than the project; stripped from the end, repeatedly.
_PROJECT_SUFFIXES = ("工作经费", "项目资金", "专项资金", "专项经费", "资金", "经费", "专项", "项目")
# A group with more distinct names than this compares names only inside blocks of one first
# character and length band: all pairs of 3,000 names are 4.5 million WRatio calls. Groups of
# real archives (one department's projects, one project's indicators) stay far below it.
BLOCK_ABOVE = 1500
LENGTH_BAND = 4
_UNIT_SPELLINGS = {"％": "%", "平米": "平方米", "㎡": "平方米", "m2": "平方米", "千米": "公里"}


@lru_cache(maxsize=1 << 16)
def nfkc(text: str | None) -> str:
    """Width and compatibility forms folded, whitespace removed: the spelling-blind form.
    (Cached: an archive repeats its names year after year.)"""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or ""))


def light(name: str | None) -> str:
    """A name as a person would compare it: folded, without a leading year."""
    return _LEADING_YEAR.sub("", nfkc(name))


# ---------------------------------------------------------------- aliases

@dataclass
class Aliases:
    departments: dict[str, str] = field(default_factory=dict)  # light(name) -> key
    projects: dict[str, str] = field(default_factory=dict)  # light(name) -> key

    def project_key(self, name: str | None, department: str | None) -> str | None:
        """Pinned key of a project name: as written first, else by normalised name if unique."""
        if not name:
            return None
        found = self.projects.get(light(name))
        if found is not None:
            return found
        norm = project_norm(name, department)
        keys = {key for alias, key in self.projects.items() if project_norm(alias, department) == norm}
        return keys.pop() if len(keys) == 1 else None


def read_aliases(path: Path | str | None) -> Aliases:
    aliases = Aliases()
    if path is None:
        return aliases
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise JixiaoError(f"cannot read aliases file {path}: {exc}") from None
    reader = csv.DictReader(text.splitlines())
    if not {"kind", "name", "key"} <= set(reader.fieldnames or []):
        raise JixiaoError(f"{path}: aliases need the columns kind,name,key (found {reader.fieldnames})")
    for line, row in enumerate(reader, start=2):
        kind, name, key = ((row.get(c) or "").strip() for c in ("kind", "name", "key"))
        if not name or not key:
            raise JixiaoError(f"{path} line {line}: name and key must both be given")
        if kind == "department":
            aliases.departments[light(name)] = key
        elif kind == "project":
            aliases.projects[light(name)] = key
        else:
            raise JixiaoError(f"{path} line {line}: kind must be department or project, not {kind!r}")
    return aliases


# ---------------------------------------------------------------- departments

def department_key(name: str | None, region: str | None) -> tuple[str | None, str]:
    """(key, method): the full name of the department, however it was spelled."""
    if not name:
        return None, "missing"
    key = nfkc(name)
    for prefix in _PARTY_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 1:
            key = key[len(prefix):]
            break
    method = "exact" if key == name else "normalised"
    region = nfkc(region)
    if region and not key.startswith(region):
        completed = _with_region(key, region)
        if completed != key:
            key, method = completed, "region"
    return key, method


def _with_region(name: str, region: str) -> str:
    """市司法局 / 江门司法局 / 司法局 in 江门市 → 江门市司法局."""
    level = region[-1] if region[-1] in _ADMIN_CHARS else ""
    stem = region[:-1] if level else region
    if len(stem) >= 2 and name.startswith(stem):
        return region + name[len(stem):]
    if level and name.startswith(level) and not name.startswith(_NOT_A_LEVEL):
        return region + name[1:]
    if not any(ch in _ADMIN_CHARS for ch in name.replace("市场", "")):
        return region + name
    return name


def align_departments(docs: list[dict], aliases: Aliases) -> list[dict]:
    rows = []
    for doc in docs:
        pinned = aliases.departments.get(light(doc.get("department"))) if doc.get("department") else None
        if pinned is not None:
            key, method = pinned, "alias"
        else:
            key, method = department_key(doc.get("department"), doc.get("region"))
        rows.append({"doc_id": doc["doc_id"], "department": doc.get("department"), "department_key": key,
                     "region": doc.get("region"), "method": method,
                     "score": None if key is None else 100.0})
    # One region per key: the one most reports of the department state.
    regions: dict[str, Counter] = {}
    for row in rows:
        if row["department_key"] and row["region"]:
            regions.setdefault(row["department_key"], Counter())[row["region"]] += 1
    for row in rows:
        if row["department_key"] in regions:
            row["region"] = regions[row["department_key"]].most_common(1)[0][0]
    return rows


# ---------------------------------------------------------------- projects

def project_norm(name: str | None, department: str | None = None) -> str:
    """The part of a project name that survives renaming: no years, department, money words."""
    text = nfkc(name)
    for prefix in (nfkc(department), *_PARTY_PREFIXES):
        if prefix and text.startswith(prefix) and len(text) > len(prefix) + 1:
            text = text[len(prefix):]
    text = _PUNCT.sub("", _YEAR.sub("", text))
    changed = True
    while changed:
        changed = False
        for suffix in _PROJECT_SUFFIXES:
            if text.endswith(suffix) and len(text) - len(suffix) >= 2:
                text, changed = text[: -len(suffix)], True
    return text


def name_score(a: str, b: str) -> float:
    """rapidfuzz WRatio (a partial match counts when one name holds the other), but plain
    ratio for names too short for containment to mean anything."""
    if a == b:
        return 100.0
    if min(len(a), len(b)) < 3:
        return float(fuzz.ratio(a, b))
    return float(fuzz.WRatio(a, b))


def name_edges(names: list[str], threshold: float, blocks: list | None = None) -> dict[tuple[int, int], float]:
    """(i, j) -> name_score(names[i], names[j]) for the item pairs scoring at least `threshold`,
    items of one block only: equal names at 100, the others by rapidfuzz's cdist over the
    distinct names (with a score cut-off), never over every pair of rows."""
    items: dict[tuple, list[int]] = {}
    for i, name in enumerate(names):
        items.setdefault((None if blocks is None else blocks[i], name), []).append(i)
    by_block: dict = {}
    for block, name in items:
        by_block.setdefault(block, []).append(name)
    edges: dict[tuple[int, int], float] = {}
    for same in items.values():
        for a, i in enumerate(same):
            for j in same[a + 1:]:
                edges[(i, j)] = 100.0
    for block, distinct in by_block.items():
        for part in _sub_blocks(distinct):
            for a, b, score in _similar(part, threshold):
                for i in items[(block, a)]:
                    for j in items[(block, b)]:
                        edges[(i, j) if i < j else (j, i)] = score
    return edges


def _sub_blocks(distinct: list[str]) -> list[list[str]]:
    if len(distinct) <= BLOCK_ABOVE:
        return [distinct]
    blocks: dict[tuple, list[str]] = {}
    for name in distinct:
        blocks.setdefault((name[:1], len(name) // LENGTH_BAND), []).append(name)
    return list(blocks.values())


def _similar(distinct: list[str], threshold: float) -> list[tuple[str, str, float]]:
    """Pairs of distinct names whose name_score reaches `threshold`."""
    import numpy as np  # here: the child that reads files imports this module, and needs no numpy
    if len(distinct) < 2:
        return []
    # WRatio is never below ratio, so its cut-off keeps every pair name_score could keep.
    matrix = process.cdist(distinct, distinct, scorer=fuzz.WRatio, score_cutoff=threshold, dtype=np.float64)
    found = []
    for p, q in np.argwhere(np.triu(matrix >= threshold, k=1)):
        a, b = distinct[p], distinct[q]
        score = name_score(a, b) if min(len(a), len(b)) < 3 else float(matrix[p, q])
        if score >= threshold:
            found.append((a, b, score))
    return found


def align_projects(docs: list[dict], dept_keys: dict[str, str | None], aliases: Aliases) -> list[dict]:
    rows: list[dict] = []
    by_department: dict[str | None, list[dict]] = {}
    for doc in docs:
        by_department.setdefault(dept_keys.get(doc["doc_id"]), []).append(doc)
    for dept, group in sorted(by_department.items(), key=lambda kv: kv[0] or ""):
        rows.extend(_align_project_group(dept, group, aliases))
    return rows


def _align_project_group(dept: str | None, docs: list[dict], aliases: Aliases) -> list[dict]:
    named = [d for d in docs if d.get("project")]
    out = [_project_row(d, dept, None, None, None) for d in docs if not d.get("project")]
    norms = [project_norm(d["project"], d.get("department")) for d in named]
    pins = [aliases.project_key(d["project"], d.get("department")) for d in named]
    # Seeds: every name pinned to one key together; the others by their normalised name.
    seeds: dict[tuple, list[int]] = {}
    for i, (norm, pin) in enumerate(zip(norms, pins)):
        seeds.setdefault(("pin", pin) if pin is not None else ("norm", norm), []).append(i)

    # Without a department, names alike may belong to different departments: equal names only.
    threshold = PROJECT_THRESHOLD if dept is not None else float("inf")
    edges = name_edges(norms, threshold) if dept is not None else {}
    result = agglomerate(
        len(named), list(seeds.values()), edges, threshold, linkage="single",
        # Two reports of one year name two projects (copies of one report share a seed).
        tags=lambda i: {named[i].get("year")} - {None},
        locked=lambda i: pins[i],
    )
    for cluster in result.clusters:
        pin = next((pins[i] for i in cluster if pins[i] is not None), None)
        key = pin if pin is not None else _representative([named[i] for i in cluster])
        for i in cluster:
            others = [j for j in cluster if j != i]
            if pins[i] is not None:
                method, score_ = "alias", 100.0
            elif any(norms[j] == norms[i] for j in others) or not others:
                method, score_ = "exact", (100.0 if others else None)
            else:
                method, score_ = "fuzzy", result.best[i]
            out.append(_project_row(named[i], dept, key, method, score_))
    return out


def _project_row(doc: dict, dept, key, method, score) -> dict:
    return {"doc_id": doc["doc_id"], "department_key": dept, "project": doc.get("project"),
            "project_key": key, "method": method, "score": score, "year": doc.get("year")}


def _representative(docs: list[dict]) -> str:
    """The name most years use (without a year prefix); ties to the longer, then the later.
    Counted by the spelling-blind form, shown as written (a key is read by people)."""
    counts = Counter(light(d["project"]) for d in docs)
    latest, written = {}, {}
    for d in sorted(docs, key=lambda d: d.get("year") or 0):
        latest[light(d["project"])] = d.get("year") or 0
        written[light(d["project"])] = _LEADING_YEAR.sub("", d["project"]).strip()
    return written[max(counts, key=lambda n: (counts[n], len(n), latest[n], n))]


# ---------------------------------------------------------------- indicators

def unit_norm(unit: str | None) -> str:
    text = nfkc(unit).lower()
    return _UNIT_SPELLINGS.get(text, text)


def align_indicators(indicators: list[dict], doc_keys: dict[str, tuple]) -> list[dict]:
    """`doc_keys`: doc_id -> (department_key, project_key, year)."""
    groups: dict[tuple, list[dict]] = {}
    for row in indicators:
        dept, project, _ = doc_keys.get(row["doc_id"], (None, None, None))
        groups.setdefault((dept, project), []).append(row)
    out = []
    for (dept, project), rows in sorted(groups.items(), key=lambda kv: group_order(kv[0])):
        out.extend(align_indicator_group(dept, project, rows, doc_keys))
    return out


def group_order(group: tuple) -> tuple:
    """Groups of indicators and problems, (department_key, project_key), in output order."""
    return tuple(key or "" for key in group)


def align_indicator_group(dept, project, rows: list[dict], doc_keys) -> list[dict]:
    names = [_PUNCT.sub("", nfkc(r.get("name"))) for r in rows]
    units = [unit_norm(r.get("target_unit") or r.get("actual_unit")) for r in rows]
    seeds: dict[tuple, list[int]] = {}
    for i, ident in enumerate(zip(names, units)):
        seeds.setdefault(ident, []).append(i)

    # One report lists distinct indicators: rows of one document link only by equal names.
    threshold = INDICATOR_THRESHOLD if dept is not None else float("inf")  # as for projects
    # Blocked by unit: 达标率 in % and 达标数 in 个 are two indicators however alike the names.
    edges = name_edges(names, threshold, blocks=units) if dept is not None else {}
    result = agglomerate(len(rows), list(seeds.values()), edges, threshold,
                         linkage="single", tags=lambda i: {rows[i]["doc_id"]})
    out = []
    for cluster in result.clusters:
        name = Counter(rows[i].get("name") or "" for i in cluster).most_common(1)[0][0]
        unit = units[cluster[0]]
        key = f"{name.strip()}（{unit}）" if unit else name.strip()
        for i in cluster:
            others = [j for j in cluster if j != i]
            exact = any(names[j] == names[i] for j in others)
            out.append({
                "doc_id": rows[i]["doc_id"], "char_start": rows[i].get("char_start"),
                "department_key": dept, "project_key": project, "name": rows[i].get("name"),
                "indicator_key": key, "score": 100.0 if exact else result.best[i], "unit": unit or None,
                "method": "exact" if exact or not others else "fuzzy",
                "year": doc_keys.get(rows[i]["doc_id"], (None, None, None))[2],
            })
    return out
