"""Review checks on the 自评表's arithmetic: scores within their 分值, scores and 分值 adding up
to the 总分 row or the stated self-score. (Moved here with the checks from the indicators
extractor's warnings: the same documents, the same verdicts.)"""
from __future__ import annotations

import pytest

from pipeline import sections
from pipeline.core.document import Document
from tests.build_checks import review
from tests.build_indicators import build
from tests.test_indicators_table import FLAT, SELF_EVALUATION, TWO_ROW_HEADER

SCORE_RULES = ("score_sum", "weight_sum", "unlisted_points", "score_over_weight")


def _scored(doc) -> list[tuple[str, str, str]]:
    return [(r["rule"], r["value_stated"], r["message"]) for r in review(doc) if r["rule"] in SCORE_RULES]


@pytest.mark.parametrize("budget_score, total, message", [
    ("7.48", "96", None),
    ("7.48", "96.00", None),
    ("7.5", "96", None),  # 88.52 + 7.5 = 96.02: the total is written to the point
    ("7.48", "95.99", "各指标得分合计88.52分，加预算执行得分7.48分共96分，与总分行95.99分不符"),
    ("7.48", "95", "各指标得分合计88.52分，加预算执行得分7.48分共96分，与总分行95分不符"),
    ("", "88.52", None),  # a table whose total leaves the budget points out
])
def test_checks_score_sum_against_the_total_row(budget_score, total, message):
    rows = [list(row) for row in SELF_EVALUATION]
    rows[2][7], rows[-1][7] = budget_score, total
    found = _scored(build("附表", rows))
    assert found == ([("score_sum", total, message)] if message else [])


def test_checks_score_over_its_weight_fires():
    rows = [list(row) for row in TWO_ROW_HEADER]
    rows[2][6], rows[-1][6] = "35", "101"
    assert _scored(build(rows)) == [("score_over_weight", "35", "指标“培训人次”得分35分，超过其分值30分")]


def test_checks_weights_not_adding_up_to_the_total_row_fire():
    rows = [list(row) for row in TWO_ROW_HEADER]
    rows[2][5] = "35"
    assert _scored(build(rows)) == [("weight_sum", "105", "各指标分值合计105分，与总分行满分100分不符")]


def test_checks_scores_against_the_stated_self_score():
    rows = [row for row in TWO_ROW_HEADER if row[0] != "合计"]
    assert _scored(build("四、自评结论", "该项目自评得分为96分。", rows)) == []
    assert _scored(build("四、自评结论", "该项目自评得分为98分。", rows)) == [
        ("score_sum", "98", "各指标得分合计96分，与自评得分98分不符")]


SCORES_ONLY = [["三级指标", "指标值", "实际完成值", "得分"], ["新建集中供水工程", "≥35处", "36处", "15"],
               ["工程验收合格率", "100%", "100%", "15"], ["受益群众满意度", "≥90%", "94%", "10"]]


@pytest.mark.parametrize("stated, found", [
    # a table of scores only lists part of what the self-score counts (决策, 过程 …)
    ("93", [("unlisted_points", "93", "表中各指标得分合计40分，自评得分93分中有53分来自表中未列出的行（如预算执行率）")]),
    ("40", []),
    ("38", [("score_sum", "38", "各指标得分合计40分，与自评得分38分不符")]),  # more than the whole
])
def test_checks_scores_without_weights_against_the_stated_self_score(stated, found):
    assert _scored(build("四、自评结论", f"该项目自评得分为{stated}分。", SCORES_ONLY)) == found


def test_checks_total_counting_rows_the_table_does_not_list():
    # The 总分 counts 9.5 points for budget execution that the table has no row for.
    rows = [["三级指标", "指标值", "实际值", "分值", "得分"], ["培训人次", "≥500", "520", "40", "40"],
            ["合格率", "≥95%", "96%", "30", "30"], ["学员满意度", "≥90%", "93%", "20", "20"],
            ["总分", "", "", "100", "99.5"]]
    assert _scored(build(rows)) == [("unlisted_points", "99.5", "表中各指标分值合计90分、得分合计90分，"
                                     "总分行99.5分中有9.5分来自表中未列出的行（如预算执行率）")]


def test_checks_flattened_rows_sum_check():
    assert _scored(_text(FLAT.format(last="18"))) == [
        ("score_sum", "96", "各指标得分合计86.52分，加预算执行得分7.48分共94分，与总分行96分不符")]


def _text(text: str) -> Document:
    doc = Document(doc_id="t", source_path="t.txt", format="txt", text=text)
    sections.build(doc)
    return doc


@pytest.mark.parametrize("doc", [
    build("附表：项目支出绩效自评表", SELF_EVALUATION),  # 88.52 + 7.48 for budget execution = 96
    build("三、绩效指标完成情况", TWO_ROW_HEADER),
    build("附表：项目支出绩效自评表", SELF_EVALUATION[:5], SELF_EVALUATION[5:]),  # budget points in the first table
    _text(FLAT.format(last="20")),
    _text("部门整体支出绩效自评表\n一级指标 二级指标 三级指标 分值 得分\n"
          "履职效能 重点工作 重点工作完成率 10 9.5\n预算管理 预算执行 预算执行率 10 8\n总分 20 17.5"),
    _text("一级指标 二级指标 三级指标 指标值 实际完成值 分值 得分\n"
          "产出指标 数量指标 享受居家养老服务补贴老年 ≥600人 612人 20 20\n人数\n"
          "质量指标 服务对象回访覆盖率 ≥95% 96% 15 15\n总分 35 35"),
], ids=["self-evaluation", "two-row-header", "form-in-two-tables", "flattened", "scored-framework", "wrapped-name"])
def test_checks_tables_that_add_up_are_quiet(doc):
    assert _scored(doc) == []
