"""Indicator tables that a txt or PDF conversion flattened into lines of tokens:

    一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
    产出指标 数量指标 项目数量 ≥50个 50 8 8
             质量指标 验收合格率 100% 100% 10 10

A header line naming the columns opens a block; each following line is split on runs of
spaces and tabs, and its tokens are fitted to the header's columns — merged level cells and
empty cells leave tokens out, so the fit is a search for the assignment whose tokens suit
their columns best. The block ends at the first line that fits no row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from extractors.form.flat import masked, rows_of
from extractors.form.indicators import IndicatorDraft, ScoreBlock
from extractors.form.vocab import (
    LEVEL1_NAMES, LEVEL2_NAMES, MIN_KNOWN_HEADER_CELLS, NAME_ROLES, OTHER_BLOCK, SUBTOTAL_ROW, TOTAL_ROW,
    VALUE_ROLES, clean_level, clean_name, indicator_header_role, is_budget_header, level_name, not_applicable,
    squash,
)
from pipeline.core import numbering as N
from pipeline.core.numbers import QUANTITY_UNITS
from pipeline.core.quantities import parse_comparator, parse_value_with_unit
from pipeline.core.document import Document, per_document

# Cells are set apart by runs of spaces or tabs, or by the bars of a text-drawn table.
_TOKEN = re.compile(r"[^ \t\u3000|｜│┃]+")
# An index cell: "3", "（3）", "③", "3."
_INDEX = re.compile(rf"^(?:{N.ARABIC}|{N.arabic_paren()}|{N.CIRCLED_MARK})[.、]?$")
_PLAIN_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2})?分?$")
_NATURE = re.compile(r"^(?:[≥≤=＝><＞＜≧≦]|定性|定量|正向|反向)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A heading or a sentence, not the end of a wrapped name.
_NOT_WRAPPED = re.compile(r"[\d、，。；,;:：()（）]")
# A sentence, not a cell; a comma that groups thousands ("≤35,000元") is none.
_SENTENCE = re.compile(r"[，。；;]|(?<!\d),|,(?!\d{3}(?!\d))|[:：]$")
_UNITS = frozenset(QUANTITY_UNITS) | {"%", "元", "万元", "分"}
# Roles a token may fill, with how well it suits them; None: it cannot.
MISSING = {"name": -2.0, "target": -1.0}
OWN_LEVEL = 0.3
QUALITATIVE_MAX = 20
MAX_WRAPPED = 10
MAX_LEVEL = 12
MIN_NAME_AFTER_NUMBER = 5
# Lines of one cell each that may be a form copied from a web page one cell a line: a header
# of indicator columns and a row at least.
MIN_VERTICAL_CELLS = 8


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


@per_document
def read_flat(doc: Document) -> tuple[list[IndicatorDraft], list[ScoreBlock]]:
    found: list[IndicatorDraft] = []
    blocks: list[ScoreBlock] = []
    in_tables = [(t.char_start, t.char_end) for t in doc.tables]
    headings = {s.char_start for s in doc.sections}
    roles: tuple[str, ...] | None = None
    block: ScoreBlock | None = None
    levels: dict[str, str | None] = {}
    budget_header: list[_Token] | None = None
    budget: tuple[Decimal | None, Decimal | None] = (None, None)
    for start, tokens in _rows(doc.text, in_tables):
        if any(s <= start < e for s, e in in_tables):
            continue
        if budget_header is not None and tokens:
            budget, budget_header = _budget_points(budget_header, tokens), None
        header = _header(tokens)
        if header is not None:
            if block is None or header != roles:
                block = ScoreBlock(where=f"flattened table at character {start}")
                (block.budget_weight, block.budget_score), budget = budget, (None, None)
                blocks.append(block)
            roles, levels = header, {"level1": None, "level2": None}
        elif is_budget_header([t.text for t in tokens]):
            budget_header, roles = tokens, None
        elif roles is not None and tokens:
            item = _read_line(tokens, roles, levels, block)
            if item is False and found and start not in headings and _continues_name(tokens, found[-1], start):
                found[-1].name += tokens[0].text  # a long name wrapped onto a line of its own
                found[-1].end = tokens[0].end
            elif item is False:
                roles = None
            elif item is not None:
                found.append(item)
    return found, [b for b in blocks if b.scores or b.weights]


def _continues_name(tokens: list[_Token], last: IndicatorDraft, line_start: int) -> bool:
    """A short run of words alone on the line right after a row ends that row's name."""
    word = squash(tokens[0].text)
    return (len(tokens) == 1 and last.end == line_start - 1 and len(word) <= MAX_WRAPPED
            and bool(_CJK.search(word)) and not _NOT_WRAPPED.search(word) and indicator_header_role(word) is None)


