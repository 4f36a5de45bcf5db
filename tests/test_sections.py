"""The section tree: levels, nesting and offsets of the outline `build` finds."""
import time
from pathlib import Path

import pytest

from pipeline.core.document import Document
from pipeline.readers import read
from pipeline.sections import build

SEED = Path(__file__).resolve().parents[1] / "corpus" / "000_3863e364cbd2cac6.txt"

GB_FOUR_LEVELS = """\
2021年度农村公路养护项目支出绩效评价报告
一、项目基本情况
（一）项目概况
本项目由市财政安排资金，用于全市农村公路养护。
（二）绩效目标
1.总体目标
完成农村公路养护里程1200公里。
2.阶段性目标
（1）产出目标
完成养护里程。
（2）效益目标
群众满意度达到90%以上。
二、绩效评价工作开展情况
成立评价工作组。
三、综合评价结论
项目综合得分92分，等级为优。
四、绩效评价指标分析
（一）项目决策
决策规范。
（二）项目过程
1.资金管理
（1）资金到位率
资金到位率100%。
（2）预算执行率
预算执行率95.6%。
2.组织实施
制度健全。
五、存在的问题
1.预算编制不够科学，部分资金调整较大。
2.绩效目标设置不够细化，量化指标偏少。
六、有关建议
加强预算编制。
"""

PARTS = """\
第一部分 部门概况
一、部门职责
负责全区教育工作。
二、机构设置
内设机构8个。
第二部分 部门整体支出绩效自评情况
一、绩效目标实现情况
完成了年度目标。
二、存在问题
部分项目进度滞后。
三、下一步改进措施
加快项目进度。
第三部分 附表
"""

UNNUMBERED = """\
江门市某某局2021年度项目支出绩效自评报告
项目概况
本项目用于全市普法宣传。
绩效自评结论
自评得分95分。
存在问题
一是预算执行进度偏慢；二是绩效目标不够细化。
下一步改进措施：
加强管理。
"""

LIST_UNDER_HEADING = """\
一、项目概况
本项目用于……
二、项目绩效情况
（一）目标设置情况
1、培训人数  1200人次
2、覆盖率  100%
3、群众满意度  有提高
（二）绩效完成情况
全部完成。
三、存在问题
无。
"""


def make_doc(text: str, **kwargs) -> Document:
    return Document(doc_id="x", source_path="x.txt", format="txt", text=text, **kwargs)


def outline(text: str, **kwargs) -> list[tuple[int, str, str]]:
    return [(s.level, s.numbering, s.title) for s in build(make_doc(text, **kwargs))]


@pytest.fixture(scope="module")
def seed_sections():
    return build(read(SEED))


def test_sections_seed_top_level_in_order(seed_sections):
    top = [(s.numbering, s.title) for s in seed_sections if s.level == 1]
    assert top == [
        ("1、", "项目概况"),
        ("二、", "项目组织实施情况"),
        ("2、", "项目绩效情况"),
        ("四、", "项目主要做法和经验"),
        ("五、", "存在问题及建议"),
        ("六、", "项目自评结论及得分"),
    ]


def test_sections_seed_top_level_canonical(seed_sections):
    assert [s.canonical for s in seed_sections if s.level == 1] == [
        "项目概况", "组织实施", "绩效情况", "做法经验", "存在问题", "自评结论",
    ]


@pytest.mark.parametrize("line_start", [
    "1、依法治市咨询专家库专家人数",
    "2、法治江门建设考评",
    "3、法治江门建设考评覆盖率",
    "4、法治广东建设考评",
    "5、依法治市水平",
])
def test_sections_seed_indicator_lines_are_not_sections(seed_sections, line_start):
    text = read(SEED).text
    offset = text.index(line_start)
    assert all(s.char_start != offset for s in seed_sections)


@pytest.mark.parametrize("numbering,title,parent_title", [
    ("（一）", "项目立项背景和依据", "项目概况"),
    ("（一）", "投入", "项目组织实施情况"),
    ("（2）", "过程", "项目组织实施情况"),
    ("（一）", "目标设置情况", "项目绩效情况"),
    ("（二）", "绩效完成情况", "项目绩效情况"),
    ("（五）", "关于扎实开展法治建设督察调研的有关工作", "项目主要做法和经验"),
])
def test_sections_seed_children_at_level_two(seed_sections, numbering, title, parent_title):
    child = next(s for s in seed_sections if (s.numbering, s.title) == (numbering, title))
    parent = seed_sections[child.parent_id]
    assert (child.level, parent.level, parent.title) == (2, 1, parent_title)


def test_sections_gb_four_levels():
    assert outline(GB_FOUR_LEVELS) == [
        (1, "一、", "项目基本情况"),
        (2, "（一）", "项目概况"),
        (2, "（二）", "绩效目标"),
        (3, "1.", "总体目标"),
        (3, "2.", "阶段性目标"),
        (4, "（1）", "产出目标"),
        (4, "（2）", "效益目标"),
        (1, "二、", "绩效评价工作开展情况"),
        (1, "三、", "综合评价结论"),
        (1, "四、", "绩效评价指标分析"),
        (2, "（一）", "项目决策"),
        (2, "（二）", "项目过程"),
        (3, "1.", "资金管理"),
        (4, "（1）", "资金到位率"),
        (4, "（2）", "预算执行率"),
        (3, "2.", "组织实施"),
        (1, "五、", "存在的问题"),
        (1, "六、", "有关建议"),
    ]


