"""The scalar gold fields (metadata, budget, score): comparisons, tolerances and nulls."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.build_predictions import counts_of, tables_for


@pytest.mark.parametrize("key,gold,attribute,predicted,expected", [
    ("department", "江门市司法局", "department", "江门市 司法局", (1, 0, 0)),
    ("department", "江门市司法局", "department", "江门市\u3000司法局\n", (1, 0, 0)),
    ("department", "江门市司法局", "department", "江门市财政局", (0, 1, 1)),
    ("region", "上海市普陀区", "region", "上海市 普陀区", (1, 0, 0)),
    ("year", 2021, "year", 2021.0, (1, 0, 0)),
    ("year", 2021, "year", 2020, (0, 1, 1)),
    ("project_contains", "依法治市", "project", "2021年全面依法治市工作经费", (1, 0, 0)),
    ("project_contains", "依法治市", "project", "依法 治市", (0, 1, 1)),
    ("project_contains", "依法治市", "project", None, (0, 0, 1)),
    ("report_kind", "项目支出绩效自评报告", "report_kind", "项目支出绩效自评报告", (1, 0, 0)),
    ("report_kind", "项目支出绩效自评报告", "report_kind", "部门整体支出绩效自评报告", (0, 1, 1)),
    ("region", None, "region", "江门市", (0, 1, 0)),  # null gold: a stated value is a false positive
    ("region", None, "region", None, (0, 0, 0)),  # null vs null: neither rewarded nor penalised
])
def test_evaluate_metadata_rules(key, gold, attribute, predicted, expected):
    tables = tables_for(documents={attribute: predicted})
    assert counts_of({"metadata": {key: gold}}, tables, "metadata") == expected


@pytest.mark.parametrize("predicted,expected", [
    ("698000.49", (1, 0, 0)),
    ("697999.51", (1, 0, 0)),
    ("698000.50", (1, 0, 0)),
    ("698000.51", (0, 1, 1)),
    ("697999.49", (0, 1, 1)),
    (None, (0, 0, 1)),
])
def test_evaluate_budget_half_yuan_tolerance(predicted, expected):
    tables = tables_for(documents={"budget_yuan": None if predicted is None else Decimal(predicted)})
    assert counts_of({"budget": {"budget_yuan": 698000}}, tables, "budget") == expected


@pytest.mark.parametrize("budget,actual,gold_rate,expected", [
    (698000, 522400, 74.84, (1, 0, 0)),   # 74.842… rounds to 74.84
    (698000, 522400, 74.85, (1, 0, 0)),   # within 0.01, compared exactly (no float drift)
    (698000, 522400, 74.83, (1, 0, 0)),
    (698000, 522400, 74.86, (0, 1, 1)),
    (698000, None, 74.84, (0, 0, 1)),     # no actual amount: no computed rate
    (0, 522400, 74.84, (0, 0, 1)),        # zero budget: no computed rate
    (698000, 522400, None, (0, 1, 0)),
])
def test_evaluate_computed_rate_comes_from_predicted_amounts(budget, actual, gold_rate, expected):
    tables = tables_for(documents={"budget_yuan": budget, "actual_yuan": actual, "execution_rate_pct": 99.0})
    gold = {"budget": {"execution_rate_computed_pct": gold_rate}}
    assert counts_of(gold, tables, "budget") == expected


@pytest.mark.parametrize("stated,expected", [(None, (0, 0, 0)), (74.84, (0, 1, 0))])
def test_evaluate_stated_rate_null_gold(stated, expected):
    # The seed states no rate; the pipeline's own computed execution_rate_pct is not a claim.
    tables = tables_for(documents={"execution_rate_stated_pct": stated, "execution_rate_pct": 74.84})
    assert counts_of({"budget": {"execution_rate_pct": None}}, tables, "budget") == expected


@pytest.mark.parametrize("predicted,gold,expected", [
    (96, 96, (1, 0, 0)),
    (96.01, 96, (1, 0, 0)),
    (96.02, 96, (0, 1, 1)),
    (None, 96, (0, 0, 1)),
    (96, None, (0, 1, 0)),
    (None, None, (0, 0, 0)),
])
def test_evaluate_score_rule(predicted, gold, expected):
    assert counts_of({"score": gold}, tables_for(documents={"self_score": predicted}), "score") == expected


def test_evaluate_null_object_means_every_field_null():
    tables = tables_for(documents={"department": "江门市司法局", "year": 2021})
    assert counts_of({"metadata": None}, tables, "metadata") == (0, 2, 0)
