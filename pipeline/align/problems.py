"""Problems reported again in later years: the question auditors ask most.

Reports reword a problem every year ("办案补贴标准偏低" → "补贴标准多年未作调整" → "补贴水平偏低"),
so plain edit-distance ratios do not tell a recurring problem from a different one of the same
project: on the sample archive rapidfuzz ratio, partial_ratio and token_set_ratio (over jieba
words or character bigrams) all score some unrelated pairs above some reworded pairs. What
separates them here is, per department and project:

- features: character bigrams of the normalised text plus one token per *concept* below, so
  that 老龄化 and 年龄偏大, or 管护 and 运维, count as the same word;
- weights: TF-IDF over that project's problems, so words every problem of the project shares
  (法律援助, 资金) weigh little and the distinctive ones (补贴, 监测设施) decide; the cosine is
  the score (0–100), plus a small bonus when the extractor gave both the same category;
- clustering: complete linkage (every member resembles every other) with one problem per
  year — a report lists distinct problems, so two items of one report never merge.

The concept list is small domain vocabulary of 存在问题 sections; extend it when a real archive
words a recurring problem in ways it does not know.
"""
from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections import Counter


from pipeline.align.cluster import agglomerate
from pipeline.align.keys import group_order, nfkc

THRESHOLD = 12.0
# Groups up to this size score every pair; larger ones first pick the candidate pairs by
# numpy (_candidates): most pairs of a project's problems share too little to recur.
EXACT_UP_TO = 4
HASH_DIMS = 4096
_ROWS_PER_BLOCK = 256
CATEGORY_BONUS = 3.0
CONCEPT_WEIGHT = 2.0  # a shared concept says more than a shared character pair
CONCEPTS: dict[str, tuple[str, ...]] = {
    "subsidy": ("补贴", "补助标准"),
    "aging": ("老龄化", "年龄结构偏大", "年龄偏大", "老化"),
    "professional": ("专业化", "专业素质", "专业人员", "专业护理", "专业调解员", "专业运维"),
    "upkeep": ("重建轻管", "重建设轻管护", "管护", "运行维护", "运维", "维护", "运行管理"),
    "pay": ("支付", "拨付", "发放", "兑现"),
    "slow": ("滞后", "偏慢", "较慢", "缓慢", "推迟", "耗时较长", "周期较长"),
    "dynamic": ("动态管理", "动态调整", "动态退出", "应退未退"),
    "platform": ("信息化平台", "信息平台", "信息系统", "平台"),
    "archive": ("归档", "卷宗", "案卷"),
    "goal": ("绩效目标", "指标设置", "效益指标"),
}
_PUNCT = re.compile(r"[\W_]+")
# Each concept becomes one private-use character, so bigrams and concepts live in one text.
_SURFACES = sorted(((form, chr(0xE000 + n)) for n, forms in enumerate(CONCEPTS.values()) for form in forms),
                   key=lambda pair: -len(pair[0]))
_CODE = dict(_SURFACES)
_SURFACE_RE = re.compile("|".join(re.escape(form) for form, _ in _SURFACES))


def _is_concept(token: str) -> bool:
    return len(token) == 1 and "\ue000" <= token <= "\uf8ff"


def features(text: str) -> list[str]:
    norm = _SURFACE_RE.sub(lambda m: _CODE[m.group()], _PUNCT.sub("", nfkc(text)))
    return [ch for ch in norm if _is_concept(ch)] + [norm[i:i + 2] for i in range(len(norm) - 1)]


def similarity_edges(texts: list[str], categories: list[str | None], threshold: float) -> dict[tuple[int, int], float]:
    """(i, j) -> score (0–100 + bonus) for the pairs of problems of one department and project
    that reach `threshold`. A group of many problems first finds the pairs that could reach it
    with a hashed, vectorised upper bound of the cosine; each pair's score is then computed
    exactly, so that the scores do not depend on the size of the group."""
    vectors = _vectors(texts)
    n = len(texts)
    pairs = ((i, j) for i in range(n) for j in range(i + 1, n)) if n <= EXACT_UP_TO \
        else _candidates(vectors, (threshold - CATEGORY_BONUS - 0.01) / 100)  # 0.01: scores are rounded
    edges = {}
    for i, j in pairs:
        s = 100 * sum(v * vectors[j].get(g, 0.0) for g, v in vectors[i].items())
        if categories[i] and categories[i] == categories[j]:
            s += CATEGORY_BONUS
        if round(s, 2) >= threshold:
            edges[(i, j)] = round(s, 2)
    return edges


