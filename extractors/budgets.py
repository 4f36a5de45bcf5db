"""Money mentions with a budget role, and the document's budget / spend / execution rate.

First pass: a role comes from the cue words just before an amount inside its sentence.
Money that is not the project's own figure (per-household subsidies, other years,
differences "比…增加") keeps role 'other' and never feeds the document's totals.
"""
from __future__ import annotations

import re
from decimal import Decimal

from extractors.numbers import find_money
from extractors.records import BudgetRecord, DocFacts, make_span
from pipeline.document import Document

# (role, cue regex) — checked in order against the text between the sentence start
# and the amount; the cue nearest the amount wins.
ROLE_CUES: list[tuple[str, str]] = [
    ("adjusted_budget", r"调整后(?:的)?(?:预算|全年预算)(?:数|金额)?|调整预算后|预算调整为|调整后预算数"),
    ("arrived", r"(?:资金)?到位(?:资金|数|金额)?|实际到位"),
    ("balance", r"结余|结转|未支出|尚未支付"),
    ("actual", r"实际支出|实际使用|执行数|预算执行数|支出决算|决算数|已支出|已拨付|完成拨付|累计支出|共支出|支出(?:资金)?|使用资金|执行金额"),
    ("budget", r"年初预算|全年预算(?:数)?|预算安排|安排(?:了)?(?:财政)?(?:资金|经费|预算)?|预算(?:数|资金|金额|总额)?为?|计划投资|下达(?:资金|经费)?|批复(?:资金|预算)?|收入预算|支出预算|总投资"),
]
_CUE_RES = [(role, re.compile(pattern)) for role, pattern in ROLE_CUES]
# A figure that belongs to something else than the document's own budget year and project.
_NOT_OWN = re.compile(r"每(?:户|人|名|亩|个|次|月|年|平方米)|单价|标准为|比(?:上年|去年|\d{4}年)|同比|增加|减少|增长|下降|较上年|上年度|上年")
_RATE = re.compile(
    r"(?:预算)?执行率(?:为|达到|达|是)?\s*(?P<a>\d+(?:\.\d+)?)\s*[%％]"
    r"|完成(?:年度|全年)?预算(?:的)?\s*(?P<b>\d+(?:\.\d+)?)\s*[%％]"
)
_HUNDRED = Decimal(100)


def extract(doc: Document, found: dict) -> list:
    records = list(_money_records(doc))
    return records + [_summary(doc, records)]


def _money_records(doc: Document):
    text = doc.text
    for match in find_money(text):
        sent_start, _ = doc.sentence_at(match.start, match.end)
        before = text[sent_start:match.start]
        role = _role(before)
        if role != "other" and _NOT_OWN.search(before[-12:]):
            role = "other"
        yield BudgetRecord(
            role=role, amount_yuan=match.amount_yuan, raw=match.raw,
            span=make_span(doc, match.start, match.end),
        )


def _role(before: str) -> str:
    best_role, best_end = "other", -1
    window = before[-30:]
    for role, cue in _CUE_RES:
        for hit in cue.finditer(window):
            if hit.end() > best_end:
                best_role, best_end = role, hit.end()
    return best_role


def _summary(doc: Document, records: list[BudgetRecord]) -> DocFacts:
    def first(role: str) -> Decimal | None:
        return next((r.amount_yuan for r in records if r.role == role), None)

    budget = first("adjusted_budget") or first("budget")
    actual = first("actual")
    stated = _stated_rate(doc.text)
    warnings = []
    computed = None
    if budget and actual is not None:
        computed = (actual / budget * _HUNDRED).quantize(Decimal("0.01"))
        if actual > budget:
            warnings.append(f"spend {actual} exceeds budget {budget}")
    if stated is not None and computed is not None and abs(stated - computed) > 1:
        warnings.append(f"stated execution rate {stated}% differs from actual/budget {computed}%")
    return DocFacts(
        budget_yuan=budget,
        actual_yuan=actual,
        execution_rate_stated_pct=stated,
        execution_rate_pct=stated if stated is not None else computed,
        warnings=tuple(warnings),
    )


def _stated_rate(text: str) -> Decimal | None:
    match = _RATE.search(text)
    if not match:
        return None
    return Decimal(match.group("a") or match.group("b"))
