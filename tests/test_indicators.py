"""Indicators from lists, tables, flattened table text and prose, built by hand."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from extractors import indicators, scores
from extractors.indicators.vocab import achieved, lower_is_better, read_value
from extractors.records import DocFacts, IndicatorRecord
from pipeline import sections
from pipeline.core.document import Cell, Document, TextBuilder
from pipeline.readers import read
from tests.build_docx import build_seed_docx
from tests.conftest import SEED

MERGED_LEFT = "<"  # the cell is part of the one on its left (gridSpan)
COVERED = None  # the cell is covered by a merged cell above and absent (PDF)


def _cells(row: list[str | None]) -> list[Cell]:
    cells: list[Cell] = []
    for col, text in enumerate(row):
        if text == MERGED_LEFT:
            cells[-1].colspan += 1
        elif text is not COVERED:
            cells.append(Cell(row=0, col=col, text=text, char_start=0, char_end=0))
    return cells


def build(*parts: str | list[list[str | None]]) -> Document:
    """Paragraphs (str) and tables (rows of cell texts), as the docx and PDF readers lay them out."""
    builder = TextBuilder()
    for part in parts:
        if isinstance(part, str):
            for line in part.split("\n"):
                builder.add_paragraph(line)
        else:
            builder.add_table([_cells(row) for row in part])
    doc = Document(doc_id="t", source_path="t.docx", format="docx", text=builder.text(), tables=builder.tables)
    sections.build(doc)
    return doc


def run(doc: Document) -> tuple[list[IndicatorRecord], tuple[str, ...]]:
    # As in the pipeline: the scores extractor runs first and its total is checked against.
    records = indicators.extract(doc, {"scores": scores.extract(doc, {})})
    for record in records:
        if isinstance(record, IndicatorRecord):
            assert doc.text[record.span.char_start:record.span.char_end] == record.raw
    found = [r for r in records if isinstance(r, IndicatorRecord)]
    warnings = tuple(w for r in records if isinstance(r, DocFacts) for w in r.warnings)
    return found, warnings


def goal_section(*lines: str) -> Document:
    return build("一、项目基本情况", "本项目由区司法局负责实施。", "二、绩效目标设置情况", *lines,
                 "三、存在问题", "宣传力度不够。")


# --- list lines ------------------------------------------------------------------------------
@pytest.mark.parametrize("line, name, target_raw, op, value, unit", [
    ("1、依法治市咨询专家库专家人数  12人", "依法治市咨询专家库专家人数", "12人", None, "12", "人"),
    ("2、法治江门建设考评  7个市（区）", "法治江门建设考评", "7个市（区）", None, "7", "个"),
    ("3、法治江门建设考评覆盖率  100%。", "法治江门建设考评覆盖率", "100%", None, "100", "%"),
    ("（1）培训人次：≥500人次", "培训人次", "≥500人次", "≥", "500", "人次"),
    ("(2)普法宣传活动场次:不少于20场", "普法宣传活动场次", "不少于20场", "≥", "20", "场"),
    ("①群众满意度≥90%", "群众满意度", "≥90%", "≥", "90", "%"),
    ("② 培训合格率 95%以上", "培训合格率", "95%以上", "≥", "95", "%"),
    ("3.项目验收合格率100%", "项目验收合格率", "100%", None, "100", "%"),
    ("4．投诉率≤1%", "投诉率", "≤1%", "≤", "1", "%"),
    ("5）受益农户数\t1.2万户", "受益农户数", "1.2万户", None, "12000", "户"),
    ("（六）人均培训成本不超过200元", "人均培训成本", "不超过200元", "≤", "200.00", "元"),
    ("7、新建改造供水管网长度：达到120公里", "新建改造供水管网长度", "达到120公里", "=", "120", "公里"),
    ("8、申请办结时限　≤5个工作日", "申请办结时限", "≤5个工作日", "≤", "5", "个工作日"),
    ("⑨困难群众救助标准 ≥620元/月", "困难群众救助标准", "≥620元/月", "≥", "620.00", "元/月"),
    ("10、“法律明白人”培训覆盖村（社区）数量  116个", "“法律明白人”培训覆盖村（社区）数量", "116个", None, "116", "个"),
    ("11、巡查频次目标值：2次/月", "巡查频次", "2次/月", None, "2", "次/月"),
    ("- 安全事故发生次数  0起", "安全事故发生次数", "0起", None, "0", "起"),
    ("（1）数量指标：培训人次，指标值≥500人次", "培训人次", "≥500人次", "≥", "500", "人次"),
    ("指标2：培训合格率≥95%", "培训合格率", "≥95%", "≥", "95", "%"),
    ("（3）≥60岁老年人健康体检率 90%", "≥60岁老年人健康体检率", "90%", None, "90", "%"),
    ("①年度完成培训不少于500人次", "年度完成培训", "不少于500人次", "≥", "500", "人次"),
    ("a. 服务对象满意度＞85％", "服务对象满意度", "＞85％", ">", "85", "%"),
])
def test_indicators_list_line(line, name, target_raw, op, value, unit):
    [record], _ = run(goal_section(line))
    assert (record.name, record.target_raw, record.target_op) == (name, target_raw, op)
    assert (record.target_value, record.target_unit) == (D(value), unit)
    assert record.source == "text" and record.raw == line.strip()


@pytest.mark.parametrize("paragraph", [
    "年度绩效目标：产出指标：培训人民调解员≥600人次；培训合格率≥95%。效益指标：调解成功率≥95%。",
    "产出指标：培训人民调解员≥600人次；培训合格率≥95%。效益指标：调解成功率≥95%。",
])
def test_indicators_list_paragraph_of_level_sentences(paragraph):
    records, _ = run(goal_section(paragraph))
    assert [(r.name, r.target_raw, r.level1) for r in records] == [
        ("培训人民调解员", "≥600人次", "产出指标"), ("培训合格率", "≥95%", "产出指标"), ("调解成功率", "≥95%", "效益指标"),
    ]


@pytest.mark.parametrize("line, name, target_raw", [
    ("4、法治广东建设考评  保持上年度考评等次", "法治广东建设考评", "保持上年度考评等次"),
    ("5、依法治市水平  有提高", "依法治市水平", "有提高"),
    ("（3）社会治安状况：明显改善", "社会治安状况", "明显改善"),
    ("6.工程质量等级  优", "工程质量等级", "优"),
    ("7、是否按时完成年度任务  是", "是否按时完成年度任务", "是"),
    ("8、项目完成时间：2022年12月底前", "项目完成时间", "2022年12月底前"),
    ("9、资金拨付时间  12月底前", "资金拨付时间", "12月底前"),
])
def test_indicators_list_qualitative_target(line, name, target_raw):
    [record], _ = run(goal_section(line))
    assert (record.name, record.target_raw) == (name, target_raw)
    assert (record.target_op, record.target_value, record.target_unit) == (None, None, None)


@pytest.mark.parametrize("line", [
    "2021年度部门预算安排财政资金69.8万元。",
    "1、项目总投资69.8万元，其中财政资金50万元。",
    "（1）年度总体目标：完成全市法律援助工作",
    "2、项目资金  69.8万元",
    "通过项目实施，全年办理法律援助案件不少于90件，群众满意度达到90%以上。",
    "3、加强组织领导，成立工作专班，明确责任分工。",
    "根据年初确定的项目绩效指标，强化措施，扎实工作。",
])
def test_indicators_list_prose_and_budget_lines_are_not_indicators(line):
    assert run(goal_section(line))[0] == []


@pytest.mark.parametrize("line, target_raw, actual_raw", [
    ("1.资助家庭经济困难学生人次：年度目标12000人次，完成12680人次。", "12000人次", "12680人次"),
    ("2、资助对象认定准确率：目标值100%，实际完成值98.5%。", "100%", "98.5%"),
    ("（3）水库防洪能力：目标“明显提升”，实际明显提升", "明显提升", "明显提升"),
])
def test_indicators_list_line_with_its_actual(line, target_raw, actual_raw):
    [record], _ = run(goal_section(line))
    assert (record.target_raw, record.actual_raw) == (target_raw, actual_raw)


def test_indicators_list_level_prefix_with_a_comma_list():
    doc = goal_section("数量指标：培训人次500人次，培训场次10场、发放资料2000份")
    got = [(r.level2, r.name, r.target_value, r.raw) for r in run(doc)[0]]
    assert got == [("数量指标", "培训人次", D(500), "培训人次500人次"), ("数量指标", "培训场次", D(10), "培训场次10场"),
                   ("数量指标", "发放资料", D(2000), "发放资料2000份")]


def test_indicators_list_items_the_outline_took_for_headings():
    # "3、受援人满意度：≥95%" numbered like the top level reads as a sibling heading of the
    # goal section; "第二部分  …" after the goal section is a heading that ends it.
    doc = build("一、项目概况", "本项目由区司法局负责实施。", "二、年度绩效目标", "1、法律援助案件办理数量  ≥90件",
                "2、法律援助案件结案率  100%", "3、受援人满意度：≥95%", "第二部分  项目实施情况", "项目按计划实施。")
    assert [r.name for r in run(doc)[0]] == ["法律援助案件办理数量", "法律援助案件结案率", "受援人满意度"]


def test_indicators_list_levels_from_headings_and_prefixes():
    doc = goal_section(
        "（一）产出指标", "1.数量指标", "（1）培训人次：≥500人次", "2.质量指标",
        "①培训合格率≥95%", "3.时效指标：资金支付及时率100%；项目完成时间  2022年12月底前",
        "（二）效益指标", "1、社会效益指标：群众法治意识  明显提升",
        "（三）满意度指标", "服务对象满意度  不低于90%",
    )
    got = [(r.level1, r.level2, r.name) for r in run(doc)[0]]
    assert got == [
        ("产出指标", "数量指标", "培训人次"), ("产出指标", "质量指标", "培训合格率"),
        ("产出指标", "时效指标", "资金支付及时率"), ("产出指标", "时效指标", "项目完成时间"),
        ("效益指标", "社会效益", "群众法治意识"), ("满意度指标", None, "服务对象满意度"),
    ]


def test_indicators_list_only_under_goal_sections():
    doc = build("一、项目基本情况", "1、项目实施单位  区司法局", "2、培训人次  500人次", "二、存在问题", "无。")
    assert run(doc)[0] == []


# --- tables ----------------------------------------------------------------------------------
SELF_EVALUATION = [  # the 财政部 项目支出绩效自评表, budget block above the indicator block
    ["项目名称", "法律援助", MERGED_LEFT, MERGED_LEFT, MERGED_LEFT, MERGED_LEFT, MERGED_LEFT, MERGED_LEFT, MERGED_LEFT],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
    ["", "年度资金总额", "69.8", "69.8", "52.24", "10", "74.84%", "7.48", ""],
    ["年度总体目标", "预期目标", MERGED_LEFT, MERGED_LEFT, MERGED_LEFT, "实际完成情况", MERGED_LEFT, MERGED_LEFT, MERGED_LEFT],
    ["", "完成法律援助工作", MERGED_LEFT, MERGED_LEFT, MERGED_LEFT, "已完成", MERGED_LEFT, MERGED_LEFT, MERGED_LEFT],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["", "产出指标", "数量指标", "法律援助案件办理数量", "≥90件", "94件", "20", "20", ""],
    ["", "", "质量指标", "结案率", "100%", "100%", "20", "20", ""],
    ["", "", "时效指标", "补贴发放及时率", "100%", "95%", "10", "8.52", "个别案件补贴延迟"],
    ["", "效益指标", "社会效益指标", "困难群众合法权益保障", "有效保障", "有效保障", "20", "20", ""],
    ["", "满意度指标", "服务对象满意度指标", "受援人满意度", "≥95%", "98%", "20", "20", ""],
    ["总分", MERGED_LEFT, MERGED_LEFT, MERGED_LEFT, MERGED_LEFT, MERGED_LEFT, "100", "96", ""],
]
TWO_ROW_HEADER = [  # "指标值" over "目标值 | 实际值"; level cells merged down (absent, as in PDF)
    ["一级指标", "二级指标", "三级指标", "指标值", MERGED_LEFT, "权重", "得分"],
    ["", "", "", "目标值", "实际值", "", ""],
    ["产出指标", "数量指标", "培训人次", "≥500", "520", "30", "30"],
    [COVERED, COVERED, "培训场次", "≥10", "12", "20", "20"],
    [COVERED, "质量指标", "合格率", "≥95%", "96%", "20", "20"],
    ["成本指标", "经济成本指标", "人均培训成本", "≤200元", "210元", "10", "6"],
    ["满意度指标", "服务对象满意度", "学员满意度", "≥90%", "93%", "20", "20"],
    ["合计", MERGED_LEFT, MERGED_LEFT, MERGED_LEFT, MERGED_LEFT, "100", "96"],
]
GOAL_TABLE = [  # a 绩效目标表: op and unit in their own columns, header repeated after a page break
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["产出指标", "数量指标", "新建改造供水管网长度", "≥", "120", "公里"],
    ["", "", "受益农村人口", "≥", "3.5", "万人"],
    ["", "时效指标", "工程按期完工率", "＝", "100", "%"],
    ["成本指标", "经济成本指标", "单位造价", "≤", "45", "万元"],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["效益指标", "可持续影响指标", "农村自来水普及率", "定性", "稳步提高", ""],
]
NAME_TARGET_ACTUAL = [
    ["序号", "指标名称", "目标值", "实际值"],
    ["1", "发放补贴户数", "1200户", "1250户"],
    ["2", "投诉率", "≤1%", "0.5%"],
    ["3", "预算执行率", "100%", "95%"],  # a budget word, but one cell of it: an indicator
    ["4", "办结时限", "5个工作日", "6个工作日"],
    ["注：以上数据来源于业务系统", MERGED_LEFT, MERGED_LEFT, MERGED_LEFT],
]


def _rows(records):
    return [(r.level1, r.level2, r.name, r.target_raw, r.target_op, r.target_value, r.target_unit,
             r.actual_raw, r.actual_value, r.weight, r.score, r.achieved) for r in records]


def test_indicators_table_self_evaluation_form():
    records, warnings = run(build("附表：项目支出绩效自评表", SELF_EVALUATION))
    assert _rows(records) == [
        ("产出指标", "数量指标", "法律援助案件办理数量", "≥90件", "≥", D(90), "件", "94件", D(94), D(20), D(20), True),
        ("产出指标", "质量指标", "结案率", "100%", None, D(100), "%", "100%", D(100), D(20), D(20), True),
        ("产出指标", "时效指标", "补贴发放及时率", "100%", None, D(100), "%", "95%", D(95), D(10), D("8.52"), False),
        ("效益指标", "社会效益", "困难群众合法权益保障", "有效保障", None, None, None, "有效保障", None, D(20), D(20), None),
        ("满意度指标", "服务对象满意度", "受援人满意度", "≥95%", "≥", D(95), "%", "98%", D(98), D(20), D(20), True),
    ]
    assert all(r.source == "table" for r in records)
    assert records[0].raw == "产出指标\t数量指标\t法律援助案件办理数量\t≥90件\t94件\t20\t20"
    assert warnings == ()  # 88.52 + 7.48 for budget execution = 96


def test_indicators_table_two_row_header_and_absent_merged_cells():
    records, warnings = run(build("三、绩效指标完成情况", TWO_ROW_HEADER))
    assert [(r.level1, r.level2, r.name, r.target_raw, r.actual_raw, r.achieved) for r in records] == [
        ("产出指标", "数量指标", "培训人次", "≥500", "520", True),
        ("产出指标", "数量指标", "培训场次", "≥10", "12", True),
        ("产出指标", "质量指标", "合格率", "≥95%", "96%", True),
        ("成本指标", "经济成本指标", "人均培训成本", "≤200元", "210元", False),
        ("满意度指标", "服务对象满意度", "学员满意度", "≥90%", "93%", True),
    ]
    assert warnings == ()


def test_indicators_table_nature_and_unit_columns():
    records, _ = run(build("项目绩效目标表", GOAL_TABLE))
    assert [(r.name, r.target_op, r.target_value, r.target_unit) for r in records] == [
        ("新建改造供水管网长度", "≥", D(120), "公里"),
        ("受益农村人口", "≥", D(35000), "人"),
        ("工程按期完工率", "=", D(100), "%"),
        ("单位造价", "≤", D(450000), "元"),
        ("农村自来水普及率", None, None, None),
    ]
    assert [r.level2 for r in records] == ["数量指标", "数量指标", "时效指标", "经济成本指标", "可持续影响"]


def test_indicators_table_name_target_actual():
    records, _ = run(build("绩效指标完成情况", NAME_TARGET_ACTUAL))
    assert [(r.name, r.actual_value, r.actual_unit, r.achieved) for r in records] == [
        ("发放补贴户数", D(1250), "户", True), ("投诉率", D("0.5"), "%", True),
        ("预算执行率", D(95), "%", False),
        ("办结时限", D(6), "个工作日", False),  # a time limit: less is better
    ]


@pytest.mark.parametrize("budget_score, total, warning", [
    ("7.48", "96", None),
    ("7.48", "96.00", None),
    ("7.5", "96", None),  # 88.52 + 7.5 = 96.02: the total is written to the point
    ("7.48", "95.99", "add up to 88.52 (+7.48 for budget execution) but the 总分 row is 95.99"),
    ("7.48", "95", "add up to 88.52 (+7.48 for budget execution) but the 总分 row is 95"),
    ("", "88.52", None),  # a table whose total leaves the budget points out
])
def test_indicators_table_score_sum_check(budget_score, total, warning):
    rows = [list(row) for row in SELF_EVALUATION]
    rows[2][7], rows[-1][7] = budget_score, total
    _, warnings = run(build("附表", rows))
    assert warnings == ((f"indicator scores {warning} (table 1)",) if warning else ())


def test_indicators_table_score_over_weight_is_reported():
    rows = [list(row) for row in TWO_ROW_HEADER]
    rows[2][6], rows[-1][6] = "35", "101"
    _, warnings = run(build(rows))
    assert warnings == ("indicator 培训人次: score 35 exceeds its weight 30 (table 1)",)


def test_indicators_table_scores_checked_against_stated_self_score():
    rows = [row for row in TWO_ROW_HEADER if row[0] != "合计"]
    _, ok = run(build("四、自评结论", "该项目自评得分为96分。", rows))
    _, off = run(build("四、自评结论", "该项目自评得分为98分。", rows))
    assert ok == ()
    assert off == ("indicator scores add up to 96 but the self-evaluation score is 98 (table 1)",)


def test_indicators_table_without_indicator_header_is_ignored():
    budget = [["项目", "年初预算数", "全年预算数", "执行率"], ["法律援助", "69.8", "69.8", "74.84%"],
              ["合计", "69.8", "69.8", "74.84%"]]
    assert run(build("附表", budget))[0] == []


def test_indicators_table_self_evaluation_form_in_two_tables():
    budget, indicator_block = SELF_EVALUATION[:5], SELF_EVALUATION[5:]
    records, warnings = run(build("附表：项目支出绩效自评表", budget, indicator_block))
    assert len(records) == 5 and warnings == ()  # the 7.48 budget points are in the first table


def test_indicators_table_leaving_out_rows_it_counts():
    # The 总分 counts 9.5 points for budget execution that the table has no row for.
    rows = [["三级指标", "指标值", "实际值", "分值", "得分"], ["培训人次", "≥500", "520", "40", "40"],
            ["合格率", "≥95%", "96%", "30", "30"], ["学员满意度", "≥90%", "93%", "20", "20"],
            ["总分", "", "", "100", "99.5"]]
    _, warnings = run(build(rows))
    assert warnings == ("indicator weights add up to 90 of 100 and scores to 90 of the 99.5 in the 总分 row: "
                        "9.5 points come from rows the table does not list (table 1)",)


@pytest.mark.parametrize("header, row", [
    (["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "数据来源", "分值", "得分"],
     ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", "台账", "20", "20"]),
    (["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分"],
     ["产出指标", "数量指标", "培训人次", "20", "完成得满分", "20"]),
    (["序号", "指标名称（单位）", "年度目标值", "全年实际值", "偏差原因"],
     ["1", "（1）培训人次", "≥500人次", "520人次", ""]),
])
def test_indicators_table_header_variants(header, row):
    [record], _ = run(build([header, row]))
    assert record.name == "培训人次"


def test_indicators_table_unit_in_the_name():
    [record], _ = run(build([["三级指标", "指标值", "实际值"], ["新建改造供水管网长度（公里）", "≥120", "126.5"]]))
    assert (record.target_value, record.target_unit, record.actual_value, record.actual_unit, record.achieved) == (
        D(120), "公里", D("126.5"), "公里", True)


def test_indicators_table_and_list_of_one_report_are_merged():
    doc = build("二、绩效目标", "1、法律援助案件办理数量  ≥90件", "2、受援人满意度  ≥95%",
                "附表：项目支出绩效自评表", SELF_EVALUATION)
    records, _ = run(doc)
    assert [r.name for r in records].count("法律援助案件办理数量") == 1
    assert [r.source for r in records] == ["table"] * 5


# --- flattened rows --------------------------------------------------------------------------
FLAT = """附件
项目支出绩效自评表
项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 69.8 69.8 52.24 10 74.84% 7.48
年度总体目标 完成法律援助工作
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标 数量指标 法律援助案件办理数量 ≥90件 94件 20 20
质量指标 结案率 100% 100% 20 20
时效指标 补贴发放及时率 100% 95% 10 8.52 个别案件补贴延迟
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
效益指标 社会效益指标 困难群众合法权益保障 有效保障 有效保障 20 20
满意度指标 服务对象满意度指标 受援人满意度 ≥95% 98% 20 {last}
总分 100 96
填表人：张三  联系电话：0750-1234567"""


def test_indicators_flattened_rows():
    records, warnings = run(build(FLAT.format(last="20")))
    assert _rows(records) == [
        ("产出指标", "数量指标", "法律援助案件办理数量", "≥90件", "≥", D(90), "件", "94件", D(94), D(20), D(20), True),
        ("产出指标", "质量指标", "结案率", "100%", None, D(100), "%", "100%", D(100), D(20), D(20), True),
        ("产出指标", "时效指标", "补贴发放及时率", "100%", None, D(100), "%", "95%", D(95), D(10), D("8.52"), False),
        ("效益指标", "社会效益", "困难群众合法权益保障", "有效保障", None, None, None, "有效保障", None, D(20), D(20), None),
        ("满意度指标", "服务对象满意度", "受援人满意度", "≥95%", "≥", D(95), "%", "98%", D(98), D(20), D(20), True),
    ]
    assert records[1].raw == "质量指标 结案率 100% 100% 20 20"
    assert warnings == ()


def test_indicators_flattened_rows_sum_check():
    doc = build(FLAT.format(last="18"))
    _, warnings = run(doc)
    assert warnings == ("indicator scores add up to 86.52 (+7.48 for budget execution) but the 总分 row is 96 "
                        f"(flattened table at character {doc.text.index('一级指标')})",)


@pytest.mark.parametrize("after", ["总分 35 35", "四、项目实施情况\n全年举办培训7场。", "备注"])
def test_indicators_flattened_row_with_a_wrapped_name(after):
    text = ("一级指标 二级指标 三级指标 指标值 实际完成值 分值 得分\n"
            "产出指标 数量指标 享受居家养老服务补贴老年 ≥600人 612人 20 20\n人数\n"
            "质量指标 服务对象回访覆盖率 ≥95% 96% 15 15\n" + after)
    doc = Document(doc_id="t", source_path="t.txt", format="txt", text=text)
    sections.build(doc)
    records, warnings = run(doc)
    assert [r.name for r in records] == ["享受居家养老服务补贴老年人数", "服务对象回访覆盖率"]
    assert records[0].raw.endswith("20\n人数") and warnings == ()


def test_indicators_flattened_scored_framework_with_its_own_levels():
    text = ("部门整体支出绩效自评表\n一级指标 二级指标 三级指标 分值 得分\n"
            "履职效能 重点工作 重点工作完成率 10 9.5\n预算管理 预算执行 预算执行率 10 8\n总分 20 17.5")
    records, warnings = run(Document(doc_id="t", source_path="t.txt", format="txt", text=text))
    assert [(r.level1, r.level2, r.name, r.weight, r.score) for r in records] == [
        ("履职效能", "重点工作", "重点工作完成率", D(10), D("9.5")), ("预算管理", "预算执行", "预算执行率", D(10), D(8)),
    ]
    assert warnings == ()


@pytest.mark.parametrize("name", ["65岁及以上老年人健康管理人数", "0-6岁儿童健康管理率"])
def test_indicators_flattened_row_whose_name_opens_with_a_number(name):
    text = ("绩效指标完成情况见下表：\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            f"产出指标\t数量指标\t{name}\t≥42000人\t43800人\t10\t10\n三、项目管理情况")
    records, _ = run(Document(doc_id="t", source_path="t.txt", format="txt", text=text))
    assert [(r.name, r.target_raw, r.actual_raw) for r in records] == [(name, "≥42000人", "43800人")]


@pytest.mark.parametrize("sep", ["\t", "   ", " | ", "｜"])
def test_indicators_flattened_rows_any_separator(sep):
    rows = [["序号", "指标名称", "目标值", "完成值"], ["1", "培训人次", "≥500人次", "520人次"],
            ["2", "群众满意度", "≥90%", "93%"], ["3", "依法治市水平", "有提高", "明显提高"], ["合计", "3项"]]
    text = "绩效指标完成情况\n" + "\n".join(sep.join(row) for row in rows) + "\n以上指标均已完成。"
    records, _ = run(Document(doc_id="t", source_path="t.txt", format="txt", text=text))
    assert [(r.name, r.target_raw, r.actual_raw) for r in records] == [
        ("培训人次", "≥500人次", "520人次"), ("群众满意度", "≥90%", "93%"), ("依法治市水平", "有提高", "明显提高"),
    ]


# --- values and achievement ------------------------------------------------------------------
@pytest.mark.parametrize("raw, unit_column, nature, expected", [
    ("≥500人次", None, None, ("≥", D(500), "人次")),
    ("≧95%", None, None, ("≥", D(95), "%")),
    ("不低于90%", None, None, ("≥", D(90), "%")),
    ("90%以上", None, None, ("≥", D(90), "%")),
    ("5%以下", None, None, ("≤", D(5), "%")),
    ("≦3天", None, None, ("≤", D(3), "天")),
    ("＞85", None, None, (">", D(85), None)),
    ("＜2%", None, None, ("<", D(2), "%")),
    ("达到100%", None, None, ("=", D(100), "%")),
    ("10个工作日以内", None, None, ("≤", D(10), "个工作日")),
    ("95", "%", "≥", ("≥", D(95), "%")),
    ("69.8", "万元", "≤", ("≤", D(698000), "元")),
    ("2", "次/年", None, (None, D(2), "次/年")),
    ("≥1次/季度", None, None, ("≥", D(1), "次/季度")),
    ("有提高", None, None, (None, None, None)),
    ("达到预期", None, None, (None, None, None)),
    ("良好", None, "定性", (None, None, None)),
])
def test_indicators_read_value_ops(raw, unit_column, nature, expected):
    assert read_value(raw, unit_column, nature) == expected


@pytest.mark.parametrize("op, target, actual, lower_better, expected", [
    ("≥", "90", "94", False, True), ("≥", "90", "89", False, False),
    (">", "90", "90", False, False), ("≤", "1", "0.5", False, True), ("≤", "1", "1.2", False, False),
    ("<", "5", "5", False, False), ("=", "100", "100", False, True), ("=", "100", "98", False, False),
    (None, "12", "13", False, True), (None, "200", "210", True, False), (None, "200", "180", True, True),
    ("≥", "90", None, False, None), (None, None, "90", False, None),
])
def test_indicators_achieved(op, target, actual, lower_better, expected):
    as_decimal = (lambda v: D(v) if v is not None else None)
    assert achieved(op, as_decimal(target), as_decimal(actual), lower_better) is expected


@pytest.mark.parametrize("name, level2, nature, expected", [
    ("人均培训成本", None, None, True), ("群众投诉率", None, None, True), ("安全事故发生率", None, None, True),
    ("申请办结时限", None, None, True), ("单位造价", "经济成本指标", None, True), ("病媒密度", None, "反向指标", True),
    ("能耗下降率", None, None, False), ("高血压患者规范管理控制率", None, None, False),
    ("空气质量优良天数", None, None, False), ("上门服务时长", None, None, False),
])
def test_indicators_lower_is_better(name, level2, nature, expected):
    assert lower_is_better(name, level2, nature) is expected


# --- prose -----------------------------------------------------------------------------------
def _report(*result_lines: str) -> Document:
    return build(
        "一、项目概况", "本项目预算安排资金120万元。",
        "二、绩效目标", "1、法律援助案件办理数量  ≥90件", "2、法律援助案件结案率  100%",
        "3、受援人满意度  ≥95%", "4、法律宣传资料发放  5000份",
        "三、绩效目标完成情况", *result_lines,
        "四、存在问题", "个别案件办理周期偏长，共3件。",
    )


def test_indicators_prose_fills_actuals_of_known_indicators():
    records, _ = run(_report("2021年全年共办理法律援助案件94件，完成年度目标的104%；结案率100%。",
                             "经抽样回访，受援人满意度为98.5%。"))
    got = {r.name: (r.actual_raw, r.actual_value, r.achieved) for r in records}
    assert got == {
        "法律援助案件办理数量": ("94件", D(94), True),
        "法律援助案件结案率": ("100%", D(100), True),
        "受援人满意度": ("98.5%", D("98.5"), True),
        "法律宣传资料发放": (None, None, None),
    }
    filled = next(r for r in records if r.name == "受援人满意度")
    assert filled.actual_evidence == "经抽样回访，受援人满意度为98.5%。"
    assert filled.raw == "3、受援人满意度  ≥95%"


@pytest.mark.parametrize("sentence", [
    "全年共开展各类活动120场，完成年度目标的104%。",  # no indicator named
    "群众满意度达到97%。",  # another satisfaction than the 受援人's
    "共发放法律宣传资料5000余册。",  # a unit other than the target's
])
def test_indicators_prose_leaves_unrelated_numbers_alone(sentence):
    records, _ = run(_report(sentence))
    assert all(r.actual_raw is None for r in records)


def test_indicators_prose_outside_result_sections_fills_nothing():
    doc = build("二、绩效目标", "1、法律援助案件办理数量  ≥90件", "三、主要做法", "全年共办理法律援助案件94件。")
    [record], _ = run(doc)
    assert record.actual_raw is None


@pytest.mark.parametrize("sentence, name, target, actual", [
    ("其中数量指标“法律咨询接待人次”目标值1000人次，实际完成1200人次。", "法律咨询接待人次", "1000人次", "1200人次"),
    ("培训场次指标，年度目标值为≥10场，实际完成值为12场。", "培训场次", "≥10场", "12场"),
    ("资金拨付及时率目标100%，实际完成95%，主要原因是部分资金年底才到位。", "资金拨付及时率", "100%", "95%"),
    ("1.数量指标：全年开展法律培训实际完成520人次（目标值500人次），完成率104%。", "全年开展法律培训", "500人次", "520人次"),
    ("困难群众基本生活保障：目标值“有效保障”，实际有效保障。", "困难群众基本生活保障", "有效保障", "有效保障"),
    ("城乡低保标准目标不低于940元/月，实际完成940元/月。", "城乡低保标准", "不低于940元/月", "940元/月"),
    ("时效指标：“以案定补”资金发放及时率年度目标100％，实际完成值100％。", "“以案定补”资金发放及时率", "100％", "100％"),
    ("受益学生人数年度目标为不少于52000人，实际受益学生53416人，完成年度目标。", "受益学生人数", "不少于52000人", "53416人"),
    ("学生及家长满意度目标为不低于90%，经抽样调查，实际满意度为95.2%。", "学生及家长满意度", "不低于90%", "95.2%"),
])
def test_indicators_prose_explicit_target_and_actual(sentence, name, target, actual):
    doc = build("三、项目绩效情况", "（二）绩效完成情况", sentence, "四、存在问题", "无。")
    [record], _ = run(doc)
    assert (record.name, record.target_raw, record.actual_raw, record.source) == (name, target, actual, "text")
    assert record.raw == doc.text[record.span.char_start:record.span.char_end]


# --- the seed report -----------------------------------------------------------------------
SEED_INDICATORS = [
    ("依法治市咨询专家库专家人数", "12人", D(12), "人"), ("法治江门建设考评", "7个市（区）", D(7), "个"),
    ("法治江门建设考评覆盖率", "100%", D(100), "%"), ("法治广东建设考评", "保持上年度考评等次", None, None),
    ("依法治市水平", "有提高", None, None),
]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_indicators_seed_gives_exactly_its_five(fmt, tmp_path):
    doc = read(SEED if fmt == "txt" else build_seed_docx(tmp_path / "seed.docx"))
    sections.build(doc)
    records, warnings = run(doc)
    assert [(r.name, r.target_raw, r.target_value, r.target_unit) for r in records] == SEED_INDICATORS
    assert {r.source for r in records} == {"text" if fmt == "txt" else "table"} and warnings == ()


# --- the offset invariant over every form ------------------------------------------------------
@pytest.mark.parametrize("doc", [
    _report("全年共办理法律援助案件94件，结案率100%。"),
    build("附表：项目支出绩效自评表", SELF_EVALUATION),
    build(TWO_ROW_HEADER, GOAL_TABLE, NAME_TARGET_ACTUAL),
    build(FLAT.format(last="20")),
], ids=["lists-and-prose", "self-evaluation-table", "three-tables", "flattened"])
def test_indicators_offsets_point_at_raw(doc):
    records, _ = run(doc)
    assert records
    for record in records:
        assert doc.text[record.span.char_start:record.span.char_end] == record.raw
        line_start = doc.text.rfind("\n", 0, record.span.char_start) + 1
        assert record.span.evidence.startswith(doc.text[line_start:record.span.char_start].strip())
