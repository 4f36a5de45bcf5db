import json
from pathlib import Path

import pypdfium2
import pytest

from pipeline import readers
from pipeline.core.document import Document
from pipeline.core.errors import ReadError
from pipeline.readers import pdf as pdf_reader
from pipeline.readers.pdf import NO_TEXT_LAYER
from pipeline.readers.pdf.lines import join_lines
from pipeline.readers import ReadOptions
from tests.build_pdf import (
    RUNNING_HEADER, T1, T2_HEAD, T3_HEAD, build_blank_pdf, build_encrypted_pdf,
    build_one_page_pdf, build_report_pdf, build_truncated_pdf,
)
from tests.conftest import REAL_PDFS, needs_real_pdfs


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Document:
    return pdf_reader.read(build_report_pdf(tmp_path_factory.mktemp("pdf") / "report.pdf"))


def lines_of(doc: Document) -> list[str]:
    return doc.text.split("\n")


def table_with(doc: Document, text: str):
    return next(t for t in doc.tables if any(c.text == text for c in t.cells))


@pytest.mark.parametrize("joined", [
    "年初预算为465.49万元，调整后预算为480.00万元",  # wrapped between a number and its unit
    "比2024年预算增加3,355.65万元，主要用于",      # wrapped before a number
    "社区公共服务设施日常运行维护。",              # wrapped mid-sentence
    "主要原因是：项目调整及人员经费增加。",         # a full line ending in ： in an indented paragraph
    "资金使用总体规范项目管理制度健全。",           # paragraphs without first-line indent
    "共发放补贴1,234.56万元，惠及居民3,200户。",    # wrapped across a page break
    "本年预算执行数为156,211,123.00元",            # short line: the long number did not fit
])
def test_pdf_wrapped_lines_joined(report, joined):
    assert joined in report.text


@pytest.mark.parametrize("line", [
    "一、项目基本情况",
    "（一）项目概况",                      # a heading right after a short line
    "项目由街道社区服务办公室负责实施。",
    "编制单位：万里街道办事处",              # a caption and its unit on one baseline, split apart
    "单位：万元",
    "单位：元",
    "本年度共开展社区活动48场。",
    "二、绩效指标完成情况",
    "表中执行率按实际支出除以调整后预算计算。",
    "五、存在问题",
    "（1）部分活动宣传不够充分。",
    "①居民参与度有待提高。",
    "下一步将继续加强项目管理。",  # indented, after a full line
    "自评等级为良。",              # after a wider space than between lines
    "六、下一步工作计划",          # a heading at the left margin, after a full line
    "注1：指标得分由评价小组评定。",  # framed, but a one-column grid is not a table
    "注2：满分为100分。",
])
def test_pdf_paragraph_breaks_and_headings_kept(report, line):
    assert line in lines_of(report)


@pytest.mark.parametrize("start, end", [
    ("项目资金实行专账管理", "项目调整及人员经费增加。"),
    ("关于万里街道社区服务项目", "总体说明"),  # a larger font size is its own paragraph
    ("项目各项建设任务", "“均已按期完成。”"),  # a full line ending a sentence, no indent
    ("项目实施", "全面完成年度目标。"),
])
def test_pdf_paragraph_bounds(report, start, end):
    assert any(line.startswith(start) and line.endswith(end) for line in lines_of(report))


def test_pdf_overprinted_text_read_once(report):
    assert report.text.count("一、项目基本情况") == 1


@pytest.mark.parametrize("page_number, at_top", [
    ("{n}", False),
    ("{n}", True),
    ("- {n} -", False),
    ("— {n} —", False),
    ("第 {n} 页", False),
    ("第{n}页 共{total}页", False),
    ("{n}/{total}", False),
    ("万里街道办事处 第{n}页", False),  # not a lone number: dropped as a repeated line
])
def test_pdf_running_header_and_page_numbers_dropped(tmp_path, page_number, at_top):
    doc = pdf_reader.read(build_report_pdf(tmp_path / "r.pdf", page_number, number_at_top=at_top))
    assert RUNNING_HEADER not in doc.text
    numbers = {page_number.format(n=n, total=6) for n in range(1, 7)}
    assert not numbers & set(lines_of(doc))
    assert doc.text.startswith("万里街道社区服务项目支出绩效自评报告\n一、项目基本情况\n")


