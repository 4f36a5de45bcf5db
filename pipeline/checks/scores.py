"""The 自评表's arithmetic: indicator scores within their weights (分值), and scores and weights
adding up to the total the table's 总分/合计 row states — or, for a table without one, to the
self-score the report states (and 100).

A 自评表's total may or may not count the points of its budget-execution row (预算执行率 10分);
either reading holds. The score blocks come from the form reader (extractors.form, and the
flattened tables of txt/PDF), so these rules need the Document and are skipped on stored
tables. (These checks were warnings of the indicators extractor before the checks table.)
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Iterator

from extractors.form.indicators import ScoreBlock, read_tables
from extractors.form.vocab import TOTAL_ROW, squash
from extractors.indicators.flat import read_flat
from pipeline.checks.model import ERROR, INFO, WARNING, Facts, Finding, Rule, line_at, number
from pipeline.checks.thresholds import FULL_MARKS

# How far below a table's last indicator row its 总分 row may be (page furniture between).
TOTAL_ROW_MAX_LINES = 6


def score_over_weight(facts: Facts) -> Iterator[Finding]:
    for row in facts.indicators:
        weight, score = number(row.get("weight")), number(row.get("score"))
        if weight and score is not None and score > weight:
            yield Finding(f"指标“{row['name']}”得分{_n(score)}分，超过其分值{_n(weight)}分",
                          int(row["char_start"]), int(row["char_end"]), stated=score, expected=weight)


def score_sum(facts: Facts) -> Iterator[Finding]:
    for block, verdict in _verdicts(facts):
        if verdict.scores_ok or verdict.unlisted:
            continue
        added = verdict.scores + (block.budget_score or 0)
        with_budget = (f"，加预算执行得分{_n(block.budget_score)}分共{_n(added)}分"
                       if block.budget_score is not None else "")
        start, end = _total_span(facts, block)
        yield Finding(f"各指标得分合计{_n(verdict.scores)}分{with_budget}，与{verdict.stated}{_n(verdict.total)}分不符",
                      start, end, stated=verdict.total, expected=added)


def weight_sum(facts: Facts) -> Iterator[Finding]:
    for block, verdict in _verdicts(facts):
        if verdict.weights_ok or verdict.unlisted or not verdict.weights_stated:
            continue
        added = verdict.weights + (block.budget_weight or 0)
        with_budget = (f"，加预算执行分值{_n(block.budget_weight)}分共{_n(added)}分"
                       if block.budget_weight is not None else "")
        start, end = _total_span(facts, block)
        yield Finding(f"各指标分值合计{_n(verdict.weights)}分{with_budget}，与总分行满分{_n(verdict.scale)}分不符",
                      start, end, stated=added, expected=verdict.scale)


def unlisted_points(facts: Facts) -> Iterator[Finding]:
    for block, verdict in _verdicts(facts):
        if not verdict.unlisted:
            continue
        start, end = _total_span(facts, block)
        weights = f"分值合计{_n(verdict.weights)}分、" if verdict.weights else ""
        yield Finding(f"表中各指标{weights}得分合计{_n(verdict.scores)}分，"
                      f"{verdict.stated}{_n(verdict.total)}分中有{_n(verdict.total - verdict.scores)}分"
                      f"来自表中未列出的行（如预算执行率）", start, end,
                      stated=verdict.total, expected=verdict.scores)


class _Verdict:
    """How a block's scores and weights stand against its total: the 总分 row, or the stated
    self-score standing in for a table without one."""

    def __init__(self, block: ScoreBlock, self_score: Decimal | None) -> None:
        self.total, self.stated, self.scale = block.total_score, "总分行", block.total_weight
        stand_in = self.total is None and self_score is not None
        if stand_in:
            self.total, self.stated = self_score, "自评得分"
            self.scale = block.total_weight or FULL_MARKS
        self.scores = sum(block.scores, Decimal(0))
        self.weights = sum(block.weights, Decimal(0))
        self.scores_ok = self.total is None or not any(block.scores) or _adds_up(self.scores, block.budget_score, self.total)
        self.weights_ok = (self.scale is None or not any(block.weights)
                           or _adds_up(self.weights, block.budget_weight, self.scale))
        # The table leaves out rows it counts (most often budget execution, or the 决策/过程
        # rows of a framework) when the points missing from its scores fit in the weight missing
        # from its weights — or, for a table of scores without weights under a stated
        # self-score, when the scores fall short of it.
        room, short = None, False
        if self.total is not None and any(block.weights):
            room = None if self.scale is None else self.scale - self.weights
            short = not self.weights_ok
        elif self.total is not None:
            room, short = self.total, stand_in
        self.unlisted = (not self.scores_ok and short and room is not None
                         and Decimal(0) <= self.total - self.scores <= room)
        self.weights_stated = block.total_weight is not None


def _verdicts(facts: Facts) -> Iterator[tuple[ScoreBlock, _Verdict]]:
    if facts.doc is None:
        return
    blocks = _blocks(facts)
    # A self-score stands in for the total of the one table that has no total row.
    stated = facts.fact("self_score") if len(blocks) == 1 and blocks[0].total_score is None else None
    for block in blocks:
        yield block, _Verdict(block, stated)


def _blocks(facts: Facts) -> list[ScoreBlock]:
    if "score_blocks" not in facts.cache:
        facts.cache["score_blocks"] = read_tables(facts.doc)[1] + read_flat(facts.doc)[1]
    return facts.cache["score_blocks"]


def _adds_up(added: Decimal, budget: Decimal | None, total: Decimal) -> bool:
    return _agrees(added, total) or (budget is not None and _agrees(added + budget, total))


def _agrees(added: Decimal, total: Decimal) -> bool:
    """Equal at the precision the total is written in: a total of 96 holds 95.98 rounded."""
    return added.quantize(Decimal(1).scaleb(min(total.as_tuple().exponent, 0)), ROUND_HALF_UP) == total


def _total_span(facts: Facts, block: ScoreBlock) -> tuple[int, int]:
    """The block's 总分 row, else its indicator rows (located once per block)."""
    spans = facts.cache.setdefault("total_spans", {})
    if id(block) not in spans:
        spans[id(block)] = _locate_total(facts, block)
    return spans[id(block)]


