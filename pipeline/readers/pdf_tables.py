"""Ruled tables of PDF pages, and tables carried over a page break put back together."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from pipeline.document import Cell
from pipeline.readers.cleanup import clean_text

# A one-column "table" is a frame drawn around text: a boxed note, a ruled table of contents.
MIN_COLUMNS = 2
# In points: column edges this close are the same edge on two pages.
EDGE_TOLERANCE = 4.0


@dataclass
class TableCell:
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class PageTable:
    page: int  # where the table starts
    bbox: tuple[float, float, float, float]
    columns: list[float]  # left edge of every grid column
    rows: list[list[TableCell]]  # a merged cell sits in its top-left row only
    row_pages: list[int] = field(default_factory=list)

    @property
    def top(self) -> float:
        return self.bbox[1]


def page_tables(page, number: int) -> list[PageTable]:
    """Tables drawn with ruling lines on a pdfplumber page."""
    tables = [_table(found, number) for found in page.find_tables()]
    return [t for t in tables if len(t.columns) >= MIN_COLUMNS]


def _table(found, number: int) -> PageTable:
    columns = sorted({cell[0] for cell in found.cells})
    tops = sorted({cell[1] for cell in found.cells})
    rows = []
    for row, texts in zip(found.rows, found.extract()):
        cells = []
        for bbox, text in zip(row.cells, texts):
            if bbox is None:
                continue  # covered by a merged cell
            x0, top, x1, bottom = bbox
            col, first_row = bisect.bisect_left(columns, x0), bisect.bisect_left(tops, top)
            cells.append(TableCell(
                col=col, text=text or "",
                colspan=_edges_before(columns, x1) - col,
                rowspan=_edges_before(tops, bottom) - first_row,
            ))
        rows.append(cells)
    return PageTable(number, found.bbox, columns, rows, [number] * len(rows))


def _edges_before(edges: list[float], end: float) -> int:
    return bisect.bisect_left(edges, end - EDGE_TOLERANCE / 2)


def continue_table(table: PageTable, nxt: PageTable) -> bool:
    """Append `nxt` to `table` if it is the same table carried over a page break.

    The carried-over part has the same columns, or a subset of them when its rows merge
    cells (a lone 合计 row spanning the code columns). A header repeated at the top of the
    new page is dropped.
    """
    mapping = _column_map(table, nxt)
    if mapping is None:
        return False
    rows = [[_remap(cell, mapping, len(table.columns)) for cell in row] for row in nxt.rows]
    rows = rows[_repeated_header(table.rows, rows):]
    table.rows.extend(rows)
    table.row_pages.extend([nxt.page] * len(rows))
    return True


def _column_map(table: PageTable, nxt: PageTable) -> list[int] | None:
    """Index in `table.columns` of each column of `nxt`, or None if they do not line up."""
    if abs(table.bbox[2] - nxt.bbox[2]) > EDGE_TOLERANCE:
        return None
    mapping = []
    for x in nxt.columns:
        i = min(range(len(table.columns)), key=lambda j: abs(table.columns[j] - x))
        if abs(table.columns[i] - x) > EDGE_TOLERANCE or (mapping and i <= mapping[-1]):
            return None
        mapping.append(i)
    return mapping if mapping and mapping[0] == 0 else None


def _remap(cell: TableCell, mapping: list[int], n_cols: int) -> TableCell:
    end = cell.col + cell.colspan
    new_end = mapping[end] if end < len(mapping) else n_cols
    return TableCell(mapping[cell.col], cell.text, cell.rowspan, new_end - mapping[cell.col])


def _repeated_header(head: list[list[TableCell]], rows: list[list[TableCell]]) -> int:
    """How many of `rows` repeat the first rows of the table."""
    n = 0
    while n < min(len(head), len(rows)) and _signature(head[n]) == _signature(rows[n]):
        n += 1
    return n


def _signature(row: list[TableCell]) -> list[tuple[int, int, str]]:
    return [(c.col, c.colspan, "".join(c.text.split())) for c in row]


def table_rows(table: PageTable) -> tuple[list[list[Cell]], list[int]]:
    """Rows of cleaned cells for TextBuilder.add_table, and the page of each row.

    Rows without text are dropped here, as add_table would, so that row i of the result is
    row i of the built Table.
    """
    rows, pages = [], []
    for row, page in zip(table.rows, table.row_pages):
        cells = [
            Cell(row=len(rows), col=c.col, text=clean_text(c.text), char_start=0, char_end=0,
                 rowspan=c.rowspan, colspan=c.colspan)
            for c in row
        ]
        if any(c.text.strip() for c in cells):
            rows.append(cells)
            pages.append(page)
    return rows, pages
