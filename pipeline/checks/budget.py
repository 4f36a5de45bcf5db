"""The money of one report: the stated execution rate against spend / budget, spending over
budget without a word why, and the budget or spend in the prose against the 自评表's.

These read the document's budget and spend (documents.budget_yuan / actual_yuan), which are one
project's — or one department's — figures for the year only in a self-evaluation: a budget
disclosure or final accounts states many totals of different scope (收入总计, 三公经费, the
funds evaluated), so these rules leave them alone.
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Iterator

from extractors.budgets import CUES
from pipeline.checks.model import ERROR, WARNING, Facts, Finding, Rule, line_at, number
from pipeline.checks.thresholds import OVERSPEND_MIN_SHARE

HUNDRED = Decimal(100)
# Words that say a stated percentage is the execution rate (预算执行率, 完成预算的, 支出率 …).
RATE_CUE = re.compile(r"执行率|支出率|执行进度|使用率|支付率|拨付率|完成(?:了)?(?:年度|全年|年初|调整后)?预算(?:数)?的")
PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*[%％]")
# Sentences that explain a spend over budget: 超支原因, 超出预算的部分由…, spending last year's
# carry-over (使用上年结转资金).
EXCUSES = re.compile(
    r"超(?:支|出(?:年初|年度|全年)?预算|过(?:年初|年度|全年)?预算)[^。\n]{0,30}?(?:原因|由于|因为|系|主要是|用于|来源)"
    r"|(?:由于|因为|因|受)[^。\n]{0,30}?超(?:支|出(?:年初|年度|全年)?预算|过预算)"
    r"|(?:使用|动用|统筹|含)(?:了)?(?:上年|以前年度|往年|历年)度?(?:结转|结余)"
)
# Cue word -> how strongly it names the year's budget or spend (extractors.budgets), so that
# the prose figure compared is the one the budgets extractor would take.
_STRENGTH = {word: strength for (_, strength), words in CUES.items() for word in words}
_PROSE_ORDER = {"budget": ("adjusted_budget", "budget"), "actual": ("actual",)}
_NAMES = {"budget": "预算数", "actual": "执行数"}


def rate_mismatch(facts: Facts) -> Iterator[Finding]:
    stated, actual = facts.fact("execution_rate_stated_pct"), facts.fact("actual_yuan")
    budget = facts.fact("budget_yuan")
    if not facts.self_evaluation or stated is None or actual is None or not budget:
        return
    denominators = {budget} | {a for r in facts.budgets if (a := number(r.get("amount_yuan")))
                               and not r.get("is_part") and r.get("role") in ("budget", "adjusted_budget", "arrived")}
    numerators = {actual} | {a for r in facts.budgets if (a := number(r.get("amount_yuan"))) is not None
                             and not r.get("is_part") and r.get("role") == "actual"}
    if any(_agrees(stated, n / d * HUNDRED) for n in numerators for d in denominators):
        return
    computed = (actual / budget * HUNDRED).quantize(Decimal("0.01"))
    start, end = _stated_rate_span(facts, stated)
    yield Finding(f"预算执行率写为{_pct(stated)}，执行数/预算数为{_pct(computed)}，超出四舍五入误差",
                  start, end, stated=stated, expected=computed)


def _agrees(stated: Decimal, rate: Decimal) -> bool:
    """The stated rate is the computed one rounded half up or cut off at the decimals it is
    written with (94.4% for 94.43%, 95% for 95.7% cut off); 100% also stands for a spend over
    budget."""
    unit = Decimal(1).scaleb(min(stated.normalize().as_tuple().exponent, 0))
    readings = {rate.quantize(unit, ROUND_HALF_UP), rate.quantize(unit, ROUND_DOWN)}
    return stated in readings or (stated == HUNDRED and rate >= HUNDRED)


def _stated_rate_span(facts: Facts, stated: Decimal) -> tuple[int, int]:
    """Where the report writes the rate: after a rate cue if it can, else the first time."""
    hits = [m for m in PERCENT.finditer(facts.text) if Decimal(m.group(1)) == stated]
    cued = [m for m in hits if RATE_CUE.search(facts.text[max(0, m.start() - 20):m.start()])]
    if cued or hits:
        return (cued or hits)[0].span()
    return _amount_span(facts, "actual", facts.fact("actual_yuan"))


def overspend_unexplained(facts: Facts) -> Iterator[Finding]:
    actual, budget = facts.fact("actual_yuan"), facts.fact("budget_yuan")
    if not facts.self_evaluation or actual is None or not budget or actual - budget <= budget * OVERSPEND_MIN_SHARE:
        return
    if EXCUSES.search(facts.text):
        return
    start, end = _amount_span(facts, "actual", actual)
    yield Finding(f"执行数{_wan(actual)}万元超过预算数{_wan(budget)}万元，报告未说明超支原因",
                  start, end, stated=actual, expected=budget)


def budget_text_table(facts: Facts) -> Iterator[Finding]:
    """The prose's budget (or spend) is none of the amounts the 自评表's total row gives."""
    if not facts.self_evaluation:
        return
    for what, roles in _PROSE_ORDER.items():
        table = [r for r in facts.budgets if r.get("source") == "table" and not r.get("is_part")
                 and r.get("role") in roles + (("budget",) if what == "budget" else ())]
        prose = _prose_pick(facts, roles)
        if not table or prose is None:
            continue
        amounts = {number(r.get("amount_yuan")) for r in table}
        stated = number(prose.get("amount_yuan"))
        if stated in amounts:
            continue
        expected = number(table[-1 if what == "budget" else 0].get("amount_yuan"))
        start, end = int(prose["char_start"]), int(prose["char_end"])
        yield Finding(f"正文{_NAMES[what]}{_wan(stated)}万元与自评表{_NAMES[what]}{_wan(expected)}万元不一致",
                      start, end, stated=stated, expected=expected)


def _prose_pick(facts: Facts, roles: tuple[str, ...]) -> dict | None:
    """The prose amount the budgets extractor takes for the document (extractors.budgets._pick)."""
    own = [r for r in facts.budgets if r.get("source") == "text" and not r.get("is_part")]
    for role in roles:
        for strength in sorted(set(_STRENGTH.values()), reverse=True):
            hit = next((r for r in own if r.get("role") == role and _STRENGTH.get(r.get("cue")) == strength), None)
            if hit is not None:
                return hit
    return None


def _amount_span(facts: Facts, role: str, amount: Decimal | None) -> tuple[int, int]:
    rows = [r for r in facts.budgets if r.get("role") == role and not r.get("is_part")]
    hit = next((r for r in rows if number(r.get("amount_yuan")) == amount), rows[0] if rows else None)
    if hit is None:
        return line_at(facts.text, 0)
    return int(hit["char_start"]), int(hit["char_end"])


def _pct(value: Decimal) -> str:
    return f"{format(value.normalize(), 'f')}%"


def _wan(amount: Decimal) -> str:
    return format((amount / 10000).normalize(), "f")


RATE_MISMATCH = Rule("rate_mismatch", ERROR, "执行率与执行数/预算数不符", rate_mismatch)
OVERSPEND_UNEXPLAINED = Rule("overspend_unexplained", WARNING, "超预算支出未说明原因", overspend_unexplained)
BUDGET_TEXT_TABLE = Rule("budget_text_table", WARNING, "正文与自评表金额不一致", budget_text_table)
