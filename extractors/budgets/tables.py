"""Budget tables: the fund rows of a 自评表 (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 |
得分, or 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 …), from the document's tables and from
the same tables flattened into text (tab- or pipe-separated lines, space-separated lines, or
one cell a line as PDF conversions leave them).

A table counts when its header names at least two kinds of money, or one and an execution
rate — a department budget's 收支总表 (项目 | 预算数 | 项目 | 预算数) does not. Its total row
(年度资金总额, 合计 …, or its only row) gives the document's figures; the other rows
(其中：财政拨款, 上年结转, 其他资金 …) are recorded as parts. Bare numbers are read in the
unit the caption or header declares; with none, in the unit under which the prose quotes the
same amount, else (with a warning) 万元 for numbers below 100000 and 元 for larger ones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from pipeline.core.money import find_money, unit_from_caption
from pipeline.core.quantities import parse_value_with_unit
from pipeline.core.document import Document

# Header cell -> column role; the first match wins, so the specific come first.
HEADER_ROLES: list[tuple[str, str]] = [
    ("rate", r"执行率|完成率|支出率|执行进度"),
    ("ignored", r"分值|权重|得分|满分|备注|偏差|原因|序号"),
    ("adjusted_budget", r"调整后|调整预算|预算调整|变更后"),
    ("actual", r"执行数|执行金额|实际支出|支出数|支出金额|决算数|实际执行|实际使用|已支出|使用金额|完成数|^支出$|^执行$"),
    ("arrived", r"到位"),
    ("balance", r"结余|结转"),
    ("budget", r"年初预算|全年预算|预算数|预算金额|预算资金|批复|预算安排|计划投资|^预算$"),
]
MONEY_ROLES = ("budget", "adjusted_budget", "actual", "arrived", "balance")
TOTAL_LABEL = re.compile(r"总额|总金额|资金合计|^\s*(?:合计|总计)")
# Row labels under a total: sources and kinds of money, kept as parts even when empty.
FUND_LABEL = re.compile(r"其中|财政|拨款|结转|结余|其他资金|自筹|中央|省级|市级|县级|区级|本级|配套|上级|社会资金|专项|基本支出|项目支出")
VALUE = re.compile(
    r"[-−－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*(?:%|％|万元|元|亿元)?|[—–\-－/／]+|无"
)
CAPTION_CHARS = 120   # how far before a table its caption (单位：万元) may stand
MAX_HEADER_LEN = 16
_SMALL_IN_WANYUAN = Decimal(100000)  # a bare total below this is read in 万元 when nothing says


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
class Token:
    text: str
    start: int
    end: int
    col: int = -1  # the grid column, for cells of a recognised table


@dataclass
class RawRow:
    label: Token | None
    values: list[tuple[str, str, Token]]  # (role, header text, cell)


def from_grids(doc: Document, prose_amounts: set[Decimal]) -> list[BudgetTable]:
    """Budget tables among the tables the reader recognised."""
    return [t for table in doc.tables if (t := _from_grid(doc, table, prose_amounts))]


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


def header_role(text: str) -> str | None:
    bare = re.sub(r"[（(][^）)]*[）)]", "", text).replace(" ", "")
    if not bare or len(bare) > MAX_HEADER_LEN or re.search(r"[0-9０-９，。；,;：:]", bare):
        return None
    return next((role for role, pattern in HEADER_ROLES if re.search(pattern, bare)), None)


def enough(roles: list[str]) -> bool:
    money = {r for r in roles if r in MONEY_ROLES}
    return len(money) >= 2 or (len(money) == 1 and "rate" in roles)


# --- tables the reader recognised -------------------------------------------------------
def _from_grid(doc: Document, table, prose_amounts: set[Decimal]) -> BudgetTable | None:
    grid = table.grid()
    top = next((r for r, row in enumerate(grid) if any(c and header_role(c.text) in MONEY_ROLES for c in row)), None)
    if top is None:
        return None
    bottom = top
    while bottom + 1 < len(grid) and _is_header_row(grid[bottom + 1]):
        bottom += 1
    columns: dict[int, tuple[str, str]] = {}
    for row in grid[top:bottom + 1]:  # lower header rows refine the upper (预算数 → 年初预算)
        for cell in filter(None, row):
            role = header_role(cell.text)
            if role:
                for col in range(cell.col, cell.col + cell.colspan):
                    columns[col] = (role, cell.text)
    if not enough([role for role, _ in columns.values()]):
        return None
    first = min(col for col, (role, _) in columns.items() if role != "ignored")
    rows: list[RawRow] = []
    for row in grid[bottom + 1:]:
        cells = [_cell_token(c) for c in row if c and c.text.strip()]
        if any(t.col in columns and not VALUE.fullmatch(t.text) for t in cells):
            break  # words under the money columns: the fund rows are over (年度总体目标 …)
        label = next((t for t in reversed(cells) if t.col < first and not VALUE.fullmatch(t.text)), None)
        values = [(*columns[t.col], t) for t in cells if t.col in columns]
        if not values and not (label and FUND_LABEL.search(label.text)):
            if rows:
                break
            continue
        rows.append(RawRow(label, values))
    head_texts = caption(doc.text, table.char_start) + [c.text for row in grid[:bottom + 1] for c in row if c]
    return build(rows, head_texts, prose_amounts)


def _cell_token(cell) -> Token:
    lead = len(cell.text) - len(cell.text.lstrip())
    text = cell.text.strip()
    return Token(text, cell.char_start + lead, cell.char_start + lead + len(text), cell.col)


def _is_header_row(row) -> bool:
    cells = [c for c in row if c and c.text.strip()]
    return bool(cells) and all(not VALUE.fullmatch(c.text.strip()) for c in cells) and any(
        header_role(c.text) for c in cells)


def caption(text: str, start: int) -> list[str]:
    """The lines just before a table, where 单位：万元 stands."""
    return text[max(0, start - CAPTION_CHARS):start].split("\n")


# --- rows -> mentions -------------------------------------------------------------------
def build(raw_rows: list[RawRow], head_texts: list[str], prose_amounts: set[Decimal]) -> BudgetTable | None:
    unit = next((u for t in reversed(head_texts) if (u := unit_from_caption(t))), None)
    warning = None
    if unit is None:
        unit, warning = _guess_unit(raw_rows, prose_amounts)
    rows = [_row(raw, unit) for raw in raw_rows]
    rows = [r for r in rows if r.mentions or r.rate is not None]
    if not rows:
        return None
    totals = [r for r in rows if r.label and TOTAL_LABEL.search(r.label)]
    total = totals[0] if totals else (rows[0] if len(rows) == 1 else None)
    for row in rows:
        row.mentions = mark_adjusted([replace(m, is_part=row is not total) for m in row.mentions])
    return BudgetTable(rows=rows, total=total, warning=warning if total else None)


def _row(raw: RawRow, unit: str) -> Row:
    cells = [t for _, _, t in raw.values if t.text]
    if raw.label:
        cells.append(raw.label)
    start = min(t.start for t in cells) if cells else 0
    end = max(t.end for t in cells) if cells else 0
    row = Row(label=raw.label.text if raw.label else None, start=start, end=end)
    for role, header, token in raw.values:
        if role == "rate":
            value, sign = parse_value_with_unit(token.text) if token.text else (None, None)
            # a bare 89.7 under 执行率 is a percentage; a bare 1 or 0.9 says too little
            row.rate = value if sign == "%" or (sign is None and value is not None and value > 1) else None
        elif role in MONEY_ROLES:
            money = find_money(token.text, default_unit=unit)
            if len(money) == 1:
                m = money[0]
                row.mentions.append(Mention(
                    role=role, amount_yuan=m.amount_yuan, start=token.start + m.start,
                    end=token.start + m.end, evidence=(start, end), source="table",
                    cue=header, label=row.label, is_part=False,
                ))
    return row


def _guess_unit(rows: list[RawRow], prose_amounts: set[Decimal]) -> tuple[str, str | None]:
    numbers = [m.amount_yuan for r in rows for role, _, t in r.values if role in MONEY_ROLES
               and not find_money(t.text) for m in find_money(t.text, default_unit="元")]
    if not numbers:
        return "元", None  # every amount carries its own unit
    for unit, scale in (("万元", Decimal(10000)), ("元", Decimal(1))):
        if any(n and n * scale in prose_amounts for n in numbers):
            return unit, None  # the text quotes the same amounts in this unit
    unit = "万元" if max(numbers) < _SMALL_IN_WANYUAN else "元"
    return unit, f"budget table states no unit; read in {unit} by the size of its numbers"