def _budget_points(header: list[_Token], row: list[_Token]) -> tuple[Decimal | None, Decimal | None]:
    """分值 and 得分 of the row under a budget header, matched from the right: the row's
    label column may be merged away, its value columns are not."""
    points = {}
    for back, token in enumerate(reversed(header)):
        role = indicator_header_role(token.text)
        if role and role[0] in ("weight", "score") and back < len(row):
            points[role[0]] = _score(row[-1 - back].text)
    return points.get("weight"), points.get("score")


def _rows(text: str, tables: list[tuple[int, int]] = ()):
    """(start, tokens) of each line, or of each row of a form copied into one line or one
    cell a line; none for the lines of `tables` (spans wholly holding them)."""
    lines = list(_line_tokens(text, tables))
    i = 0
    while i < len(lines):
        # A whole run of one-cell lines is looked at once (from each of its lines it was
        # quadratic in its length: prose is one cell a line too).
        end = i
        while end < len(lines) and len(lines[end][1]) == 1:
            end += 1
        if end - i >= MIN_VERTICAL_CELLS:
            rows = rows_of([line[1][0] for line in lines[i:end]])
            if any(_header(row) for row in rows):  # a form copied one cell a line
                for row in rows:
                    yield row[0].start, row
                i = end
                continue
        for start, tokens in lines[i:max(end, i + 1)]:
            for row in rows_of(tokens) if tokens else [tokens]:
                yield (row[0].start if row else start), row
        i = max(end, i + 1)


