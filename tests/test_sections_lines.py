"""What one line says: body text, lists, tables of contents and attachments that are no
headings, titles that run on into their body, and the canonical names of titles."""
import pytest

from pipeline.core.document import Document
from pipeline.sections import build, canonical_name
from pipeline.sections.names import CANONICAL_NAMES, LEXICON
from tests.test_sections import make_doc, outline


@pytest.mark.parametrize("line", [
    "一是预算执行进度偏慢，部分资金未按时支出。",
    "二是绩效目标不够细化。",
    "2021年，我局完成了全部任务。",
    "1.5万元用于购置办公设备。",
    "一、合计\t69.8\t52.24",
    "序号\t指标名称\t目标值",
    "存在问题如下：",
    "项目支出绩效自评报告",
    "存在问题自评报告",
    "1.预算编制不够科学，部分资金调整较大，影响了预算执行进度。",
    "（1）完成率达到100%，超额完成年度目标。",
    # A bare number opens a heading only before a short title alone on its line.
    "12 人参加了本次培训",
    "3 个乡镇完成了建设任务，群众满意。",
    "2 万元用于购置设备",
    # A title cut at a colon inside brackets is a list item, whatever words it holds.
    "4.村民就医满意度（目标值：不低于90%，完成值：93.5%）",
])
def test_sections_body_lines_are_not_headings(line):
    text = f"一、项目概况\n本项目用于……\n{line}\n二、存在问题\n无。"
    assert outline(text) == [(1, "一、", "项目概况"), (1, "二、", "存在问题")]


@pytest.mark.parametrize("toc", [
    "目  录\n一、部门主要职能 ……………………………… 3\n二、部门机构设置 ……………………………… 4\n",
    "目录\n一、部门主要职能 3\n二、部门机构设置 4\n",
    "目录\n一、部门主要职能\n二、部门机构设置\n",
])
def test_sections_table_of_contents_is_dropped(toc):
    text = toc + "一、部门主要职能\n负责全区教育工作。\n二、部门机构设置\n内设机构8个。\n"
    sections = build(make_doc(text))
    assert [(s.numbering, s.title) for s in sections] == [
        ("一、", "部门主要职能"), ("二、", "部门机构设置"),
    ]
    assert sections[0].char_start == text.index("一、部门主要职能\n负责")


@pytest.mark.parametrize("line,numbering,title", [
    ("（一）投入。2021年度部门预算安排财政资金69.8万元。", "（一）", "投入"),
    ("（二）过程：资金使用规范，专款专用。", "（二）", "过程"),
    ("1．预算编制。预算编制科学合理。", "1．", "预算编制"),
    ("(一)产出情况", "(一)", "产出情况"),
    ("（一）、资金投入情况", "（一）、", "资金投入情况"),
])
def test_sections_heading_with_body_on_the_same_line(line, numbering, title):
    text = f"一、项目基本情况：本项目由区财政安排。\n{line}\n二、存在问题\n无。"
    sections = build(make_doc(text))
    assert [(s.level, s.numbering, s.title) for s in sections] == [
        (1, "一、", "项目基本情况"), (2, numbering, title), (1, "二、", "存在问题"),
    ]
    assert sections[1].char_start == text.index(line)


def test_sections_headings_running_on_into_their_body_are_not_a_list():
    text = (
        "一、主要做法\n（一）强化管理\n"
        "1.加强组织领导。成立工作专班，统筹推进。\n"
        "2.强化资金管理。严格执行财务制度。\n"
        "3.注重宣传引导。通过媒体宣传政策。\n"
        "二、存在问题\n无。"
    )
    assert outline(text) == [
        (1, "一、", "主要做法"),
        (2, "（一）", "强化管理"),
        (3, "1.", "加强组织领导"),
        (3, "2.", "强化资金管理"),
        (3, "3.", "注重宣传引导"),
        (1, "二、", "存在问题"),
    ]