@pytest.mark.parametrize("page_number", ["{n}", "- {n} -", "— {n} —", "第 {n} 页", "{n}/{total}"])
def test_pdf_lone_page_number_dropped_on_a_single_page(tmp_path, page_number):
    doc = pdf_reader.read(build_one_page_pdf(tmp_path / "one.pdf", page_number))
    assert page_number.format(n=1, total=1) not in lines_of(doc)
    assert lines_of(doc)[-1] == "表中执行率按实际支出除以调整后预算计算。"


def test_pdf_ruled_tables_become_tables(report):
    assert len(report.tables) == 3
    t1 = table_with(report, "年初预算")
    assert t1.page == 1
    assert t1.row_texts() == [
        ["项目", "预算数", "", "执行率"],
        ["", "年初预算", "调整后预算", ""],
        T1[2],
        T1[3],
    ]


@pytest.mark.parametrize("text, rowspan, colspan", [
    ("项目", 2, 1),
    ("预算数", 1, 2),
    ("执行率", 2, 1),
    ("调整后预算", 1, 1),  # two lines inside the cell, read as one
])
def test_pdf_merged_cells_appear_once(report, text, rowspan, colspan):
    cells = [c for c in table_with(report, "年初预算").cells if c.text == text]
    assert [(c.rowspan, c.colspan) for c in cells] == [(rowspan, colspan)]


@pytest.mark.parametrize("cell_text", ["公共安全", "社区活动场次", "服务对象满意度"])
def test_pdf_table_text_not_repeated_as_paragraphs(report, cell_text):
    assert report.text.count(cell_text) == 1


def test_pdf_table_cell_offsets(report):
    cells = [c for t in report.tables for c in t.cells]
    assert cells
    for c in cells:
        assert report.text[c.char_start:c.char_end] == c.text


def test_pdf_table_in_reading_order(report):
    t1 = table_with(report, "年初预算")
    assert report.text.index("单位：万元") < t1.char_start
    assert t1.char_end < report.text.index("表中执行率")
    assert report.text[t1.char_start:t1.char_end].startswith("项目\t预算数\t执行率\n")


def test_pdf_table_continued_with_fewer_columns_merged(report):
    t2 = table_with(report, "社区活动场次")
    assert (t2.page, t2.n_rows, t2.n_cols) == (2, 5, 3)
    assert t2.row_texts()[0] == T2_HEAD
    assert t2.row_texts()[-1] == ["合计", "", "3项"]
    total = t2.grid()[-1][0]
    assert (total.text, total.colspan) == ("合计", 2)


@pytest.mark.parametrize("repeat_header", [True, False])
def test_pdf_table_across_pages_merged(tmp_path, repeat_header):
    doc = pdf_reader.read(build_report_pdf(tmp_path / "r.pdf", repeat_header=repeat_header))
    t3 = table_with(doc, "服务对象满意度")
    assert (t3.page, t3.n_rows, t3.n_cols) == (4, 6, 4)
    assert t3.row_texts()[0] == T3_HEAD
    assert doc.text.count("一级指标") == 1
    assert t3.row_texts()[-1] == ["总分", "", "", "78"]


@pytest.mark.parametrize("text, page", [
    ("万里街道社区服务项目支出绩效自评报告", 1),
    ("（一）项目概况", 1),
    ("本年度共开展社区活动48场。", 2),
    ("合计\t3项", 3),            # the part of a table carried over to the next page
    ("三、项目资金使用情况", 3),
    ("共发放补贴", 3),
    ("惠及居民", 4),              # the part of a paragraph carried over to the next page
    ("满意度指标", 5),
    ("①居民参与度有待提高。", 5),
])
def test_pdf_page_at(report, text, page):
    assert report.page_at(report.text.index(text)) == page


def test_pdf_every_page_has_a_start(report):
    assert len(report.pages) == 6  # the blank last page too
    assert report.pages[0] == 0
    assert report.pages == sorted(report.pages)
    assert report.page_at(len(report.text) - 1) == 5


def test_pdf_read_through_the_registry(tmp_path):
    doc = readers.read(build_report_pdf(tmp_path / "r.pdf"))
    assert doc.format == "pdf"
    assert len(doc.doc_id) == 16


