"""Budget tables: the fund blocks of a form (extractors.form.funds reads them from the
document's tables; budgets/flat.py from tables flattened into text) turned into amounts.

A block's total row (年度资金总额, 合计 …, the amount labelled 本年度项目金额, or its only row)
gives the document's figures; the other rows (其中：财政拨款, 上年结转, 其他资金 …) are
recorded as parts. Bare numbers are read in the unit the labels, caption or header declare;
with none, in the unit under which the prose quotes the same amount, else (with a warning)
万元 for numbers below 100000 and 元 for larger ones. A declared 万元 is a slip when the
document quotes its amounts in 元 instead — every amount written in 万 elsewhere is at most
ten times the bare number (a form whose 本年度项目金额（万元） says 3000 and whose cost
indicator says "总成本不超过0.3万元") —: those are read in 元, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from extractors.form.flat import masked
from extractors.form.funds import MULTI_YEAR_ROLE, FundBlock, FundRow, fund_blocks
from extractors.form.vocab import MONEY_ROLES, RATE_FRACTION_MAX, TOTAL_LABEL
from pipeline.core.document import Document
from pipeline.core.money import find_money, unit_from_caption
from pipeline.core.quantities import parse_value_with_unit

_SMALL_IN_WANYUAN = Decimal(100000)  # a bare total below this is read in 万元 when nothing says
_HUNDRED, _WAN = Decimal(100), Decimal(10000)
# A declared 万元 is a slip when the largest amount the document writes in 万 is at most this
# many times the table's largest bare number read in 元.
_SLIP_RATIO = 10
# "69.8万元", "29.27万，", "24.67万一年" — not "5.5万人次" (a count) nor "1万余户".
_IN_WAN = re.compile(r"(?<![\d.])(?P<n>\d[\d,]*(?:\.\d+)?)\s*万(?:元|(?=一年|每年|/|[^\u4e00-\u9fff余多]|$))")


@dataclass(frozen=True)
class Mention:
    """One money amount with a role, from prose or a table; becomes one BudgetRecord."""

    role: str
    amount_yuan: Decimal
    start: int
    end: int
    evidence: tuple[int, int]
    source: str
    cue: str | None
    label: str | None
    is_part: bool
    strength: int = 2


@dataclass
class Row:
    label: str | None
    start: int
    end: int
    mentions: list[Mention] = field(default_factory=list)
    rate: Decimal | None = None


@dataclass
class BudgetTable:
    rows: list[Row]
    total: Row | None
    warning: str | None = None

    @property
    def mentions(self) -> list[Mention]:
        return [m for row in self.rows for m in row.mentions]

    @property
    def rate(self) -> Decimal | None:
        return self.total.rate if self.total else None

    def pick(self, roles: tuple[str, ...]) -> Mention | None:
        for role in roles:
            hit = next((m for m in self.total.mentions if m.role == role), None) if self.total else None
            if hit:
                return hit
        return None


@dataclass(frozen=True)
class Quoted:
    """Amounts the document states with their own unit, to tell a table's unit by."""
    amounts: frozenset[Decimal]
    in_wan: tuple[Decimal, ...]  # written in 万: "69.8万元", and "29.27万" as forms write costs


def quoted(doc: Document) -> Quoted:
    in_wan = tuple(Decimal(hit.group("n").replace(",", "")) * _WAN for hit in _IN_WAN.finditer(doc.match_text))
    return Quoted(frozenset(m.amount_yuan for m in find_money(doc.text)), in_wan)


def from_forms(doc: Document, known: Quoted) -> list[BudgetTable]:
    """Budget tables among the fund blocks of the document's forms."""
    return [t for block in fund_blocks(doc) if (t := build(block, known))]


def mark_adjusted(mentions: list[Mention]) -> list[Mention]:
    """A 全年预算(数) that differs from a budget stated before it in the same row or sentence
    (年初预算数, 预算安排 …) is the budget after the year's adjustments."""
    before: dict[tuple, set[Decimal]] = {}
    out = []
    for m in sorted(mentions, key=lambda m: m.start):
        full_year = m.role == "budget" and m.cue is not None and "全年" in m.cue
        key = (m.evidence, m.is_part)  # 上年结转 20万元 is no earlier version of 全年预算 120万元
        if full_year and before.get(key, set()) - {m.amount_yuan}:
            m = replace(m, role="adjusted_budget")
        elif m.role == "budget" and not full_year:
            before.setdefault(key, set()).add(m.amount_yuan)
        out.append(m)
    return out


