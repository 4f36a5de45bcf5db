"""The red-team .txt reports drawn as government offices publish them, to score the PDF path.

A4 with 公文 proportions: a 22 pt centred title, 16 pt body (三号仿宋; wqy-microhei stands in),
a fixed 28.95 pt line pitch, justified hard-wrapped lines with a two-character first-line
indent, and a page number footer ("— 1 —"). Tab-separated lines of the .txt (and lines of three
or more cells set apart by runs of spaces) become a table
in a smaller size, either ruled (a grid) or unruled (cells at fixed x positions, no lines at
all), the two ways published reports draw them.
"""
from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from corpus.pdf_canvas import PAGE_H, PAGE_W, draw_text, register_font, width
from pipeline.readers.txt import read as read_txt

LEFT, RIGHT = 79.0, PAGE_W - 74.0
TOP, BOTTOM = 72.0, PAGE_H - 80.0
BODY, TITLE = 16.0, 22.0
PITCH = 28.95
TABLE_MAX = 10.5
CELL_PAD = 6.0
STYLES = ("ruled", "unruled")


class _Writer:
    def __init__(self, path: Path, style: str, cell_chars: float | None):
        register_font()
        self.canvas = Canvas(str(path), pagesize=A4, invariant=1)
        self.style = style
        self.cell_chars = cell_chars
        self.page = 1
        self.y = TOP

    def _text(self, x: float, top: float, s: str, size: float, char_space: float = 0.0) -> None:
        draw_text(self.canvas, x, PAGE_H - top - 0.8 * size, s, size, char_space)

    def _need(self, height: float) -> None:
        if self.y + height > BOTTOM:
            self.new_page()

    def new_page(self) -> None:
        self._footer()
        self.canvas.showPage()
        self.page += 1
        self.y = TOP

    def _footer(self) -> None:
        label = f"— {self.page} —"
        self._text((PAGE_W - width(label, 14)) / 2, PAGE_H - 50, label, 14)

    def title(self, s: str) -> None:
        for line in _wrap(s, RIGHT - LEFT, TITLE):
            self._text((PAGE_W - width(line, TITLE)) / 2, self.y, line, TITLE)
            self.y += TITLE * 1.6
        self.y += BODY

    def paragraph(self, s: str) -> None:
        lines = _wrap(s, RIGHT - LEFT, BODY, first_indent=2 * BODY)
        for i, line in enumerate(lines):
            self._need(PITCH)
            x = LEFT + (2 * BODY if i == 0 else 0.0)
            spacing = 0.0
            if i < len(lines) - 1 and len(line) > 1:
                spacing = (RIGHT - x - width(line, BODY)) / (len(line) - 1)
            self._text(x, self.y, line, BODY, spacing)
            self.y += PITCH

    def table(self, rows: list[list[str]]) -> None:
        """Cells wider than `self.cell_chars` characters wrap inside their column and the
        other cells of the row are centred on them vertically, as word processors do."""
        n = max(len(r) for r in rows)
        rows = [r + [""] * (n - len(r)) for r in rows]
        cap = self.cell_chars or 10_000
        natural = [min(max(width(r[c], 1.0) for r in rows), cap) for c in range(n)]
        size = min(TABLE_MAX, (RIGHT - LEFT - 2 * CELL_PAD * n) / sum(natural))
        widths = [w * size + 2 * CELL_PAD for w in natural]
        xs = [LEFT]
        for w in widths:
            xs.append(xs[-1] + w)
        leading = size * 1.3
        self.y += PITCH / 4
        for row in rows:
            cells = [_wrap(cell, w - 2 * CELL_PAD + 0.01, size) or [""]
                     for cell, w in zip(row, widths)]
            row_h = max(len(c) for c in cells) * leading + size
            if self.y + row_h > BOTTOM:
                self.new_page()
            for c, lines in enumerate(cells):
                top = self.y + (row_h - len(lines) * leading) / 2 + (leading - size) / 2
                for i, line in enumerate(lines):
                    self._text(xs[c] + CELL_PAD, top + i * leading, line, size)
                if self.style == "ruled":
                    self.canvas.rect(xs[c], PAGE_H - self.y - row_h, widths[c], row_h)
            self.y += row_h
        self.y += PITCH / 2

    def save(self) -> None:
        self._footer()
        self.canvas.save()


def _wrap(s: str, room: float, size: float, first_indent: float = 0.0) -> list[str]:
    """Greedy hard wrap by width, keeping a run of digits/latin whole as a word processor does."""
    lines, line, avail = [], "", room - first_indent
    tokens, i = [], 0
    while i < len(s):
        j = i + 1
        if s[i].isascii() and not s[i].isspace():
            while j < len(s) and s[j].isascii() and not s[j].isspace():
                j += 1
        tokens.append(s[i:j])
        i = j
    for tok in tokens:
        if line and width(line + tok, size) > avail:
            lines.append(line)
            line, avail = tok.lstrip(), room
        else:
            line += tok
    if line:
        lines.append(line)
    return lines


# A table copied to text with its alignment sets its cells apart by runs of spaces (rt53):
# a line of three or more such cells is a row, drawn as a table as tab-separated ones are.
_SPACED_CELLS = re.compile(r" {2,}")
_MIN_SPACED_CELLS = 3


def build_redteam_pdf(txt: Path, out: Path, style: str, cell_chars: float | None = None) -> Path:
    """`txt` drawn to `out` (a .pdf) with its tables `style`d: "ruled" or "unruled"; with
    `cell_chars`, table cells wrap at about that many characters."""
    assert style in STYLES
    writer = _Writer(out, style, cell_chars)
    blocks: list[tuple[str, object]] = []
    # The report as jixiao reads the .txt: a damaged file decoded, a copy's page numbers gone.
    for raw in read_txt(txt).text.splitlines():
        cells = raw.split("\t") if "\t" in raw else _SPACED_CELLS.split(raw.strip())
        if "\t" in raw or len(cells) >= _MIN_SPACED_CELLS:
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(cells)
            else:
                blocks.append(("table", [cells]))
        elif raw.strip():
            blocks.append(("text", raw.strip()))
    first = True
    for kind, value in blocks:
        if kind == "table":
            writer.table(value)
        elif first:
            writer.title(value)
        else:
            writer.paragraph(value)
        first = False
    writer.save()
    return out
