"""The money of a form: its fund block, and amounts written beside their label.

The fund block of a 自评表 is a header naming money columns (年初预算数 | 全年预算数 |
全年执行数 | 分值 | 执行率 | 得分, or 年初预算 | 调整后预算数 | 预算执行数 …) over rows of
fund labels (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金, or 按收入/支出性质分 rows
of a 部门整体 form). It counts when its header names at least two kinds of money, or one and
an execution rate; its rows end at a row of words under the money columns (年度总体目标 …).

A 绩效目标申报表 writes its money as label cells with the amount to their right, side by
side in one row ("项目总金额（中期规划，万元）： | 9000 | 本年度项目金额（万元）： | 3000", or
"中期资金总额： | X | 年度资金总额： | Y" over "其中：财政拨款 | … " rows). The year's amount
totals its column; a multi-year amount (中期, 项目总金额) is never the year's budget.

Both come out as FundBlocks: rows of a label and (role, header, cell) values, with the texts
where a unit may be declared; turning them into amounts is the budgets extractor's business.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.form.vocab import (
    BREAKDOWN_LABEL, FUND_LABEL, MONEY_ROLES, VALUE, fund_header_role, label_unit, money_label, names_fund_columns,
    squash,
)
from pipeline.core.document import Cell, Document, Table

CAPTION_CHARS = 120   # how far before a table its caption (单位：万元) may stand
_LOOK_DOWN = 3  # rows under a fund header looked at for the columns that hold values
MULTI_YEAR_ROLE = "other"  # money of several years: kept, never a document figure
_NUMBER = re.compile(r"[0-9０-９]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    col: int = -1  # the grid column, for cells of a recognised table


@dataclass
class FundRow:
    label: Token | None
    values: list[tuple[str, str, Token]]  # (role, header text, cell)


@dataclass
class FundBlock:
    rows: list[FundRow]
    head_texts: list[str]  # the caption and header cells: where a unit is declared
    unit: str | None = None  # the unit its labels state ("（万元）"), when they do
    total: int | None = None  # index of the row the labels name as the total
    labelled: bool = False  # read from label pairs: the total is the row its label names, or none
    table: int | None = None  # the index of the Table it was read from
    rows_taken: set[int] = field(default_factory=set)  # grid rows it was read from


def fund_blocks(doc: Document) -> list[FundBlock]:
    """Fund blocks of the document's tables, then the label pairs outside them."""
    found = []
    for table in doc.tables:
        block = _fund_block(doc, table)
        taken = block.rows_taken if block else set()
        if block:
            found.append(block)
        found += _label_pairs(doc, table, taken)
    return found


def breakdowns(doc: Document) -> list[tuple[int, int]]:
    """Spans of the cells right of a 测算依据 label: money broken down into its shares."""
    spans = []
    for table in doc.tables:
        for row in table.grid():
            cells = [c for c in row if c is not None and c.text.strip()]
            spans += [(value.char_start, value.char_end) for label, value in zip(cells, cells[1:])
                      if BREAKDOWN_LABEL.match(squash(label.text))]
    return spans


def caption(text: str, start: int) -> list[str]:
    """The lines just before a table, where 单位：万元 stands."""
    return text[max(0, start - CAPTION_CHARS):start].split("\n")


def cell_token(cell: Cell) -> Token:
    lead = len(cell.text) - len(cell.text.lstrip())
    text = cell.text.strip()
    return Token(text, cell.char_start + lead, cell.char_start + lead + len(text), cell.col)