# --- rows -> mentions -------------------------------------------------------------------
def build(block: FundBlock, known: Quoted) -> BudgetTable | None:
    unit = block.unit or next((u for t in reversed(block.head_texts) if (u := unit_from_caption(t))), None)
    warning = None
    if unit is None:
        unit, warning = _guess_unit(block.rows, known.amounts)
    elif _slip(block.rows, unit, known.in_wan):
        largest = format(max(_bare(block.rows)).normalize(), "f")
        unit, warning = "元", (f"amounts labelled 万元 ({largest}) read in 元: no amount the document writes in 万 "
                               f"elsewhere is over {_SLIP_RATIO} times {largest} 元")
    every = [_row(raw, unit) for raw in block.rows]
    rows = [r for r in every if r.mentions or r.rate is not None]
    if not rows:
        return None
    if block.labelled:
        total = rows[block.total] if block.total is not None and block.total < len(rows) else None
    else:
        # A total row whose cells state nothing (masked on a mirror) leaves the block without one.
        totals = [r for r in every if r.label and TOTAL_LABEL.search(r.label)]
        total = totals[0] if totals else (rows[0] if len(rows) == 1 else None)
        total = total if total in rows else None
    for row in rows:
        row.mentions = mark_adjusted([replace(m, is_part=row is not total and m.role != MULTI_YEAR_ROLE)
                                      for m in row.mentions])
    return BudgetTable(rows=rows, total=total, warning=warning if total else None)


def _row(raw: FundRow, unit: str) -> Row:
    cells = [t for _, _, t in raw.values if t.text]
    if raw.label:
        cells.append(raw.label)
    start = min(t.start for t in cells) if cells else 0
    end = max(t.end for t in cells) if cells else 0
    row = Row(label=raw.label.text if raw.label else None, start=start, end=end)
    for role, header, token in raw.values:
        if masked(token.text):
            continue  # digits hidden by a mirror: the cell states no number
        if role == "rate":
            row.rate = _rate(token.text)
        elif role in MONEY_ROLES or role == MULTI_YEAR_ROLE:
            money = find_money(token.text, default_unit=unit)
            if len(money) == 1:
                m = money[0]
                row.mentions.append(Mention(
                    role=role, amount_yuan=m.amount_yuan, start=token.start + m.start,
                    end=token.start + m.end, evidence=(start, end), source="table",
                    cue=header, label=row.label, is_part=False,
                ))
    return row


def _rate(text: str) -> Decimal | None:
    """"94.67%" and a bare 94.67 are percentages; a bare 0.9467 (at most 1.5) is a fraction."""
    value, sign = parse_value_with_unit(text) if text else (None, None)
    if value is None or sign not in (None, "%"):
        return None
    if sign is None and value <= RATE_FRACTION_MAX:
        return (value * _HUNDRED).normalize() if value else value
    return value


def _bare(rows: list[FundRow]) -> list[Decimal]:
    """The numbers of money cells that state no unit of their own, read as 元."""
    return [m.amount_yuan for r in rows for role, _, t in r.values if role != "rate"
            and not find_money(t.text) for m in find_money(t.text, default_unit="元")]


def _slip(rows: list[FundRow], unit: str, in_wan: tuple[Decimal, ...]) -> bool:
    numbers = _bare(rows)
    return unit == "万元" and bool(numbers) and bool(in_wan) and max(numbers) * _SLIP_RATIO >= max(in_wan)


def _guess_unit(rows: list[FundRow], prose_amounts: frozenset[Decimal]) -> tuple[str, str | None]:
    numbers = _bare([FundRow(r.label, [v for v in r.values if v[0] in MONEY_ROLES]) for r in rows])
    if not numbers:
        return "元", None  # every amount carries its own unit
    for unit, scale in (("万元", Decimal(10000)), ("元", Decimal(1))):
        if any(n and n * scale in prose_amounts for n in numbers):
            return unit, None  # the text quotes the same amounts in this unit
    unit = "万元" if max(numbers) < _SMALL_IN_WANYUAN else "元"
    return unit, f"budget table states no unit; read in {unit} by the size of its numbers"
