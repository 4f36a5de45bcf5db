"""Problem items: the styles reports write them in, and what is not a problem."""
from __future__ import annotations

import pytest

from extractors import problems
from extractors.context import Context
from pipeline.core.document import Document
from pipeline.sections import build


def _doc(text: str) -> Document:
    doc = Document(doc_id="t", source_path="t.txt", format="txt", text=text)
    build(doc)
    return doc


def _problems(text: str) -> list[str]:
    return [r.text for r in problems.extract(_doc(text), Context())]


CASES = [
    pytest.param(  # 一是… inline in one paragraph, a closing summary after the last item
        "五、存在问题及建议\n虽然工作取得了一定成效，但也存在一些不足：一是预算编制不够精细，年中调整较多；"
        "二是绩效自评质量不高，佐证材料不全。这些问题需要在今后工作中认真加以解决。\n"
        "下一步，我们要坚持问题导向，切实抓好整改。\n一是提高预算编制质量。\n二是规范绩效自评。",
        ["预算编制不够精细，年中调整较多", "绩效自评质量不高，佐证材料不全。"], id="inline-yishi-mixed"),
    pytest.param(  # one numbered item per line, an item wrapped over two lines
        "四、存在的问题\n1.资金到位较晚，导致项目\n实施进度滞后。\n2.专业技术人员不足，业务能力有待提高。\n"
        "五、下一步改进措施\n1.加强与财政部门沟通。",
        ["资金到位较晚，导致项目\n实施进度滞后。", "专业技术人员不足，业务能力有待提高。"], id="numbered-lines"),
    pytest.param(  # （一）（二） headings under the problems section: heading + paragraph = item
        "一、项目概况\n本项目用于农村公路养护。\n二、存在的问题\n（一）资金使用进度偏慢\n"
        "截至12月底，项目资金支出率仅为65%。\n（二）绩效目标设置不够细化\n部分指标未能量化。\n"
        "三、改进措施\n（一）加快资金支付进度。",
        ["资金使用进度偏慢\n截至12月底，项目资金支出率仅为65%。", "绩效目标设置不够细化\n部分指标未能量化。"],
        id="cn-paren-headings"),
    pytest.param(  # headings that run on into their paragraph, 部门整体 style
        "五、存在的主要问题及原因\n（一）预算编制不够精准。部分项目论证不充分，年中调整频繁。\n"
        "（二）绩效管理意识有待加强。部分科室重视不够。\n六、改进措施和有关建议\n（一）加强预算编制管理。",
        ["预算编制不够精准。部分项目论证不充分，年中调整频繁。", "绩效管理意识有待加强。部分科室重视不够。"],
        id="cn-paren-run-on"),
    pytest.param(  # "；"-separated after a colon lead-in
        "五、存在问题及原因分析\n存在问题：部分项目进度滞后；资金支付不及时；绩效目标不够细化。\n六、其他需说明的问题\n无。",
        ["部分项目进度滞后", "资金支付不及时", "绩效目标不够细化。"], id="semicolons"),
    pytest.param(  # sub-sections 存在的问题 / 改进措施, with group titles above the items
        "四、存在问题及改进措施\n（一）存在的问题\n1.资金管理方面\n（1）资金支付进度偏慢。\n（2）部分支出凭证不规范。\n"
        "2.项目管理方面\n（1）项目验收不及时。\n（二）改进措施\n下一步，我们将规范财务管理。",
        ["资金支付进度偏慢。", "部分支出凭证不规范。", "项目验收不及时。"], id="group-titles"),
    pytest.param(  # numbered problems, each followed by its measure
        "（五）存在问题及整改措施\n1.部分指标设置不够科学。整改措施：进一步细化量化指标。\n"
        "2.资金执行率偏低。整改措施：加快支付进度。",
        ["部分指标设置不够科学。", "资金执行率偏低。"], id="item-with-measure"),
    pytest.param(  # inline in another section, circled numbers
        "三、绩效目标完成情况\n全年完成培训12期。存在的主要问题有：①培训覆盖面不够广；②培训形式较单一。\n四、自评结论\n得分92分。",
        ["培训覆盖面不够广", "培训形式较单一。"], id="inline-lead-in-circled"),
    pytest.param(  # "主要问题是…" in a report without a problems section
        "一、项目概况\n略。\n二、绩效目标完成情况\n完成培训3期。项目实施中的主要问题是资金到位较晚，影响了项目进度。\n三、自评结论\n得分95分。",
        ["资金到位较晚，影响了项目进度。"], id="main-problem-is"),
    pytest.param(  # a one-paragraph report
        "本项目年初预算50万元，实际支出48万元。存在问题：1.资金到位较晚；2.宣传力度不够。建议：加快资金拨付；加大宣传力度。",
        ["资金到位较晚", "宣传力度不够。"], id="one-paragraph"),
    pytest.param(  # 问题与建议 with labelled paragraphs
        "四、问题与建议\n存在问题：部分绩效指标设置不够合理，难以量化考核。\n改进建议：进一步细化量化指标。",
        ["部分绩效指标设置不够合理，难以量化考核。"], id="labelled-paragraphs"),
    pytest.param(  # one paragraph under the heading, then a plan
        "四、存在问题及建议\n项目资金拨付较晚，影响了实施进度。下一步，我们将加强与财政部门沟通。",
        ["项目资金拨付较晚，影响了实施进度。"], id="paragraph-then-plan"),
    pytest.param(  # 第一，第二， inline, and a signature after the last section
        "六、存在的问题\n第一，绩效目标编制不够规范；第二，部分资金结转较多。\n\n某某县财政局\n2022年3月15日",
        ["绩效目标编制不够规范", "部分资金结转较多。"], id="di-yi-signature"),
    pytest.param(  # a nested problems heading under the evaluation section
        "三、绩效评价情况\n（一）产出情况\n完成率100%。\n（二）评价发现的问题\n一是项目档案管理不规范；二是验收资料不齐全。\n"
        "四、评价结论\n良好。",
        ["项目档案管理不规范", "验收资料不齐全。"], id="nested-problems-section"),
    pytest.param(  # the heading runs on into the items
        "四、主要做法和经验\n略。\n五、存在问题：1.资金到位较晚；2.宣传力度不够。\n六、自评结论\n得分90分。",
        ["资金到位较晚", "宣传力度不够。"], id="heading-runs-on"),
    pytest.param(  # problems and suggestions inline in one paragraph
        "五、存在问题\n存在问题：一是资金慢；二是宣传少。建议：一是加快支付；二是加大宣传。\n六、结论\n优。",
        ["资金慢", "宣传少。"], id="inline-with-suggestions"),
    pytest.param(  # one problem said after 一是 alone, then measures counting from 一 again
        "五、存在问题及建议\n项目存在的主要问题有：一是少数卷宗记录过于简单。\n一是统一卷宗格式。\n二是强化质量抽查。",
        ["少数卷宗记录过于简单。"], id="single-item-then-measures"),
    pytest.param(  # a scene-setting paragraph and a lead-in before the list
        "五、存在问题\n2021年，本项目总体运行良好，取得了较好成效。\n但也存在以下问题：\n1.资金到位较晚。\n2.宣传不够。",
        ["资金到位较晚。", "宣传不够。"], id="scene-before-list"),
    pytest.param(  # a concession as the lead-in, with no kind-word in it
        "五、存在问题\n虽然取得了一定成效，但仍有一些值得关注的方面。\n1.资金到位较晚。\n2.宣传不够。",
        ["资金到位较晚。", "宣传不够。"], id="concession-lead-in"),
    pytest.param(  # a problem paragraph, then the measures as a list
        "五、存在问题及建议\n项目资金到位较晚，影响了进度。\n1.加快资金申请。\n2.加强宣传。",
        ["项目资金到位较晚，影响了进度。"], id="paragraph-then-measure-list"),
    pytest.param(  # items labelled by kind and number: the label is not the problem's text
        "（二）存在的问题及原因分析\n问题一：资金支出进度不均衡。受申报周期影响。\n问题二：政策宣传覆盖面不够。\n（三）下一步改进措施\n措施一：加快拨付。",
        ["资金支出进度不均衡。受申报周期影响。", "政策宣传覆盖面不够。"], id="labelled-items"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_problems_items(text, expected):
    assert _problems(text) == expected


def test_problems_item_headings_that_sections_made_sections():
    text = ("二、存在的问题\n（一）资金使用进度偏慢\n截至年底支出率仅为65%。\n（二）绩效目标设置不够细化\n"
            "部分指标未能量化。\n三、自评结论\n得分90分。")
    doc = _doc(text)
    assert [(s.level, s.title) for s in doc.sections if s.level == 2] == [
        (2, "资金使用进度偏慢"), (2, "绩效目标设置不够细化")]
    assert [r.text for r in problems.extract(doc, Context())] == [
        "资金使用进度偏慢\n截至年底支出率仅为65%。", "绩效目标设置不够细化\n部分指标未能量化。"]


def test_problems_plan_after_the_problems_is_not_a_problem():
    text = "五、存在问题\n1.资金到位较晚。\n2.应收账款清理不及时。\n我局将进一步加强财务管理。\n六、结论\n优。"
    assert _problems(text) == ["资金到位较晚。", "应收账款清理不及时。"]


@pytest.mark.parametrize("text", [
    "四、存在的问题\n无。\n五、有关建议\n暂无。",
    "五、存在问题\n经自评，本项目未发现问题。",
    "五、存在问题\n暂未发现明显问题。\n六、自评结论\n得分98分。",
    "（四）存在的问题\n本年度共发现问题0个。",
    "五、存在的问题\n本项目不存在问题。",
    "五、存在问题\n本年度项目执行中未发现需要说明的问题。",
])
def test_problems_none_when_the_report_says_none(text):
    assert _problems(text) == []


@pytest.mark.parametrize("text", [
    "四、主要做法和经验\n一是加强组织领导，成立工作专班；二是完善制度建设；三是强化督导检查。",
    "二、绩效完成情况\n一是完成培训12期；二是覆盖群众3000人次，群众满意度达95%。",
    "二、项目组织实施情况\n1.成立领导小组。\n2.制定实施方案。\n3.开展督导检查。",
    "三、项目绩效情况\n（一）产出指标\n完成率100%。\n（二）效益指标\n群众满意度95%。",
    "一、部门职责\n主要职责是：一是拟订法治建设规划；二是统筹协调依法治市工作。",
])
def test_problems_lists_elsewhere_are_not_problems(text):
    assert _problems(text) == []


def test_problems_ordinals_count_through_the_document():
    text = ("五、存在问题\n（一）存在的问题\n1.资金管理方面\n（1）支付进度偏慢。\n（2）凭证不规范。\n"
            "2.项目管理方面\n（1）验收不及时。")
    records = problems.extract(_doc(text), Context())
    assert [r.ordinal for r in records] == [1, 2, 3]


@pytest.mark.parametrize("text,category", [
    ("资金支付进度缓慢，预算执行率仅为65%", "资金/预算执行"),
    ("项目实施进度滞后，导致资金结余较多", "进度/时效"),
    ("绩效目标设置不够细化，部分指标难以量化", "绩效目标/指标"),
    ("预算绩效管理意识薄弱", "绩效目标/指标"),
    ("专业技术人员不足，业务能力有待提高", "人员/能力"),
    ("内部管理制度不健全，监督机制有待完善", "制度/机制"),
    ("群众知晓率不高，宣传方式单一", "其他"),
    ("宣传不到位。主要原因是经费不足", "资金/预算执行"),  # nothing in the first sentence
    ("应收账款清理不及时", "资金/预算执行"),
])
def test_problems_category_lexicon(text, category):
    assert problems.categorize(text) == category


@pytest.mark.parametrize("text,_", CASES)
def test_problems_offsets_point_at_their_text(text, _):
    doc = _doc(text)
    for record in problems.extract(doc, Context()):
        assert doc.text[record.span.char_start:record.span.char_end] == record.text
        assert record.text.strip() == record.text and record.text


def _table_report(header: list[str], rows: list[list[str]]):
    from pipeline.core.document import Cell, TextBuilder
    builder = TextBuilder()
    builder.add_paragraph("四、存在的问题及改进措施")
    builder.add_paragraph("存在的问题及改进措施见下表：")
    builder.add_table([[Cell(row=r, col=c, text=t, char_start=0, char_end=0) for c, t in enumerate(row)]
                       for r, row in enumerate([header, *rows])])
    builder.add_paragraph("五、自评结论")
    builder.add_paragraph("自评得分93分。")
    doc = Document(doc_id="t", source_path="t.docx", format="docx", text=builder.text(), tables=builder.tables)
    build(doc)
    return doc


def test_problems_and_measures_side_by_side_in_a_table():
    from extractors.problems import suggestions
    doc = _table_report(["存在的问题", "改进措施"], [
        ["项目支出预算执行进度不均衡，下半年支出集中。", "加强预算执行监控，按季度通报执行进度。"],
        ["部分绩效指标设置偏宽泛。", "细化绩效指标。"],
        ["无", ""],
    ])
    found = [r.text for r in problems.extract(doc, Context())]
    assert found == ["项目支出预算执行进度不均衡，下半年支出集中。", "部分绩效指标设置偏宽泛。"]
    assert [r.text for r in suggestions.extract(doc, Context())] == [
        "加强预算执行监控，按季度通报执行进度。", "细化绩效指标。"]
    for record in problems.extract(doc, Context()):
        assert doc.text[record.span.char_start:record.span.char_end] == record.text


def test_problems_a_self_evaluation_forms_deviation_column_is_no_list_of_problems():
    doc = _table_report(["三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施"], [
        ["群众出行条件", "有效改善", "有效改善", "部分偏远路段路面破损修复不及时，下一步加快修复进度"],
    ])
    assert problems.extract(doc, Context()) == []