@pytest.mark.parametrize("build, message", [
    (build_truncated_pdf, "broken PDF: "),
    (build_encrypted_pdf, "encrypted PDF"),
    (lambda path: path.write_bytes(b"%PDF-1.4\nnot really a pdf\n"), "broken PDF: "),
])
def test_pdf_unreadable_file_raises_read_error(tmp_path, build, message):
    path = tmp_path / "bad.pdf"
    build(path)
    with pytest.raises(ReadError, match=f"^{message}") as info:
        pdf_reader.read(path)
    assert info.value.__cause__ is not None  # PDFium's error stays reachable


def test_pdf_without_text_layer_raises_read_error(tmp_path):
    with pytest.raises(ReadError) as info:
        pdf_reader.read(build_blank_pdf(tmp_path / "scan.pdf"), ReadOptions(ocr=False))
    assert str(info.value) == NO_TEXT_LAYER


def test_pdf_failing_page_becomes_a_warning(tmp_path, monkeypatch):
    real_page_tables = pdf_reader.page_tables

    def page_tables(page, number):
        if number == 2:
            raise KeyError("Resources")
        return real_page_tables(page, number)

    monkeypatch.setattr(pdf_reader, "page_tables", page_tables)
    doc = pdf_reader.read(build_report_pdf(tmp_path / "r.pdf"))
    assert [w for w in doc.warnings if w.startswith("page 2 ")] == doc.warnings != []
    assert "本年度共开展社区活动48场" not in doc.text
    assert "（一）项目概况" in doc.text and "①居民参与度有待提高。" in doc.text
    assert len(doc.pages) == 6


def test_pdf_every_page_failing_raises_read_error(tmp_path, monkeypatch):
    def page_tables(page, number):
        raise KeyError("Resources")

    monkeypatch.setattr(pdf_reader, "page_tables", page_tables)
    with pytest.raises(ReadError, match="^broken PDF: no page could be read"):
        pdf_reader.read(build_report_pdf(tmp_path / "r.pdf"))


@pytest.mark.parametrize("lines, joined, starts", [
    (["465.49万", "元"], "465.49万元", [0, 7]),
    (["比2024年预算增加", "3,355.65万元"], "比2024年预算增加3,355.65万元", [0, 10]),
    (["a rise of", "5 percent"], "a rise of 5 percent", [0, 10]),
    (["预算为2023", "“项目”"], "预算为2023“项目”", [0, 7]),
])
def test_pdf_join_lines(lines, joined, starts):
    assert join_lines(lines) == (joined, starts)


@pytest.fixture(scope="module", params=REAL_PDFS, ids=lambda p: p.stem)
def real_doc(request) -> Document:
    return pdf_reader.read(request.param)


@needs_real_pdfs
def test_pdf_real_text_contains(real_doc):
    gold = Path(real_doc.source_path).with_suffix(".json")
    expected = json.loads(gold.read_text(encoding="utf-8"))["text_contains"]
    assert [s for s in expected if s not in real_doc.text] == []


@needs_real_pdfs
def test_pdf_real_pages_and_tables(real_doc):
    pdf = pypdfium2.PdfDocument(real_doc.source_path)
    assert len(real_doc.pages) == len(pdf)
    pdf.close()
    assert real_doc.pages == sorted(real_doc.pages)
    for table in real_doc.tables:
        for c in table.cells:
            assert real_doc.text[c.char_start:c.char_end] == c.text
    # Both tables run over five pages; the second repeats its three header rows on each.
    for title in ("收入预算", "一般公共预算支出"):
        table = table_with(real_doc, title)
        assert [row[0] for row in table.row_texts()].count("功能分类科目编码") == 1
        assert table.row_texts()[-1][0] == "合计"


@pytest.mark.parametrize(
    "lines,joined",
    [
        (["项目总投资5,", "288.4万元"], "项目总投资5,288.4万元"),
        (["支出12.", "5万元"], "支出12.5万元"),
        (["共计1234", "56元"], "共计123456元"),
        (["see the", "report"], "see the report"),
        (["465.49万", "元"], "465.49万元"),
        (["step 1,", "then"], "step 1, then"),
    ],
)
def test_pdf_join_lines_inside_numbers(lines, joined):
    from pipeline.readers.pdf.lines import join_lines

    assert join_lines(lines)[0] == joined


