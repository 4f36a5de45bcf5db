"""The review checks as a whole: one entry per rule, the checks table's rows, and the rules on the
sample archive (every plant found, nothing else), the seed and the real published files."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from pipeline import store
from pipeline.checks import RULES, RULE_IDS, SEVERITIES
from pipeline.core.schema import columns
from pipeline.evaluate import score
from pipeline.evaluate.gold import load_gold
from pipeline.evaluate.predictions import predictions_from_tables
from pipeline.run import extract_to
from tests.conftest import CORPUS, SEED, SHARED

# The bar for the checks family on the sample archive.
MIN_PRECISION, MIN_RECALL = 0.98, 0.95


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_checks_every_rule_is_one_module_level_entry(rule):
    module = importlib.import_module(rule.check.__module__)
    assert getattr(module, rule.id.upper()) is rule
    assert rule.severity in SEVERITIES and rule.title


def test_checks_rule_ids_are_unique_and_short():
    assert len(set(RULE_IDS)) == len(RULE_IDS)
    assert all(rule_id.isidentifier() and len(rule_id) <= 24 for rule_id in RULE_IDS)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("archive")
    extract_to([CORPUS / "archive"], out, jobs=2)
    return out


def test_checks_sample_archive_scores_the_bar(archive):
    tables = store.load(archive)
    family = score(load_gold(CORPUS / "gold"), predictions_from_tables(tables)).families["checks"]
    assert family.precision >= MIN_PRECISION and family.recall >= MIN_RECALL, family
    assert set(tables.checks["rule"]) == set(RULE_IDS)  # every rule planted and found


def test_checks_rows_point_into_the_text(archive):
    tables = store.load(archive)
    text = dict(zip(tables.doc_text["doc_id"], tables.doc_text["text"]))
    rows = tables.checks.to_dict("records")
    assert list(tables.checks.columns) == columns("checks") and rows
    for row in rows:
        span = text[row["doc_id"]][int(row["char_start"]):int(row["char_end"])]
        assert span.strip() and " ".join(span.split()) in " ".join(row["evidence"].split()), row
        assert row["message"] and row["value_stated"]


def test_checks_eval_of_a_run_adds_the_rules_across_years():
    """`jixiao eval --docs` scores tables of `run` (no alignment): the recurring problem is found all the same."""
    from pipeline.run import run

    files = sorted((CORPUS / "archive").glob("202[23]_huzhou-education_student-aid.*"))
    predictions = predictions_from_tables(run(files, jobs=1).tables)
    rules = {p.rule for p in predictions["2023_huzhou-education_student-aid.txt"].checks}
    assert "recurring_problem" in rules


REAL = [path for folder in ("real", "real-extra") for path in sorted((SHARED / folder).glob("*"))
        if path.suffix in (".pdf", ".xlsx")]


@pytest.mark.slow
@pytest.mark.skipif(not REAL, reason=f"no real files under {SHARED}")
def test_checks_seed_and_real_files_raise_no_error(tmp_path):
    """What the seed and the real published files raise (listed in BENCHMARKS.md): no error."""
    extract_to([SEED, *REAL], tmp_path, jobs=2)
    found = store.load(tmp_path).checks
    assert list(found[found["severity"] == "error"]["message"]) == []
    assert sorted(found["rule"]) == ["high_self_score", "result_missing"]  # both on the seed, both right
