"""The indicator block of a form, in the tables the readers recognised (sheets, .docx, PDF):
header found by its words, rows read under it until another block (fund block, overall goal)
starts.

A header may take two rows ("指标值" over "目标值 | 实际值"); level cells merged down a block
are given on its first row only and carried down; a header repeated after a page break is
skipped; 合计/总分 rows give the totals the scores are checked against; a row that names no
indicator or gives it no target ("不适用", "无", "/" — a 绩效目标申报表 lists every second-level
indicator of the template and marks the ones it does not use) is no indicator.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from extractors.form.vocab import (
    LEVEL1_NAMES, LEVEL2_NAMES, MIN_KNOWN_HEADER_CELLS, NAME_ROLES, OTHER_BLOCK, SUBTOTAL_ROW, TOTAL_ROW,
    VALUE_ROLES, clean_level, clean_name, indicator_header_role, is_budget_header, not_applicable, squash,
)
from pipeline.core.document import Cell, Document, Table, per_document
from pipeline.core.quantities import parse_value_with_unit



@dataclass
class IndicatorDraft:
    """One indicator as read from a line or row, before it becomes a record."""
    name: str
    start: int  # the raw span: the line or the row
    end: int
    source: str  # text / table
    target: str | None = None
    actual: str | None = None
    unit: str | None = None  # a 度量单位 column
    nature: str | None = None  # a 指标性质 column: ≥ ≤ = or 定性
    level1: str | None = None
    level2: str | None = None
    weight: Decimal | None = None
    score: Decimal | None = None
    actual_evidence: tuple[int, int] | None = None  # the sentence an actual was read from


@dataclass
class ScoreBlock:
    """The weights and scores of one indicator table, for the check that they add up."""
    where: str
    weights: list[Decimal] = field(default_factory=list)
    scores: list[Decimal] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    total_weight: Decimal | None = None
    total_score: Decimal | None = None
    # The budget-execution row of a 自评表 counts towards the total without being an indicator.
    budget_weight: Decimal | None = None
    budget_score: Decimal | None = None


Roles = dict[str, tuple[int, int]]  # role -> [first column, end column)
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


@per_document
def read_tables(doc: Document) -> tuple[list[IndicatorDraft], list[ScoreBlock]]:
    found: list[IndicatorDraft] = []
    blocks: list[ScoreBlock] = []
    budget: tuple[Decimal | None, Decimal | None] = (None, None)
    for table in doc.tables:
        rows, block = _read_table(table, budget)
        found.extend(rows)
        scored = bool(block.scores or block.weights)
        if scored:
            blocks.append(block)
        # A 自评表 printed as two tables: the budget points belong to the indicator table after.
        budget = (None, None) if scored else (block.budget_weight, block.budget_score)
    return found, blocks


def _read_table(table: Table,
                budget: tuple[Decimal | None, Decimal | None]) -> tuple[list[IndicatorDraft], ScoreBlock]:
    grid = table.grid()
    found: list[IndicatorDraft] = []
    block = ScoreBlock(where=f"table {table.index + 1}", budget_weight=budget[0], budget_score=budget[1])
    roles: Roles | None = None
    levels: dict[str, str | None] = {"level1": None, "level2": None}
    r = 0
    while r < len(grid):
        row = grid[r]
        header, used = header_roles(grid, r)
        if header is not None:
            roles, r = header, r + used
            continue
        if _budget_header(row):
            _read_budget_score(grid, r, block)
            roles = None
        elif roles is not None and _opens_other_block(row):
            roles = None
        elif roles is not None:
            item = _read_row(row, roles, levels, block)
            if item is not None:
                found.append(item)
        r += 1
    return found, block


def header_roles(grid: list[list[Cell | None]], r: int) -> tuple[Roles | None, int]:
    """Roles of the header starting at row r and the number of rows it takes (0 if none)."""
    columns = _row_roles(grid[r])
    if columns is None:
        return None, 0
    used = 1
    if r + 1 < len(grid) and (below := _row_roles(grid[r + 1], partial=True)):
        columns.update(below)  # "目标值 | 实际值" under a merged "指标值"
        used = 2
    roles = _ranges(columns)
    if "name" not in roles and "level2" in roles:
        roles["name"] = roles.pop("level2")  # 一级指标 | 二级指标 | 指标值: level 2 is the name
    if not any(role in roles for role in NAME_ROLES) or not any(role in roles for role in VALUE_ROLES):
        return None, 0
    return roles, used


def _row_roles(row: list[Cell | None], partial: bool = False) -> dict[int, tuple[str, int]] | None:
    """Column -> (role, rank) for a row of header words. A second header row must be all
    header words; a first may hold a few others ("数据来源") beside enough known ones."""
    columns: dict[int, tuple[str, int]] = {}
    best: dict[str, int] = {}
    unknown = 0
    for cell in row:
        if cell is None or not cell.text.strip():
            continue
        role = indicator_header_role(cell.text)
        if role is None:
            unknown += 1
            continue
        for col in range(cell.col, cell.col + cell.colspan):
            columns[col] = role
        best[role[0]] = min(best.get(role[0], role[1]), role[1])
    # A block label ("绩效指标" beside "三级指标") loses its role to the more specific word.
    columns = {c: (role, rank) for c, (role, rank) in columns.items() if rank == best[role]}
    known = len(best)
    if not columns or (unknown and (partial or known < MIN_KNOWN_HEADER_CELLS)) or (not partial and known < 2):
        return None
    return columns


def _ranges(columns: dict[int, tuple[str, int]]) -> Roles:
    roles: Roles = {}
    for col in sorted(columns):
        role = columns[col][0]
        if role not in roles:
            roles[role] = (col, col + 1)
        elif roles[role][1] == col:
            roles[role] = (roles[role][0], col + 1)
    return roles


def _cells(row: list[Cell | None], span: tuple[int, int] | None) -> list[Cell]:
    if span is None:
        return []
    return [c for c in row[span[0]:span[1]] if c is not None and c.text.strip()]


def _text(row: list[Cell | None], roles: Roles, role: str) -> str | None:
    """The text under a role's columns; "≥ | 95%" under one merged header reads "≥95%"."""
    return "".join(c.text.strip() for c in _cells(row, roles.get(role))) or None


