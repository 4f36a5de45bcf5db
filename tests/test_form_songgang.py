"""A real workbook of 绩效目标申报表 forms (深圳市宝安区松岗街道, 20 sheets, one project a sheet).

Every expected value here was read by eye from the workbook's cells (opened with
python-calamine), never from jixiao's output. Two things a reader of the sheets sees:
- "本年度项目金额（万元）" holds the amount in 元 despite its label: sheet 1 says 3000 there,
  and its 测算依据 ("租金评估费0.3万元") and its cost indicator ("总成本不超过0.3万元") state
  0.3万元; sheet 2 says 137584 and its cost target 13.7584万元; every sheet agrees. The
  budgets below are those amounts in 元.
- "项目总金额（中期规划）" is the three-year total (实施期限 3), not the year's budget.
"""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from pipeline.run import process_file
from tests.conftest import SHARED

BOOK_A = SHARED / "real-extra" / "sz_songgang_perf_goals_a.xlsx"
BOOK_C = SHARED / "real-extra" / "sz_songgang_perf_goals_c.xlsx"
pytestmark = pytest.mark.skipif(not BOOK_A.is_file() or not BOOK_C.is_file(),
                                reason=f"no Songgang workbooks under {SHARED / 'real-extra'}")
DEPARTMENT = "深圳市宝安区松岗街道办事处"

# Sheets 1 … 20 of workbook a: 本年度项目金额 (元) and rows with an indicator (not 不适用).
BUDGETS_A = [3000, 137584, 241000, 481400, 3000, 1962576, 292700, 580000, 246700, 795600,
             370200, 353300, 747000, 750000, 690000, 710000, 419800, 4368368, 520000, 5500000]
INDICATOR_COUNTS_A = [5, 6, 5, 5, 6, 5, 6, 5, 6, 10, 5, 6, 6, 10, 5, 6, 6, 6, 6, 5]


@pytest.fixture(scope="module")
def book_a():
    return _forms(BOOK_A)


@pytest.fixture(scope="module")
def book_c():
    return _forms(BOOK_C)


def _forms(path):
    results = process_file(path)
    assert all(r.status == "ok" for r in results)
    return [(r.rows["documents"][0], r.rows["indicators"], r.rows["budgets"]) for r in results]


def _targets(indicators):
    return [(i["name"], i["target_raw"], i["target_op"], i["target_value"], i["target_unit"]) for i in indicators]


def test_form_songgang_twenty_goal_declarations(book_a):
    assert len(book_a) == 20
    for n, (doc, _, _) in enumerate(book_a, start=1):
        assert doc["source_path"].split("#")[1].startswith(f"{n}.")
        assert doc["report_kind"] == "绩效目标申报表"
        assert doc["department"] == DEPARTMENT
        assert doc["self_score"] is None and doc["actual_yuan"] is None


def test_form_songgang_year_budgets_and_indicator_counts(book_a):
    assert [doc["budget_yuan"] for doc, _, _ in book_a] == [D(b) for b in BUDGETS_A]
    assert [len(indicators) for _, indicators, _ in book_a] == INDICATOR_COUNTS_A
    for _, indicators, _ in book_a:
        assert all(i["name"] != "不适用" and i["target_raw"] != "不适用" for i in indicators)


def test_form_songgang_first_form(book_a):
    doc, indicators, budgets = book_a[0]
    assert doc["project"] == "政府购买服务（专业技术服务类社区工作站管理经费）花果山社区工作站"
    assert _targets(indicators) == [
        ("需出具物业评估报告的物业数量", "1处", None, D(1), "处"),
        ("租赁的党群服务中心物业结构安全保证率", "达到95%以上", "≥", D(95), "%"),
        ("出具物业评估报告及时性", "3个工作日", None, D(3), "个工作日"),
        ("出具评估报告总成本", "出具评估报告总成本不超过0.3万元", "≤", D(3000), "元"),
        ("保障租赁的党群服务中心物业结构安全性", "达到90%以上", "≥", D(90), "%"),
    ]
    assert [(i["level1"], i["level2"]) for i in indicators] == [
        ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("产出指标", "成本"),
        ("效益指标", "社会效益")]
    # The three-year total (9000 in the 万元 cell) is money of the form, never the year's budget.
    multi_year = [b for b in budgets if b["raw"] == "9000"]
    assert [(b["role"], b["amount_yuan"]) for b in multi_year] == [("other", D(9000))]


