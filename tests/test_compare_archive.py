"""Alignment and the wide table on the sample archive (extracted once for the module), checked
against corpus/gold and the story the archive was generated from (corpus/story.py: RECURRING,
FIXED)."""
from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from corpus.story import DEPARTMENTS, FIXED, RECURRING
from pipeline import run as runner
from pipeline.align.compare import align, compare_table
from tests.conftest import CORPUS

ARCHIVE = CORPUS / "archive"
GOLD = CORPUS / "gold"


# ---------------------------------------------------------------- the sample archive

@pytest.fixture(scope="module")
def archive():
    tables = runner.run([ARCHIVE], jobs=2).tables
    return tables, align(tables)


def _gold():
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


@pytest.mark.slow
def test_compare_archive_department_budgets_equal_gold(archive):
    tables, _ = archive
    expected: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for gold in _gold():
        meta = gold["metadata"]
        expected[meta["department"]][str(meta["year"])] += Decimal(str(gold["budget"]["budget_yuan"]))
    frame = compare_table(tables, by="department", metric="budget")
    got = {row["department"]: {c: row[c] for c in frame.columns if c[:1].isdigit()}
           for row in frame.to_dict("records")}
    assert got == {dept: dict(years) for dept, years in expected.items()}
    assert all(isinstance(v, Decimal) for years in got.values() for v in years.values())


def _story_problem_key(tables, keys, slug, theme, year):
    """problem_key of the extracted item that words the story's (project, theme, year) problem."""
    project = next(p for d in DEPARTMENTS for p in d.projects if p.slug == slug)
    text = next(item.text for item in project.problems[year] if item.theme == theme)
    doc_id = next(d["doc_id"] for d in tables["documents"]
                  if Path(d["source_path"]).stem.split("_")[::2] == [str(year), slug])
    items = [p for p in tables["problems"] if p["doc_id"] == doc_id]
    # partial: an extracted item may stop at a line break the story's text runs on past.
    item = max(items, key=lambda p: fuzz.partial_ratio(p["text"], text))
    assert fuzz.partial_ratio(item["text"], text) > 90, (slug, theme, year, item["text"])
    return next(k["problem_key"] for k in keys if (k["doc_id"], k["char_start"]) == (doc_id, item["char_start"]))


@pytest.mark.slow
@pytest.mark.parametrize("slug", sorted(RECURRING))
def test_compare_archive_finds_the_planted_recurring_problem(archive, slug):
    tables, aligned = archive
    theme, years = RECURRING[slug]
    keys = {_story_problem_key(tables, aligned["problem_keys"], slug, theme, y) for y in years}
    assert len(keys) == 1
    row = next(r for r in aligned["problem_recurrence"] if r["problem_key"] in keys)
    assert row["years"] == ",".join(map(str, years)) and row["n_years"] == len(years)


@pytest.mark.slow
@pytest.mark.parametrize("slug", sorted(FIXED))
def test_compare_archive_fixed_problem_is_not_recurring(archive, slug):
    tables, aligned = archive
    theme, year = FIXED[slug]
    key = _story_problem_key(tables, aligned["problem_keys"], slug, theme, year)
    assert key not in {r["problem_key"] for r in aligned["problem_recurrence"]}


@pytest.mark.slow
def test_compare_archive_one_key_per_project(archive):
    tables, aligned = archive
    slug_of = {d["doc_id"]: Path(d["source_path"]).stem.split("_", 1)[1] for d in tables["documents"]}
    keys_of_slug = defaultdict(set)
    for row in aligned["project_keys"]:
        keys_of_slug[slug_of[row["doc_id"]]].add((row["department_key"], row["project_key"]))
    assert all(len(keys) == 1 for keys in keys_of_slug.values()), dict(keys_of_slug)
    assert len({next(iter(k)) for k in keys_of_slug.values()}) == 8


@pytest.mark.slow
def test_compare_archive_indicator_targets_rise(archive):
    tables, _ = archive
    frame = compare_table(tables, by="indicator", metric="target")
    row = frame[frame["indicator"] == "法律援助案件办理数量"].iloc[0]
    assert [row[str(y)] for y in range(2019, 2024)] == [1000.0, 1100.0, 1200.0, 1300.0, 1400.0]
