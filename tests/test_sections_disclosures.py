"""Budget disclosures (部门预算 / 单位预算 / 部门决算): tables of contents repeated in the body,
parts titled with the unit's name or the year, numbered duty lists that are no sections; and
titles in traditional characters."""
import pytest

from pipeline.sections import build
from pipeline.sections.toc import find_toc
from tests.test_sections import make_doc


def tops(text: str) -> list[str]:
    return [s.numbering + s.title for s in build(make_doc(text)) if s.level == 1]


DUTIES = (
    "（一）贯彻执行国家有关财政工作的法律法规，拟订相关政策，并组织实施。\n"
    "（二）负责管理各项财政收支，编制年度预决算草案并组织执行。\n"
    "（三）牵头编制国有资产管理情况报告。拟订行政事业单位国有资产管理制度。\n"
    "（四）负责政府采购管理，拟订政府采购制度，并监督管理。\n"
    "（五）完成区委、区政府交办的其他任务。\n"
)


def test_sections_toc_repeated_in_the_body_gives_each_part_once():
    text = (
        "某某厅2018年度部门预算\n目 录\n第一部分 部门概况\n一、主要职能\n二、机构设置\n"
        "第二部分 2018年度部门预算表\n一、收支预算总表\n二、收入预算总表\n"
        "第三部分 2018年度部门预算情况说明\n第四部分 名词解释\n"
        "第一部分 部门概况\n一、主要职能\n本部门是省政府组成部门。\n二、机构设置\n本部门内设处室8个。\n"
        "第二部分 2018年度部门预算表\n预算公开表附后。\n"
        "第三部分 2018年度部门预算情况说明\n收支预算总计1,200万元。\n"
        "第四部分 名词解释\n财政拨款：指本级财政拨付的资金。\n"
    )
    assert tops(text) == ["第一部分部门概况", "第二部分2018年度部门预算表",
                          "第三部分2018年度部门预算情况说明", "第四部分名词解释"]


def test_sections_toc_with_leaders_and_page_numbers_is_found_and_left_out():
    text = ("某局2022年度部门决算\n目录\n第一部分  部门概况……………………1\n第二部分  部门决算表……………3\n"
            "第一部分  部门概况\n本部门内设股室6个。\n第二部分  部门决算表\n决算公开表附后。\n")
    toc = find_toc(make_doc(text))
    assert [e.norm for e in toc.entries] == ["部门概况", "部门决算表"]
    assert tops(text) == ["第一部分部门概况", "第二部分部门决算表"]


def test_sections_toc_names_the_bodys_unnumbered_part_titles():
    text = (
        "上海市2025年市级单位预算\n预算单位：上海市某某局\n目 录\n一、单位主要职能\n二、单位机构设置\n"
        "三、名词解释\n四、单位预算编制说明\n五、单位预算表\n1. 2025年预算单位财务收支预算总表\n"
        "上海市某某局（单位）主要职能\n上海市某某局是主管全市某某工作的市政府组成部门。\n" + DUTIES +
        "上海市某某局（单位）机构设置\n本局设12个内设机构。\n名词解释\n（一）财政拨款收入：指本级财政拨付的资金。\n"
        "2025年单位预算编制说明\n2025年，上海市某某局收入预算3,512万元。\n"
        "2025年预算单位一般公共预算支出功能分类预算表\n单位：元\n"
    )
    assert tops(text) == ["上海市某某局（单位）主要职能", "上海市某某局（单位）机构设置", "名词解释",
                          "2025年单位预算编制说明"]


def test_sections_toc_entry_with_the_unit_word_matches_the_units_name():
    text = ("渝北区2024年区级单位预算\n目  录\n一、单位基本情况\n二、单位预算情况说明\n"
            "某某区疾病预防控制中心基本情况\n（一）职能职责\n负责传染病防控。\n"
            "2024年单位预算情况说明\n收入预算3,215万元。\n")
    assert tops(text) == ["某某区疾病预防控制中心基本情况", "2024年单位预算情况说明"]


def test_sections_disclosure_without_toc_known_by_its_part_names():
    text = ("某市某区教育局2023年度部门决算\n某市某区教育局主要职责\n" + DUTIES +
            "某市某区教育局机构设置情况\n本部门内设股室5个。\n2023年度部门决算收支情况说明\n"
            "一、收入支出决算总体情况\n收入总计6,841万元。\n二、财政拨款支出决算情况\n支出6,502万元。\n"
            "名词解释\n1.财政拨款收入：指本级财政当年拨付的资金。\n其他需要说明的事项\n本部门无政府性基金收支。\n")
    assert tops(text) == ["某市某区教育局主要职责", "某市某区教育局机构设置情况", "2023年度部门决算收支情况说明",
                          "名词解释", "其他需要说明的事项"]


def test_sections_part_names_open_no_section_in_a_self_evaluation():
    text = ("某县2022年度部门整体支出绩效自评报告\n一、部门基本情况\n主要职责\n负责全县教育工作。\n"
            "二、自评结论\n得分95分。\n")
    assert tops(text) == ["一、部门基本情况", "二、自评结论"]


def test_sections_numbered_duty_list_is_no_section_even_with_a_section_word():
    text = "上海市某某局（单位）主要职能\n主要职能包括：\n" + DUTIES + "名词解释\n财政拨款：指本级财政拨付的资金。\n"
    titles = [s.title for s in build(make_doc(text))]
    assert not any("国有资产管理情况报告" in t or "贯彻执行" in t for t in titles)


@pytest.mark.parametrize("text,expected", [
    ("一、項目基本情況\n本項目用於…\n二、存在的問題\n（一）資金撥付偏慢。\n三、改進措施\n加快撥付。\n四、自評結論\n得分94分。\n",
     [("項目基本情況", "项目概况"), ("存在的問題", "存在问题"), ("改進措施", "建议"), ("自評結論", "自评结论")]),
])
def test_sections_traditional_titles_take_their_canonical_names(text, expected):
    assert [(s.title, s.canonical) for s in build(make_doc(text)) if s.level == 1] == expected