def test_form_songgang_middle_form(book_a):
    doc, indicators, _ = book_a[9]
    assert doc["project"] == "社区工作站管理经费（沙浦社区工作站）"
    assert [i["name"] for i in indicators] == [
        "保障社区工作人员用餐人数", "社区工作站工作人员数量", "保障社区食堂服务质量", "保障社区各项工作正常开展",
        "保障社区工作人员用餐及时性", "保障社区工作人员工作的及时性", "总成本", "提高社区工作人员对辖区居民办事效益",
        "社区工作人员对饭堂环境满意度", "保障范围的服务对象满意度"]
    assert [i["target_raw"] for i in indicators] == [
        "119人", "45人", "90%以上", "90%以上", "3个小时内", "3个小时内", "总成本不超过79.56万", "90%以上",
        "90%以上", "95%以上"]
    assert [(i["target_op"], i["target_value"]) for i in indicators] == [
        (None, D(119)), (None, D(45)), ("≥", D(90)), ("≥", D(90)), ("≤", D(3)), ("≤", D(3)), ("≤", D(795600)),
        ("≥", D(90)), ("≥", D(90)), ("≥", D(95))]
    assert indicators[6]["target_unit"] == "元"  # "79.56万" of a cost: 万元


def test_form_songgang_last_form(book_a):
    doc, indicators, _ = book_a[19]
    assert doc["project"] == "政府购买服务（应急服务类+防疫工作经费）"
    # 申请单位 is the 行政事务服务中心; the department is the 一级预算单位 above it.
    assert doc["department"] == DEPARTMENT
    assert _targets(indicators) == [
        ("制作防疫宣传广告次数", "大于5次", ">", D(5), "次"),
        ("防疫宣传广告产品", "良好", None, None, None),
        ("防疫工作时效", "2023年全年", None, None, None),
        ("总支出", "不超过550万元", "≤", D(5500000), "元"),
        ("卫生保健服务质量", "良好", None, None, None),
    ]


@pytest.mark.parametrize("sheet,budget,cost", [
    # 测算依据 "根据年初经费安排：党群服务分中心4.494万元…" lists parts, not the budget.
    (3, 241000, ("整治队宿舍总成本", "≤", D(67200))),
    # "2023年支付成本不超过300万元": a year before the comparator.
    (18, 4368368, ("松岗街道茅洲河流域安全巡查安保服务项目成本", "≤", D(3000000))),
])
def test_form_songgang_budget_is_the_year_amount_not_the_measurement_basis(book_a, sheet, budget, cost):
    doc, indicators, _ = book_a[sheet - 1]
    assert doc["budget_yuan"] == D(budget)
    assert cost in [(i["name"], i["target_op"], i["target_value"]) for i in indicators]


@pytest.mark.parametrize("sheet,project,budget,count", [
    (1, "政府购买服务（专业技术服务类+党群服务中心社工）", 10185500, 5),
    (4, "政府购买服务（专业技术服务类）", 0, 7),
    (10, "社区治理体系经费（红星社区工作站）", 355297, 10),
    # Row 15 names 提供服务期限 but its target is 不适用: no indicator.
    (19, "政府购买服务（物业后勤类社区治理体系经费）朗下社区", 637661, 7),
    (20, "政府购买服务（物业后勤类社区治理体系经费）溪头社区工作站", 702600, 10),
])
def test_form_songgang_second_workbook(book_c, sheet, project, budget, count):
    assert len(book_c) == 20
    doc, indicators, _ = book_c[sheet - 1]
    assert (doc["project"], doc["budget_yuan"], len(indicators)) == (project, D(budget), count)
    assert doc["report_kind"] == "绩效目标申报表"