@pytest.mark.parametrize("title,canonical", [
    ("项目概况", "项目概况"),
    ("项目基本情况", "项目概况"),
    ("部门基本情况", "项目概况"),
    ("项目立项背景和依据", "项目概况"),
    ("部门主要职能", "项目概况"),
    ("部门职能", "项目概况"),
    ("项目组织实施情况", "组织实施"),
    ("资金投入情况", "投入"),
    ("预算编制及资金到位情况", "投入"),
    ("项目资金管理情况", "过程"),
    ("部门整体支出管理及使用情况", "过程"),
    ("组织管理", "过程"),
    ("项目绩效情况", "绩效情况"),
    ("部门整体支出绩效自评情况", "绩效情况"),
    ("绩效目标设置情况", "目标设置"),
    ("项目绩效目标", "目标设置"),
    ("绩效目标实现情况", "绩效完成"),
    ("绩效目标完成情况", "绩效完成"),
    ("项目产出情况", "绩效完成"),
    ("项目效益情况", "绩效完成"),
    ("满意度情况", "绩效完成"),
    ("（三）满意度指标", "绩效完成"),
    ("项目资金情况", "投入"),
    ("部门预算收支情况", "投入"),
    ("项目主要做法和经验", "做法经验"),
    ("主要经验及做法", "做法经验"),
    ("存在问题及建议", "存在问题"),
    ("存在的问题及原因分析", "存在问题"),
    ("下一步工作计划", "建议"),
    ("下一步改进措施", "建议"),
    ("意见建议", "建议"),
    ("项目自评结论及得分", "自评结论"),
    ("绩效自评结论", "自评结论"),
    ("综合评价结论", "自评结论"),
    ("自评得分", "自评结论"),
    ("附件：项目支出绩效自评表", "附表"),
    ("附表", "附表"),
    ("其他需要说明的情况", "other"),
    ("关于扎实开展法治建设督察调研的有关工作", "other"),
    ("存 在 问 题", "存在问题"),
])
def test_sections_canonical_name(title, canonical):
    assert canonical_name(title) == canonical


@pytest.mark.parametrize("entry", LEXICON, ids=lambda e: e.canonical)
def test_sections_lexicon_keywords_are_reachable(entry):
    # A keyword that an earlier entry already claims would never decide anything.
    assert entry.canonical in CANONICAL_NAMES
    assert [k for k in entry.keywords if canonical_name(k) != entry.canonical] == []


def test_sections_unnumbered_attachment_after_signature_is_not_a_section():
    text = (
        "一、项目概况\n本项目为法律援助经费。\n二、自评结论\n自评得分为96分。\n"
        "江门市司法局\n2022年3月1日\n附件\n项目支出绩效自评表\n项目名称\t法律援助经费\n"
    )
    doc = Document(doc_id="x", source_path="x.txt", format="txt", text=text)
    titles = [s.title for s in build(doc) if s.level == 1]
    assert titles == ["项目概况", "自评结论"]


def test_sections_numbered_attachment_is_a_section():
    text = "一、项目概况\n本项目为法律援助经费。\n二、自评结论\n自评得分为96分。\n三、附表\n项目名称\t法律援助经费\n"
    doc = Document(doc_id="x", source_path="x.txt", format="txt", text=text)
    sections = [s for s in build(doc) if s.level == 1]
    assert [(s.title, s.canonical) for s in sections][-1] == ("附表", "附表")


@pytest.mark.parametrize(
    "text,top",
    [
        (  # a run of duties written "一、title。body" lists what the department does
            "部门主要职能\n一、加强党的建设。落实基层党建责任制。\n二、统筹社区发展。参与辖区建设规划。\n"
            "三、组织公共服务。组织实施社区公共服务。\n四、绩效目标设置情况\n本部门编报绩效目标的项目49个。\n",
            ["绩效目标设置情况"],
        ),
        (  # sections named as sections may run on into their body all the same
            "一、项目概况。本项目为校舍维修。\n二、组织实施情况。按计划实施。\n三、存在问题。进度偏慢。\n",
            ["项目概况", "组织实施情况", "存在问题"],
        ),
    ],
)
def test_sections_run_on_lists_of_duties_are_not_sections(text, top):
    doc = Document(doc_id="x", source_path="x.txt", format="txt", text=text)
    assert [s.title for s in build(doc) if s.level == 1] == top


def test_sections_decimal_outline_with_a_bare_top_number():
    text = ("1 项目概况\n1.1 项目背景\n为提升劳动者技能实施本项目。\n1.2 项目资金\n预算560万元。\n"
            "2 存在问题\n2.1 培训工种与用工需求匹配度不高。\n3 自评结论\n自评得分95分。")
    assert outline(text) == [
        (1, "1", "项目概况"), (2, "1.1", "项目背景"), (2, "1.2", "项目资金"),
        (1, "2", "存在问题"), (2, "2.1", "培训工种与用工需求匹配度不高"), (1, "3", "自评结论"),
    ]
