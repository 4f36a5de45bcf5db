"""The same problem reported again the next year in the same words: a 存在问题 copied from last
year's report rather than re-examined.

Recurring problems are pipeline.align's (problem_keys: one key per problem followed across a
project's years, reworded or not); this rule keeps the consecutive years whose wording is the
same once numbering, punctuation and spaces are gone. A problem that recurs reworded is the
recurrence table's business, not a finding.
"""
from __future__ import annotations

import re
from typing import Iterator

from rapidfuzz import fuzz

from pipeline.align.compare import alignment_for, rows_of
from pipeline.align.keys import nfkc
from pipeline.checks.model import WARNING, Facts, Finding, Rule
from pipeline.checks.thresholds import SAME_WORDING_MIN

_LEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]+是|\(?[0-9一二三四五六七八九十]+[)、.．]|[①-⑳])\s*")
_NOISE = re.compile(r"[\W_]+")


def recurring_problem(tables: dict) -> Iterator[tuple[Facts, Finding]]:
    problems = rows_of(tables, "problems")
    if not problems:
        return
    facts = _FactsOf(tables)
    for doc_id, finding in repeated(problems, alignment_for(tables)["problem_keys"]):
        yield facts[doc_id], finding


def repeated(problems: list[dict], keys: list[dict]) -> Iterator[tuple[str, Finding]]:
    """(doc_id, finding) of each problem worded as the year before's, from problems rows and
    their problem_keys rows — a whole archive's, or one department and project's at a time."""
    by_position = {(r["doc_id"], r.get("char_start")): r for r in keys}
    clusters: dict[str, list[tuple[int, dict]]] = {}
    for row in problems:
        key = by_position.get((row["doc_id"], row.get("char_start")))
        if key and key.get("problem_key") and key.get("year") is not None:
            clusters.setdefault(key["problem_key"], []).append((int(key["year"]), row))
    for members in clusters.values():
        members.sort(key=lambda m: m[0])
        for (year, before), (next_year, after) in zip(members, members[1:]):
            if next_year != year + 1:
                continue
            if fuzz.ratio(_wording(before["text"]), _wording(after["text"])) < SAME_WORDING_MIN:
                continue
            start = int(after["char_start"])
            end = int(after.get("char_end") or start + len(after["text"]))
            yield after["doc_id"], Finding(
                f"与{year}年报告所列问题表述相同，连续两年重复报告：{_short(after['text'])}",
                start, end, stated=after["text"], expected=before["text"])


def _wording(text: str) -> str:
    return _NOISE.sub("", nfkc(_LEAD.sub("", text or "")))


def _short(text: str, size: int = 40) -> str:
    text = re.sub(r"\s+", "", text)
    return text if len(text) <= size else text[:size] + "…"


class _FactsOf(dict):
    """doc_id -> Facts of that document (documents, doc_text and sections rows), built on demand."""

    def __init__(self, tables: dict) -> None:
        super().__init__()
        self.tables = tables
        self.by_doc: dict[str, dict[str, list[dict]]] | None = None

    def __missing__(self, doc_id: str) -> Facts:
        if self.by_doc is None:
            self.by_doc = {}
            for name in ("documents", "doc_text", "sections"):
                for row in rows_of(self.tables, name):
                    self.by_doc.setdefault(row.get("doc_id"), {}).setdefault(name, []).append(row)
        rows = self.by_doc.get(doc_id, {})
        self[doc_id] = facts = Facts.of({**rows, "documents": rows.get("documents", [{"doc_id": doc_id}])[:1]})
        return facts


RECURRING_PROBLEM = Rule("recurring_problem", WARNING, "问题连续两年原样重复", recurring_problem, across=True)
