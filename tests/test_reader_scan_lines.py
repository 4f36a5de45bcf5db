"""Scanned pages: set level before OCR, and the rules of their tables traced as edges."""
from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from pipeline.readers.ocr import _MISREAD_POINT
from pipeline.readers.pdf.grid import find_tables
from pipeline.readers.scan_lines import ruling_edges, straighten

SCALE = 72 / 150  # points per pixel at 150 dpi


def _text_page() -> Image.Image:
    """Rows of dark bars, as lines of text look from afar."""
    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    for row in range(30):
        top = 150 + row * 45
        for word in range(12):
            left = 120 + word * 85
            draw.rectangle((left, top, left + 60, top + 18), fill=30)
    return page


@pytest.mark.parametrize("skew", [0.8, -1.5, 0.0])
def test_scan_lines_a_page_fed_askew_is_turned_level(skew):
    _, angle = straighten(_text_page().rotate(skew, fillcolor=255, resample=Image.BICUBIC))
    assert angle == pytest.approx(-skew, abs=0.15)


def test_scan_lines_rules_of_a_table_are_its_edges_and_make_its_grid():
    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    left, right, top = 100, 1100, 300
    rows = [top + i * 60 for i in range(4)]
    columns = [left, 400, 700, right]
    for y in rows:
        draw.line((left, y, right, y), fill=60, width=2)
    for x in columns:
        draw.line((x, rows[0], x, rows[-1]), fill=60, width=2)
    draw.rectangle((150, 1000, 210, 1018), fill=30)  # a word: no rule
    edges = ruling_edges(page, SCALE)
    assert sorted(e["orientation"] for e in edges) == ["h"] * 4 + ["v"] * 4
    assert all(abs(e["width"] - 1000 * SCALE) < 2 for e in edges if e["orientation"] == "h")
    char = {"text": "数", "x0": 120 * SCALE, "x1": 140 * SCALE, "top": 320 * SCALE, "bottom": 340 * SCALE,
            "size": 10.0, "upright": True}
    [grid] = find_tables(edges, [char])
    assert len(grid.cells) == 9


@pytest.mark.parametrize("read, meant", [
    ("实际支出171:12万元", "实际支出171.12万元"), ("执行率92:5%", "执行率92.5%"),
    ("会议于10:30召开", "会议于10:30召开"), ("比例为3:1", "比例为3:1"),
])
def test_scan_lines_a_point_read_as_a_colon_before_a_unit(read, meant):
    assert _MISREAD_POINT.sub(".", read) == meant
