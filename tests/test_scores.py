"""The total self-evaluation score and grade: cues, 自评表 total rows, and the traps around them."""
from __future__ import annotations

from decimal import Decimal

import pytest

from extractors import scores
from extractors.context import Context
from pipeline import sections
from pipeline.core.document import Cell, Document, TextBuilder


def facts_of(text: str):
    doc = Document(doc_id="t", source_path="t.txt", format="txt", text=text)
    sections.build(doc)
    (facts,) = scores.extract(doc, Context())
    return facts


def facts_of_table(rows: list[list[str]], after: str | None = None):
    builder = TextBuilder()
    builder.add_paragraph("2021年度项目支出绩效自评表")
    builder.add_table([[Cell(0, c, text, 0, 0) for c, text in enumerate(row)] for row in rows])
    if after:
        builder.add_paragraph(after)
    doc = Document(doc_id="t", source_path="t.docx", format="docx", text=builder.text(),
                   tables=builder.tables)
    sections.build(doc)
    (facts,) = scores.extract(doc, Context())
    return facts


@pytest.mark.parametrize("text,score", [
    ("六、项目自评结论及得分\n根据项目绩效自评指标评分标准，该项目自评得分为96分，具体自评情况见附表。\n", "96"),
    ("自评分:100分", "100"),
    ("自评分：98分（满分100分）。", "98"),
    ("自评得分\n90 分\n", "90"),
    ("综合评分：92.5分，评价等级为“优”。", "92.5"),
    ("四、自评结论\n总分 95\n", "95"),
    ("本项目自评得分96分，评价等级为优。", "96"),
    ("经评价，本项目综合得分为88.6分。", "88.6"),
    ("该项目绩效评价得分为91分，绩效评价等级为优。", "91"),
    ("项目绩效自评总分为９７分。", "97"),
    ("评价指标体系总分100分，本项目自评得分88分，自评结果为良好。", "88"),
    ("经综合评定，项目绩效评价等次为“良好”，得分85.5分。", "85.5"),
    # The department's own total beside the scores of its projects.
    ("部门整体支出绩效自评综合得分93分，其中：A项目自评得分95分，B项目自评得分90分。", "93"),
    # The conclusion restates the total; the same value twice is one score.
    ("一、项目概况\n本项目自评得分94分。\n五、自评结论\n综上，本项目自评得分94分。\n", "94"),
    # The conclusion breaks the total down.
    ("六、项目自评结论\n本项目自评得分96分，其中：项目决策得分18分，项目过程得分19分，项目产出得分38分。\n", "96"),
    # Item scores sit beside their own scale (分值 below 100); the total does not.
    ("（一）预算执行率：分值10分，自评得分10分。\n（二）产出数量：分值30分，自评得分28分。\n"
     "综上，本项目自评得分94分。", "94"),
])
def test_scores_total_stated_in_text(text, score):
    facts = facts_of(text)
    assert facts.self_score == Decimal(score)
    assert score in facts.self_score_evidence.replace("９７", "97")


@pytest.mark.parametrize("text,score", [
    ("综合评定，本项目2022年度绩效自评得分为九十四分。", "94"),
    ("经自评，综合得分为八十七点五分，等级为良。", "87.5"),
    # "十分" after a cue is an adverb, not a score.
    ("本项目自评得分十分理想。", None),
    ("项目总得分为十分满意。", None),
])
def test_scores_total_in_chinese_numerals(text, score):
    assert facts_of(text).self_score == (Decimal(score) if score else None)


@pytest.mark.parametrize("text,warning", [
    ("产出指标得分38分，效益指标得分27分，满意度指标得分9分。", None),
    ("各项目平均得分为93.5分。", "average"),
    ("本次对12个项目开展自评，平均自评得分91.2分。", "average"),
    ("评价体系满分100分。", "maximum"),
    ("A项目自评得分95分，B项目自评得分90分。", "several"),
    ("项目自评得分率为96%。", None),
    ("自评得分情况详见附表。", None),
])
def test_scores_traps_give_no_total(text, warning):
    facts = facts_of(text)
    assert facts.self_score is None
    if warning:
        assert any(warning in w for w in facts.warnings)
    else:
        assert facts.warnings == ()


