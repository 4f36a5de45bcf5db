"""Review checks on indicators: marks that contradict the result, targets or results left out,
and a high self-score next to low execution or missed indicators."""
from __future__ import annotations

import pytest

from pipeline.run.process import extract_document
from tests.build_checks import CLEAN, document, fired
from tests.build_indicators import build

HEADER = ["三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
MET = ["受援人满意度", "≥90%", "95%", "20", "20", "无偏差"]


def _table(row: list[str]):
    return build("附表：项目支出绩效自评表", [HEADER, row, MET])


@pytest.mark.parametrize("row, found", [
    (["培训人次", "≥500人次", "480人次", "20", "20", ""], [("met_but_missed", "480人次")]),  # full marks
    (["培训人次", "≥500人次", "480人次", "20", "19.2", "已完成年度目标"], [("met_but_missed", "480人次")]),
    (["投诉率", "≤1%", "1.5%", "10", "10", "无偏差"], [("met_but_missed", "1.5%")]),  # less is better
    (["培训人次", "≥500人次", "480人次", "20", "19.2", "受客观因素影响，未完全达到年度目标"], []),
    (["培训人次", "≥500人次", "520人次", "20", "20", "已完成年度目标"], []),
    (["依法治市水平", "有提高", "有所提高", "10", "10", "已完成年度目标"], []),  # qualitative: no verdict
])
def test_checks_met_but_missed(row, found):
    assert fired(_table(row), "met_but_missed") == found


@pytest.mark.parametrize("row, found", [
    (["合格率", "≥95%", "96%", "20", "18", "实际完成值略低于目标值"], [("missed_but_met", "96%")]),
    (["合格率", "≥95%", "96%", "20", "18", "未完成年度目标"], [("missed_but_met", "96%")]),
    (["合格率", "≥95%", "96%", "20", "18", "佐证资料不够完整，酌情扣分"], []),
    (["合格率", "≥95%", "93%", "20", "18", "实际完成值略低于目标值"], []),
])
def test_checks_missed_but_met(row, found):
    assert fired(_table(row), "missed_but_met") == found


def test_checks_target_missing_fires_on_an_empty_target_cell():
    doc = _table(["培训人次", "", "520人次", "20", "20", ""])
    assert fired(doc, "target_missing") == [("target_missing", "培训人次")]
    assert fired(_table(["培训人次", "≥500人次", "520人次", "20", "20", ""]), "target_missing") == []


RESULTS = ("法律援助案件办理数量目标值≥1300件，实际完成1320件；受援人满意度目标值≥90%，实际完成95.1%；"
           "法律援助案件结案率目标值≥95%，实际完成96.5%。")


@pytest.mark.parametrize("results, found", [
    (RESULTS, []),
    (RESULTS.replace("；法律援助案件结案率目标值≥95%，实际完成96.5%", ""), [("result_missing", "法律援助案件结案率")]),
    ("全年各项工作顺利推进。", [("result_missing", "3")]),  # no result at all: one finding for the list
])
def test_checks_result_missing(results, found):
    assert fired(CLEAN.replace(RESULTS, results), "result_missing") == found


def test_checks_result_missing_only_in_reports_that_state_results():
    goals = CLEAN.replace("项目支出绩效自评报告", "项目绩效目标申报表").replace(RESULTS, "全年各项工作顺利推进。")
    assert fired(goals, "result_missing") == []


RATE = "全年实际支出98.73万元，预算执行率为98.73%。"


@pytest.mark.parametrize("change, found", [
    ({}, []),
    ({RATE: "全年实际支出80万元，预算执行率为80%。"}, [("high_self_score", "96")]),
    ({"实际完成1320件": "实际完成1200件", "实际完成95.1%": "实际完成88%"}, [("high_self_score", "96")]),
    ({"实际完成1320件": "实际完成1200件"}, []),  # one missed indicator is not several
    ({RATE: "全年实际支出40万元（该项目为两年期项目，分年度实施），预算执行率为40%。"}, []),  # the year's share
    ({RATE: "全年实际支出80万元，预算执行率为80%。", "自评得分为96分": "自评得分为88分",
      "评价等级为“优”": "评价等级为“良”"}, []),  # not a high score
])
def test_checks_high_self_score(change, found):
    text = CLEAN
    for old, new in change.items():
        text = text.replace(old, new)
    assert fired(text, "high_self_score") == found


def test_checks_target_missing_not_for_results_stated_in_prose():
    """A report that sets no targets has its prose results as indicators (source 'prose'):
    they have no target by construction, so each is no finding."""
    text = ("2023年度文化下乡项目支出绩效自评报告\n一、项目概况\n年初预算安排资金50万元，全年实际支出49万元。\n"
            "二、绩效目标完成情况\n全年组织文艺演出下乡86场，培训基层文化骨干340人次。\n"
            "三、存在问题\n一是经费不足。\n四、改进措施\n一是争取资金。\n")
    rows = extract_document(document(text)).rows
    assert [(r["name"], r["source"]) for r in rows["indicators"]] == [
        ("文艺演出下乡", "prose"), ("培训基层文化骨干", "prose")]
    assert [r["rule"] for r in rows["checks"] if r["rule"] == "target_missing"] == []
