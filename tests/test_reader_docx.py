"""The .docx reader: Word numbering (formats, styles, overrides, lists defined elsewhere).

The helpers here build a document with corpus/wordml.py and read it back; the other
test_reader_docx_* files use them too.
"""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from hypothesis import given
from hypothesis import strategies as st

from corpus.wordml import Lvl, Numbering, number, number_style, save
from pipeline.core.document import Document
from pipeline.readers import docx as docx_reader
from pipeline.readers.docx.numbering import chinese_counting, format_number

R = "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>"
CHINESE_HEADINGS = (Lvl("chineseCounting", "%1、"), Lvl("chineseCounting", "（%2）"))


def read_built(document, tmp_path: Path) -> Document:
    return docx_reader.read(save(document, tmp_path / "doc.docx"))


def lines_of(doc: Document) -> list[str]:
    return doc.text.split("\n")


def _numbered_document(levels: tuple[Lvl, ...], paragraphs: list[tuple[int, str]]):
    document = docx.Document()
    num_id = Numbering(document).add_list(*levels)
    for ilvl, text in paragraphs:
        number(document.add_paragraph(text), num_id, ilvl)
    return document


def assert_cell_offsets(doc: Document) -> None:
    for table in doc.tables:
        for cell in table.cells:
            assert doc.text[cell.char_start:cell.char_end] == cell.text


@pytest.mark.parametrize(
    "n, fmt, expected",
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (21, "chineseCounting", "二十一"),
        (100, "chineseCounting", "一百"),
        (101, "chineseCounting", "一百零一"),
        (110, "chineseCounting", "一百一十"),
        (1001, "chineseCountingThousand", "一千零一"),
        (10010, "chineseCountingThousand", "一万零一十"),
        (11, "chineseLegalSimplified", "壹拾壹"),
        (3, "ideographTraditional", "丙"),
        (11, "ideographTraditional", "甲"),
        (2, "ideographZodiac", "丑"),
        (5, "decimal", "5"),
        (5, "decimalZero", "05"),
        (12, "decimalZero", "12"),
        (12, "decimalFullWidth", "１２"),
        (2, "decimalEnclosedParen", "⑵"),
        (3, "decimalEnclosedCircle", "③"),
        (21, "decimalEnclosedCircle", "㉑"),
        (36, "decimalEnclosedCircleChinese", "㊱"),
        (1, "upperLetter", "A"),
        (28, "upperLetter", "BB"),
        (3, "lowerLetter", "c"),
        (14, "upperRoman", "XIV"),
        (9, "lowerRoman", "ix"),
        (4, "none", ""),
        (7, "someFutureFormat", "7"),
    ],
)
def test_docx_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


@given(st.integers(min_value=1, max_value=99_999_999))
def test_docx_chinese_counting_is_well_formed(n):
    text = chinese_counting(n)
    assert "零零" not in text and not text.endswith("零")
    assert set(text) <= set("零一二三四五六七八九十百千万")


@pytest.mark.parametrize(
    "levels, paragraphs, expected",
    [
        pytest.param(
            CHINESE_HEADINGS,
            [(0, "项目概况"), (1, "立项依据"), (1, "完成情况"), (0, "组织实施"), (1, "投入")],
            ["一、项目概况", "（一）立项依据", "（二）完成情况", "二、组织实施", "（一）投入"],
            id="chinese-headings-restart-under-new-parent",
        ),
        pytest.param(
            (Lvl("decimal", "%1."), Lvl("decimal", "%1.%2")),
            [(0, "概况"), (1, "背景"), (1, "依据"), (0, "实施"), (1, "投入")],
            ["1. 概况", "1.1 背景", "1.2 依据", "2. 实施", "2.1 投入"],
            id="decimal-multilevel",
        ),
        pytest.param(
            (Lvl("decimalEnclosedCircle", "%1", suffix="nothing"),),
            [(0, "专家人数"), (0, "覆盖率")],
            ["①专家人数", "②覆盖率"],
            id="circled-no-suffix",
        ),
        pytest.param(
            (Lvl("chineseCountingThousand", "第%1部分", suffix="space"),),
            [(0, "项目概况"), (0, "绩效情况")],
            ["第一部分 项目概况", "第二部分 绩效情况"],
            id="template-with-literal-text",
        ),
        pytest.param(
            (Lvl("ideographTraditional", "%1、"),),
            [(0, "甲方"), (0, "乙方")],
            ["甲、甲方", "乙、乙方"],
            id="heavenly-stems",
        ),
        pytest.param(
            (Lvl("chineseCounting", "%1、", start=3),),
            [(0, "项目绩效情况"), (0, "主要做法")],
            ["三、项目绩效情况", "四、主要做法"],
            id="start-value",
        ),
        pytest.param(
            (Lvl("chineseCounting", "%1、"), Lvl("chineseCounting", "（%2）", restart=0)),
            [(0, "甲"), (1, "子"), (0, "乙"), (1, "丑")],
            ["一、甲", "（一）子", "二、乙", "（二）丑"],
            id="lvlRestart-0-never-restarts",
        ),
        pytest.param(
            (Lvl("chineseCounting", "%1、"), Lvl("decimal", "%1.%2", legal=True)),
            [(0, "概况"), (1, "背景")],
            ["一、概况", "1.1 背景"],
            id="legal-numbering-shows-parents-as-digits",
        ),
        pytest.param(
            (Lvl("bullet", "•"),),
            [(0, "要点")],
            ["• 要点"],
            id="bullet-character",
        ),
        pytest.param(
            (Lvl("bullet", "\uf0b7"),),
            [(0, "要点")],
            ["要点"],
            id="symbol-font-bullet-dropped",
        ),
        pytest.param(
            (Lvl("none", ""),),
            [(0, "无编号")],
            ["无编号"],
            id="format-none",
        ),
        pytest.param(
            CHINESE_HEADINGS,
            [(0, "概况"), (0, ""), (0, "实施")],
            ["一、概况", "三、实施"],
            id="empty-numbered-paragraph-counts-but-adds-no-line",
        ),
    ],
)
def test_docx_numbering_rendered(tmp_path, levels, paragraphs, expected):
    doc = read_built(_numbered_document(levels, paragraphs), tmp_path)
    assert lines_of(doc) == expected