# --- the fund block under its header ----------------------------------------------------------
def _fund_block(doc: Document, table: Table) -> FundBlock | None:
    grid = table.grid()
    top = next((r for r, row in enumerate(grid) if any(c and fund_header_role(c.text) in MONEY_ROLES for c in row)),
               None)
    if top is None:
        return None
    bottom = top
    while bottom + 1 < len(grid) and _is_header_row(grid[bottom + 1]):
        bottom += 1
    columns: dict[int, tuple[str, str]] = {}
    for row in grid[top:bottom + 1]:  # lower header rows refine the upper (预算数 → 年初预算)
        for cell in filter(None, row):
            role = fund_header_role(cell.text)
            if role:
                for col in range(cell.col, cell.col + cell.colspan):
                    columns[col] = (role, cell.text)
    # "年度预算资金（万元）" heading the block's rows from the left names no column of values.
    below = grid[bottom + 1:bottom + 1 + _LOOK_DOWN]
    columns = {col: role for col, role in columns.items() if _holds_values(below, col)}
    if not columns or not names_fund_columns([role for role, _ in columns.values()]):
        return None
    first = min(col for col, (role, _) in columns.items() if role != "ignored")
    rows: list[FundRow] = []
    taken = set(range(top, bottom + 1))
    for r, row in enumerate(grid[bottom + 1:], start=bottom + 1):
        cells = [cell_token(c) for c in row if c and c.text.strip()]
        if any(t.col in columns and not VALUE.fullmatch(t.text) for t in cells):
            break  # words under the money columns: the fund rows are over (年度总体目标 …)
        label = next((t for t in reversed(cells) if t.col < first and not VALUE.fullmatch(t.text)), None)
        values = [(*columns[t.col], t) for t in cells if t.col in columns]
        if not values and not (label and FUND_LABEL.search(label.text)):
            if rows:
                break
            continue
        rows.append(FundRow(label, values))
        taken.add(r)
    if not rows:
        return None
    head_texts = caption(doc.text, table.char_start) + [c.text for row in grid[:bottom + 1] for c in row if c]
    return FundBlock(rows, head_texts, table=table.index, rows_taken=taken)


def _holds_values(rows: list[list[Cell | None]], col: int) -> bool:
    return any(cell is not None and cell.col <= col < cell.col + cell.colspan and cell.text.strip()
               for row in rows for cell in row)


def _is_header_row(row: list[Cell | None]) -> bool:
    cells = [c for c in row if c and c.text.strip()]
    return bool(cells) and all(not VALUE.fullmatch(c.text.strip()) for c in cells) and any(
        fund_header_role(c.text) for c in cells)


# --- label pairs ---------------------------------------------------------------------------
def _label_pairs(doc: Document, table: Table, taken: set[int]) -> list[FundBlock]:
    """Amounts beside their label: one block per column of labels, opened by a label naming
    the year's or a multi-year amount and continued by fund rows (其中：财政拨款 …) under it."""
    grid = table.grid()
    open_blocks: dict[int, tuple[str, FundBlock]] = {}  # label column -> (period, block)
    blocks: list[FundBlock] = []
    for r, row in enumerate(grid):
        if r in taken:
            continue
        cells = [c for c in row if c is not None and c.text.strip()]
        for label, value in zip(cells, cells[1:]):
            if not _amount(value.text):
                continue
            period = money_label(label.text)
            opened = open_blocks.get(label.col)
            if period:
                unit = label_unit(label.text) or _row_unit(row, label)
                block = FundBlock([], caption(doc.text, table.char_start) + [label.text], unit=unit,
                                  table=table.index, labelled=True)
                open_blocks[label.col] = (period, block)
                blocks.append(block)
                if period == "year":
                    block.total = 0
            elif opened and FUND_LABEL.search(label.text):
                period, block = opened
            else:
                continue
            role = "budget" if period == "year" else MULTI_YEAR_ROLE
            block.rows.append(FundRow(cell_token(label), [(role, label.text, cell_token(value))]))
            block.rows_taken.add(r)
    return blocks


def _amount(text: str) -> bool:
    """An amount alone in its cell: "3000", "69.8万元" — not "94.67%", not words."""
    text = text.strip()
    return bool(VALUE.fullmatch(text) and _NUMBER.search(text) and not text.endswith(("%", "％")))


def _row_unit(row: list[Cell | None], label: Cell) -> str | None:
    """"项目资金（万元）" left of the label, heading the rows of a 申报表's fund block."""
    for cell in row:
        if cell is not None and cell.col < label.col and (unit := label_unit(cell.text)):
            return unit
    return None
