"""Word documents as departments write them: headings in Heading styles numbered by Word
(numbering.xml — the heading text holds no number), auto-numbered lists for some problem
and suggestion items, ruled tables with merged cells, a page-number footer.

Saved with fixed zip timestamps and fixed core properties, so the bytes never change.
"""
from __future__ import annotations

import datetime as dt

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

from corpus.model import MERGE_LEFT, MERGE_UP, Heading, ListItem, PageBreak, Para, Report, Table, span
from corpus.wordml import Lvl, Numbering, element, number, number_style, to_bytes

_WORD_FORMATS = {  # our label kinds -> (w:numFmt, w:lvlText with %N for the level)
    "cn、": ("chineseCounting", "%N、"),
    "（cn）": ("chineseCounting", "（%N）"),
    "n.": ("decimal", "%N."),
    "（n）": ("decimal", "（%N）"),
    "第cn部分": ("chineseCounting", "第%N部分"),
}
_ITEM_FORMATS = {"decimal-dot": "%1.", "decimal-paren": "（%1）"}


def render(report: Report) -> tuple[bytes, dict]:
    style = report.style
    document = docx.Document()
    _page_setup(document, style)
    numbering = Numbering(document)
    scheme = style["scheme"]
    suffix = style.get("docx_suffix")
    levels = []
    for i, kind in enumerate(scheme):
        num_fmt, text = _WORD_FORMATS[kind]
        levels.append(Lvl(num_fmt, text.replace("%N", f"%{i + 1}"), style=f"Heading{i + 1}",
                          suffix="space" if kind == "第cn部分" else suffix, justify="left"))
    heading_list = numbering.add_list(*levels, multilevel=len(levels) > 1)
    for i in range(len(scheme)):
        number_style(document.styles[f"Heading {i + 1}"], heading_list, i)
    item_list = None
    for block in report.blocks:
        if not isinstance(block, ListItem) or block.auto is None:
            item_list = None
        if isinstance(block, Heading):
            document.add_paragraph(block.title, style=f"Heading {block.level + 1}")
        elif isinstance(block, Para):
            _para(document, block, style)
        elif isinstance(block, ListItem):
            if block.auto is None:
                paragraph = document.add_paragraph(f"{block.label}{block.sep}{block.text}")
                paragraph.paragraph_format.first_line_indent = Pt(2 * style["docx_size"])
            else:
                if item_list is None:
                    item_list = numbering.add_list(
                        Lvl("decimal", _ITEM_FORMATS[block.auto], suffix="nothing", justify="left"), multilevel=False)
                number(document.add_paragraph(block.text, style="List Paragraph"), item_list, 0)
        elif isinstance(block, Table):
            _table(document, block, style)
        elif isinstance(block, PageBreak):
            document.add_page_break()
    if style.get("docx_footer", True):
        _footer(document, style)
    _core_properties(document, report)
    return to_bytes(document), {}


def _page_setup(document, style) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Pt(595.3), Pt(841.9)
    section.left_margin = section.right_margin = Pt(style.get("docx_margin", 79))
    section.top_margin = section.bottom_margin = Pt(72)
    size = style["docx_size"]
    _font(document.styles["Normal"], style["docx_body_font"], size)
    heading_fonts = ("黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312")
    for i, east_asian in enumerate(heading_fonts, start=1):
        heading = document.styles[f"Heading {i}"]
        _font(heading, east_asian, size, bold=i >= 3)
        heading.paragraph_format.space_before = Pt(6)
        heading.paragraph_format.space_after = Pt(0)
        heading.paragraph_format.first_line_indent = Pt(2 * size) if style.get("docx_heading_indent") else None
    _font(document.styles["Title"], "方正小标宋简体", 22)
    _font(document.styles["List Paragraph"], style["docx_body_font"], size)
    document.styles["List Paragraph"].paragraph_format.first_line_indent = Pt(2 * size)
    document.styles["List Paragraph"].paragraph_format.left_indent = Pt(0)


def _font(st, east_asian: str, size: float, bold: bool | None = None) -> None:
    st.font.size = Pt(size)
    st.font.name = "Times New Roman"
    st.font.color.rgb = RGBColor(0, 0, 0)
    if bold is not None:
        st.font.bold = bold
    rpr = st.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = element("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:eastAsia"), east_asian)


def _para(document, block: Para, style) -> None:
    size = style["docx_size"]
    if block.role == "title":
        if style.get("docx_title_style"):
            paragraph = document.add_paragraph(block.text, style="Title")
        else:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block.text)
            run.bold = True
            run.font.size = Pt(20)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif block.role == "subtitle":
        paragraph = document.add_paragraph(block.text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif block.role == "signature":
        paragraph = document.add_paragraph(block.text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    else:
        paragraph = document.add_paragraph(block.text)
        if block.role == "body":
            paragraph.paragraph_format.first_line_indent = Pt(2 * size)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _table(document, block: Table, style) -> None:
    n_rows, n_cols = len(block.rows), len(block.rows[0])
    table = document.add_table(rows=n_rows, cols=n_cols)
    table.style = document.styles["Table Grid"]
    total = sum(block.widths)
    usable = 595.3 - 2 * style.get("docx_margin", 79)
    for c, width in enumerate(block.widths):
        for cell in table.columns[c].cells:
            cell.width = Pt(usable * width / total)
    for r, row in enumerate(block.rows):
        for c, value in enumerate(row):
            if value in (MERGE_LEFT, MERGE_UP):
                continue
            colspan = span(row[c + 1:], MERGE_LEFT)
            rowspan = span([later[c] for later in block.rows[r + 1:]], MERGE_UP)
            cell = table.cell(r, c)
            if colspan > 1 or rowspan > 1:
                cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(value)
            run.font.size = Pt(style.get("docx_table_size", 10.5))
            if r < block.header_rows:
                run.bold = True
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if block.header_rows and block.repeat_header:
        for r in range(block.header_rows):
            tr_pr = table.rows[r]._tr.get_or_add_trPr()
            tr_pr.append(element("w:tblHeader"))
    document.add_paragraph()


def _footer(document, style) -> None:
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, after = style.get("docx_page_format", ("- ", " -"))
    if before:
        paragraph.add_run(before)
    field = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    paragraph._p.append(field)
    if after:
        paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{after}</w:t></w:r>'))


def _core_properties(document, report: Report) -> None:
    props = document.core_properties
    year = report.gold["metadata"]["year"]
    stamp = dt.datetime(year + 1, 3, 1, 9, 30, 0, tzinfo=dt.timezone.utc)
    props.author = report.gold["metadata"]["department"]
    props.last_modified_by = report.gold["metadata"]["department"]
    props.title = report.style["running_header"]
    props.created = stamp
    props.modified = stamp
    props.revision = 3
    props.comments = ""
    props.keywords = ""
