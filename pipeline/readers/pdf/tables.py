"""Ruled tables of PDF pages, and tables carried over a page break put back together."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from pipeline.core.document import Cell
from pipeline.readers.cleanup import clean_text
from pipeline.readers.pdf.lines import join_lines, line_text

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
    ruled: bool = True

    @property
    def top(self) -> float:
        return self.bbox[1]


def page_tables(page, number: int) -> list[PageTable]:
    """Tables drawn with ruling lines on a page (grid.py finds them)."""
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
    if table.ruled != nxt.ruled:
        return None
    # Without a frame the right edge is only the end of the longest text in the last column.
    if table.ruled and abs(table.bbox[2] - nxt.bbox[2]) > EDGE_TOLERANCE:
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


# In font sizes: a wider blank between two glyphs of a row separates two cells. Justified
# prose spreads its glyphs by a fraction of a character, never by a whole one.
CELL_GAP = 1.0
# A row of an unruled table has cells in at least this many columns; a caption with its
# unit ("表1 …  单位：万元") has two and stays text.
MIN_ROW_CELLS = 3
# So many such rows in a row make a table; fewer are a coincidence of layout.
MIN_UNRULED_ROWS = 3
# In font sizes: a wider blank between two rows ends the table.
MAX_ROW_GAP = 3.0
# A cell ending like this is a clause of a sentence that happens to have a wide gap after it.
CLAUSE_ENDS = tuple("，。；,;")
# In font sizes: the wrapped lines of one cell are set closer than this.
WRAP_GAP = 1.0
# In points: distances this close are equal; PDFium computes positions in single precision,
# so rows set at equal steps come out a few thousandths of a point apart.
SAME_DISTANCE = 0.01


def unruled_tables(runs: list[list[_Row]], number: int) -> list[PageTable]:
    """Tables drawn without lines: consecutive rows whose text falls into the same columns.

    Published reports often set 自评表 as bare text at fixed x positions, which reads as one
    line per row with wide blanks between the cells. A run of at least three rows, each with
    at least three cells and no clause punctuation before a blank, whose blanks line up into
    shared gutters, is taken as a table; its columns are the x ranges between the gutters.
    A cell too long for its column wraps onto lines of their own above and below the row;
    such pieces, tight against the rows and each inside one column, join their cell.
    """
    tables = []
    for run in runs:
        table = _unruled_table(run, number)
        if table is not None:
            tables.append(table)
    return tables


def unruled_head(runs: list[list[_Row]]) -> list[_Row]:
    """The first run of cell rows on the page when it is too short to be a table by itself:
    maybe the last rows of an unruled table carried over from the page before."""
    if runs and sum(row.is_cells for row in runs[0]) < MIN_UNRULED_ROWS:
        return runs[0]
    return []


def cell_runs(page) -> list[list[_Row]]:
    """Runs of rows of cells on the page, with the wrapped pieces of their cells (for
    unruled_tables and unruled_head)."""
    rows = []
    for line in page.extract_text_lines(return_chars=True, strip=True):
        glyphs = [ch for ch in line["chars"] if not ch["text"].isspace()]
        if glyphs:
            rows.append(_Row(_segments(glyphs)))
    runs, i = [], 0
    while i < len(rows):
        if not rows[i].is_cells:
            i += 1
            continue
        first = i
        while first > 0 and not rows[first - 1].is_cells and rows[first - 1].tight_above(rows[first]):
            first -= 1
        end = i + 1
        while end < len(rows) and rows[end - 1].close_above(rows[end]):
            end += 1
        # A wrapped piece past the last row is set as close as the lines of one cell.
        while not rows[end - 1].is_cells and not _chain_tight(rows, i, end):
            end -= 1
        runs.append(rows[first:end])
        i = end
    return runs


def run_bbox(run: list[_Row]) -> tuple[float, float, float, float]:
    chars = [ch for row in run for s in row.segments for ch in s]
    return (min(ch["x0"] for ch in chars), min(ch["top"] for ch in chars),
            max(ch["x1"] for ch in chars), max(ch["bottom"] for ch in chars))


def continue_unruled(table: PageTable, run: list[_Row], page: int) -> bool:
    """Append the rows of `run` to the unruled `table` if their cells fall into its columns."""
    if table.ruled:
        return False
    grid = _grid(run, table.columns)
    if grid is None or len(grid[1]) != len(run):
        return False  # the whole head of the page must be the table's
    rows = grid[0]
    rows = rows[_repeated_header(table.rows, rows):]
    table.rows.extend(rows)
    table.row_pages.extend([page] * len(rows))
    return True


class _Row:
    def __init__(self, segments: list[list[dict]]):
        self.segments = segments
        glyphs = [ch for s in segments for ch in s]
        self.top = min(ch["top"] for ch in glyphs)
        self.bottom = max(ch["bottom"] for ch in glyphs)
        self.size = max(ch["size"] for ch in glyphs)
        self.is_cells = len(segments) >= MIN_ROW_CELLS and not any(
            _seg_text(s).endswith(CLAUSE_ENDS) for s in segments[:-1])

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    def close_above(self, below: _Row) -> bool:
        # Lines of one row may overlap: a cell centred on another's two wrapped lines.
        return abs(below.size - self.size) <= 0.5 and (
            -self.size <= below.top - self.bottom <= MAX_ROW_GAP * self.size)

    def tight_above(self, below: _Row) -> bool:
        return abs(below.size - self.size) <= 0.5 and (
            -self.size <= below.top - self.bottom <= WRAP_GAP * self.size)


def _grid(run: list[_Row], starts: list[float]) -> tuple[list[list[TableCell]], list[_Row]] | None:
    """Rows of cells of `run` in the columns starting at `starts`, and the rows of `run` that
    are the table's, or None if they do not fit: a wrapped piece joins the row whose middle
    is nearest."""
    # A wrapped piece may be wider than the one-line cells of its column, but it stays out
    # of the next column.
    limits = [*starts[1:], float("inf")]

    def columns_of(row: _Row) -> list[int] | None:
        cols = [bisect.bisect_right(starts, s[0]["x0"] + EDGE_TOLERANCE) - 1 for s in row.segments]
        if all(c >= 0 and s[-1]["x1"] < limits[c] - EDGE_TOLERANCE for c, s in zip(cols, row.segments)):
            return cols
        return None

    # A caption above or a paragraph below, set close to the table, is not one of its pieces.
    while run and not run[0].is_cells and columns_of(run[0]) is None:
        run = run[1:]
    while run and not run[-1].is_cells and columns_of(run[-1]) is None:
        run = run[:-1]
    cell_rows = [row for row in run if row.is_cells]
    if not cell_rows:
        return None
    pieces: list[dict[int, list[tuple[float, str]]]] = [{} for _ in cell_rows]
    for row in run:
        at = _nearest(cell_rows, row)
        cols = columns_of(row)
        if cols is None:
            if not row.is_cells:
                return None  # a line across the columns is text, and the table is not a plain grid
            cols = [max(0, bisect.bisect_right(starts, s[0]["x0"] + EDGE_TOLERANCE) - 1)
                    for s in row.segments]
        for c, s in zip(cols, row.segments):
            pieces[at].setdefault(c, []).append((row.top, _seg_text(s)))
    rows = []
    for row, cells in zip(cell_rows, pieces):
        # Every row must keep most of its cells apart: if the columns merged cells of one
        # row, the rows' blanks did not line up.
        if len(cells) < MIN_ROW_CELLS or len(cells) < len(row.segments) - 1:
            return None
        rows.append([TableCell(col, join_lines([t for _, t in sorted(texts)])[0])
                     for col, texts in sorted(cells.items())])
    return rows, run


def _nearest(cell_rows: list[_Row], piece: _Row) -> int:
    """The row of cells whose middle is nearest the piece's; of two as near (a piece midway
    between rows set at equal steps), the upper one."""
    distances = [abs(row.middle - piece.middle) for row in cell_rows]
    least = min(distances)
    return next(k for k, d in enumerate(distances) if d - least <= SAME_DISTANCE)


def _chain_tight(rows: list[_Row], last_cells: int, end: int) -> bool:
    """Whether the pieces after the last row of cells follow it line by line."""
    k = max(j for j in range(last_cells, end) if rows[j].is_cells)
    return all(rows[j].tight_above(rows[j + 1]) for j in range(k, end - 1))


def _segments(glyphs: list[dict]) -> list[list[dict]]:
    segments = [[glyphs[0]]]
    for prev, ch in zip(glyphs, glyphs[1:]):
        size = ch["size"] if ch["size"] >= prev["size"] else prev["size"]  # max() costs more per glyph
        if ch["x0"] - prev["x1"] > CELL_GAP * size:
            segments.append([])
        segments[-1].append(ch)
    return segments


def _seg_text(segment: list[dict]) -> str:
    # A narrower blank (a right-aligned number against the next cell's text) still parts words.
    return line_text(segment)


def _unruled_table(run: list[_Row], number: int) -> PageTable | None:
    """The table of a run of rows and wrapped pieces, or None if their cells do not share
    columns."""
    cell_rows = [row for row in run if row.is_cells]
    if len(cell_rows) < MIN_UNRULED_ROWS:
        return None
    spans = sorted((s[0]["x0"], s[-1]["x1"]) for row in cell_rows for s in row.segments)
    columns: list[list[float]] = []  # [x0, x1] of the union of the cells of each column
    for x0, x1 in spans:
        if columns and x0 <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    if len(columns) < MIN_ROW_CELLS:
        return None
    starts = [c[0] for c in columns]
    grid = _grid(run, starts)
    if grid is None:
        return None
    rows, run = grid
    bbox = run_bbox(run)
    return PageTable(number, bbox, starts, rows, [number] * len(rows), ruled=False)
