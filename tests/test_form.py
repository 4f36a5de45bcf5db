"""extractors.form: the 自评表's variants as the budgets, indicators and metadata extractors read
them — label pairs side by side, a 申报表's 中期/年度 money, a 部门整体 form's fund rows, "不适用"
rows, 执行率 as a fraction, labels that say 万元 over amounts in 元, and the form's kind."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest

from extractors import budgets, metadata
from extractors.context import Context
from extractors.form.funds import fund_blocks
from extractors.records import BudgetRecord, DocFacts
from tests.build_indicators import MERGED_LEFT, build, run

W = D(10000)


def _budgets(doc):
    out = budgets.extract(doc, Context())
    records = [r for r in out if isinstance(r, BudgetRecord)]
    for record in records:
        assert doc.text[record.span.char_start:record.span.char_end] == record.raw
    (facts,) = [r for r in out if isinstance(r, DocFacts)]
    return records, facts


def _metadata(doc):
    (facts,) = metadata.extract(doc, Context())
    return facts


# --- money beside its label ----------------------------------------------------------------------
DECLARATION = [  # 财政部 项目支出绩效目标申报表: the multi-year and the year's money side by side
    ["项目名称", "社区矫正经费", MERGED_LEFT, MERGED_LEFT, MERGED_LEFT],
    ["项目资金（万元）", "中期资金总额：", "300", "年度资金总额：", "120"],
    ["", "其中：财政拨款", "270", "其中：财政拨款", "100"],
    ["", "其他资金", "30", "其他资金", "20"],
    ["总体目标", "中期目标", MERGED_LEFT, "年度目标", MERGED_LEFT],
]


def test_form_declaration_year_amount_is_the_budget_and_the_multi_year_one_is_not():
    records, facts = _budgets(build("项目支出绩效目标申报表", DECLARATION))
    assert facts.budget_yuan == 120 * W and facts.actual_yuan is None and facts.warnings == ()
    assert [(r.label, r.role, r.amount_yuan, r.is_part) for r in records] == [
        ("中期资金总额：", "other", 300 * W, False), ("年度资金总额：", "budget", 120 * W, False),
        ("其中：财政拨款", "other", 270 * W, False), ("其中：财政拨款", "budget", 100 * W, True),
        ("其他资金", "other", 30 * W, False), ("其他资金", "budget", 20 * W, True),
    ]


SIDE_BY_SIDE = [  # 深圳 二级项目支出绩效目标申报表
    ["项目名称：", "社区饭堂经费", "申请单位：", "某某街道办事处"],
    ["项目总金额（中期规划，万元）：", "{total}", "本年度项目金额（万元）：", "{year}"],
    ["测算依据：", "{basis}", MERGED_LEFT, MERGED_LEFT],
    ["一级指标", "二级指标", "三级指标", "目标值"],
    ["产出", "成本", "总成本", "{cost}"],
]


def _side_by_side(total: str, year: str, basis: str, cost: str):
    rows = [[cell.format(total=total, year=year, basis=basis, cost=cost) for cell in row] for row in SIDE_BY_SIDE]
    return build("二级项目支出绩效目标申报表", rows)


@pytest.mark.parametrize("total,year,basis,cost,budget,slip", [
    # The amounts are the form's 万元: its cost target says as much.
    ("150", "50", "食堂伙食30万元，维修20万元", "不超过50万元", 50 * W, False),
    # The label says 万元 but every amount the form writes in 万 is the bare number in 元.
    ("1500000", "500000", "食堂伙食30万元，维修20万元", "总成本不超过50万", D(500000), True),
    ("9000", "3000", "租金评估费0.3万元", "总成本不超过0.3万元", D(3000), True),
    # Nothing in 万 to compare with: the label is taken at its word.
    ("150", "50", "按实际合同支付", "明显改善", 50 * W, False),
])
def test_form_label_pairs_read_in_the_unit_the_form_means(total, year, basis, cost, budget, slip):
    records, facts = _budgets(_side_by_side(total, year, basis, cost))
    assert facts.budget_yuan == budget and facts.actual_yuan is None
    assert any("read in 元" in w for w in facts.warnings) is slip
    assert [r.role for r in records if r.source == "table"] == ["other", "budget"]
    # 测算依据 breaks the money down; a cost target is neither budget nor spend.
    assert all(r.is_part or r.role == "other" for r in records if r.source == "text")


def test_form_label_pairs_only_beside_money_labels():
    rows = [["实施期限：", "3", "项目类型：", "15 其他经费"], ["预算执行率", "100%", "资金到位率", "95%"]]
    assert fund_blocks(build("二级项目支出绩效目标申报表", rows)) == []


# --- the fund block ------------------------------------------------------------------------------
WHOLE_DEPARTMENT = [  # 部门整体支出绩效自评表
    ["年度预算资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "1200", "1350", "1296", "10", "{rate}", "9.6"],
    ["", "按收入性质分：财政拨款", "1100", "1250", "1200", "—", "—", "—"],
    ["", "其他资金", "100", "100", "96", "—", "—", "—"],
    ["", "按支出性质分：基本支出", "900", "950", "940", "—", "—", "—"],
    ["", "项目支出", "300", "400", "356", "—", "—", "—"],
    ["年度总体目标", "预期目标", MERGED_LEFT, MERGED_LEFT, "实际完成情况", MERGED_LEFT, MERGED_LEFT, MERGED_LEFT],
]


@pytest.mark.parametrize("rate,stated", [
    ("96%", D(96)), ("96", D(96)),
    # A workbook without cell styles (.xls) keeps the fraction a percentage cell shows.
    ("0.96", D(96)), ("1", D(100)), ("1.02", D(102)),
])
def test_form_whole_department_fund_rows_and_the_rate(rate, stated):
    rows = [[cell.replace("{rate}", rate) for cell in row] for row in WHOLE_DEPARTMENT]
    doc = build("江门市司法局2021年度部门整体支出绩效自评表", rows)
    records, facts = _budgets(doc)
    assert (facts.budget_yuan, facts.actual_yuan, facts.execution_rate_stated_pct) == (1350 * W, 1296 * W, stated)
    parts = {r.label for r in records if r.is_part}
    assert parts == {"按收入性质分：财政拨款", "其他资金", "按支出性质分：基本支出", "项目支出"}
    assert _metadata(doc).report_kind == "部门整体支出绩效自评报告"


# --- indicator rows that do not apply ---------------------------------------------------------------
@pytest.mark.parametrize("name,target,kept", [
    ("不适用", "不适用", False), ("无", "无", False), ("/", "/", False), ("提供服务期限", "不适用", False),
    ("提供服务期限", "/", False), ("服务对象满意度", "≥90%", True), ("工作质量", "无差错", True),
])
def test_form_not_applicable_rows_are_no_indicators(name, target, kept):
    rows = [["一级指标", "二级指标", "三级指标", "目标值", "指标解释"],
            ["产出", "数量", "服务社区个数", "13个", "13个社区"],
            ["满意度", "服务对象满意度", name, target, "不适用" if not kept else "反映满意度"]]
    records = run(build("二级项目支出绩效目标申报表", rows))
    assert [r.name for r in records] == ["服务社区个数"] + ([name] if kept else [])


def test_form_not_applicable_target_of_a_scored_row_is_still_an_indicator():
    rows = [["一级指标", "二级指标", "三级指标", "指标值", "分值", "得分"],
            ["产出指标", "数量指标", "培训人次", "—", "50", "48"], ["总分", "", "", "", "50", "48"]]
    records = run(build(rows))
    assert [(r.name, r.score) for r in records] == [("培训人次", D(48))]


# --- metadata ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("title,source,kind", [
    ("二级项目支出绩效目标申报表", "t.docx", "绩效目标申报表"),
    ("2022年度项目支出绩效目标表", "t.docx", "绩效目标申报表"),
    ("项目支出绩效自评表", "t.docx", "项目支出绩效自评报告"),
    # No title: a workbook's form sheet names what it holds.
    ("", "book.xlsx#社区饭堂经费绩效目标申报表", "绩效目标申报表"),
])
def test_form_kind_from_title_or_sheet(title, source, kind):
    rows = [["项目名称", "社区饭堂经费"], ["主管部门", "某某市司法局"]]
    doc = build(*([title] if title else []), rows)
    doc = replace(doc, source_path=source, format="xlsx" if "#" in source else "docx")
    assert _metadata(doc).report_kind == kind


def test_form_department_is_the_first_level_unit_not_the_applicant():
    rows = [["项目名称：", "防疫工作经费", "", ""],
            ["申请单位：", "深圳市宝安区松岗街道行政事务服务中心", "一级预算单位：", "深圳市宝安区松岗街道办事处（本级）"]]
    facts = _metadata(build("二级项目支出绩效目标申报表", rows))
    assert (facts.department, facts.project) == ("深圳市宝安区松岗街道办事处", "防疫工作经费")


def test_form_labels_asked_for_are_among_all_labels():
    """labels.py looks for label cells once, by ALL_LABELS, for every set of labels asked for."""
    from extractors.form.vocab import ALL_LABELS, DEPARTMENT_LABELS, PROJECT_LABELS

    for labels in (*DEPARTMENT_LABELS, PROJECT_LABELS):
        assert set(labels) <= set(ALL_LABELS)
