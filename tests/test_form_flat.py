"""A 自评表 copied into one line of text (extractors/form/flat.py), and digits masked by a mirror."""
from __future__ import annotations

from decimal import Decimal

import pytest

from extractors import budgets, indicators
from extractors.context import Context
from extractors.form.flat import masked, rows_of
from extractors.form.funds import Token
from extractors.records import DocFacts, IndicatorRecord
from pipeline import sections
from pipeline.core.document import Document

ONE_LINE = (
    "项目支出绩效自评表（2022年度） 项目名称 职业技能培训补贴 主管部门 某某县人力资源和社会保障局 "
    "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额： 120 120 113.6 10 94.67% 9.47 "
    "其中：当年财政拨款 120 120 113.6 — — — 上年结转资金 0 0 0 — — — "
    "年度总体目标 预期目标 实际完成情况 完成技能培训1500人次。 完成技能培训1526人次。 "
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标 数量指标 培训人次 ≥1500人次 1526人次 20 20 质量指标 培训合格率 ≥90% 93% 15 15 "
    "效益指标 社会效益指标 培训后就业率 ≥60% 63% 20 18 部分学员外出务工，下一步加强跟踪 "
    "满意度指标 服务对象满意度指标 参训人员满意度 ≥90% 95% 10 10 总分 100 92.47"
)


def _tokens(line: str) -> list[Token]:
    out, at = [], 0
    for word in line.split(" "):
        out.append(Token(word, at, at + len(word)))
        at += len(word) + 1
    return out


def _texts(rows) -> list[list[str]]:
    return [[t.text for t in row] for row in rows]


def test_form_flat_rows_of_a_form_in_one_line():
    rows = _texts(rows_of(_tokens(ONE_LINE)))
    assert ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"] in rows
    assert ["年度资金总额：", "120", "120", "113.6", "10", "94.67%", "9.47"] in rows
    assert ["其中：当年财政拨款", "120", "120", "113.6", "—", "—", "—"] in rows
    assert ["产出指标", "数量指标", "培训人次", "≥1500人次", "1526人次", "20", "20"] in rows
    assert ["质量指标", "培训合格率", "≥90%", "93%", "15", "15"] in rows
    # A remark after the scores stays in its row.
    assert ["效益指标", "社会效益指标", "培训后就业率", "≥60%", "63%", "20", "18", "部分学员外出务工，下一步加强跟踪"] in rows
    assert rows[-1] == ["总分", "100", "92.47"]


@pytest.mark.parametrize("line", [
    "年初预算数 全年预算数 全年执行数",  # a header alone on its line
    "本项目年初预算数 全年预算数均为200万元，全年执行数为179.43万元。",  # prose
    "一级指标 二级指标 三级指标 指标值",
])
def test_form_flat_lines_without_a_flattened_form_stay_whole(line):
    assert _texts(rows_of(_tokens(line))) == [line.split(" ")]


def _extract(text: str):
    doc = Document(doc_id="t", source_path="t.txt", format="txt", text=text)
    sections.build(doc)
    out = budgets.extract(doc, Context(facts=DocFacts(year=2022)))
    (facts,) = [r for r in out if isinstance(r, DocFacts)]
    found = [r for r in indicators.extract(doc, Context(facts=DocFacts(year=2022))) if isinstance(r, IndicatorRecord)]
    return facts, found


def test_form_flat_budget_and_indicators_of_a_form_in_one_line():
    facts, found = _extract("一、项目支出绩效自评表\n" + ONE_LINE + "\n二、存在的问题\n无。\n")
    assert (facts.budget_yuan, facts.actual_yuan, facts.execution_rate_stated_pct) == (
        Decimal("1200000"), Decimal("1136000"), Decimal("94.67"))
    assert [(r.name, r.target_value, r.actual_raw, r.score) for r in found] == [
        ("培训人次", Decimal("1500"), "1526人次", Decimal("20")),
        ("培训合格率", Decimal("90"), "93%", Decimal("15")),
        ("培训后就业率", Decimal("60"), "63%", Decimal("18")),
        ("参训人员满意度", Decimal("90"), "95%", Decimal("10")),
    ]


@pytest.mark.parametrize("text,hidden", [("1,**0", True), ("9*.8%", True), ("1**立方米", True), ("****", True),
                                         ("1,200", False), ("94.67%", False), ("—", False), ("≥2万亩", False)])
def test_form_flat_masked_digits(text, hidden):
    assert masked(text) is hidden


def test_form_flat_masked_cells_state_no_number():
    facts, found = _extract(
        "一、绩效自评表\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
        "年度资金总额 1,**0 1,**0 1,0**.5 10 9*.8% 9.**\n其中：当年财政拨款 1,**0 1,**0 1,0**.5 — — —\n"
        "上年结转资金 0 0 0 — — —\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
        "产出指标 数量指标 亩均节水量 ≥120立方米 1**立方米 20 18\n二、存在的问题\n无。\n")
    assert (facts.budget_yuan, facts.actual_yuan, facts.execution_rate_pct) == (None, None, None)
    (item,) = found
    assert (item.actual_raw, item.actual_value, item.target_value) == ("1**立方米", None, Decimal("120"))
