"""Suggestion and next-year measure items, apart from the problems beside them."""
from __future__ import annotations

import pytest

from extractors import problems
from extractors.context import Context
from extractors.problems import suggestions
from pipeline.core.document import Document
from pipeline.sections import build


def _doc(text: str) -> Document:
    doc = Document(doc_id="t", source_path="t.txt", format="txt", text=text)
    build(doc)
    return doc


def _suggestions(text: str) -> list[str]:
    return [r.text for r in suggestions.extract(_doc(text), Context())]


CASES = [
    pytest.param(  # next-year plan paragraph, then 一是 lines (the seed's shape)
        "五、存在问题及建议\n但也存在一些短板：一是基层力量薄弱；二是信息化水平不高。这些问题都需要抓好整改。\n"
        "2022年是全面推进的关键之年。我们要坚持目标导向，奋力开创工作新局面。\n"
        "一是持续加强队伍建设。充实基层力量。\n二是持续推进信息化建设。",
        ["持续加强队伍建设。充实基层力量。", "持续推进信息化建设。"], id="next-year-plan"),
    pytest.param(  # a 建议 section with numbered lines
        "六、有关建议\n1. 建议财政部门提前下达资金。\n2. 建议加强绩效目标审核。",
        ["建议财政部门提前下达资金。", "建议加强绩效目标审核。"], id="numbered-lines"),
    pytest.param(  # （一） headings that run on into their paragraph
        "五、存在的主要问题\n（一）预算编制不够精准。\n六、改进措施\n（一）加强预算编制管理。严格按照要求编制。\n"
        "（二）强化绩效管理理念。",
        ["加强预算编制管理。严格按照要求编制。", "强化绩效管理理念。"], id="cn-paren-headings"),
    pytest.param(  # 第一，第二， in a work-plan section after a colon lead-in
        "六、下一步工作计划\n2022年，我局将重点抓好以下工作：\n第一，持续推进法治政府建设。第二，加强执法监督。",
        ["持续推进法治政府建设。", "加强执法监督。"], id="di-yi"),
    pytest.param(  # "针对上述问题，建议：" after the problems, inline numbers
        "四、存在问题及建议\n1.资金到位较晚。\n2.宣传不够。\n针对上述问题，建议：1.提前申请资金；2.加大宣传力度。",
        ["提前申请资金", "加大宣传力度。"], id="after-problems-inline-numbers"),
    pytest.param(  # inline in another section
        "三、绩效目标完成情况\n完成培训12期。建议：一是扩大培训覆盖面；二是丰富培训形式。",
        ["扩大培训覆盖面", "丰富培训形式。"], id="inline-lead-in"),
    pytest.param(  # two lists under 存在问题及改进措施 with no lead-in for the second
        "五、存在问题及改进措施\n1.资金执行率偏低。\n2.档案管理不规范。\n\n1.加快支付进度。\n2.完善档案管理制度。",
        ["加快支付进度。", "完善档案管理制度。"], id="second-list"),
    pytest.param(  # each problem item carries its measure
        "（五）存在问题及整改措施\n1.部分指标设置不够科学。整改措施：进一步细化量化指标。\n"
        "2.资金执行率偏低。整改措施：加快支付进度。",
        ["进一步细化量化指标。", "加快支付进度。"], id="measure-in-item"),
    pytest.param(  # a dated work plan the section lexicon does not know
        "六、自评结论\n得分95分。\n七、2022年工作安排\n（一）抓好项目验收。\n（二）做好资金清算。",
        ["抓好项目验收。", "做好资金清算。"], id="year-plan-section"),
    pytest.param(  # a plan paragraph after the problems paragraph
        "四、存在问题及建议\n项目资金拨付较晚，影响了实施进度。下一步，我们将加强与财政部门沟通，确保资金及时到位。",
        ["下一步，我们将加强与财政部门沟通，确保资金及时到位。"], id="paragraph-plan"),
    pytest.param(  # problems said to be none, measures listed anyway
        "五、存在问题及改进措施\n经自评，本项目未发现明显问题。\n1.继续加强项目管理。\n2.提高资金使用效益。",
        ["继续加强项目管理。", "提高资金使用效益。"], id="no-problems-then-measures"),
    pytest.param(  # separate sub-sections for problems and measures
        "四、存在问题及改进措施\n（一）存在的问题\n1.项目前期准备不足。\n2.专业技术人员缺乏。\n（二）改进措施\n"
        "1.加强前期论证。\n2.加大人才培养力度。\n五、自评结论\n得分95分。",
        ["加强前期论证。", "加大人才培养力度。"], id="sub-sections"),
    pytest.param(  # both lists inline in one paragraph of a problems section
        "五、存在问题\n存在问题：一是资金慢；二是宣传少。建议：一是加快支付；二是加大宣传。\n六、结论\n优。",
        ["加快支付", "加大宣传。"], id="inline-after-problems"),
    pytest.param(  # numbered sub-sections labelled by kind, one paragraph each
        "四、存在问题和改进措施\n1.存在问题：项目资金到位较晚，影响了项目进度。\n2.改进措施：加强与财政部门的沟通协调。",
        ["加强与财政部门的沟通协调。"], id="labelled-sub-sections"),
    pytest.param(  # numbered title lines, each with its paragraph
        "五、评价发现的问题\n1. 立项论证不够充分\n缺乏调研论证。\n六、相关建议\n1. 加强项目立项管理\n建立健全论证机制。\n"
        "2. 科学设置绩效目标\n细化分解绩效指标。",
        ["加强项目立项管理\n建立健全论证机制。", "科学设置绩效目标\n细化分解绩效指标。"], id="title-lines"),
    pytest.param(  # a problem paragraph, then the measures as a list with no lead-in
        "五、存在问题及建议\n项目资金到位较晚，影响了进度。\n1.加快资金申请。\n2.加强宣传。",
        ["加快资金申请。", "加强宣传。"], id="measure-list-after-problem-paragraph"),
    pytest.param(  # a plan closing a problems section
        "五、存在问题\n资金到位较晚，影响了进度。\n今后我们将加强与财政部门沟通。\n六、结论\n优。",
        ["今后我们将加强与财政部门沟通。"], id="closing-plan"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_suggestions_items(text, expected):
    assert _suggestions(text) == expected


@pytest.mark.parametrize("text", [
    "五、有关建议\n暂无。",
    "六、下一步工作计划\n无",
    "五、意见建议\n无其他建议。",
])
def test_suggestions_none_when_the_report_says_none(text):
    assert _suggestions(text) == []


@pytest.mark.parametrize("text", [
    "四、主要做法和经验\n一是加强组织领导；二是完善制度建设；三是强化督导检查。",
    "二、项目组织实施情况\n1.成立领导小组。\n2.制定实施方案。",
    "二、绩效完成情况\n下一步，我们将继续做好相关工作。",
    "四、主要做法和经验\n主要措施：一是加强组织领导；二是完善制度。",
    "三、项目资金使用情况\n资金使用计划：1.购置设备10万元；2.培训5万元。",
])
def test_suggestions_lists_elsewhere_are_not_suggestions(text):
    assert _suggestions(text) == []


@pytest.mark.parametrize("text,_", CASES)
def test_suggestions_never_also_problems(text, _):
    doc = _doc(text)
    problem_spans = {(r.span.char_start, r.span.char_end) for r in problems.extract(doc, Context())}
    for record in suggestions.extract(doc, Context()):
        assert (record.span.char_start, record.span.char_end) not in problem_spans
        assert doc.text[record.span.char_start:record.span.char_end] == record.text


def test_suggestions_ordinals_count_from_one():
    text = "六、有关建议\n（一）加强管理。\n（二）提高效益。\n（三）完善制度。"
    assert [r.ordinal for r in suggestions.extract(_doc(text), Context())] == [1, 2, 3]