def _vectors(texts: list[str]) -> list[dict[str, float]]:
    """TF-IDF over the group, each vector of length 1."""
    feats = [features(t) for t in texts]
    n = len(texts)
    df = Counter(g for f in feats for g in set(f))
    vectors = []
    for f in feats:
        vec = {g: c * (math.log((1 + n) / (1 + df[g])) + 1) * (CONCEPT_WEIGHT if _is_concept(g) else 1)
               for g, c in Counter(f).items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({g: v / norm for g, v in vec.items()})
    return vectors


def _candidates(vectors: list[dict[str, float]], cosine: float) -> list[tuple[int, int]]:
    """Pairs whose cosine may reach `cosine`, by one matrix product per block of rows: a
    column per feature, or with more features than HASH_DIMS, features hashed into that many
    buckets — weights are never negative, so a hashed dot product is never below the true
    one and no pair is lost. (The 1e-9 of slack covers the order of numpy's sums.)"""
    import numpy as np  # here: the child that reads files imports this module, and needs no numpy
    columns: dict[str, int] = {}
    for vector in vectors:
        for g in vector:
            columns.setdefault(g, len(columns))
    hashed = len(columns) > HASH_DIMS
    matrix = np.zeros((len(vectors), HASH_DIMS if hashed else len(columns)))
    for row, vector in enumerate(vectors):
        for g, v in vector.items():
            matrix[row, zlib.crc32(g.encode()) % HASH_DIMS if hashed else columns[g]] += v
    found = []
    for start in range(0, len(vectors), _ROWS_PER_BLOCK):
        block = matrix[start:start + _ROWS_PER_BLOCK] @ matrix.T
        for r, j in np.argwhere(block >= cosine - 1e-9):
            i = start + int(r)
            if i < j:
                found.append((i, int(j)))
    return found


def recurrence(problems: list[dict], doc_keys: dict[str, tuple]) -> tuple[list[dict], list[dict]]:
    """(problem_keys rows, problem_recurrence rows). `doc_keys`: doc_id -> (dept, project, year)."""
    groups: dict[tuple, list[dict]] = {}
    for row in problems:
        dept, project, _ = doc_keys.get(row["doc_id"], (None, None, None))
        groups.setdefault((dept, project), []).append(row)
    keys, recurring = [], []
    for (dept, project), rows in sorted(groups.items(), key=lambda kv: group_order(kv[0])):
        group_keys, group_recurring = recurrence_of(dept, project, rows, doc_keys)
        keys += group_keys
        recurring += group_recurring
    return keys, sort_recurring(recurring)


def recurrence_of(dept: str | None, project: str | None, problems: list[dict],
                  doc_keys: dict[str, tuple]) -> tuple[list[dict], list[dict]]:
    """The problem_keys and problem_recurrence rows of one department and project."""
    rows = [{**row, "year": doc_keys.get(row["doc_id"], (None, None, None))[2]} for row in problems]
    rows.sort(key=lambda r: (r["year"] or 0, r["doc_id"], r.get("char_start") or 0))
    # Without a department there is no "same department" to recur in: every problem stands alone.
    threshold = THRESHOLD if dept is not None else float("inf")
    edges = similarity_edges([r.get("text") or "" for r in rows], [r.get("category") for r in rows],
                             threshold) if dept is not None else {}
    result = agglomerate(
        len(rows), [], edges, threshold, linkage="complete",
        # One problem per year: items of one report, or of one year, are different problems.
        tags=lambda i: {rows[i]["year"] if rows[i]["year"] is not None else rows[i]["doc_id"]},
    )
    keys, recurring = [], []
    for cluster, link in zip(result.clusters, result.linkage):
        members = [rows[i] for i in cluster]
        key = _problem_key(members[0])
        keys.extend({"doc_id": r["doc_id"], "char_start": r.get("char_start"), "department_key": dept,
                     "project_key": project, "year": r["year"], "problem_key": key,
                     "score": result.best[i]} for i, r in zip(cluster, members))
        years = sorted({r["year"] for r in members if r["year"] is not None})
        if len(years) >= 2:
            recurring.append({
                "department_key": dept, "project_key": project, "problem_key": key,
                "years": ",".join(map(str, years)), "n_years": len(years),
                "first_year": years[0], "last_year": years[-1],
                # The latest wording, on one line (list items keep the report's line breaks).
                "example_text": re.sub(r"\s+", " ", members[-1].get("text") or "").strip(),
                "doc_ids": ",".join(dict.fromkeys(r["doc_id"] for r in members)),
                "score": link,
            })
    return keys, recurring


def sort_recurring(recurring: list[dict]) -> list[dict]:
    """Most years first, then by department, project and first year."""
    return sorted(recurring, key=lambda r: (-r["n_years"], r["department_key"] or "", r["project_key"] or "",
                                            r["first_year"]))


def _problem_key(first: dict) -> str:
    """Derived from the earliest report of the problem, so it is stable across runs."""
    ident = f"{first['doc_id']}:{first.get('char_start')}"
    return "P" + hashlib.sha1(ident.encode()).hexdigest()[:12]
