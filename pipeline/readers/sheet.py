"""Spreadsheets (.xlsx, .xlsm, .xls, WPS .et, .ods): every sheet's used range as one Table.

python-calamine (one Rust reader for all four formats) gives the values and, where the
format keeps them, the merged ranges: a merged cell appears once, with its span, and the
rows it continues into hold an empty position (as the .docx reader does). Numbers come back
as floats; each is written as the shortest decimal that reads back to the same float — the
number as it was typed (113.6, not 113.59999999999999). A cell formatted as a percentage
(.xlsx: read from the workbook's styles with openpyxl) is written as the percentage the
sheet shows (0.9467 → 94.67%); the other formats keep no style, and read the fraction.

A workbook whose sheets are separate forms — two or more sheets that each carry a form
label (项目名称, 单位名称 …) — yields one Document per form sheet: `source_path`
`book.xlsx#Sheet名`, `doc_id` from the hash of the workbook's bytes and the sheet's name, so
each form is a document an analyst can tell apart and align across years. Any other
workbook is one Document holding every sheet's table in order.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Iterator

from pipeline.core.document import Cell, Document, TextBuilder, file_sha256
from pipeline.core.errors import ReadError
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions, Unreadable
from pipeline.readers.cleanup import clean_text

FORMATS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".et": "et", ".ods": "ods"}
# A sheet that names its project or unit in a label cell is a form of its own.
FORM_LABEL = re.compile(r"^\s*(?:项目名称|项目\(资金\)名称|项目（资金）名称|单位名称|部门名称|部门\(单位\)名称"
                        r"|部门（单位）名称|预算单位)\s*[:：]?\s*$")
MIN_FORM_SHEETS = 2
_OPENPYXL_FORMATS = ("xlsx",)

Grid = list[list[str]]
Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (inclusive)


def read_all(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Document | Unreadable]:
    fmt = FORMATS[path.suffix.lower()]
    sheets = _sheets(path, fmt)
    sha = file_sha256(path)
    forms = [s for s in sheets if _is_form(s[1])]
    if len(forms) < MIN_FORM_SHEETS:
        yield _document(path, fmt, sha, sheets)
        return
    for name, grid, merges in forms:
        part_sha = hashlib.sha256(f"{sha}#{name}".encode()).hexdigest()
        yield _document(path, fmt, part_sha, [(name, grid, merges)], source=f"{path}#{name}")


def _sheets(path: Path, fmt: str) -> list[tuple[str, Grid, list[Merge]]]:
    """(name, cell texts, merged ranges) of every visible worksheet with some text."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        book = CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise ReadError("the workbook is password-protected: save a copy without the password") from None
    except (CalamineError, zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(f"not a readable {fmt} workbook ({_first_line(exc)})") from None
    percent = _percent_cells(path) if fmt in _OPENPYXL_FORMATS else {}
    found = []
    for meta in book.sheets_metadata:
        if str(meta.visible).endswith("Hidden") or str(meta.typ).endswith(("ChartSheet", "DialogSheet")):
            continue
        sheet = book.get_sheet_by_name(meta.name)
        start_row, start_col = sheet.start or (0, 0)
        marked = percent.get(meta.name, set())
        grid = [[_text(value, (start_row + r, start_col + c) in marked) for c, value in enumerate(row)]
                for r, row in enumerate(sheet.to_python(skip_empty_area=True))]
        merges = [(a - start_row, b - start_col, c - start_row, d - start_col)
                  for (a, b), (c, d) in (sheet.merged_cell_ranges or [])]
        if any(text.strip() for row in grid for text in row):
            found.append((meta.name, grid, merges))
    if not found:
        raise ReadError("the workbook has no cells with text")
    return found


def _percent_cells(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Sheet name -> (row, column) of number cells shown as percentages (0-based)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - styles are a refinement: calamine has read the values
        return {}
    try:
        return {
            sheet.title: {(cell.row - 1, cell.column - 1)
                          for row in sheet.iter_rows() for cell in row
                          if isinstance(cell.value, (int, float)) and "%" in (cell.number_format or "")}
            for sheet in book.worksheets
        }
    finally:
        book.close()


def _text(value, percent: bool) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        number = Decimal(repr(value))
        if percent:
            return f"{_plain(number * 100)}%"
        return _plain(number)
    if isinstance(value, int):
        return f"{value * 100}%" if percent else str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return clean_text(str(value))


def _plain(number: Decimal) -> str:
    """113.6, 3000 (not 3000.0 or 3E+3)."""
    text = format(number.normalize(), "f")
    return text[:-2] if text.endswith(".0") else text


def _is_form(grid: Grid) -> bool:
    return any(FORM_LABEL.match(text) for row in grid for text in row)


def _document(path: Path, fmt: str, sha: str, sheets: list[tuple[str, Grid, list[Merge]]],
              source: str | None = None) -> Document:
    builder = TextBuilder()
    for _, grid, merges in sheets:
        builder.add_table(_rows(grid, merges))
    doc = Document(doc_id=sha[:16], source_path=source or str(path), format=fmt,
                   text=builder.text(), sha256=sha)
    doc.tables = builder.tables
    return doc


def _rows(grid: Grid, merges: list[Merge]) -> list[list[Cell]]:
    """Cells by row; a merged range is its top-left cell with its spans, the rows below it
    an empty position of the same width; columns empty in every row are left out."""
    width = max((len(row) for row in grid), default=0)
    grid = [row + [""] * (width - len(row)) for row in grid]
    anchor = {(a, b): (c - a + 1, d - b + 1) for a, b, c, d in merges}
    covered = {(r, col): (a, b) for a, b, c, d in merges
               for r in range(a, c + 1) for col in range(b, d + 1) if (r, col) != (a, b)}
    kept = [c for c in range(width) if any(grid[r][c].strip() for r in range(len(grid)))]
    new_col = {c: i for i, c in enumerate(kept)}
    rows = []
    for r, row in enumerate(grid):
        cells = []
        for c in kept:
            origin = covered.get((r, c))
            if origin is not None and origin[0] == r:
                continue  # inside a horizontal merge: the anchor's colspan covers it
            if origin is not None:
                if origin[1] != c and origin[1] in new_col:
                    continue  # the continuation's first column stands for the whole width
                span = _kept_span(kept, c, anchor[origin][1] - (c - origin[1]))
                cells.append(Cell(row=r, col=new_col[c], text="", char_start=0, char_end=0, colspan=span))
                continue
            rowspan, colspan = anchor.get((r, c), (1, 1))
            cells.append(Cell(row=r, col=new_col[c], text=row[c], char_start=0, char_end=0,
                              rowspan=rowspan, colspan=_kept_span(kept, c, colspan)))
        rows.append(cells)
    return rows


def _kept_span(kept: list[int], first: int, span: int) -> int:
    return max(1, sum(1 for c in kept if first <= c < first + span))


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
