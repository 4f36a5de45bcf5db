"""The total of a 自评表: the 总分/合计 row, read in the 得分 column.

A self-evaluation table puts the scale (分值, 权重) and the score (得分) side by side, so
the total row holds both "100" and "96"; only the column header tells them apart — the
nearest header above the total row, since a whole 自评表 stacks blocks with their own
headers (the budget block's 得分 sits in another column than the indicators'). Without a
header that says which column is the score, or when that column is empty in the total row
(merged cells written once in a table saved as text), a total row of exactly two numbers,
one of them 100, still reads as scale and score.
"""
from __future__ import annotations

import re
from decimal import Decimal

from extractors.form.vocab import NOT_SCORE_HEADER, SCORE_HEADER, TOTAL_CELL
from pipeline.core.document import Cell, Document, Table
from pipeline.core.numerals import ARABIC_NUMBER, arabic_to_decimal

_CELL_NUMBER = re.compile(rf"\s*(?P<n>{ARABIC_NUMBER})\s*分?\s*")
MAX_SCORE = Decimal(100)


def table_totals(doc: Document) -> list[tuple[Decimal, int, int]]:
    """(score, char_start, char_end) of each table's total row."""
    totals = []
    for table in doc.tables:
        rows = _rows(table)
        for i, row in enumerate(rows):
            label = next((c for c in row if c.text.strip()), None)
            if label is None or not TOTAL_CELL.fullmatch(re.sub(r"\s", "", label.text)):
                continue
            column = _score_column(rows[:i][::-1])
            found = _in_column(row, column) if column is not None else None
            found = found or _beside_scale(row)
            if found:
                totals.append(found)
    return totals


def _rows(table: Table) -> list[list[Cell]]:
    rows: list[list[Cell]] = [[] for _ in range(table.n_rows)]
    for cell in table.cells:
        rows[cell.row].append(cell)
    return [sorted(row, key=lambda c: c.col) for row in rows]


def _score_column(rows: list[list[Cell]]) -> int | None:
    for row in rows:
        for cell in row:
            text = re.sub(r"\s", "", cell.text)
            if SCORE_HEADER.search(text) and not NOT_SCORE_HEADER.search(text) and len(text) <= 8:
                return cell.col
    return None


def _in_column(row: list[Cell], column: int) -> tuple[Decimal, int, int] | None:
    cell = next((c for c in row if c.col <= column < c.col + c.colspan), None)
    return _number(cell) if cell else None


def _beside_scale(row: list[Cell]) -> tuple[Decimal, int, int] | None:
    numbers = list(filter(None, (_number(c) for c in row)))
    if len(numbers) == 2 and sum(n[0] == MAX_SCORE for n in numbers) == 1:
        return next(n for n in numbers if n[0] != MAX_SCORE)
    return None


def _number(cell: Cell) -> tuple[Decimal, int, int] | None:
    hit = _CELL_NUMBER.fullmatch(cell.text)
    if not hit:
        return None
    value = arabic_to_decimal(hit.group("n"))
    if not 0 <= value <= MAX_SCORE:
        return None
    return value, cell.char_start + hit.start("n"), cell.char_start + hit.end("n")
