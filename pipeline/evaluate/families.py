"""One scorer per family of gold fields, and the table of families (FAMILIES).

A scorer takes a gold file and the prediction for its document and returns the points:
see tally.py. The scalar families (metadata, budget, score) live in fields.py.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

from rapidfuzz import fuzz

from pipeline.evaluate.checks import score_checks
from pipeline.evaluate.fields import score_budget, score_metadata, score_score
from pipeline.evaluate.gold import Gold
from pipeline.evaluate.matching import maximum_matching
from pipeline.evaluate.normalise import (
    WHITESPACE, digits, normalise_item, normalise_name, strip_numbering, without_thousands,
)
from pipeline.evaluate.predictions import Prediction, number
from pipeline.evaluate.tally import FALSE_POSITIVE, MATCH, MISS, WRONG, Point

TARGET_TOLERANCE = Decimal("1e-9")
NAME_SIMILARITY_MIN = 85
ITEM_WINDOW = 40  # problems/suggestions: gold must lie within the first 40 characters


def score_sections(gold: Gold, prediction: Prediction) -> list[Point]:
    wanted = [strip_numbering(t) for t in gold.fields["sections_top"] or []]
    titles = prediction.sections_top
    stripped = [strip_numbering(t) for t in titles]
    used: set[int] = set()
    points, start = [], 0
    for original, title in zip(gold.fields["sections_top"] or [], wanted):
        hit = next((k for k in range(start, len(stripped)) if title in stripped[k]), None)
        if hit is None:
            points.append(Point(MISS, "section", original, None))
        else:
            points.append(Point(MATCH, "section", original, titles[hit]))
            used.add(hit)
            start = hit + 1
    points += [Point(FALSE_POSITIVE, "section", None, titles[k]) for k in range(len(titles)) if k not in used]
    return points


def _name_similarity(gold: str, predicted: str) -> float | None:
    """Similarity of normalised names, or None when they are not a match at all."""
    if not gold or not predicted:
        return None
    if gold == predicted:
        return 101.0  # an equal name beats any fuzzy one
    ratio = fuzz.ratio(gold, predicted)
    return ratio if ratio >= NAME_SIMILARITY_MIN else None


def _actual_agrees(gold_raw: str | None, predicted_raw: str | None) -> bool:
    if gold_raw is None:
        return True
    if predicted_raw is None:
        return False
    wanted = digits(gold_raw)
    if not wanted:
        return WHITESPACE.sub("", gold_raw) in WHITESPACE.sub("", predicted_raw)
    # A date's digits ("2022年12月" → "202212") stand apart in the text; compare digit runs too.
    folded = without_thousands(predicted_raw)
    return wanted in folded or wanted in digits(predicted_raw)


def _target_agrees(gold: Any, predicted: Any) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = number(gold), number(predicted)
    if g is None or p is None:
        return str(gold).strip() == str(predicted).strip()
    return abs(g - p) <= TARGET_TOLERANCE


def score_indicators(gold: Gold, prediction: Prediction) -> list[Point]:
    wanted = gold.fields["indicators"] or []
    found = prediction.indicators
    pairs = _best_first_pairs([normalise_name(g.get("name")) for g in wanted],
                              [normalise_name(p.name) for p in found])
    points = []
    for gi, item in enumerate(wanted):
        shown = {k: item.get(k) for k in ("name", "target_value", "actual_raw")}
        if gi not in pairs:
            points.append(Point(MISS, "indicator", shown, None, item.get("target_raw")))
            continue
        hit = found[pairs[gi]]
        correct = (_target_agrees(item.get("target_value"), hit.target_value)
                   and _actual_agrees(item.get("actual_raw"), hit.actual_raw))
        predicted = {"name": hit.name, "target_value": hit.target_value, "actual_raw": hit.actual_raw}
        points.append(Point(MATCH if correct else WRONG, "indicator", shown, predicted, hit.evidence))
    matched = set(pairs.values())
    points += [Point(FALSE_POSITIVE, "indicator", None,
                     {"name": p.name, "target_value": p.target_value, "actual_raw": p.actual_raw}, p.evidence)
               for pi, p in enumerate(found) if pi not in matched]
    return points


def _best_first_pairs(gold: list[str], predicted: list[str]) -> dict[int, int]:
    """One-to-one gold→prediction pairs, taking the most similar names first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            similarity = _name_similarity(g, p)
            if similarity is not None:
                candidates.append((-similarity, gi, pi))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, gi, pi in sorted(candidates):
        if gi not in pairs and pi not in taken:
            pairs[gi] = pi
            taken.add(pi)
    return pairs


