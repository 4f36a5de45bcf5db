"""其中 parts against their total: the sources of a 自评表's 年度资金总额 (当年财政拨款, 上年结转,
其他资金), and the lists budget disclosures write after a total ("收入预算17,192万元，其中：
财政拨款收入…；事业收入…；其他收入…").

Parts that add up to more than their whole are always wrong. Parts that add up to less are
wrong only when the list claims to be complete — it names a catch-all (其他…, 结转) — since
"其中" often picks out one share of several.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from typing import Iterator

from extractors.form.vocab import TOTAL_LABEL
from pipeline.checks.model import ERROR, WARNING, Facts, Finding, Rule, line_at, number
from pipeline.checks.thresholds import PARTS_MIN_TOLERANCE_YUAN

SPLIT = re.compile(r"其中\s*[：:，,]?")
# Between a total and its 其中 only punctuation may stand.
JOINER = re.compile(r"^[\s，,。：:;；（(]*$")
# A list of parts ends at the sentence's full stop.
LIST_END = "。"
LIST_MAX = 600
# A difference is no total to split ("比上年增加25万元。其中：…" splits the year's figure).
CHANGE = re.compile(r"(?:增加|减少|增长|下降|降低|提高|上升|压减|核减|缩减|调增|调减|追加|增支|减支|超支|超出|相差|差额)"
                    r"了?(?:资金|经费|预算|支出)?(?:约|近)?\s*$")
# Parts are set apart by ；、 or ，; a comma also sets off a remark (比上年增加…, 占…%), whose
# amount is no part.
CLAUSE = re.compile(r"[；;、，]")
# Roles of one family: a part of a budget may be named 财政拨款 (budget) or carry no cue (other).
_FAMILY = {"adjusted_budget": "budget"}
CATCH_ALL = re.compile(r"其他|其它|结转|结余")
_DIGITS = re.compile(r"[\d,，]+(?:\.(\d+))?")


def parts_exceed_total(facts: Facts) -> Iterator[Finding]:
    for total, parts in _groups(facts):
        added, amount = _sum(parts), number(total["amount_yuan"])
        if added - amount > _tolerance(total, parts):
            yield _finding(facts, total, parts, f"其中各项合计{_wan(added)}万元，超过总额{_wan(amount)}万元")


def parts_short_of_total(facts: Facts) -> Iterator[Finding]:
    for total, parts in _groups(facts):
        added, amount = _sum(parts), number(total["amount_yuan"])
        complete = (len(parts) >= 2 and not total.get("cut")
                    and any(CATCH_ALL.search(p.get("label") or "") for p in parts))
        if complete and amount - added > _tolerance(total, parts):
            yield _finding(facts, total, parts, f"其中各项（含{_catch_all(parts)}）合计{_wan(added)}万元，"
                                                f"少于总额{_wan(amount)}万元")


def _finding(facts: Facts, total: dict, parts: list[dict], message: str) -> Finding:
    start, end = int(total["char_start"]), int(total["char_end"])
    last = max(int(p["char_end"]) for p in parts)
    evidence = (line_at(facts.text, start)[0], line_at(facts.text, last)[1])
    if total.get("source") == "table":
        column = f"（{total['cue']}）" if total.get("cue") else ""
        message = f"自评表资金来源{column}：{message}"
    return Finding(message, start, end, stated=number(total["amount_yuan"]), expected=_sum(parts),
                   evidence=evidence)


def _groups(facts: Facts) -> Iterator[tuple[dict, list[dict]]]:
    yield from _table_groups(facts)
    yield from _prose_groups(facts)


def _table_groups(facts: Facts) -> Iterator[tuple[dict, list[dict]]]:
    """Per column of a fund block: the total row's cell and the cells of the part rows below
    it, up to the next row that is neither."""
    lines: dict[int, list[dict]] = {}
    for row in facts.budgets:
        if row.get("source") == "table" and number(row.get("amount_yuan")) is not None:
            lines.setdefault(line_at(facts.text, int(row["char_start"]))[0], []).append(row)
    totals: dict[str, dict] = {}
    parts: dict[str, list[dict]] = {}
    for _, cells in sorted(lines.items()):
        if all(c.get("is_part") for c in cells):
            for cell in cells:
                if cell.get("cue") in totals:
                    parts.setdefault(cell.get("cue"), []).append(cell)
            continue
        yield from ((total, parts[cue]) for cue, total in totals.items() if parts.get(cue))
        is_total = any(TOTAL_LABEL.search(c.get("label") or "") for c in cells)
        totals = {c.get("cue"): c for c in cells if not c.get("is_part")} if is_total else {}
        parts = {}
    yield from ((total, parts[cue]) for cue, total in totals.items() if parts.get(cue))


def _prose_groups(facts: Facts) -> Iterator[tuple[dict, list[dict]]]:
    """"A万元，其中：p1万元…；p2万元…；p3万元。": the first amount of each clause is a part."""
    text = facts.text
    # Prose amounts do not overlap: in the order of their starts, their ends are in order too,
    # and each split finds its neighbours by bisection (a long text has thousands of both).
    money = sorted((r for r in facts.budgets if r.get("source") != "table"), key=lambda r: int(r["char_start"]))
    starts = [int(r["char_start"]) for r in money]
    ends = [int(r["char_end"]) for r in money]
    for split in SPLIT.finditer(text):
        n_before = bisect_right(ends, split.start())
        if not n_before or not JOINER.match(text[ends[n_before - 1]:split.start()]):
            continue
        total = money[n_before - 1]
        if _is_change(text, total):
            continue
        end = text.find(LIST_END, split.end())
        end = min(len(text) if end < 0 else end, split.end() + LIST_MAX)
        inside = money[bisect_left(starts, split.end()):bisect_left(starts, end)]
        parts, cursor = [], split.end()
        for clause in [*CLAUSE.finditer(text, split.end(), end), None]:
            stop = end if clause is None else clause.start()
            first = next((r for r in inside if cursor <= int(r["char_start"]) < stop), None)
            if first is not None and not _is_change(text, first):
                if _role(first) not in ("other", _role(total)):
                    # a figure of another kind (已支付… after 总投资…，其中…) ends the list; what
                    # it left out may be a part, so a shortfall proves nothing
                    total = {**total, "cut": True}
                    break
                parts.append({**first, "label": text[cursor:int(first["char_start"])].strip()})
            cursor = stop
        if parts:
            yield total, parts


def _is_change(text: str, mention: dict) -> bool:
    start = int(mention["char_start"])
    return bool(CHANGE.search(text[max(0, start - 12):start]))


def _role(mention: dict) -> str:
    role = mention.get("role") or "other"
    return _FAMILY.get(role, role)


def _sum(parts: list[dict]) -> Decimal:
    return sum((number(p["amount_yuan"]) for p in parts), Decimal(0))


def _tolerance(total: dict, parts: list[dict]) -> Decimal:
    halves = sum(_half_unit(r) for r in [total, *parts])
    return max(halves, PARTS_MIN_TOLERANCE_YUAN)


def _half_unit(row: dict) -> Decimal:
    """Half a unit of the last digit the amount is written with: "10,070.48 万元" → 50 yuan,
    a cell "2760.00" of a 万元 table → 50 yuan."""
    digits = _DIGITS.search(row.get("raw") or "")
    amount = number(row.get("amount_yuan"))
    if digits is None or amount is None:
        return Decimal(0)
    written = Decimal(re.sub(r"[,，]", "", digits.group(0)))
    factor = amount / written if written else Decimal(1)
    return Decimal("0.5") * Decimal(1).scaleb(-len(digits.group(1) or "")) * factor


def _catch_all(parts: list[dict]) -> str:
    return next(p.get("label") for p in parts if CATCH_ALL.search(p.get("label") or ""))


def _wan(amount: Decimal) -> str:
    return format((amount / 10000).normalize(), "f")


PARTS_EXCEED_TOTAL = Rule("parts_exceed_total", ERROR, "其中各项之和超过总额", parts_exceed_total)
PARTS_SHORT_OF_TOTAL = Rule("parts_short_of_total", WARNING, "其中各项之和少于总额", parts_short_of_total)