def _line_tokens(text: str, tables: list[tuple[int, int]]):
    start = 0
    for line in text.split("\n"):
        if not any(s <= start < e and start + len(line) <= e for s, e in tables):
            yield start, [_Token(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(line)]
        start += len(line) + 1


def _header(tokens: list[_Token]) -> tuple[str, ...] | None:
    roles = [indicator_header_role(t.text) for t in tokens]
    known = sum(r is not None for r in roles)
    if len(tokens) < 3 or (known < len(tokens) and known < MIN_KNOWN_HEADER_CELLS + 1):
        return None
    best: dict[str, int] = {}
    for role in filter(None, roles):
        best[role[0]] = min(best.get(role[0], role[1]), role[1])
    names = tuple(r[0] if r and r[1] == best[r[0]] else "other" for r in roles)
    if "name" not in names and "level2" in names:
        names = tuple("name" if n == "level2" else n for n in names)
    if not any(n in names for n in NAME_ROLES) or not any(n in names for n in VALUE_ROLES):
        return None
    return names


def _read_line(tokens: list[_Token], roles: tuple[str, ...], levels: dict, block: ScoreBlock):
    """An IndicatorDraft, None for a line that is part of the table but no indicator, False at the end."""
    first = squash(tokens[0].text)
    if TOTAL_ROW.match(first):
        # A masked cell ("9*.5") keeps its place: the total it hides is not stated.
        numbers = [None if masked(t.text) else _score(t.text) for t in tokens[1:]
                   if _PLAIN_NUMBER.match(squash(t.text)) or masked(t.text)]
        block.total_score = numbers[-1] if numbers else None
        block.total_weight = numbers[-2] if len(numbers) > 1 and "weight" in roles else None
        return None
    if SUBTOTAL_ROW.match(first) or OTHER_BLOCK.search(first):
        return None if SUBTOTAL_ROW.match(first) else False
    fit = _fit(tuple(t.text for t in tokens), roles)
    if fit is None:
        return _level_only(tokens, levels)
    cells = {role: tokens[i] for i, role in fit}
    if "level1" in cells:
        levels["level1"], levels["level2"] = clean_level(cells["level1"].text, LEVEL1_NAMES), None
    if "level2" in cells:
        levels["level2"] = clean_level(cells["level2"].text, LEVEL2_NAMES)
    text = {role: tok.text for role, tok in cells.items()}
    weight, score = _score(text.get("weight")), _score(text.get("score"))
    stated = [text[role] for role in ("target", "actual") if role in text]
    if not_applicable(text["name"]) or (stated and all(map(not_applicable, stated)) and weight is None
                                         and score is None):
        return None  # "不适用": a row of the template the form does not use
    if weight is not None or score is not None:
        block.names.append(text["name"])
        block.weights.append(weight or Decimal(0))
        block.scores.append(score or Decimal(0))
    return IndicatorDraft(
        name=clean_name(text["name"]), start=tokens[0].start, end=tokens[-1].end, source="table",
        target=text.get("target"), actual=text.get("actual"), unit=text.get("unit"),
        nature=text.get("nature"), level1=levels["level1"], level2=levels["level2"],
        weight=weight, score=score,
    )


def _level_only(tokens: list[_Token], levels: dict) -> None | bool:
    """"产出指标" or "产出指标 数量指标" alone on a line opens a block of rows; anything else ends the table."""
    names = [(level_name(t.text, LEVEL1_NAMES), level_name(t.text, LEVEL2_NAMES)) for t in tokens]
    if len(tokens) > 2 or not all(l1 or l2 for l1, l2 in names):
        return False
    for l1, l2 in names:
        if l1:
            levels["level1"], levels["level2"] = l1, None
        else:
            levels["level2"] = l2
    return None


def _score(text: str | None) -> Decimal | None:
    if not text or not _PLAIN_NUMBER.match(squash(text)):
        return None
    return parse_value_with_unit(squash(text).rstrip("分"))[0]


@lru_cache(maxsize=4096)
def _fit(tokens: tuple[str, ...], roles: tuple[str, ...]) -> tuple[tuple[int, str], ...] | None:
    """The best assignment of tokens, in order, to distinct columns in order; None if no
    assignment gives the row a name and a value."""

    @lru_cache(maxsize=None)
    def best(t: int, r: int) -> tuple[float, tuple[tuple[int, str], ...]]:
        if t == len(tokens):
            return sum(MISSING.get(role, 0.0) for role in roles[r:]), ()
        if r == len(roles):
            return float("-inf"), ()
        skip_score, skip_fit = best(t, r + 1)
        options = [(skip_score + MISSING.get(roles[r], 0.0), skip_fit)]
        suit = _suits(tokens[t], roles[r])
        if suit is not None:
            rest_score, rest_fit = best(t + 1, r + 1)
            options.append((rest_score + suit, ((t, roles[r]),) + rest_fit))
        return max(options, key=lambda o: o[0])

    score, fit = best(0, 0)
    chosen = {role for _, role in fit}
    if score == float("-inf") or "name" not in chosen or not chosen & {"target", "actual", "score"}:
        return None
    # Two words of prose split by a space fit "name | target" too; a row has a number or
    # fills more columns than that.
    numeric = any(_suits(tokens[i], "weight") or _suits(tokens[i], "target") == 1.5 for i, role in fit
                  if role in ("target", "actual", "weight", "score"))
    return fit if numeric or len(fit) >= 3 else None


def _numbered_name(plain: str) -> bool:
    """"65岁及以上老年人健康管理人数" opens with a number, but no unit follows it and words
    do: a name, not a value cell like "≥42000人" or "90以上"."""
    unit = parse_value_with_unit(parse_comparator(plain)[1])[1]
    return unit is None and len(_CJK.findall(plain)) >= MIN_NAME_AFTER_NUMBER


def _suits(token: str, role: str) -> float | None:
    """How well a token fits a column; None: it cannot be that column's cell."""
    plain = squash(token)
    number = bool(_PLAIN_NUMBER.match(plain))
    value = parse_value_with_unit(parse_comparator(plain)[1])[0] is not None
    if role == "index":
        return 0.5 if _INDEX.match(plain) else None
    if role in ("level1", "level2"):
        if level_name(plain, LEVEL1_NAMES if role == "level1" else LEVEL2_NAMES):
            return 2.0
        # A level of the report's own (履职效能, 预算执行) fits only where every column is filled.
        return OWN_LEVEL if _CJK.search(plain) and not value and len(plain) <= MAX_LEVEL else None
    if _SENTENCE.search(plain) and role != "reason":
        return None
    if role == "name":
        return 1.0 if _CJK.search(plain) and (not value or _numbered_name(plain)) else None
    if role == "nature":
        return 2.0 if _NATURE.match(plain) else None
    if role == "unit":
        return 2.0 if plain in _UNITS else None
    if role in ("weight", "score"):
        return 1.0 if number else None
    if role in ("target", "actual"):
        return 1.5 if value else 0.5 if len(plain) <= QUALITATIVE_MAX else None
    if role == "reason":
        return 0.5 if not value else None
    return None