def test_docx_heading_numbered_from_style(tmp_path):
    document = docx.Document()
    num_id = Numbering(document).add_list(*CHINESE_HEADINGS)
    number_style(document.styles["Heading 1"], num_id, 0)
    number_style(document.styles["Heading 2"], num_id, 1)
    document.add_paragraph("项目概况", style="Heading 1")
    document.add_paragraph("立项依据", style="Heading 2")
    document.add_paragraph("正文", style="Normal")
    document.add_paragraph("组织实施", style="Heading 1")
    number(document.add_paragraph("不编号的标题", style="Heading 1"), "0")
    assert lines_of(read_built(document, tmp_path)) == [
        "一、项目概况", "（一）立项依据", "正文", "二、组织实施", "不编号的标题",
    ]


def test_docx_numbering_follows_based_on_chain_and_linked_level(tmp_path):
    document = docx.Document()
    num_id = Numbering(document).add_list(
        Lvl("chineseCounting", "%1、", style="Heading1"),
        Lvl("chineseCounting", "（%2）", style="Heading2"),
    )
    # numId only: the level comes from the list's w:pStyle link, as in Word's multilevel lists
    number_style(document.styles["Heading 1"], num_id)
    number_style(document.styles["Heading 2"], num_id)
    custom = document.styles.add_style("报告一级标题", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 1"]
    document.add_paragraph("项目概况", style="Heading 1")
    document.add_paragraph("立项依据", style="Heading 2")
    document.add_paragraph("组织实施", style=custom)
    doc = read_built(document, tmp_path)
    assert lines_of(doc) == ["一、项目概况", "（一）立项依据", "二、组织实施"]
    assert doc.heading_levels == {0: 1, len("一、项目概况\n"): 2, len("一、项目概况\n（一）立项依据\n"): 1}


def test_docx_list_defined_through_numbering_style(tmp_path):
    document = docx.Document()
    numbering = Numbering(document)
    defining = numbering.add_list(Lvl("chineseCounting", "%1、"), Lvl("decimal", "%2."))
    list_style = document.styles.add_style("报告列表", WD_STYLE_TYPE.LIST)
    number_style(list_style, defining)
    linked = numbering.add_linked_list(list_style.style_id)
    number(document.add_paragraph("项目概况"), linked, 0)
    number(document.add_paragraph("立项依据"), linked, 1)
    assert lines_of(read_built(document, tmp_path)) == ["一、项目概况", "1. 立项依据"]


def test_docx_start_override_restarts_a_list(tmp_path):
    document = docx.Document()
    numbering = Numbering(document)
    first = numbering.add_list(Lvl("decimal", "%1、"))
    abstract = numbering.abstract_of(first)
    same_list = numbering.add_instance(abstract)
    restarted = numbering.add_instance(abstract, start_overrides={0: 1})
    from_five = numbering.add_instance(abstract, start_overrides={0: 5})
    for num_id, text in [(first, "甲"), (first, "乙"), (same_list, "丙"),
                         (restarted, "丁"), (restarted, "戊"), (from_five, "己")]:
        number(document.add_paragraph(text), num_id, 0)
    assert lines_of(read_built(document, tmp_path)) == ["1、甲", "2、乙", "3、丙", "1、丁", "2、戊", "5、己"]


def test_docx_level_override_replaces_format(tmp_path):
    document = docx.Document()
    numbering = Numbering(document)
    first = numbering.add_list(Lvl("decimal", "%1、"))
    circled = numbering.add_instance(
        numbering.abstract_of(first), start_overrides={0: 1},
        level_overrides={0: Lvl("decimalEnclosedCircle", "%1", suffix="nothing")},
    )
    number(document.add_paragraph("甲"), first, 0)
    number(document.add_paragraph("乙"), circled, 0)
    assert lines_of(read_built(document, tmp_path)) == ["1、甲", "①乙"]
