"""Indicators from goal lists and from prose, and the five of the seed report."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from pipeline import sections
from pipeline.readers import read
from tests.build_docx import build_seed_docx
from tests.build_indicators import build, goal_section, results_report, run
from tests.conftest import SEED


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
    [record] = run(goal_section(line))
    assert (record.name, record.target_raw, record.target_op) == (name, target_raw, op)
    assert (record.target_value, record.target_unit) == (D(value), unit)
    assert record.source == "text" and record.raw == line.strip()


@pytest.mark.parametrize("paragraph", [
    "年度绩效目标：产出指标：培训人民调解员≥600人次；培训合格率≥95%。效益指标：调解成功率≥95%。",
    "产出指标：培训人民调解员≥600人次；培训合格率≥95%。效益指标：调解成功率≥95%。",
])
def test_indicators_list_paragraph_of_level_sentences(paragraph):
    records = run(goal_section(paragraph))
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
    [record] = run(goal_section(line))
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
    assert run(goal_section(line)) == []


@pytest.mark.parametrize("line, target_raw, actual_raw", [
    ("1.资助家庭经济困难学生人次：年度目标12000人次，完成12680人次。", "12000人次", "12680人次"),
    ("2、资助对象认定准确率：目标值100%，实际完成值98.5%。", "100%", "98.5%"),
    ("（3）水库防洪能力：目标“明显提升”，实际明显提升", "明显提升", "明显提升"),
])
def test_indicators_list_line_with_its_actual(line, target_raw, actual_raw):
    [record] = run(goal_section(line))
    assert (record.target_raw, record.actual_raw) == (target_raw, actual_raw)


def test_indicators_list_level_prefix_with_a_comma_list():
    doc = goal_section("数量指标：培训人次500人次，培训场次10场、发放资料2000份")
    got = [(r.level2, r.name, r.target_value, r.raw) for r in run(doc)]
    assert got == [("数量指标", "培训人次", D(500), "培训人次500人次"), ("数量指标", "培训场次", D(10), "培训场次10场"),
                   ("数量指标", "发放资料", D(2000), "发放资料2000份")]


def test_indicators_list_items_the_outline_took_for_headings():
    # "3、受援人满意度：≥95%" numbered like the top level reads as a sibling heading of the
    # goal section; "第二部分  …" after the goal section is a heading that ends it.
    doc = build("一、项目概况", "本项目由区司法局负责实施。", "二、年度绩效目标", "1、法律援助案件办理数量  ≥90件",
                "2、法律援助案件结案率  100%", "3、受援人满意度：≥95%", "第二部分  项目实施情况", "项目按计划实施。")
    assert [r.name for r in run(doc)] == ["法律援助案件办理数量", "法律援助案件结案率", "受援人满意度"]


def test_indicators_list_levels_from_headings_and_prefixes():
    doc = goal_section(
        "（一）产出指标", "1.数量指标", "（1）培训人次：≥500人次", "2.质量指标",
        "①培训合格率≥95%", "3.时效指标：资金支付及时率100%；项目完成时间  2022年12月底前",
        "（二）效益指标", "1、社会效益指标：群众法治意识  明显提升",
        "（三）满意度指标", "服务对象满意度  不低于90%",
    )
    got = [(r.level1, r.level2, r.name) for r in run(doc)]
    assert got == [
        ("产出指标", "数量指标", "培训人次"), ("产出指标", "质量指标", "培训合格率"),
        ("产出指标", "时效指标", "资金支付及时率"), ("产出指标", "时效指标", "项目完成时间"),
        ("效益指标", "社会效益", "群众法治意识"), ("满意度指标", None, "服务对象满意度"),
    ]


def test_indicators_list_only_under_goal_sections():
    doc = build("一、项目基本情况", "1、项目实施单位  区司法局", "2、培训人次  500人次", "二、存在问题", "无。")
    assert run(doc) == []


# --- prose -----------------------------------------------------------------------------------
def test_indicators_prose_fills_actuals_of_known_indicators():
    records = run(results_report("2021年全年共办理法律援助案件94件，完成年度目标的104%；结案率100%。",
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
    records = run(results_report(sentence))
    assert all(r.actual_raw is None for r in records)


def test_indicators_prose_date_run_into_a_name_is_no_result():
    """"项目完工时间2022年10月，目标值…": a digit ends a name that has no label before its value,
    so the year is no result and "项目完工时间2022年" no name."""
    doc = build("三、项目绩效情况", "（二）绩效完成情况", "项目完工时间2022年10月，目标值2022年11月底前。",
                "四、存在问题", "无。")
    assert not any(r.name.startswith("项目完工时间2022") for r in run(doc))


@pytest.mark.parametrize("sentence", ["两年支出对比（2022年/2023年）见下表。", "人均经费（元/人）有所下降。"])
def test_indicators_prose_bracketed_pair_of_years_or_units_is_no_indicator(sentence):
    doc = build("三、项目绩效情况", "（二）绩效完成情况", sentence, "四、存在问题", "无。")
    assert not [r for r in run(doc) if r.source == "text"]


def test_indicators_prose_outside_result_sections_fills_nothing():
    doc = build("二、绩效目标", "1、法律援助案件办理数量  ≥90件", "三、主要做法", "全年共办理法律援助案件94件。")
    [record] = run(doc)
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
    ("指标名称：培训后就业率；年度指标值：≥70%；实际完成值：76.5%。", "培训后就业率", "≥70%", "76.5%"),
    ("三级指标：补贴性职业技能培训人次，指标值：≥8000人次，完成值：8650人次。", "补贴性职业技能培训人次", "≥8000人次", "8650人次"),
    ("3.受益群众满意度：目标值≥90%，问卷统计结果为91.5%，得满分。", "受益群众满意度", "≥90%", "91.5%"),
    ("新建村级道路2.3公里，目标值2公里；", "新建村级道路", "2公里", "2.3公里"),
    ("道路路面宽度4.5米，目标值不低于4.5米；", "道路路面宽度", "不低于4.5米", "4.5米"),
    ("群众出行时间平均缩短15分钟，目标值10分钟；", "群众出行时间平均缩短", "10分钟", "15分钟"),
    ("项目完工时间2022年10月，目标值2022年11月底前。", "项目完工时间", "2022年11月底前", "2022年10月"),
    ("6.项目完成及时性：计划2022年11月底前完成，实际于2022年12月中旬完成，扣1.5分。", "项目完成及时性",
     "2022年11月底前", "2022年12月中旬"),
    ("各项指标完成情况如下：新建防渗渠道（≥35公里/36.2公里）。", "新建防渗渠道", "≥35公里", "36.2公里"),
    ("工程完工时间（2023年10月底前/2023年10月25日）。", "工程完工时间", "2023年10月底前", "2023年10月25日"),
    ("灌溉水利用系数（≥0.58/0.59）。", "灌溉水利用系数", "≥0.58", "0.59"),
    ("2.指标名称：桥梁设计荷载等级；指标值：公路-Ⅱ级；实际值：公路-Ⅱ级；得分：10分", "桥梁设计荷载等级", "公路-Ⅱ级", "公路-Ⅱ级"),
    ("4.指标名称：项目完工时间；指标值：2023年10月31日前；实际值：2023年11月20日；得分：5分", "项目完工时间",
     "2023年10月31日前", "2023年11月20日"),
])
def test_indicators_prose_explicit_target_and_actual(sentence, name, target, actual):
    doc = build("三、项目绩效情况", "（二）绩效完成情况", sentence, "四、存在问题", "无。")
    [record] = run(doc)
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
    records = run(doc)
    assert [(r.name, r.target_raw, r.target_value, r.target_unit) for r in records] == SEED_INDICATORS
    assert {r.source for r in records} == {"text" if fmt == "txt" else "table"}