def test_sections_parts_enclose_numbered_headings():
    assert outline(PARTS) == [
        (1, "第一部分", "部门概况"),
        (2, "一、", "部门职责"),
        (2, "二、", "机构设置"),
        (1, "第二部分", "部门整体支出绩效自评情况"),
        (2, "一、", "绩效目标实现情况"),
        (2, "二、", "存在问题"),
        (2, "三、", "下一步改进措施"),
        (1, "第三部分", "附表"),
    ]


def test_sections_unnumbered_canonical_headings():
    assert outline(UNNUMBERED) == [
        (1, "", "项目概况"),
        (1, "", "绩效自评结论"),
        (1, "", "存在问题"),
        (1, "", "下一步改进措施"),
    ]


@pytest.mark.parametrize("middle", ["资金安排及使用情况", "绩效目标实现情况"])
def test_sections_unnumbered_outline_takes_subsection_names_at_the_top(middle):
    text = f"项目基本情况\n本项目……\n{middle}\n全年支出……\n存在的问题\n暂无。\n自评结论\n自评得分95分。\n"
    assert outline(text) == [(1, "", "项目基本情况"), (1, "", middle), (1, "", "存在的问题"), (1, "", "自评结论")]


def test_sections_numbered_outline_keeps_a_bare_subsection_name_out():
    text = "一、项目概况\n本项目……\n二、项目绩效情况\n绩效指标完成情况\n全部完成。\n三、存在问题\n无。\n"
    assert outline(text) == [(1, "一、", "项目概况"), (1, "二、", "项目绩效情况"), (1, "三、", "存在问题")]


def test_sections_list_items_reusing_a_heading_style_are_not_sections():
    assert outline(LIST_UNDER_HEADING) == [
        (1, "一、", "项目概况"),
        (1, "二、", "项目绩效情况"),
        (2, "（一）", "目标设置情况"),
        (2, "（二）", "绩效完成情况"),
        (1, "三、", "存在问题"),
    ]


def test_sections_decimal_numbering_nests_by_depth():
    text = "1. 项目概况\n1.1 项目背景\n背景……\n1.2 绩效目标\n目标……\n2. 绩效情况\n2.1 产出\n……"
    assert outline(text) == [
        (1, "1.", "项目概况"),
        (2, "1.1", "项目背景"),
        (2, "1.2", "绩效目标"),
        (1, "2.", "绩效情况"),
        (2, "2.1", "产出"),
    ]


def test_sections_heading_levels_hints_are_honoured():
    text = "一、项目概况\n本项目……\n项目资金使用情况\n资金……\n其他说明\n无。\n二、存在问题\n……"
    hints = {0: 1, text.index("项目资金"): 2, text.index("其他说明"): 2, text.index("二、"): 1}
    assert outline(text, heading_levels=hints) == [
        (1, "一、", "项目概况"),
        (2, "", "项目资金使用情况"),
        (2, "", "其他说明"),
        (1, "二、", "存在问题"),
    ]


def test_sections_heading_levels_are_ranked_densely():
    text = "项目概况\n本项目……\n资金使用\n资金……"
    hints = {0: 2, text.index("资金使用"): 3}
    assert outline(text, heading_levels=hints) == [(1, "", "项目概况"), (2, "", "资金使用")]


@pytest.mark.parametrize("text", [GB_FOUR_LEVELS, PARTS, UNNUMBERED, LIST_UNDER_HEADING, None])
def test_sections_offsets_nest(text):
    doc = read(SEED) if text is None else make_doc(text)
    sections = build(doc)
    assert [s.section_id for s in sections] == list(range(len(sections)))
    for s in sections:
        assert s.char_start < s.char_end <= len(doc.text)
        assert s.char_start == 0 or doc.text[s.char_start - 1] == "\n"
        if s.parent_id is not None:
            parent = sections[s.parent_id]
            assert parent.level == s.level - 1
            assert parent.char_start < s.char_start and s.char_end <= parent.char_end
    for a, b in zip(sections, sections[1:]):
        siblings = a.parent_id == b.parent_id and a.level == b.level
        assert not siblings or a.char_end == b.char_start
    assert max(s.char_end for s in sections) == len(doc.text)


def test_sections_build_sets_doc_sections_and_pages():
    text = "一、项目概况\n本项目……\n二、存在问题\n无。"
    doc = make_doc(text, pages=[0, text.index("二、")])
    sections = build(doc)
    assert doc.sections is sections
    assert [s.page for s in sections] == [1, 2]
    assert doc.section_path(text.index("无")) == "二、存在问题"


def test_sections_long_document_is_fast():
    doc = read(SEED)
    long_doc = make_doc("\n".join([doc.text] * 40))  # ~165k characters, beyond 100 pages
    began = time.perf_counter()
    build(long_doc)
    assert time.perf_counter() - began < 2.0