def _count_key(value: Any, unit: Any, approx: Any) -> tuple:
    # Equal Decimals hash alike (350 == 350.0), so the key needs no further normalising.
    return (number(value), WHITESPACE.sub("", unit or ""), bool(approx))


def score_counts(gold: Gold, prediction: Prediction) -> list[Point]:
    optional = gold.fields.get("counts_optional") or []

    def is_optional(count) -> bool:
        return any(o in (count.raw or "") or o in (count.evidence or "") for o in optional)

    remaining = Counter(_count_key(g.get("value"), g.get("unit"), g.get("approx")) for g in gold.fields["counts"] or [])
    points = []
    # Plain predictions first: a gold count should go to the one that would otherwise be a
    # false positive, not to an optional one that would cost nothing when left unmatched.
    for count in sorted(prediction.counts, key=is_optional):
        key = _count_key(count.value, count.unit, count.approx)
        if remaining[key] > 0:
            remaining[key] -= 1
            points.append(Point(MATCH, "count", key, key, count.raw))
        elif not is_optional(count):
            points.append(Point(FALSE_POSITIVE, "count", None, key, count.evidence or count.raw))
    for item in gold.fields["counts"] or []:  # the gold counts left over, with their evidence
        key = _count_key(item.get("value"), item.get("unit"), item.get("approx"))
        if remaining[key] > 0:
            remaining[key] -= 1
            points.append(Point(MISS, "count", key, None, item.get("evidence")))
    return points


def _item_matches(gold: str, predicted: str) -> bool:
    return bool(gold) and (predicted.startswith(gold) or gold in predicted[:ITEM_WINDOW])


def _score_items(wanted: list[str], found: list[str], field_name: str) -> list[Point]:
    gold = [WHITESPACE.sub("", g) for g in wanted]
    predicted = [normalise_item(p) for p in found]
    pairs = maximum_matching(len(gold), len(predicted), lambda g, p: _item_matches(gold[g], predicted[p]))
    points = [Point(MATCH, field_name, wanted[g], found[pairs[g]]) if g in pairs
              else Point(MISS, field_name, wanted[g], None) for g in range(len(gold))]
    matched = set(pairs.values())
    points += [Point(FALSE_POSITIVE, field_name, None, found[p], found[p])
               for p in range(len(found)) if p not in matched]
    return points


def score_problems(gold: Gold, prediction: Prediction) -> list[Point]:
    return _score_items(gold.fields["problems"] or [], prediction.problems, "problem")


def score_suggestions(gold: Gold, prediction: Prediction) -> list[Point]:
    return _score_items(gold.fields["suggestions"] or [], prediction.suggestions, "suggestion")


def score_text_contains(gold: Gold, prediction: Prediction) -> list[Point]:
    return [Point(MATCH if s in prediction.text else MISS, "text", s, s if s in prediction.text else None)
            for s in gold.fields["text_contains"] or []]


@dataclass(frozen=True)
class Family:
    name: str
    gold_key: str  # the gold field whose presence makes this family scored
    scorer: Callable[[Gold, Prediction], list[Point]]


FAMILIES: tuple[Family, ...] = (
    Family("metadata", "metadata", score_metadata),
    Family("sections", "sections_top", score_sections),
    Family("budget", "budget", score_budget),
    Family("score", "score", score_score),
    Family("indicators", "indicators", score_indicators),
    Family("counts", "counts", score_counts),
    Family("problems", "problems", score_problems),
    Family("suggestions", "suggestions", score_suggestions),
    Family("text_contains", "text_contains", score_text_contains),
    Family("checks", "checks", score_checks),
)
