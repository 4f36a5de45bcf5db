"""Inconsistencies planted in the sample archive for the review checks (pipeline.checks), and
the gold `checks` of every report: what a reviewer finds in it, as {"rule", "value"}.

Two kinds of plant:
- in the story (corpus/story.py), where the figures themselves are odd: mediation 2023 spends
  more than its budget and says nothing about it; legal-aid 2022 gives its missed 案件办理数量
  full marks and legal-aid 2023 scores 受援人满意度 above its 分值; student-aid 2023 copies a
  problem from 2022 word for word;
- here (PLANTS), where one report writes a figure that disagrees with the rest of it: a
  mistyped rate, a prose budget the 自评表 does not have, 其中 rows that do not add up, a 总分
  row off its items, a wrong 分值, a reason cell saying "below target" for a row that met it,
  an empty target or result cell, a missing 存在问题 part.

`gold_checks` derives the expected findings from the composed report — the plants it carries
and what its story makes a reviewer see anyway (a high self-score with low execution, a list
of indicators without results, a text table whose 总分 counts a row it does not list).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from corpus import fmt

HIGH_SELF_SCORE, LOW_EXECUTION_RATE, MISSED_INDICATORS, RESULTS_MISSING_AS_ONE = 90, 85, 2, 3
SAME_WORDING = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Plant:
    """One report's planted inconsistency; each knob is read by the one place that writes it."""

    rule: str
    stated_rate: Decimal | None = None  # rate_mismatch: the rate the text writes
    prose_budget: Decimal | None = None  # budget_text_table: the budget the prose writes
    part_cell: tuple[int, Decimal] | None = None  # (column 1–3, amount) of the 当年财政拨款 row
    score_offset: Decimal | None = None  # score_sum: the 总分 row and the text are off by this
    shown_weight: tuple[str, int] | None = None  # weight_sum: (indicator, the 分值 the table shows)
    reason: tuple[str, str] | None = None  # missed_but_met: (indicator, its reason cell)
    blank: tuple[str, str] | None = None  # (indicator, "target" | "actual"): an empty cell
    drop_part: str | None = None  # missing_parts: the part the report leaves out


PLANTS: dict[tuple[str, int], Plant] = {
    # 95.01% typed with two digits swapped.
    ("school-repair", 2022): Plant("rate_mismatch", stated_rate=Decimal("95.10")),
    # the prose writes 650万元 for the 560万元 the 自评表 (and the budget) says.
    ("school-repair", 2020): Plant("budget_text_table", prose_budget=Decimal("6500000")),
    # 当年财政拨款 spent 449.12 of a 439.12 total.
    ("reservoir", 2020): Plant("parts_exceed_total", part_cell=(3, Decimal("4491200"))),
    # 当年财政拨款 760 + 上年结转 0 + 其他资金 0 under a 780 total.
    ("school-repair", 2023): Plant("parts_short_of_total", part_cell=(1, Decimal("7600000"))),
    # the 总分 row (and the text) one point above what the rows add up to.
    ("rural-water", 2022): Plant("score_sum", score_offset=Decimal(1)),
    # 受益农村人口 shown with 分值 15 instead of 10: the 分值 add up to 105.
    ("rural-water", 2023): Plant("weight_sum", shown_weight=("people", 15)),
    # 受助学生及家长满意度 met its target, lost a point, and the reason cell says it fell short.
    ("student-aid", 2022): Plant("missed_but_met", reason=("satisfaction", "实际完成值略低于目标值，详见报告存在问题部分")),
    # 法律咨询接待人次 with its 指标值 cell left empty.
    ("legal-aid", 2021): Plant("target_missing", blank=("consult", "target")),
    # 工程按期完工率 with its 实际完成值 cell left empty.
    ("rural-water", 2019): Plant("result_missing", blank=("ontime", "actual")),
    # no 存在问题 part at all (the year found none, and the report says nothing about it).
    ("reservoir", 2023): Plant("missing_parts", drop_part="存在问题"),
}
NO_PLANT = Plant("")


def plant_for(slug: str, year: int) -> Plant:
    return PLANTS.get((slug, year), NO_PLANT)


def gold_checks(ctx, prefix) -> list[dict]:
    """The findings a reviewer makes in the composed report `ctx` (corpus.compose.Ctx);
    `prefix` cuts a problem to the start the gold keeps of it (compose.gold_prefix)."""
    found = list(ctx.checks)  # what the composition recorded as it wrote a plant
    f, budget = ctx.f, ctx.budget_gold
    if f.funds.actual > f.budget_used * Decimal("1.0005"):
        found.append({"rule": "overspend_unexplained", "value": fmt.json_number(f.funds.actual)})
    for iy in ctx.table_rows:
        met = _met(iy)
        weight = ctx.shown_weights.get(iy.indicator.key, iy.indicator.weight)
        if iy.score > weight:
            found.append({"rule": "score_over_weight", "value": fmt.json_number(iy.score)})
        if met is False and iy.score == weight:
            found.append({"rule": "met_but_missed", "value": ctx.actual_raw(iy)})
    found += _results_missing(ctx)
    score = f.score + (ctx.plant.score_offset or 0)
    rate = Decimal(str(budget["execution_rate_computed_pct"]))
    missed = sum(_met(iy) is False for iy in f.indicators
                 if ctx.indicators_gold[iy.indicator.key]["actual_raw"] is not None)
    if ctx.score_stated and score >= HIGH_SELF_SCORE and (rate < LOW_EXECUTION_RATE or missed >= MISSED_INDICATORS):
        found.append({"rule": "high_self_score", "value": fmt.json_number(score.normalize())})
    found += [{"rule": "recurring_problem", "value": prefix(text)} for text in _copied_problems(ctx)]
    return found


def _met(iy) -> bool | None:
    op = iy.indicator.op
    if not op:
        return None
    return iy.actual <= iy.target if op == "≤" else iy.actual >= iy.target


def _results_missing(ctx) -> list[dict]:
    rows = [g for g in ctx.indicators_gold.values() if g["target_raw"] is not None]
    missing = [g for g in rows if g["actual_raw"] is None]
    if len(missing) == len(rows) >= RESULTS_MISSING_AS_ONE:
        return [{"rule": "result_missing", "value": len(rows)}]
    return [{"rule": "result_missing", "value": g["name"]} for g in missing]


def _copied_problems(ctx) -> list[str]:
    """Problems written again word for word the year after (story: student-aid 2023)."""
    before = {_wording(item.text) for item in ctx.proj.problems.get(ctx.year - 1) or []}
    return [item.text for item in ctx.f.problems if _wording(item.text) in before]


def _wording(text: str) -> str:
    return SAME_WORDING.sub("", text)
