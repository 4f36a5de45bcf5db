"""The checks family of `jixiao eval`: findings against the gold's {"rule", "value"} list."""
from __future__ import annotations

import json

import pytest

from pipeline.core.errors import JixiaoError
from pipeline.evaluate.gold import parse_gold
from tests.build_predictions import counts_of, perfect_tables, run_score, tables_for
from tests.conftest import CORPUS


def _finding(rule: str, stated, **extra) -> dict:
    return {"rule": rule, "severity": "error", "message": "…", "value_stated": stated, **extra}


@pytest.mark.parametrize("gold, predicted, expected", [
    ([{"rule": "rate_mismatch", "value": 95.1}], [_finding("rate_mismatch", "95.1")], (1, 0, 0)),
    ([{"rule": "rate_mismatch", "value": 95.1}], [_finding("rate_mismatch", "95.10")], (1, 0, 0)),
    ([{"rule": "rate_mismatch", "value": 95.1}], [_finding("rate_mismatch", "95.12")], (0, 1, 1)),  # beyond 0.01
    ([{"rule": "rate_mismatch", "value": 95.1}], [_finding("score_sum", "95.1")], (0, 1, 1)),  # another rule
    ([{"rule": "result_missing", "value": "工程按期完工率"}],
     [_finding("result_missing", "指标 工程按期完工率")], (1, 0, 0)),  # text: contained, spaces aside
    ([{"rule": "result_missing", "value": 6}], [_finding("result_missing", "6")], (1, 0, 0)),
    ([], [_finding("score_sum", "96")], (0, 1, 0)),  # a clean report: every finding is a false positive
    ([{"rule": "score_sum", "value": 96}], [], (0, 0, 1)),
    # one-to-one: two gold findings of one rule need two predictions
    ([{"rule": "result_missing", "value": "甲"}, {"rule": "result_missing", "value": "乙"}],
     [_finding("result_missing", "甲乙")], (1, 0, 1)),
])
def test_evaluate_checks_matching(gold, predicted, expected):
    assert counts_of({"checks": gold}, tables_for(checks=predicted), "checks") == expected


def test_evaluate_checks_not_scored_without_the_gold_key():
    scores = run_score({"score": 96}, tables_for(documents={"self_score": 96}, checks=[_finding("score_sum", "9")]))
    assert not scores.families["checks"].scored


def test_evaluate_checks_findings_explain_the_false_positive():
    scores = run_score({"checks": []}, tables_for(checks=[_finding("score_sum", "96", evidence="总分\t100\t96")]))
    (finding,) = scores.findings
    assert (finding.family, finding.kind, finding.evidence) == ("checks", "false_positive", "总分\t100\t96")
    assert finding.predicted.startswith("score_sum: 96")


@pytest.mark.parametrize("checks", [{"rule": "x"}, ["rate_mismatch"]])
def test_evaluate_checks_gold_shape(checks):
    with pytest.raises(JixiaoError):
        parse_gold({"file": "r.txt", "checks": checks}, "test gold")


def test_evaluate_checks_perfect_prediction_of_a_sample_gold():
    gold = json.loads((CORPUS / "gold" / "2020_huzhou-education_school-repair.json").read_text(encoding="utf-8"))
    assert len(gold["checks"]) == 2
    assert counts_of({"checks": gold["checks"]}, perfect_tables(gold, name="r.txt"), "checks") == (2, 0, 0)