def _locate_total(facts: Facts, block: ScoreBlock) -> tuple[int, int]:
    names = set(block.names)
    # Blocks come in document order within their kind: a block's rows are the first rows with
    # its names after the block located before it.
    after = facts.cache.get("last_total_end", 0)
    rows = [r for r in facts.indicators if r.get("name") in names and int(r["char_start"]) >= after] \
        or [r for r in facts.indicators if r.get("name") in names]
    if not rows:
        return line_at(facts.text, 0)
    rows = rows[:len(block.names)]
    first, last = int(rows[0]["char_start"]), max(int(r["char_end"]) for r in rows)
    span = (first, last)
    cursor = line_at(facts.text, last)[1] + 1
    for _ in range(TOTAL_ROW_MAX_LINES):
        if cursor >= len(facts.text):
            break
        lo, hi = line_at(facts.text, cursor)
        if TOTAL_ROW.match(squash(facts.text[lo:hi])):
            span = (lo, hi)
            break
        cursor = hi + 1
    facts.cache["last_total_end"] = span[1]
    return span


def _n(value: Decimal) -> str:
    return format(Decimal(value).normalize(), "f")


SCORE_OVER_WEIGHT = Rule("score_over_weight", ERROR, "指标得分超过分值", score_over_weight)
SCORE_SUM = Rule("score_sum", ERROR, "得分合计与总分不符", score_sum)
WEIGHT_SUM = Rule("weight_sum", WARNING, "分值合计不等于满分", weight_sum)
UNLISTED_POINTS = Rule("unlisted_points", INFO, "总分含表中未列出的得分", unlisted_points)
