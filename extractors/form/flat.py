"""A 自评表 copied from a spreadsheet into one line of text, cut back into its rows.

    项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额： 120 120 113.6 10
    94.67% 9.47 其中：当年财政拨款 120 120 113.6 — — — … 一级指标 二级指标 三级指标 年度指标值
    实际完成值 分值 得分 产出指标 数量指标 培训人次 ≥1500人次 1526人次 20 20 质量指标 … 总分 100 90.47

Cells come in row order with nothing between rows, so rows are found from the form's own
vocabulary (vocab.py): a header is a run of header words (the fund block's or the indicator
block's); a row of the fund block opens at each word cell (its label); a row of the indicator
block opens at a level name (产出指标, 数量指标), at a total (总分), or at a name cell after the
numbers that end the previous row; the labels of the other blocks (项目名称, 主管部门, 年度总体目标)
open rows of their own. The rows then go to the line readers (budgets/flat.py,
indicators/flat.py) as if the conversion had kept the line breaks.

Mirrors behind a paywall mask digits ("1,**0", "9*.8%"): such a cell keeps its place in the
row and states no number (`masked`).
"""
from __future__ import annotations

import re
from typing import Protocol, Sequence, TypeVar

from extractors.form.vocab import (
    LEVEL1_NAMES, LEVEL2_NAMES, MONEY_ROLES, NAME_ROLES, OTHER_BLOCK, TOTAL_ROW, VALUE, VALUE_ROLES,
    fund_header_role, indicator_header_role, level_name, names_fund_columns, squash,
)


class HasText(Protocol):
    text: str


T = TypeVar("T", bound=HasText)

# A number with digits hidden behind asterisks: "1,**0", "9*.8%", "1**立方米", "****".
MASKED = re.compile(r"^[≥≤><=]?[0-9*＊][0-9,.*＊]*[*＊][0-9,.*＊]*(?:%|[^\d\s,.*＊]{0,4})$|^[*＊]{2,}$")
_PLAIN_NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?分?$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE = re.compile(r"[，。；,;]")
MIN_INDICATOR_HEADER = 3  # header words in a run before it is read as the indicator block's header
# Two header cells and a value after them: a line of fewer cells (most lines: prose) holds no form.
_MIN_FLATTENED = 3
MAX_NAME = 30  # longer word cells after a row's numbers are its remark (偏差原因), not a new name


def masked(text: str | None) -> bool:
    return bool(text) and bool(MASKED.match(squash(text)))


def is_value(text: str) -> bool:
    """A cell of the fund block's value columns: an amount, a rate, a dash, or masked digits."""
    return bool(VALUE.fullmatch(text)) or masked(text)


def rows_of(tokens: Sequence[T]) -> list[list[T]]:
    """The rows of a line; a line that holds no form header after other cells, or none followed
    by more cells, is one row as it stands."""
    if len(tokens) < _MIN_FLATTENED:
        return [list(tokens)]
    texts = [squash(t.text) for t in tokens]
    if not _holds_a_flattened_form(texts):
        return [list(tokens)]
    rows: list[list[T]] = []
    row: list[T] = []
    block = None
    i = 0
    while i < len(tokens):
        run = _fund_header(texts, i) or _indicator_header(texts, i)
        if run:
            kind, end = run
            if row and len(row) == 1 and kind == "fund" and OTHER_BLOCK.search(texts[i - 1]):
                head = row  # "项目资金（万元）" labels the header row
            else:
                head = []
                _close(rows, row)
            rows.append(head + list(tokens[i:end]))
            row, block, i = [], kind, end
            continue
        text = texts[i]
        if OTHER_BLOCK.search(text) and not (block == "fund" and is_value(text)):
            _close(rows, row)
            row, block = [], "other" if not _fund_label(text) or block != "fund" else block
        elif block == "fund" and row and not is_value(text):
            _close(rows, row)
            row = []
        elif block == "indicators" and row and _opens_indicator_row(texts, i, row, tokens):
            _close(rows, row)
            row = []
        row.append(tokens[i])
        i += 1
    _close(rows, row)
    return rows


def _close(rows: list, row: list) -> None:
    if row:
        rows.append(row)


def _holds_a_flattened_form(texts: list[str]) -> bool:
    """A form header with the values of its rows after it on the same line."""
    for i in range(len(texts)):
        run = _fund_header(texts, i) or _indicator_header(texts, i)
        if run and any(_PLAIN_NUMBER.match(t) or is_value(t) for t in texts[run[1]:]):
            return True
    return False


def _fund_header(texts: list[str], i: int) -> tuple[str, int] | None:
    """("fund", end) for a run of fund-block header words naming two kinds of money."""
    end = i
    while end < len(texts) and fund_header_role(texts[end]) is not None:
        end += 1
    roles = [fund_header_role(t) for t in texts[i:end]]
    if end - i < 2 or roles[0] not in MONEY_ROLES or not names_fund_columns(roles):
        return None
    return "fund", end


def _indicator_header(texts: list[str], i: int) -> tuple[str, int] | None:
    end = i
    while end < len(texts) and indicator_header_role(texts[end]) is not None and not level_name(
            texts[end], LEVEL1_NAMES) and not level_name(texts[end], LEVEL2_NAMES):
        end += 1
    roles = {indicator_header_role(t)[0] for t in texts[i:end]}
    if end - i < MIN_INDICATOR_HEADER or not roles & set(NAME_ROLES) or not roles & set(VALUE_ROLES):
        return None
    return "indicators", end


def _fund_label(text: str) -> bool:
    """年度资金总额 opens a row of the fund block, not another block."""
    return "资金总额" in text


def _opens_indicator_row(texts: list[str], i: int, row: list, tokens: Sequence[HasText]) -> bool:
    text = texts[i]
    if TOTAL_ROW.match(text) or level_name(text, LEVEL1_NAMES) or level_name(text, LEVEL2_NAMES):
        # A level name right after another opens the same row (产出指标 数量指标 …).
        previous = texts[i - 1]
        return not (level_name(previous, LEVEL1_NAMES) or level_name(previous, LEVEL2_NAMES))
    after_numbers = bool(_PLAIN_NUMBER.match(texts[i - 1])) and any(
        _PLAIN_NUMBER.match(squash(t.text)) for t in row[:-1])
    words = bool(_CJK.search(text)) and not _SENTENCE.search(text) and not is_value(text)
    return after_numbers and words and len(text) <= MAX_NAME and not re.search(r"\d", text)
