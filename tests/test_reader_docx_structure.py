"""The .docx reader: heading levels, tables and merged cells, visible text, document identity."""
from __future__ import annotations

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from corpus.wordml import Lvl, Numbering, add_body_xml, add_paragraph_xml, number, save, set_outline_level
from pipeline.readers import read as read_any
from tests.test_reader_docx import R, assert_cell_offsets, lines_of, read_built


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
    doc = read_built(document, tmp_path)
    assert doc.heading_levels.get(0) == expected


def test_docx_tables_in_document_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("表前段落")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([("序号", "指标名称", "指标值"), ("1", "专家人数", "12人")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("表后段落")
    doc = read_built(document, tmp_path)
    assert lines_of(doc) == ["表前段落", "序号\t指标名称\t指标值", "1\t专家人数\t12人", "表后段落"]
    [parsed] = doc.tables
    assert (parsed.n_rows, parsed.n_cols) == (2, 3)
    assert parsed.row_texts()[1] == ["1", "专家人数", "12人"]
    assert_cell_offsets(doc)


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
    doc = read_built(document, tmp_path)
    assert lines_of(doc) == ["横向合并\t表头", "甲\t乙\t纵向合并", "丙\t丁\t"]
    assert doc.text.count("横向合并") == doc.text.count("纵向合并") == 1
    [parsed] = doc.tables
    spans = {c.text: (c.row, c.col, c.rowspan, c.colspan) for c in parsed.cells if c.text}
    assert spans["横向合并"] == (0, 0, 1, 2)
    assert spans["表头"] == (0, 2, 1, 1)
    assert spans["纵向合并"] == (1, 2, 2, 1)
    assert spans["丁"] == (2, 1, 1, 1)
    assert_cell_offsets(doc)


def test_docx_grid_before_shifts_columns(tmp_path):
    document = docx.Document()
    cell = "<w:tc><w:p>" + R.format("{}") + "</w:p></w:tc>"
    add_body_xml(document, "<w:tbl>"
                 "<w:tr>" + cell.format("甲") + cell.format("乙") + "</w:tr>"
                 "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + cell.format("丙") + "</w:tr>"
                 "</w:tbl>")
    doc = read_built(document, tmp_path)
    assert [(c.text, c.row, c.col) for c in doc.tables[0].cells] == [("甲", 0, 0), ("乙", 0, 1), ("丙", 1, 1)]
    assert_cell_offsets(doc)


def test_docx_nested_table_rendered_inside_cell(tmp_path):
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外层"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    for r, row in enumerate([("年度", "金额"), ("2021", "69.8万元")]):
        for c, value in enumerate(row):
            inner.cell(r, c).text = value
    doc = read_built(document, tmp_path)
    assert lines_of(doc) == ["外层\t年度 金额 2021 69.8万元"]
    assert_cell_offsets(doc)


def test_docx_numbering_inside_table_cells(tmp_path):
    document = docx.Document()
    num_id = Numbering(document).add_list(Lvl("decimal", "%1、"))
    table = document.add_table(rows=2, cols=1)
    for r, text in enumerate(["专家人数", "覆盖率"]):
        number(table.cell(r, 0).paragraphs[0], num_id, 0).add_run(text)
    assert lines_of(read_built(document, tmp_path)) == ["1、专家人数", "2、覆盖率"]


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
    assert read_built(document, tmp_path).text == expected


def test_docx_empty_paragraphs_and_headers_skipped(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "页眉文字"
    document.sections[0].footer.paragraphs[0].text = "页脚文字"
    document.add_paragraph("第一段")
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.add_paragraph("第二段")
    assert read_built(document, tmp_path).text == "第一段\n第二段"


def test_docx_content_control_blocks_read(tmp_path):
    document = docx.Document()
    document.add_paragraph("封面之后")
    add_body_xml(document, "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>"
                           "<w:p>" + R.format("控件中的段落") + "</w:p></w:sdtContent></w:sdt>")
    assert lines_of(read_built(document, tmp_path)) == ["封面之后", "控件中的段落"]


def test_docx_document_identity(tmp_path):
    document = docx.Document()
    document.add_paragraph("正文")
    path = save(document, tmp_path / "doc.docx")
    doc = read_any(path)
    assert doc.format == "docx"
    assert doc.doc_id == doc.sha256[:16] and len(doc.sha256) == 64
    assert doc.source_path == str(path)
    assert doc.pages == []