@pytest.mark.parametrize("rows,score", [
    # The 总分 row holds the scale (分值) and the score (得分); the header tells which is which.
    ([["一级指标", "二级指标", "三级指标", "分值", "得分", "偏差原因"],
      ["产出指标", "数量指标", "培训人数", "20", "19", "部分学员缺席"],
      ["效益指标", "社会效益", "群众满意度", "80", "77", ""],
      ["总分", "", "", "100", "96", ""]], "96"),
    ([["指标", "权重", "自评分"], ["预算执行率", "10", "9.5"], ["合计", "100", "93.5"]], "93.5"),
    # No header: the row's two numbers are the scale and the score.
    ([["预算执行率", "10", "9"], ["总分", "100", "92"]], "92"),
    # A key-value table.
    ([["项目名称", "依法治市工作经费"], ["自评得分", "95"], ["评价等级", "优"]], "95"),
])
def test_scores_total_row_of_a_self_evaluation_table(rows, score):
    facts = facts_of_table(rows)
    assert facts.self_score == Decimal(score)
    assert facts.self_score_evidence


def test_scores_grade_from_a_key_value_table():
    rows = [["项目名称", "依法治市工作经费"], ["自评得分", "95"], ["评价等级", "优秀"]]
    assert facts_of_table(rows).grade == "优"


def test_scores_budget_total_row_is_no_score():
    rows = [["项目", "预算数（万元）", "执行数（万元）"], ["办公费", "12.5", "11.2"], ["合计", "69.8", "52.24"]]
    assert facts_of_table(rows).self_score is None


@pytest.mark.parametrize("text,grade", [
    ("本项目自评得分96分，评价等级为优。", "优"),
    ("综合评分92.5分，评价等级为“优”。", "优"),
    ("自评结果为优秀。", "优"),
    ("经综合评定，项目绩效评价等次为“良好”，得分85.5分。", "良"),
    ("本项目自评得分75分，绩效评价等级为中。", "中"),
    ("本项目自评等级：合格。", "中"),
    ("项目自评得分58分，评定为“差”等级。", "差"),
    ("该项目绩效评价结论为不合格。", "差"),
    # The scale is stated, not applied: no grade without the text saying so.
    ("评分标准：90分（含）以上为优，80-90分为良，60-80分为中，60分以下为差。本项目自评得分85分。", None),
    ("评价等级分为优、良、中、差四个等级。", None),
    # A grade of something else ("考评") in a report that does not grade itself.
    ("我市实现2018、2019、2020年连续三年获评优秀等次。本项目自评得分92分。", None),
    ("法治广东建设考评等次为优秀。", None),
    ("本项目工程质量等级为合格，自评得分90分。", None),
    ("本项目验收结果为合格。", None),
    ("全市绩效评价等级中，优秀项目占比达到80%。", None),
])
def test_scores_grade_only_where_stated(text, grade):
    assert facts_of(text).grade == grade


@pytest.mark.parametrize("text,score", [
    ("一、项目概况\n上年度（2021年）该项目自评得分为90分。\n", None),
    ("一、项目概况\n去年自评得分88分，今年进一步完善。\n五、自评结论\n与上年相比，本项目自评得分95分。\n", "95"),
])
def test_scores_another_years_score_is_not_the_total(text, score):
    assert facts_of(text).self_score == (Decimal(score) if score else None)


@pytest.mark.parametrize("rows,score", [
    # A whole 自评表: the budget block's 得分 is the last column, the indicators' the one
    # before; the 总分 row is read under the nearest header above it.
    ([["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", "800", "850", "816", "10", "96%", "9.6"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
      ["产出指标", "数量指标", "养护里程", "≥1200公里", "1230公里", "90", "78", ""],
      ["总分", "", "", "", "", "100", "87.6", ""]], "87.6"),
    # Saved as text, the merged 总分 cells are written once: the 得分 column is empty in the
    # total row, whose two numbers are still scale and score.
    ([["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
      ["产出指标", "数量指标", "养护里程", "≥1200公里", "1230公里", "100", "87.6", ""],
      ["总分", "100", "87.6", ""]], "87.6"),
])
def test_scores_total_row_under_the_nearest_score_header(rows, score):
    assert facts_of_table(rows).self_score == Decimal(score)


@pytest.mark.parametrize("text,score", [
    # A 自评表 saved as text: the 总分 row is a line of tab-separated cells, scale then score.
    ("一级指标\t三级指标\t分值\t得分\n产出指标\t养护里程\t20\t20\n总分\t100\t87.6\t\n", "87.6"),
    ("总分 100 92.5\n填报单位：某局", "92.5"),
])
def test_scores_total_row_flattened_to_a_line(text, score):
    assert facts_of(text).self_score == Decimal(score)


@pytest.mark.parametrize("text", [
    "本项目总分100分，其中产出指标50分。",  # the scale in a sentence
    "总分\t100\t120\n",  # the second number is no score
])
def test_scores_total_line_without_a_score(text):
    assert facts_of(text).self_score is None
