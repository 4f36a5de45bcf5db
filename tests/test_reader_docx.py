"""The .docx reader: Word numbering, heading levels, tables, visible text, bad input."""
from __future__ import annotations

import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st

from pipeline.core.document import Document
from pipeline.core.errors import ReadError
from pipeline.readers import docx as docx_reader
from pipeline.readers import read as read_any
from pipeline.readers.docx.numbering import chinese_counting, format_number
from tests.build_docx import (
    SEED_PATH, SEED_SECTIONS, Lvl, Numbering, add_body_xml, add_paragraph_xml,
    build_seed_docx, number, number_style, save, set_outline_level,
)

R = "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>"
CHINESE_HEADINGS = (Lvl("chineseCounting", "%1、"), Lvl("chineseCounting", "（%2）"))


def _read(document, tmp_path: Path) -> Document:
    return docx_reader.read(save(document, tmp_path / "doc.docx"))


def _lines(doc: Document) -> list[str]:
    return doc.text.split("\n")


def _numbered_document(levels: tuple[Lvl, ...], paragraphs: list[tuple[int, str]]):
    document = docx.Document()
    num_id = Numbering(document).add_list(*levels)
    for ilvl, text in paragraphs:
        number(document.add_paragraph(text), num_id, ilvl)
    return document


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
    doc = _read(_numbered_document(levels, paragraphs), tmp_path)
    assert _lines(doc) == expected


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
    assert _lines(_read(document, tmp_path)) == [
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
    doc = _read(document, tmp_path)
    assert _lines(doc) == ["一、项目概况", "（一）立项依据", "二、组织实施"]
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
    assert _lines(_read(document, tmp_path)) == ["一、项目概况", "1. 立项依据"]


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
    assert _lines(_read(document, tmp_path)) == ["1、甲", "2、乙", "3、丙", "1、丁", "2、戊", "5、己"]


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
    assert _lines(_read(document, tmp_path)) == ["1、甲", "①乙"]


def _styled(document, style_name: str) -> None:
    document.add_paragraph("标题文字", style=style_name)


def _chinese_word_heading(document) -> None:
    """Chinese Word names its heading styles by number: styleId "2"."""
    style = document.styles.add_style("自定义二级", WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), "2")
    document.add_paragraph("标题文字", style="自定义二级")


def _chinese_named_heading(document) -> None:
    document.styles.add_style("标题 3", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("标题文字", style="标题 3")


def _based_on_heading(document) -> None:
    style = document.styles.add_style("我的标题", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Heading 2"]
    document.add_paragraph("标题文字", style="我的标题")


def _based_on_title(document) -> None:
    style = document.styles.add_style("封面标题", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Title"]
    document.add_paragraph("标题文字", style="封面标题")


def _direct_outline(document) -> None:
    set_outline_level(document.add_paragraph("标题文字"), 0)


def _outline_body_text_overrides_style(document) -> None:
    set_outline_level(document.add_paragraph("标题文字", style="Heading 1"), 9)


def _style_outline(document) -> None:
    style = document.styles.add_style("大纲二级", WD_STYLE_TYPE.PARAGRAPH)
    set_outline_level(style, 1)
    document.add_paragraph("标题文字", style="大纲二级")


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda d: _styled(d, "Heading 1"), 1),
        (lambda d: _styled(d, "Heading 3"), 3),
        (lambda d: _styled(d, "Title"), None),
        (lambda d: _styled(d, "Normal"), None),
        (_chinese_word_heading, 2),
        (_chinese_named_heading, 3),
        (_based_on_heading, 2),
        (_based_on_title, None),
        (_direct_outline, 1),
        (_outline_body_text_overrides_style, None),
        (_style_outline, 2),
    ],
)
def test_docx_heading_levels(tmp_path, make, expected):
    document = docx.Document()
    make(document)
    doc = _read(document, tmp_path)
    assert doc.heading_levels.get(0) == expected


def _assert_offsets(doc: Document) -> None:
    for table in doc.tables:
        for cell in table.cells:
            assert doc.text[cell.char_start:cell.char_end] == cell.text


