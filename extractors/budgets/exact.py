"""Exact beats rounded: the prose of a budget disclosure rounds ("收入预算17,192万元") where its
tables state the yuan ("收入总计 | 171,915,169"). When a total row's amount agrees with the
figure the prose gives to the prose's own rounding, the total row's amount is the figure.

A total row is a 收入总计 / 支出总计 (收支总计, 收入合计, 本年支出合计 …) label followed by an
amount, in a table or a line of text. A bare number is read in 元 or in 万元, whichever agrees
with the prose; agreement within half a unit of the prose's last digit is what ties them, so
no unit needs guessing, and a total that is no more precise than the prose changes nothing.
A prose figure written to the hundred yuan is taken as stated (STATED_STEP).

The other way round, a 自评表 rounds to 万元 where the text states the yuan and fen
("865.23" beside "8,652,340.00元"): finer_than_table lets the text's figure stand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from extractors.budgets.tables import Mention
from pipeline.core.document import Document

TOTAL_ROW = re.compile(
    r"(?:本年)?(?:收入|支出|收支)(?:预算|决算)?(?:总计|合计)|(?:预算|决算)(?:收入|支出)(?:总计|合计)"
)
_AMOUNT = re.compile(
    r"(?:\((?P<label_unit>亿元|万元|元)\))?[ \t:|｜]*(?P<n>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)[ \t]*(?P<unit>亿元|万元|元)?(?![0-9.%])"
)
# Budget tables are kept in 万元 to two decimals: a figure written to the hundred yuan
# ("15621.11万元") is stated, not rounded (../shared/real's gold takes it as the budget), while
# whole 万元 ("17,192万元") and coarser are prose rounding.
STATED_STEP = Decimal(100)
_SCALE = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
_WRITTEN = re.compile(r"(?P<n>[0-9][0-9,]*(?:\.(?P<d>[0-9]+))?)\s*(?P<mag>亿|万)?")
# An amount of a table row: no rate ("97.44%") and no part of a longer number.
_ROW_NUMBER = re.compile(r"(?<![0-9.,])[0-9][0-9,]*(?:\.(?P<d>[0-9]+))?(?![0-9.,%])")


@dataclass(frozen=True)
class Total:
    label: str
    number: Decimal
    unit: str | None
    start: int
    end: int
    row: tuple[int, int]


def totals(doc: Document) -> list[Total]:
    """Amounts written after a total label, anywhere in the text (match view: "：" reads ":")."""
    text = doc.match_text
    found = []
    for label in TOTAL_ROW.finditer(text):
        amount = _AMOUNT.match(text, label.end())
        if amount is None:
            continue
        row = (text.rfind("\n", 0, label.start()) + 1, _line_end(text, amount.end()))
        unit = amount.group("unit") or amount.group("label_unit")
        found.append(Total(label.group(), Decimal(amount.group("n").replace(",", "")), unit,
                           amount.start("n"), amount.end("unit") if amount.group("unit") else amount.end("n"), row))
    return found


def refined(chosen: Mention | None, raw: str, found: list[Total]) -> Mention | None:
    """The exact total a rounded prose figure stands for, as a table mention; else None."""
    if chosen is None or chosen.source != "text":
        return None
    tolerance = _half_step(raw)
    if not tolerance:
        return None
    for total in found:
        scales = [_SCALE[total.unit]] if total.unit else [Decimal(1), _SCALE["万元"]]
        for scale in scales:
            exact = total.number * scale
            if exact != chosen.amount_yuan and abs(exact - chosen.amount_yuan) <= tolerance:
                return replace(chosen, amount_yuan=exact, start=total.start, end=total.end, evidence=total.row,
                               source="table", cue=total.label, label=total.label)
    return None


def _half_step(raw: str) -> Decimal | None:
    """Half a unit of the last digit written: 5000 yuan for "17,192万元", 50 for "10,150.48万元"."""
    written = _WRITTEN.search(raw)
    if written is None or not written.group("mag"):
        return None  # written in 元: nothing was rounded away
    step = _step(raw)
    return step / 2 if step > STATED_STEP else None


def finer_than_table(in_table: Mention, table_raw: str, row_raw: str, in_prose: Mention, prose_raw: str) -> bool:
    """The prose states the table's figure to more places: a 自评表 keeps "865.23" (万元) where the
    text says "8,652,340.00元". The two agree within half a unit of the last digit the table's
    row writes: in "70 | 70 | 52.24" the 70 is 70.00, and the text's 69.8万元 another figure."""
    written = _WRITTEN.search(table_raw)
    number = Decimal(written.group("n").replace(",", "")) if written else Decimal(0)
    prose_step = _step(prose_raw)
    if not number or prose_step is None:
        return False
    places = max((len(hit.group("d") or "") for hit in _ROW_NUMBER.finditer(row_raw)), default=0)
    table_step = in_table.amount_yuan / number / Decimal(10) ** places
    return prose_step < table_step and abs(in_prose.amount_yuan - in_table.amount_yuan) <= table_step / 2


def _step(raw: str) -> Decimal | None:
    """One unit of the last digit written, in yuan: 0.01 for "8,652,340.00元", 100 for "865.23万元"."""
    written = _WRITTEN.search(raw)
    if written is None:
        return None
    scale = _SCALE[written.group("mag") + "元"] if written.group("mag") else Decimal(1)
    return scale / Decimal(10) ** len(written.group("d") or "")


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end
