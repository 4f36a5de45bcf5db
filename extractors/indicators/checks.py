"""Arithmetic checks on indicator tables: scores within their weights, and scores and weights
adding up to the total the table (总分/合计 row) or the report (自评得分) states.

A mismatch becomes a warning on the document; no number is ever changed to make it fit.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from extractors.form.indicators import ScoreBlock

# The scale of a self-evaluation score when the table states none.
FULL_MARKS = Decimal(100)


def score_warnings(blocks: list[ScoreBlock], self_score: Decimal | None) -> list[str]:
    """`self_score` stands in for the total of a table that has no total row of its own."""
    warnings = []
    for block in blocks:
        for name, weight, score in zip(block.names, block.weights, block.scores):
            if weight and score > weight:
                warnings.append(f"indicator {name}: score {score} exceeds its weight {weight} ({block.where})")
        total, stated, scale = block.total_score, "总分 row", block.total_weight
        if total is None and self_score is not None:
            total, stated, scale = self_score, "self-evaluation score", block.total_weight or FULL_MARKS
        warnings += _sum_warnings(block, total, stated, scale)
    return warnings


def _sum_warnings(block: ScoreBlock, total: Decimal | None, stated: str, scale: Decimal | None) -> list[str]:
    scores, weights = sum(block.scores, Decimal(0)), sum(block.weights, Decimal(0))
    scores_ok = total is None or not any(block.scores) or _adds_up(scores, block.budget_score, total)
    weights_ok = scale is None or not any(block.weights) or _adds_up(weights, block.budget_weight, scale)
    if scores_ok and weights_ok:
        return []
    if not weights_ok and not scores_ok and Decimal(0) <= total - scores <= scale - weights:
        # The usual cause: the table leaves out a row it counts, most often budget execution.
        return [f"indicator weights add up to {weights} of {scale} and scores to {scores} of the {total} "
                f"in the {stated}: {total - scores} points come from rows the table does not list "
                f"({block.where})"]
    warnings = []
    if not scores_ok:
        warnings.append(_mismatch("scores", scores, block.budget_score, stated, total, block.where))
    if not weights_ok and block.total_weight is not None:
        warnings.append(_mismatch("weights", weights, block.budget_weight, "总分 row", scale, block.where))
    return warnings


def _mismatch(what: str, added: Decimal, budget: Decimal | None, stated: str, total: Decimal, where: str) -> str:
    with_budget = f" (+{budget} for budget execution)" if budget is not None else ""
    return f"indicator {what} add up to {added}{with_budget} but the {stated} is {total} ({where})"


def _adds_up(added: Decimal, budget: Decimal | None, total: Decimal) -> bool:
    """A 自评表's total may or may not count its budget-execution points; either reading holds."""
    return _agrees(added, total) or (budget is not None and _agrees(added + budget, total))


def _agrees(added: Decimal, total: Decimal) -> bool:
    """Equal at the precision the total is written in: a total of 96 holds 95.98 rounded."""
    return added.quantize(Decimal(1).scaleb(min(total.as_tuple().exponent, 0)), ROUND_HALF_UP) == total
