"""pipeline/readers/pdf/headings.py: levels of numbered headings set larger than the body."""
from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from corpus.pdf_canvas import PAGE_H, PAGE_W, draw_text, register_font
from pipeline.readers.pdf import read
from pipeline.readers.pdf.headings import heading_levels
from pipeline.readers.pdf.lines import Line
from pipeline.sections import build


def line(text: str, size: float) -> Line:
    return Line(text=text, page=1, x0=72.0, x1=300.0, top=100.0, bottom=100.0 + size, size=size, lead_width=0.0)


BODY = "项目资金实行专账管理，按季度根据考核结果拨付，资金使用总体规范。"


def test_pdf_headings_levels_follow_the_type_size():
    paragraphs = [
        [line("一、项目基本情况", 16.0)],
        [line(BODY, 12.0), line(BODY, 12.0)],
        [line("（一）项目概况", 14.0)],
        [line(BODY, 12.0)],
        [line("二、绩效目标", 15.96)],  # one size with 16
    ]
    texts = ["".join(piece.text for piece in p) for p in paragraphs]
    assert heading_levels(paragraphs, texts) == {0: 1, 2: 2, 4: 1}


def test_pdf_headings_left_alone():
    paragraphs = [
        [line("万里街道社区服务项目支出绩效自评报告", 18.0)],  # a title: not numbered
        [line("1、部分活动宣传不够充分。", 12.0)],              # the body's size: maybe a list item
        [line("一、项目基本情况", 16.0), line("（续）", 16.0)],   # more than one line
        [line("二、" + BODY * 2, 16.0)],                          # too long for a heading
        [line(BODY, 12.0), line(BODY, 12.0), line(BODY, 12.0)],
    ]
    texts = ["".join(piece.text for piece in p) for p in paragraphs]
    assert heading_levels(paragraphs, texts) == {}


def _report(path: Path) -> Path:
    """A report that numbers its first top-level heading 1、 and the next ones 二、, 三、 (it
    happens), all at 16 points, with a （一） subheading at 14 over 12-point body text."""
    register_font()
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    y = 80.0
    for text, size in [
        ("某某县2023年度项目支出绩效自评报告", 18.0),
        ("1、项目基本情况", 16.0), (BODY, 12.0),
        ("（一）项目概况", 14.0), (BODY, 12.0),
        ("二、绩效目标完成情况", 16.0), (BODY, 12.0),
        ("三、存在的问题", 16.0), (BODY, 12.0),
    ]:
        draw_text(canvas, 72.0, PAGE_H - y, text, size)
        y += 2 * size
    canvas.save()
    return path


def test_pdf_headings_reach_the_section_tree(tmp_path):
    doc = read(_report(tmp_path / "report.pdf"))
    hinted = {doc.text[start:doc.text.index("\n", start)]: level for start, level in doc.heading_levels.items()}
    assert hinted == {"1、项目基本情况": 1, "（一）项目概况": 2, "二、绩效目标完成情况": 1, "三、存在的问题": 1}
    assert [(s.level, s.title) for s in build(doc)] == [
        (1, "项目基本情况"), (2, "项目概况"), (1, "绩效目标完成情况"), (1, "存在的问题")]