def test_docx_tables_in_document_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("表前段落")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([("序号", "指标名称", "指标值"), ("1", "专家人数", "12人")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("表后段落")
    doc = _read(document, tmp_path)
    assert _lines(doc) == ["表前段落", "序号\t指标名称\t指标值", "1\t专家人数\t12人", "表后段落"]
    [parsed] = doc.tables
    assert (parsed.n_rows, parsed.n_cols) == (2, 3)
    assert parsed.row_texts()[1] == ["1", "专家人数", "12人"]
    _assert_offsets(doc)


def test_docx_merged_cells_appear_once(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "横向合并"
    table.cell(0, 2).text = "表头"
    table.cell(1, 0).text = "甲"
    table.cell(1, 1).text = "乙"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "纵向合并"
    table.cell(2, 0).text = "丙"
    table.cell(2, 1).text = "丁"
    doc = _read(document, tmp_path)
    assert _lines(doc) == ["横向合并\t表头", "甲\t乙\t纵向合并", "丙\t丁\t"]
    assert doc.text.count("横向合并") == doc.text.count("纵向合并") == 1
    [parsed] = doc.tables
    spans = {c.text: (c.row, c.col, c.rowspan, c.colspan) for c in parsed.cells if c.text}
    assert spans["横向合并"] == (0, 0, 1, 2)
    assert spans["表头"] == (0, 2, 1, 1)
    assert spans["纵向合并"] == (1, 2, 2, 1)
    assert spans["丁"] == (2, 1, 1, 1)
    _assert_offsets(doc)


def test_docx_grid_before_shifts_columns(tmp_path):
    document = docx.Document()
    cell = "<w:tc><w:p>" + R.format("{}") + "</w:p></w:tc>"
    add_body_xml(document, "<w:tbl>"
                 "<w:tr>" + cell.format("甲") + cell.format("乙") + "</w:tr>"
                 "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + cell.format("丙") + "</w:tr>"
                 "</w:tbl>")
    doc = _read(document, tmp_path)
    assert [(c.text, c.row, c.col) for c in doc.tables[0].cells] == [("甲", 0, 0), ("乙", 0, 1), ("丙", 1, 1)]
    _assert_offsets(doc)


def test_docx_nested_table_rendered_inside_cell(tmp_path):
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外层"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    for r, row in enumerate([("年度", "金额"), ("2021", "69.8万元")]):
        for c, value in enumerate(row):
            inner.cell(r, c).text = value
    doc = _read(document, tmp_path)
    assert _lines(doc) == ["外层\t年度 金额 2021 69.8万元"]
    _assert_offsets(doc)


def test_docx_numbering_inside_table_cells(tmp_path):
    document = docx.Document()
    num_id = Numbering(document).add_list(Lvl("decimal", "%1、"))
    table = document.add_table(rows=2, cols=1)
    for r, text in enumerate(["专家人数", "覆盖率"]):
        number(table.cell(r, 0).paragraphs[0], num_id, 0).add_run(text)
    assert _lines(_read(document, tmp_path)) == ["1、专家人数", "2、覆盖率"]


@pytest.mark.parametrize(
    "inner_xml, expected",
    [
        pytest.param(R.format("资金") + R.format("69.8万元"), "资金69.8万元", id="runs-joined"),
        pytest.param(R.format("项目") + "<w:r><w:tab/></w:r>" + R.format("金额"), "项目\t金额", id="tab"),
        pytest.param(
            R.format("预算") + "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>50</w:delText></w:r></w:del>"
            + "<w:ins w:id=\"2\" w:author=\"a\">" + R.format("69.8") + "</w:ins>" + R.format("万元"),
            "预算69.8万元", id="deleted-revision-dropped-inserted-kept",
        ),
        pytest.param(
            R.format("第") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:instrText> PAGE </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + R.format("3")
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + R.format("页"),
            "第3页", id="field-shows-result-not-code",
        ),
        pytest.param(
            "<w:fldSimple w:instr=\" DATE \">" + R.format("2022年3月") + "</w:fldSimple>",
            "2022年3月", id="simple-field-result",
        ),
        pytest.param(
            "<w:hyperlink>" + R.format("链接文字") + "</w:hyperlink>", "链接文字", id="hyperlink",
        ),
        pytest.param(R.format("465.49万") + "<w:r><w:br/></w:r>" + R.format("元"), "465.49万元",
                     id="soft-break-next-to-cjk-joins"),
        pytest.param(R.format("Annual") + "<w:r><w:br/></w:r>" + R.format("Report"), "Annual\nReport",
                     id="soft-break-between-latin-words"),
        pytest.param("<w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/>"
                     + R.format("一是"), "一是", id="bookmark-invisible"),
        pytest.param(R.format("零宽\u200b字符"), "零宽字符", id="cleaned"),
    ],
)
def test_docx_paragraph_visible_text(tmp_path, inner_xml, expected):
    document = docx.Document()
    add_paragraph_xml(document, inner_xml)
    assert _read(document, tmp_path).text == expected


def test_docx_empty_paragraphs_and_headers_skipped(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "页眉文字"
    document.sections[0].footer.paragraphs[0].text = "页脚文字"
    document.add_paragraph("第一段")
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.add_paragraph("第二段")
    assert _read(document, tmp_path).text == "第一段\n第二段"


def test_docx_content_control_blocks_read(tmp_path):
    document = docx.Document()
    document.add_paragraph("封面之后")
    add_body_xml(document, "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>"
                           "<w:p>" + R.format("控件中的段落") + "</w:p></w:sdtContent></w:sdt>")
    assert _lines(_read(document, tmp_path)) == ["封面之后", "控件中的段落"]


def test_docx_document_identity(tmp_path):
    document = docx.Document()
    document.add_paragraph("正文")
    path = save(document, tmp_path / "doc.docx")
    doc = read_any(path)
    assert doc.format == "docx"
    assert doc.doc_id == doc.sha256[:16] and len(doc.sha256) == 64
    assert doc.source_path == str(path)
    assert doc.pages == []


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(4096))


def _zip_without_word(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "not a word document")


def _spreadsheet_package(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')


def _ole_compound_file(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))


def _truncated_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("正文")
    data = save(document, path).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _corrupt_entry(path: Path) -> None:
    """Intact zip directory, damaged compressed bytes inside word/document.xml."""
    document = docx.Document()
    document.add_paragraph("正文" * 200)
    save(document, path)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 10:start + 60] = bytes(50)
    path.write_bytes(bytes(data))


def _damaged_xml(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("正文")
    save(document, path)
    with zipfile.ZipFile(path) as z:
        entries = {name: z.read(name) for name in z.namelist()}
    entries["word/document.xml"] = b"<w:document"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)


@pytest.mark.parametrize(
    "make, message",
    [
        (_random_bytes, "not a valid .docx (not a zip package)"),
        (_zip_without_word, "not a valid .docx (no Word document inside the zip package)"),
        (_spreadsheet_package, "not a valid .docx (no Word document inside the zip package)"),
        (_ole_compound_file, "encrypted or legacy Word file: save it as .docx without a password"),
        (_truncated_docx, "not a valid .docx (not a zip package)"),
        (_corrupt_entry, "not a valid .docx (damaged"),
        (_damaged_xml, "not a valid .docx (damaged XML"),
    ],
)
def test_docx_bad_input_raises_read_error(tmp_path, make, message):
    path = tmp_path / "bad.docx"
    make(path)
    with pytest.raises(ReadError) as caught:
        docx_reader.read(path)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_docx_empty_file_rejected_by_registry(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    with pytest.raises(ReadError, match="file is empty"):
        read_any(path)


@pytest.fixture(scope="module")
def seed_doc(tmp_path_factory) -> Document:
    return docx_reader.read(build_seed_docx(tmp_path_factory.mktemp("seed") / "seed.docx"))


def _heading_lines(doc: Document, level: int) -> list[str]:
    return [doc.text[start:].split("\n", 1)[0]
            for start, found in sorted(doc.heading_levels.items()) if found == level]


def test_docx_seed_top_level_headings(seed_doc):
    expected = [f"{n}、{title}" for n, title in zip("一二三四五六", SEED_SECTIONS)]
    assert [line for line in _lines(seed_doc) if line in expected] == expected
    assert _heading_lines(seed_doc, 1) == expected


def test_docx_seed_second_level_numbering_is_corrected(seed_doc):
    second = _heading_lines(seed_doc, 2)
    assert len(second) == 11
    assert second[:6] == [
        "（一）项目立项背景和依据", "（二）项目完成情况", "（一）投入", "（二）过程",
        "（一）目标设置情况", "（二）绩效完成情况",
    ]
    assert second[-1] == "（五）关于扎实开展法治建设督察调研的有关工作"


def test_docx_seed_indicator_table(seed_doc):
    [table] = seed_doc.tables
    rows = table.row_texts()
    assert rows[0] == ["序号", "指标名称", "指标值"]
    assert rows[1] == ["1", "依法治市咨询专家库专家人数", "12人"]
    assert [row[0] for row in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert seed_doc.text.index("（一）目标设置情况") < table.char_start < seed_doc.text.index("（二）绩效完成情况")
    _assert_offsets(seed_doc)


def test_docx_seed_body_paragraphs_kept(seed_doc):
    lines = set(_lines(seed_doc))
    seed_lines = SEED_PATH.read_text(encoding="utf-8").splitlines()
    prose = [line.replace("[bookmark: _GoBack]", "") for line in seed_lines
             if len(line) > 40]  # longer than any heading or indicator line
    assert prose and all(line in lines for line in prose)
    assert "" not in lines and "[bookmark" not in seed_doc.text


def test_docx_seed_builder_is_deterministic(tmp_path):
    first = build_seed_docx(tmp_path / "a.docx").read_bytes()
    second = build_seed_docx(tmp_path / "b.docx").read_bytes()
    assert first == second
