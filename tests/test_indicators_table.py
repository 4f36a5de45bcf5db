"""Indicators from tables and from tables flattened into lines of text; offsets over every form."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from pipeline import sections
from pipeline.core.document import Document
from tests.build_indicators import COVERED, MERGED_LEFT, build, results_report, run


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


# The form's indicator rows as read, whether the form is a table or flattened into lines.
SELF_EVALUATION_ROWS = [
    ("产出指标", "数量指标", "法律援助案件办理数量", "≥90件", "≥", D(90), "件", "94件", D(94), D(20), D(20), True),
    ("产出指标", "质量指标", "结案率", "100%", None, D(100), "%", "100%", D(100), D(20), D(20), True),
    ("产出指标", "时效指标", "补贴发放及时率", "100%", None, D(100), "%", "95%", D(95), D(10), D("8.52"), False),
    ("效益指标", "社会效益", "困难群众合法权益保障", "有效保障", None, None, None, "有效保障", None, D(20), D(20), None),
    ("满意度指标", "服务对象满意度", "受援人满意度", "≥95%", "≥", D(95), "%", "98%", D(98), D(20), D(20), True),
]


def test_indicators_table_self_evaluation_form():
    records = run(build("附表：项目支出绩效自评表", SELF_EVALUATION))
    assert _rows(records) == SELF_EVALUATION_ROWS
    assert all(r.source == "table" for r in records)
    assert records[0].raw == "产出指标\t数量指标\t法律援助案件办理数量\t≥90件\t94件\t20\t20"


def test_indicators_table_two_row_header_and_absent_merged_cells():
    records = run(build("三、绩效指标完成情况", TWO_ROW_HEADER))
    assert [(r.level1, r.level2, r.name, r.target_raw, r.actual_raw, r.achieved) for r in records] == [
        ("产出指标", "数量指标", "培训人次", "≥500", "520", True),
        ("产出指标", "数量指标", "培训场次", "≥10", "12", True),
        ("产出指标", "质量指标", "合格率", "≥95%", "96%", True),
        ("成本指标", "经济成本指标", "人均培训成本", "≤200元", "210元", False),
        ("满意度指标", "服务对象满意度", "学员满意度", "≥90%", "93%", True),
    ]


def test_indicators_table_nature_and_unit_columns():
    records = run(build("项目绩效目标表", GOAL_TABLE))
    assert [(r.name, r.target_op, r.target_value, r.target_unit) for r in records] == [
        ("新建改造供水管网长度", "≥", D(120), "公里"),
        ("受益农村人口", "≥", D(35000), "人"),
        ("工程按期完工率", "=", D(100), "%"),
        ("单位造价", "≤", D(450000), "元"),
        ("农村自来水普及率", None, None, None),
    ]
    assert [r.level2 for r in records] == ["数量指标", "数量指标", "时效指标", "经济成本指标", "可持续影响"]


def test_indicators_table_name_target_actual():
    records = run(build("绩效指标完成情况", NAME_TARGET_ACTUAL))
    assert [(r.name, r.actual_value, r.actual_unit, r.achieved) for r in records] == [
        ("发放补贴户数", D(1250), "户", True), ("投诉率", D("0.5"), "%", True),
        ("预算执行率", D(95), "%", False),
        ("办结时限", D(6), "个工作日", False),  # a time limit: less is better
    ]


def test_indicators_table_without_indicator_header_is_ignored():
    budget = [["项目", "年初预算数", "全年预算数", "执行率"], ["法律援助", "69.8", "69.8", "74.84%"],
              ["合计", "69.8", "69.8", "74.84%"]]
    assert run(build("附表", budget)) == []


def test_indicators_table_self_evaluation_form_in_two_tables():
    budget, indicator_block = SELF_EVALUATION[:5], SELF_EVALUATION[5:]
    records = run(build("附表：项目支出绩效自评表", budget, indicator_block))
    assert len(records) == 5  # the 7.48 budget points are in the first table


@pytest.mark.parametrize("header, row", [
    (["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "数据来源", "分值", "得分"],
     ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", "台账", "20", "20"]),
    (["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分"],
     ["产出指标", "数量指标", "培训人次", "20", "完成得满分", "20"]),
    (["序号", "指标名称（单位）", "年度目标值", "全年实际值", "偏差原因"],
     ["1", "（1）培训人次", "≥500人次", "520人次", ""]),
    (["指标名称", "计划目标", "实际完成", "分值", "得分"],
     ["培训人次", "≥500人次", "520人次", "10", "10"]),
])
def test_indicators_table_header_variants(header, row):
    [record] = run(build([header, row]))
    assert record.name == "培训人次"
    if "≥500人次" in row:
        assert (record.target_raw, record.actual_raw) == ("≥500人次", "520人次")


def test_indicators_table_unit_in_the_name():
    [record] = run(build([["三级指标", "指标值", "实际值"], ["新建改造供水管网长度（公里）", "≥120", "126.5"]]))
    assert (record.target_value, record.target_unit, record.actual_value, record.actual_unit, record.achieved) == (
        D(120), "公里", D("126.5"), "公里", True)


def test_indicators_table_and_list_of_one_report_are_merged():
    doc = build("二、绩效目标", "1、法律援助案件办理数量  ≥90件", "2、受援人满意度  ≥95%",
                "附表：项目支出绩效自评表", SELF_EVALUATION)
    records = run(doc)
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
    records = run(build(FLAT.format(last="20")))
    assert _rows(records) == SELF_EVALUATION_ROWS
    assert records[1].raw == "质量指标 结案率 100% 100% 20 20"


@pytest.mark.parametrize("after", ["总分 35 35", "四、项目实施情况\n全年举办培训7场。", "备注"])
def test_indicators_flattened_row_with_a_wrapped_name(after):
    text = ("一级指标 二级指标 三级指标 指标值 实际完成值 分值 得分\n"
            "产出指标 数量指标 享受居家养老服务补贴老年 ≥600人 612人 20 20\n人数\n"
            "质量指标 服务对象回访覆盖率 ≥95% 96% 15 15\n" + after)
    doc = Document(doc_id="t", source_path="t.txt", format="txt", text=text)
    sections.build(doc)
    records = run(doc)
    assert [r.name for r in records] == ["享受居家养老服务补贴老年人数", "服务对象回访覆盖率"]
    assert records[0].raw.endswith("20\n人数")


@pytest.mark.parametrize("target, actual", [("≤35,000元", "33,076元"), ("≥1,200人次", "1,356人次")])
def test_indicators_flattened_row_with_thousands_separators_keeps_the_table_going(target, actual):
    """A comma that groups thousands is no sentence: the row is read, and so are the rows after it."""
    text = ("一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分\n"
            f"产出指标  成本指标  单处工程平均维修成本  {target}  {actual}  5  5\n"
            "效益指标  社会效益指标  受益农村人口  ≥8万人  8.36万人  10  10\n合计  15  15")
    records = run(Document(doc_id="t", source_path="t.txt", format="txt", text=text))
    assert [(r.name, r.target_raw, r.actual_raw) for r in records] == [
        ("单处工程平均维修成本", target, actual), ("受益农村人口", "≥8万人", "8.36万人")]


def test_indicators_form_copied_one_cell_a_line():
    """A 自评表 copied from a web page with every cell on a line of its own."""
    cells = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
             "产出指标", "数量指标", "农产品定量检测样品数量", "≥3000批次", "3126批次", "10", "10",
             "满意度指标", "服务对象满意度指标", "生产经营主体满意度", "≥90%", "92.6%", "10", "10",
             "总分", "20", "20"]
    records = run(Document(doc_id="t", source_path="t.txt", format="txt", text="\n".join(cells)))
    assert [(r.level1, r.name, r.target_raw, r.actual_raw, r.score) for r in records] == [
        ("产出指标", "农产品定量检测样品数量", "≥3000批次", "3126批次", D(10)),
        ("满意度指标", "生产经营主体满意度", "≥90%", "92.6%", D(10))]


def test_indicators_flattened_scored_framework_with_its_own_levels():
    text = ("部门整体支出绩效自评表\n一级指标 二级指标 三级指标 分值 得分\n"
            "履职效能 重点工作 重点工作完成率 10 9.5\n预算管理 预算执行 预算执行率 10 8\n总分 20 17.5")
    records = run(Document(doc_id="t", source_path="t.txt", format="txt", text=text))
    assert [(r.level1, r.level2, r.name, r.weight, r.score) for r in records] == [
        ("履职效能", "重点工作", "重点工作完成率", D(10), D("9.5")), ("预算管理", "预算执行", "预算执行率", D(10), D(8)),
    ]


@pytest.mark.parametrize("name", ["65岁及以上老年人健康管理人数", "0-6岁儿童健康管理率"])
def test_indicators_flattened_row_whose_name_opens_with_a_number(name):
    text = ("绩效指标完成情况见下表：\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            f"产出指标\t数量指标\t{name}\t≥42000人\t43800人\t10\t10\n三、项目管理情况")
    records = run(Document(doc_id="t", source_path="t.txt", format="txt", text=text))
    assert [(r.name, r.target_raw, r.actual_raw) for r in records] == [(name, "≥42000人", "43800人")]


@pytest.mark.parametrize("sep", ["\t", "   ", " | ", "｜"])
def test_indicators_flattened_rows_any_separator(sep):
    rows = [["序号", "指标名称", "目标值", "完成值"], ["1", "培训人次", "≥500人次", "520人次"],
            ["2", "群众满意度", "≥90%", "93%"], ["3", "依法治市水平", "有提高", "明显提高"], ["合计", "3项"]]
    text = "绩效指标完成情况\n" + "\n".join(sep.join(row) for row in rows) + "\n以上指标均已完成。"
    records = run(Document(doc_id="t", source_path="t.txt", format="txt", text=text))
    assert [(r.name, r.target_raw, r.actual_raw) for r in records] == [
        ("培训人次", "≥500人次", "520人次"), ("群众满意度", "≥90%", "93%"), ("依法治市水平", "有提高", "明显提高"),
    ]


# --- the offset invariant over every form ------------------------------------------------------
@pytest.mark.parametrize("doc", [
    results_report("全年共办理法律援助案件94件，结案率100%。"),
    build("附表：项目支出绩效自评表", SELF_EVALUATION),
    build(TWO_ROW_HEADER, GOAL_TABLE, NAME_TARGET_ACTUAL),
    build(FLAT.format(last="20")),
], ids=["lists-and-prose", "self-evaluation-table", "three-tables", "flattened"])
def test_indicators_offsets_point_at_raw(doc):
    records = run(doc)
    assert records
    for record in records:
        assert doc.text[record.span.char_start:record.span.char_end] == record.raw
        line_start = doc.text.rfind("\n", 0, record.span.char_start) + 1
        assert record.span.evidence.startswith(doc.text[line_start:record.span.char_start].strip())