def _number(text: str | None) -> Decimal | None:
    if not text or not _NUMBER.match(squash(text).rstrip("分%")):
        return None
    return parse_value_with_unit(squash(text))[0]


def _read_row(row: list[Cell | None], roles: Roles, levels: dict[str, str | None],
              block: ScoreBlock) -> IndicatorDraft | None:
    present = [c for c in row if c is not None and c.text.strip()]
    if not present:
        return None
    first = squash(present[0].text)
    if TOTAL_ROW.match(first):
        _read_total(row, roles, present, block)
        return None
    if SUBTOTAL_ROW.match(first):
        return None
    level1 = _text(row, roles, "level1")
    if level1:
        levels["level1"], levels["level2"] = clean_level(level1, LEVEL1_NAMES), None
    level2 = _text(row, roles, "level2")
    if level2:
        levels["level2"] = clean_level(level2, LEVEL2_NAMES)
    name = clean_name(_text(row, roles, "name") or "")
    values = {role: _text(row, roles, role) for role in ("target", "actual", "weight", "score")}
    if not name or not any(values.values()) or _spans_value_columns(row, roles):
        return None
    weight, score = _number(values["weight"]), _number(values["score"])
    if not_applicable(name) or (_not_applicable(values) and weight is None and score is None):
        return None
    if weight is not None or score is not None:
        block.names.append(name)
        block.weights.append(weight if weight is not None else Decimal(0))
        block.scores.append(score if score is not None else Decimal(0))
    return IndicatorDraft(
        name=name, start=present[0].char_start, end=present[-1].char_end, source="table",
        target=values["target"], actual=values["actual"],
        unit=_text(row, roles, "unit"), nature=_text(row, roles, "nature"),
        level1=levels["level1"], level2=levels["level2"], weight=weight, score=score,
    )


def _not_applicable(values: dict[str, str | None]) -> bool:
    """Every target and actual the row gives says it does not apply."""
    stated = [values[role] for role in ("target", "actual") if values[role]]
    return bool(stated) and all(not_applicable(text) for text in stated)


def _spans_value_columns(row: list[Cell | None], roles: Roles) -> bool:
    """A note written across the table ("注：…") sits in the name column but covers the rest."""
    name = _cells(row, roles.get("name"))
    starts = [span[0] for role, span in roles.items() if role in VALUE_ROLES]
    return bool(name) and any(name[0].col < s < name[0].col + name[0].colspan for s in starts)


def _read_total(row: list[Cell | None], roles: Roles, present: list[Cell], block: ScoreBlock) -> None:
    weight, score = _number(_text(row, roles, "weight")), _number(_text(row, roles, "score"))
    if weight is None and score is None:
        numbers = [n for c in present[1:] if (n := _number(c.text)) is not None]
        score = numbers[-1] if numbers else None
        weight = numbers[-2] if len(numbers) > 1 else None
    block.total_weight, block.total_score = weight, score


def _budget_header(row: list[Cell | None]) -> bool:
    return is_budget_header([squash(c.text) for c in row if c is not None and c.text.strip()])


def _opens_other_block(row: list[Cell | None]) -> bool:
    first = next((c for c in row if c is not None and c.text.strip()), None)
    return first is not None and bool(OTHER_BLOCK.search(squash(first.text)))


def _read_budget_score(grid: list[list[Cell | None]], r: int, block: ScoreBlock) -> None:
    """The 预算执行率 points: the 分值/得分 cells of the first row under the budget header."""
    columns = {}
    for cell in grid[r]:
        role = indicator_header_role(cell.text) if cell is not None else None
        if role and role[0] in ("weight", "score"):
            columns[role[0]] = cell.col
    if r + 1 >= len(grid) or "score" not in columns:
        return
    below = grid[r + 1]
    cell_at = {c.col: c for c in below if c is not None}
    score_cell, weight_cell = cell_at.get(columns["score"]), cell_at.get(columns.get("weight", -1))
    block.budget_score = _number(score_cell.text) if score_cell else None
    block.budget_weight = _number(weight_cell.text) if weight_cell else None