# Published reports often set the 自评表 as bare text at fixed x positions, without lines.
RT02 = Path(__file__).parent / "data" / "redteam" / "rt02_shandong_lanshan_health_flat.txt"


@pytest.mark.parametrize("style", ["ruled", "unruled"])
def test_pdf_table_read_with_or_without_ruling(tmp_path, style):
    from tests.build_redteam_pdf import build_redteam_pdf

    doc = pdf_reader.read(build_redteam_pdf(RT02, tmp_path / "rt02.pdf", style))
    assert len(doc.tables) == 1
    rows = doc.tables[0].row_texts()
    assert rows[0] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    assert ["产出指标", "时效指标", "资金拨付及时率", "100%", "95%", "10", "9"] in rows
    assert len(rows) == 8
    assert "居民电子健康档案建档率" not in lines_of(doc)  # the table's text is not repeated as lines


def test_pdf_unruled_table_not_found_in_prose(tmp_path):
    """Justified prose, a caption with its unit, and clauses spread at fixed x positions
    (sentence punctuation before each blank) stay text."""
    from tests.build_redteam_pdf import build_redteam_pdf

    txt = tmp_path / "prose.txt"
    txt.write_text("\n".join([
        "某某县2023年度项目支出绩效自评报告",
        "项目资金实行专账管理，按季度根据考核结果拨付。" * 6,
        "表1 绩效指标完成情况\t单位：万元",
        "项目进展顺利，\t资金到位及时，\t群众反映良好。",
        "工程质量达标，\t验收一次通过，\t档案资料齐全。",
        "培训按期完成，\t人员全部到岗，\t制度有效执行。",
        "经综合评价，本项目自评得分为95分。",
    ]), encoding="utf-8")
    doc = pdf_reader.read(build_redteam_pdf(txt, tmp_path / "prose.pdf", "unruled"))
    assert doc.tables == []
    assert "项目资金实行专账管理，按季度根据考核结果拨付。" * 6 in lines_of(doc)
    assert "\t" not in doc.text and "验收一次通过，" in doc.text


def test_pdf_unruled_two_column_form_not_a_table(tmp_path):
    """Label and value pairs (项目名称 … 主管部门 …) need three columns to be a table."""
    from tests.build_redteam_pdf import build_redteam_pdf

    txt = tmp_path / "form.txt"
    txt.write_text("\n".join([
        "某某县2023年度项目支出绩效自评报告",
        "项目名称\t农村供水保障工程",
        "主管部门\t县水利局",
        "实施单位\t县农村供水站",
        "一、项目基本情况",
    ]), encoding="utf-8")
    doc = pdf_reader.read(build_redteam_pdf(txt, tmp_path / "form.pdf", "unruled"))
    assert doc.tables == []
    assert "\t" not in doc.text and "主管部门 县水利局" in doc.text


def test_pdf_unruled_table_with_wrapped_cells(tmp_path):
    """A long cell wraps onto lines above and below its row; the pieces join their cell, and
    a table carried over a page break goes on."""
    from tests.build_redteam_pdf import build_redteam_pdf

    doc = pdf_reader.read(build_redteam_pdf(RT02, tmp_path / "rt02.pdf", "unruled", cell_chars=7))
    assert len(doc.tables) == 1
    rows = doc.tables[0].row_texts()
    assert len(rows) == 8
    assert ["产出指标", "数量指标", "65岁及以上老年人健康管理人数", "≥42000人", "43800人", "10", "10"] in rows
    assert ["满意度指标", "服务对象满意度指标", "居民满意度", "≥85%", "91.5%", "10", "10"] in rows


def test_pdf_unruled_table_last_row_alone_on_next_page(tmp_path):
    """One row is no table by itself, but it carries on the unruled table that ends the page
    before when its cells fall into that table's columns."""
    from tests.build_redteam_pdf import build_redteam_pdf

    txt = RT02.parent / "rt04_guangxi_tianyang_water_subheads.txt"
    doc = pdf_reader.read(build_redteam_pdf(txt, tmp_path / "rt04.pdf", "unruled", cell_chars=7))
    assert len(doc.tables) == 1
    rows = doc.tables[0].row_texts()
    assert rows[-1] == ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "94%", "10"]
    assert doc.tables[0].page == 1 and "受益群众满意度" not in lines_of(doc)
