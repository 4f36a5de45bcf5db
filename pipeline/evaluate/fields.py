"""Scalar gold fields (metadata, budget, score): where the prediction keeps each one and how
the two compare. Tolerances are inclusive and exact (Decimal)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Iterable

from pipeline.evaluate.gold import Gold
from pipeline.evaluate.normalise import WHITESPACE
from pipeline.evaluate.predictions import Prediction, number
from pipeline.evaluate.tally import FALSE_POSITIVE, MATCH, MISS, WRONG, Point

MONEY_TOLERANCE = Decimal("0.5")
RATE_TOLERANCE = Decimal("0.01")
SCORE_TOLERANCE = Decimal("0.01")


def _within(tolerance: Decimal) -> Callable[[Any, Any], bool]:
    def same(gold: Any, predicted: Any) -> bool:
        g, p = number(gold), number(predicted)
        return g is not None and p is not None and abs(g - p) <= tolerance
    return same


def _same_without_spaces(gold: Any, predicted: Any) -> bool:
    return WHITESPACE.sub("", str(gold)) == WHITESPACE.sub("", str(predicted))


def _same_integer(gold: Any, predicted: Any) -> bool:
    g, p = number(gold), number(predicted)
    return g is not None and g == p and g == g.to_integral_value()


def _contained(gold: Any, predicted: Any) -> bool:
    return str(gold) in str(predicted)


def _exact(gold: Any, predicted: Any) -> bool:
    return gold == predicted


def _field_point(name: str, gold: Any, predicted: Any, same: Callable[[Any, Any], bool],
                 evidence: str | None = None) -> Point | None:
    """One scalar gold field; None when gold and prediction are both null (a true negative)."""
    if gold is None:
        return None if predicted is None else Point(FALSE_POSITIVE, name, None, predicted, evidence)
    if predicted is None:
        return Point(MISS, name, gold, None, evidence)
    kind = MATCH if same(gold, predicted) else WRONG
    return Point(kind, name, gold, predicted, evidence)


@dataclass(frozen=True)
class FieldRule:
    """A scalar gold field: its key, where the prediction keeps it, and how they compare."""

    gold_key: str
    attribute: str
    same: Callable[[Any, Any], bool]


METADATA_RULES = (
    FieldRule("department", "department", _same_without_spaces),
    FieldRule("region", "region", _same_without_spaces),
    FieldRule("year", "year", _same_integer),
    FieldRule("project_contains", "project", _contained),
    FieldRule("report_kind", "report_kind", _exact),
)
BUDGET_RULES = (
    FieldRule("budget_yuan", "budget_yuan", _within(MONEY_TOLERANCE)),
    FieldRule("actual_yuan", "actual_yuan", _within(MONEY_TOLERANCE)),
    FieldRule("execution_rate_pct", "execution_rate_stated_pct", _within(RATE_TOLERANCE)),
    FieldRule("execution_rate_computed_pct", "execution_rate_computed_pct", _within(RATE_TOLERANCE)),
)
SCORE_RULE = FieldRule("score", "self_score", _within(SCORE_TOLERANCE))


def _score_fields(gold: dict | None, prediction: Prediction, rules: Iterable[FieldRule]) -> list[Point]:
    gold = {rule.gold_key: None for rule in rules} if gold is None else gold  # null object: all null
    points = []
    for rule in rules:
        if rule.gold_key in gold:
            point = _field_point(rule.gold_key, gold[rule.gold_key], getattr(prediction, rule.attribute),
                                 rule.same, prediction.evidence.get(rule.attribute))
            if point:
                points.append(point)
    return points


def score_metadata(gold: Gold, prediction: Prediction) -> list[Point]:
    return _score_fields(gold.fields["metadata"], prediction, METADATA_RULES)


def score_budget(gold: Gold, prediction: Prediction) -> list[Point]:
    return _score_fields(gold.fields["budget"], prediction, BUDGET_RULES)


def score_score(gold: Gold, prediction: Prediction) -> list[Point]:
    return _score_fields({"score": gold.fields["score"]}, prediction, [SCORE_RULE])
