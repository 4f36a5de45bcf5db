"""Performance indicators: numbered lists under 目标设置 / 绩效目标, and indicator tables.

List lines look like "1、依法治市咨询专家库专家人数  12人": a name, a gap, a target.
Tables are recognised by their header row (指标名称 / 三级指标 and 指标值 / 目标值 …).
"""
from __future__ import annotations

import re
from decimal import Decimal

from extractors.numbers import parse_comparator, parse_value_with_unit
from extractors.records import IndicatorRecord, make_span
from pipeline.document import Document, Table

# Canonical section names under which numbered lines are indicators.
INDICATOR_SECTIONS = {"目标设置"}
_LIST_LINE = re.compile(
    r"^[ \t\u3000]*(?:\d{1,2}[、.．]|[（(]\d{1,2}[）)]|[①-⑳])[ \t\u3000]*"
    r"(?P<name>[^\t\n]{2,40}?)(?:[ \t\u3000]{2,}|\t|[：:][ \t\u3000]*)(?P<target>[^\n]{1,40}?)[。；;]?[ \t\u3000]*$",
    re.M,
)
# Header cell text -> column role. Checked in order; the first matching role takes the column.
HEADER_ROLES: list[tuple[str, str]] = [
    ("level1", r"^一级指标$"),
    ("level2", r"^二级指标$"),
    ("name", r"三级指标|指标名称|绩效指标|^指标$|指标内容"),
    ("target", r"指标值|目标值|年度目标|预期目标|计划值|绩效目标|年度指标值"),
    ("actual", r"实际完成值|完成值|实际值|实际完成|完成情况|全年实际值"),
    ("unit", r"度量单位|计量单位|^单位$"),
    ("weight", r"权重|分值"),
    ("score", r"得分"),
]
_HEADER_RES = [(role, re.compile(p)) for role, p in HEADER_ROLES]


def extract(doc: Document, found: dict) -> list:
    records = list(_from_lists(doc))
    for table in doc.tables:
        records.extend(_from_table(doc, table))
    return records


def _from_lists(doc: Document):
    for section in doc.sections:
        if section.canonical not in INDICATOR_SECTIONS:
            continue
        body = doc.text[section.char_start:section.char_end]
        for match in _LIST_LINE.finditer(body):
            if match.start() == 0:
                continue  # the heading line itself
            start = section.char_start + match.start("name")
            end = section.char_start + match.end("target")
            target = match.group("target").strip()
            yield _record(doc, name=match.group("name").strip(), target=target,
                          actual=None, start=start, end=end, source="text")


def _from_table(doc: Document, table: Table):
    rows = table.grid()
    header_at, roles = _header(rows)
    if header_at is None:
        return
    last = {"level1": None, "level2": None}
    for row in rows[header_at + 1:]:
        cells = {role: row[col] for col, role in roles.items() if col < len(row) and row[col]}
        for level in last:  # merged level cells are given once, on their first row
            if level in cells and cells[level].text:
                last[level] = cells[level].text
        name_cell = cells.get("name")
        if name_cell is None or not name_cell.text or "合计" in name_cell.text:
            continue
        present = [c for c in row if c is not None and c.text]
        yield _record(
            doc,
            name=name_cell.text,
            target=_text(cells.get("target")),
            actual=_text(cells.get("actual")),
            start=present[0].char_start,
            end=present[-1].char_end,
            source="table",
            unit=_text(cells.get("unit")),
            level1=last["level1"], level2=last["level2"],
            weight=_number(cells.get("weight")), score=_number(cells.get("score")),
        )


def _header(rows) -> tuple[int | None, dict[int, str]]:
    for index, row in enumerate(rows[:4]):
        roles: dict[int, str] = {}
        for col, cell in enumerate(row):
            if cell is None:
                continue
            for role, pattern in _HEADER_RES:
                if role not in roles.values() and pattern.search(cell.text.replace(" ", "")):
                    roles[col] = role
                    break
        if "name" in roles.values() and ("target" in roles.values() or "actual" in roles.values()):
            return index, roles
    return None, {}


def _text(cell) -> str | None:
    return cell.text.strip() or None if cell is not None else None


def _number(cell) -> Decimal | None:
    value, _ = parse_value_with_unit(cell.text) if cell is not None and cell.text else (None, None)
    return value


def _record(doc: Document, *, name: str, target: str | None, actual: str | None,
            start: int, end: int, source: str, unit: str | None = None,
            level1: str | None = None, level2: str | None = None,
            weight: Decimal | None = None, score: Decimal | None = None) -> IndicatorRecord:
    op, target_value, target_unit = _parse(target)
    _, actual_value, actual_unit = _parse(actual)
    return IndicatorRecord(
        name=name, raw=doc.text[start:end], span=make_span(doc, start, end),
        level1=level1, level2=level2,
        target_raw=target, target_op=op, target_value=target_value,
        target_unit=target_unit or (unit if target_value is not None else None),
        actual_raw=actual, actual_value=actual_value,
        actual_unit=actual_unit or (unit if actual_value is not None else None),
        weight=weight, score=score,
        achieved=_achieved(op, target_value, actual_value),
        source=source,
    )


def _parse(raw: str | None) -> tuple[str | None, Decimal | None, str | None]:
    if not raw:
        return None, None, None
    op, rest = parse_comparator(raw.strip())
    value, unit = parse_value_with_unit(rest)
    return (op if value is not None else None), value, unit


def _achieved(op: str | None, target: Decimal | None, actual: Decimal | None) -> bool | None:
    if target is None or actual is None:
        return None
    if op in ("≤", "<"):
        return actual <= target if op == "≤" else actual < target
    if op == ">":
        return actual > target
    return actual >= target
