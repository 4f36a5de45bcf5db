"""pipeline/readers/pdf/lines.py: spaces inside a line, paragraphs across a stray page number,
and margins of a sparse last page."""
from __future__ import annotations


import pytest

from pipeline.readers.pdf.lines import Line, Margins, group_paragraphs, line_text, page_margins
from tests.build_mirror_pdf import REDTEAM, build_mirror_pdf


def chars(*runs: tuple[str, float], size: float = 12.0) -> list[dict]:
    """Glyphs of `size`, each run starting `gap` points after the previous run ends."""
    out, x = [], 0.0
    for text, gap in runs:
        x += gap
        for ch in text:
            width = size if not ch.isascii() else size / 2
            out.append({"text": ch, "x0": x, "x1": x + width, "size": size})
            x += width
    return out


@pytest.mark.parametrize("runs,text", [
    ((("业务能", 0), ("力参差", 5.0)), "业务能力参差"),      # a seam narrower than a character
    ((("12月3", 0), ("1日", 4.0)), "12月31日"),             # inside a number
    ((("项目名称", 0), ("农村公路", 14.0)), "项目名称 农村公路"),  # a gap of a character or more
    ((("2018", 0), ("年度", 4.0)), "2018 年度"),            # Word's space between digits and CJK
    ((("存", 0), (" ", 0), ("在", 0)), "存 在"),             # a typed space is a space
])
def test_pdf_lines_space_only_where_the_gap_separates(runs, text):
    assert line_text(chars(*runs)) == text


def line(text: str, x0: float, x1: float, top: float, page: int = 1, size: float = 12.0) -> Line:
    return Line(text=text, page=page, x0=x0, x1=x1, top=top, bottom=top + size, size=size, lead_width=0.0)


MARGINS = [Margins(left=60.0, right=535.0, line_gap=9.0)]


def test_pdf_lines_paragraph_carries_on_past_a_stray_page_number():
    stream = [
        line("签约居民健康档案规范化电子建档率", 84.0, 535.0, 100.0),
        line("- 2 -", 285.0, 310.0, 121.0),
        line("达到92%，签约居民满意度为95.5%。", 60.0, 300.0, 142.0),
        line("四、存在的问题", 84.0, 170.0, 163.0),
    ]
    blocks = group_paragraphs(stream, MARGINS)
    assert [[piece.text for piece in block] for block in blocks] == [
        ["签约居民健康档案规范化电子建档率", "达到92%，签约居民满意度为95.5%。"], ["四、存在的问题"]]


def test_pdf_lines_page_number_between_paragraphs_stays_a_line_of_its_own():
    stream = [
        line("全年完成。", 84.0, 150.0, 100.0),
        line("- 2 -", 285.0, 310.0, 121.0),
        line("四、存在的问题", 84.0, 170.0, 142.0),
    ]
    assert [[p.text for p in b] for b in group_paragraphs(stream, MARGINS)] == [
        ["全年完成。"], ["- 2 -"], ["四、存在的问题"]]


def test_pdf_lines_sparse_last_page_takes_the_shared_margins():
    full = [line("正文" * 10, 60.0 if i % 3 else 84.0, 535.0, 100.0 + 21 * i) for i in range(12)]
    sparse = [line("2024年单位预算公开表", 84.0, 260.0, 100.0), line("收支总表", 84.0, 132.0, 121.0),
              line("单位：万元", 84.0, 144.0, 142.0)]
    margins = page_margins([(595.0, full), (595.0, sparse)])
    assert (margins[1].left, margins[1].right) == (margins[0].left, margins[0].right) == (60.0, 535.0)


def test_pdf_lines_mirror_redteam_pdf_is_built_from_its_source(tmp_path):
    source = REDTEAM / "sources" / "rt22_hunan_liling_family_doctor_mirror.txt"
    built = build_mirror_pdf(source, tmp_path / "rt22.pdf")
    assert built.read_bytes() == (REDTEAM / f"{source.stem}.pdf").read_bytes()
