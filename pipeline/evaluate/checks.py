"""The `checks` family: review findings (pipeline.checks) against the gold's list of
{"rule": id, "value": what the document states}.

A predicted finding (a checks row) matches a gold one when the rule ids are equal and the
values agree: a numeric gold value is within CHECK_TOLERANCE of value_stated read as a number
(money in yuan, rates in percent, scores in points); a text gold value (an indicator's result
as written, a name, the start of a problem) is contained in value_stated once whitespace is
removed from both. Pairs are one-to-one (a maximum matching); every severity counts.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from pipeline.evaluate.gold import Gold
from pipeline.evaluate.matching import maximum_matching
from pipeline.evaluate.normalise import WHITESPACE
from pipeline.evaluate.predictions import Prediction, number
from pipeline.evaluate.tally import FALSE_POSITIVE, MATCH, MISS, Point

CHECK_TOLERANCE = Decimal("0.01")


def value_agrees(gold: Any, stated: Any) -> bool:
    if isinstance(gold, (int, float)) and not isinstance(gold, bool):
        predicted = number(stated)
        return predicted is not None and abs(Decimal(str(gold)) - predicted) <= CHECK_TOLERANCE
    if gold is None or stated is None:
        return gold is None and stated is None
    return WHITESPACE.sub("", str(gold)) in WHITESPACE.sub("", str(stated))


def score_checks(gold: Gold, prediction: Prediction) -> list[Point]:
    wanted = gold.fields["checks"] or []
    found = prediction.checks
    pairs = maximum_matching(len(wanted), len(found), lambda g, p: (
        wanted[g].get("rule") == found[p].rule and value_agrees(wanted[g].get("value"), found[p].value_stated)))
    points = []
    for g, item in enumerate(wanted):
        shown = f"{item.get('rule')}: {item.get('value')}"
        if g in pairs:
            hit = found[pairs[g]]
            points.append(Point(MATCH, "check", shown, f"{hit.rule}: {hit.value_stated}", hit.evidence))
        else:
            points.append(Point(MISS, "check", shown, None))
    matched = set(pairs.values())
    points += [Point(FALSE_POSITIVE, "check", None, f"{p.rule}: {p.value_stated} ({p.message})", p.evidence)
               for i, p in enumerate(found) if i not in matched]
    return points
