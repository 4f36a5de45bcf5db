"""An HTML tree walked into the blocks a reader of the page sees: lines and data tables.

- A block element (p, div, li, h1…, td of a layout table) or a <br> ends a line. Inside a
  line, whitespace collapses as a browser collapses it, &nbsp; stays a space, and a source
  line break between two Chinese characters is a wrap, not a space.
- A table is a data table unless it lays the page out: role="presentation", a table inside
  it, no row with two cells, or two columns at most with a cell that holds a whole text.
  A layout table's cells are walked as blocks.
- A data table keeps HTML's merged cells: a cell spanning columns appears once with its
  colspan, a position covered by a cell spanning rows from above is an empty cell — as
  the Word reader gives them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from pipeline.core.document import Cell, join_wrapped

_SKIPPED = {
    "script", "style", "noscript", "template", "head", "title", "select", "option", "button",
    "input", "textarea", "iframe", "object", "embed", "svg", "canvas", "map", "img",
}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_SPACES = re.compile(r"[ \t\r\f\v]+")
_MAX_SPAN = 1000  # HTML's own limit on colspan; rowspan is cut at the table's last row
_WHOLE_TEXT_LINES, _WHOLE_TEXT_CHARS = 4, 200


@dataclass
class Line:
    text: str
    level: int | None = None  # h1 → 1 … h6 → 6


@dataclass
class Grid:
    rows: list[list[Cell]] = field(default_factory=list)


Block = Line | Grid


def blocks(root: HtmlElement, tables: bool = True) -> list[Block]:
    """`tables=False` walks every table as layout: each cell its own lines."""
    walker = _Walker(tables)
    walker.walk(root)
    walker.flush()
    return walker.blocks


def lines_of(root: HtmlElement) -> list[str]:
    return [b.text for b in blocks(root, tables=False) if isinstance(b, Line)]


class _Walker:
    def __init__(self, tables: bool) -> None:
        self.blocks: list[Block] = []
        self._pieces: list[str] = []
        self._tables = tables

    def walk(self, element: HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else None  # comments carry a function
        if tag is None or tag in _SKIPPED:
            return
        if tag == "br":
            self.flush()
            return
        if tag == "table" and self._tables and is_data_table(element):
            self.flush()
            grid = Grid(table_rows(element))
            if grid.rows:
                self.blocks.append(grid)
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        if element.text:
            self._pieces.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self._pieces.append(child.tail)
        if block:
            self.flush(_HEADINGS.get(tag))

    def flush(self, level: int | None = None) -> None:
        text = normalize("".join(self._pieces))
        self._pieces = []
        if text:
            self.blocks.append(Line(text, level))


def normalize(raw: str) -> str:
    lines = [_SPACES.sub(" ", line).replace("\xa0", " ").strip(" \u3000") for line in raw.split("\n")]
    return join_wrapped(lines, " ")


def _rows(table: HtmlElement) -> list[HtmlElement]:
    return table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")


def _cells(row: HtmlElement) -> list[HtmlElement]:
    return [c for c in row if c.tag in ("td", "th")]


def is_data_table(table: HtmlElement) -> bool:
    if (table.get("role") or "").lower() in ("presentation", "none") or table.xpath(".//table"):
        return False
    rows = [_cells(row) for row in _rows(table)]
    if not any(len(cells) >= 2 for cells in rows):
        return False
    if max(len(cells) for cells in rows) <= 2:
        for cells in rows:
            for cell in cells:
                lines = [b for b in blocks(cell) if isinstance(b, Line)]
                if len(lines) >= _WHOLE_TEXT_LINES and sum(len(b.text) for b in lines) >= _WHOLE_TEXT_CHARS:
                    return False
    return True


def table_rows(table: HtmlElement) -> list[list[Cell]]:
    rows = _rows(table)
    below: dict[tuple[int, int], int] = {}  # (row, col) covered from above -> its colspan
    out: list[list[Cell]] = []
    for r, row in enumerate(rows):
        cells: list[Cell] = []
        col = 0

        def fill_covered() -> None:
            nonlocal col
            while (r, col) in below:
                span = below[(r, col)]
                cells.append(Cell(row=r, col=col, text="", char_start=0, char_end=0, colspan=span))
                col += span

        for element in _cells(row):
            fill_covered()
            rowspan = min(_span(element.get("rowspan")), len(rows) - r) or len(rows) - r
            colspan = min(_span(element.get("colspan")) or 1, _MAX_SPAN)
            text = "\n".join(b.text for b in blocks(element, tables=False) if isinstance(b, Line))
            cells.append(Cell(row=r, col=col, text=text, char_start=0, char_end=0,
                              rowspan=rowspan, colspan=colspan))
            for covered in range(r + 1, r + rowspan):
                below[(covered, col)] = colspan
            col += colspan
        fill_covered()
        out.append(cells)
    return out


def _span(value: str | None) -> int:
    """HTML's rule: digits at the start count, anything else is 1; 0 means "to the end"."""
    digits = re.match(r"\s*(\d+)", value or "")
    return int(digits.group(1)) if digits else 1
