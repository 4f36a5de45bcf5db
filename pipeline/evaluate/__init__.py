"""Score predicted tables against gold files, by the rules of ../shared/gold/README.md.

    golds = load_gold(Path("gold"))
    scores = score(golds, predictions_from_tables(store.load("outputs")))
    print(format_scores(scores)); print(format_findings(scores))

Every gold field is worth one point. Each family scorer turns (gold, prediction) into a list
of `Point`s: "match" (tp), "miss" (fn), "false_positive" (fp) or "wrong" (fp + fn: a value
was predicted but it is not the gold one). Tallies and `--explain` findings are both read off
those points, so the two can never disagree.

Readings chosen where README.md leaves room (kept here so `jixiao eval` users can check them):
- Absent gold field: not scored. `null` gold: a predicted value is a false positive; a
  predicted null earns nothing (a true negative is neither rewarded nor penalised). A `null`
  metadata/budget object means every field in it is null; a `null` list means an empty list.
- Zero denominators give 0.0 (no predictions → precision 0.0); a family with no points at
  all has P/R/F1 None and is printed as "-".
- Tolerances are inclusive and exact (Decimal): a budget 0.5 yuan off still matches.
- execution_rate_pct is the rate *stated* in the text (documents.execution_rate_stated_pct);
  execution_rate_computed_pct is actual/budget*100 from the predicted amounts, rounded half-up
  to 2 decimals.
- project_contains and report_kind are compared as written (no space removal); department and
  region with all whitespace removed.
- sections_top: numbering and whitespace are stripped from gold and predicted titles; a greedy
  in-order walk matches each gold title to the next predicted top-level title containing it.
  Predicted top-level titles left unmatched are false positives.
- indicators: names are compared after NFKC and removal of whitespace and punctuation; the
  rapidfuzz ratio (>= 85) is taken on those normalised names. Pairs are made one-to-one, best
  similarity first. A pair is correct when target_value agrees (both null counts as equal) and,
  where gold has actual_raw, the predicted actual_raw contains the gold's digits ("12人" → "12";
  thousands separators dropped on both sides; a gold actual_raw without digits must then be
  contained whole). A matched but incorrect pair is "wrong" (fp + fn).
- counts: (value, unit, approx) with value compared numerically, unit without whitespace and a
  null approx read as False. A prediction that matches a gold count is a true positive, even
  when its raw or evidence contains a counts_optional string; only an unmatched prediction
  that contains one is neither rewarded nor penalised. Predictions without an optional
  string take the gold counts first, so an optional one never leaves a plain one unmatched.
- problems / suggestions: "X是" and numbering are stripped from predictions, whitespace from
  both sides; a prediction matches a gold item when it starts with it or its first 40
  characters contain it whole. Matching is a maximum one-to-one matching, so an early short
  gold item cannot take the only prediction a later one could use.
- text_contains: plain substring of doc_text.text; one tp or fn per string.
- A gold file whose document is missing from the predictions, or has status 'error', is
  scored against an empty prediction: recall 0 on every non-null field. Documents without a
  gold file are ignored. Gold "NAME.txt" matches "NAME.docx"/"NAME.pdf" (any suffix, same
  stem) only with match_stem=True, and an exact name always wins.
- Two predicted documents with the same file name cannot be told apart by a gold file:
  predictions_from_tables raises JixiaoError.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import PurePath
from typing import Any, Callable, Iterable

import pandas as pd
from rapidfuzz import fuzz

from pipeline.core.errors import JixiaoError
from pipeline.evaluate.gold import Gold, documents_for, load_gold, parse_gold  # noqa: F401 - the eval API

# --- Rules -------------------------------------------------------------------------------

MONEY_TOLERANCE = Decimal("0.5")
RATE_TOLERANCE = Decimal("0.01")
SCORE_TOLERANCE = Decimal("0.01")
TARGET_TOLERANCE = Decimal("1e-9")
NAME_SIMILARITY_MIN = 85
ITEM_WINDOW = 40  # problems/suggestions: gold must lie within the first 40 characters

_CN_NUM = "一二三四五六七八九十百零〇两"
# Leading numbering of a title or an item: 一、 1、 1. 1.2 （一） (1) ① Ⅰ、 第一部分 第二章 第一，
# Digits need a numbering mark that cannot start a number ("3.5万元", "1,234人" keep their digits).
_NUMBERING = re.compile(
    rf"""^\s*(?:
        第[{_CN_NUM}\d]+(?:(?:部分|章|节|篇|条)[、，,：:．.]?|[、，,：:．.])
      | [（(][{_CN_NUM}\d]+[）)][、，,．.]?
      | [{_CN_NUM}]+[、，,．.：:]
      | \d+(?:[.．]\d+)+(?=[\s、])[、]?
      | \d+(?:[、)）]|[.．:：](?!\d))
      | [①-⑳⑴-⒇⒈-⒛]
      | [ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、，,．.]?
    )""",
    re.VERBOSE,
)
_ORDINAL_IS = re.compile(r"^[一二三四五六七八九十]+是")  # 一是 二是 … 十一是
_WHITESPACE = re.compile(r"\s+")
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3})")
_DIGITS = re.compile(r"[\d.]")


# --- Predictions -------------------------------------------------------------------------

@dataclass(frozen=True)
class PredictedIndicator:
    name: str | None
    target_value: Decimal | str | None
    actual_raw: str | None
    evidence: str | None = None


@dataclass(frozen=True)
class PredictedCount:
    value: Decimal | None
    unit: str | None
    approx: bool
    raw: str | None = None
    evidence: str | None = None


@dataclass
class Prediction:
    """What the pipeline found for one document, in the shape the gold files use."""

    file: str
    status: str = "ok"
    error: str | None = None
    department: str | None = None
    region: str | None = None
    year: Decimal | None = None
    project: str | None = None
    report_kind: str | None = None
    sections_top: list[str] = field(default_factory=list)
    budget_yuan: Decimal | None = None
    actual_yuan: Decimal | None = None
    execution_rate_stated_pct: Decimal | None = None
    self_score: Decimal | None = None
    indicators: list[PredictedIndicator] = field(default_factory=list)
    counts: list[PredictedCount] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    text: str = ""
    # Evidence for scalar fields, where a fact table holds it (budget amounts).
    evidence: dict[str, str] = field(default_factory=dict)

    @property
    def readable(self) -> bool:
        return self.status not in ("error", "missing")

    @property
    def execution_rate_computed_pct(self) -> Decimal | None:
        """Derived from the predicted amounts, so it can never disagree with them."""
        if self.budget_yuan is None or self.actual_yuan is None or self.budget_yuan == 0:
            return None
        rate = self.actual_yuan / self.budget_yuan * 100
        return rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def predictions_from_tables(tables: dict[str, Any]) -> dict[str, Prediction]:
    """Predictions keyed by file name, from `RunResult.tables` or `store.load()` frames."""
    rows = {name: _records(value) for name, value in tables.items()}
    documents = rows.get("documents", [])
    copies = Counter(doc["doc_id"] for doc in documents)
    by_doc = {name: _group(rows.get(name, []), copies)
              for name in ("doc_text", "sections", "budgets", "indicators", "counts",
                           "problems", "suggestions")}
    predictions: dict[str, Prediction] = {}
    paths: dict[str, str] = {}
    for doc in documents:
        name = _basename(doc.get("source_path") or "")
        if name in predictions:
            raise JixiaoError(
                f'two documents are named "{name}" ({paths[name]}, {doc.get("source_path")}): '
                "gold files match documents by file name, so evaluate them one folder at a time"
            )
        paths[name] = doc.get("source_path")
        facts = {table: grouped.get(doc["doc_id"], []) for table, grouped in by_doc.items()}
        predictions[name] = _prediction(name, doc, facts)
    return predictions


def _prediction(name: str, doc: dict, facts: dict[str, list[dict]]) -> Prediction:
    top = sorted((s for s in facts["sections"] if s.get("level") == 1),
                 key=lambda s: (s.get("char_start") is None, s.get("char_start") or 0))
    return Prediction(
        file=name,
        status=doc.get("status") or "ok",
        error=doc.get("error"),
        department=doc.get("department"),
        region=doc.get("region"),
        year=_number(doc.get("year")),
        project=doc.get("project"),
        report_kind=doc.get("report_kind"),
        sections_top=[(s.get("numbering") or "") + (s.get("title") or "") for s in top],
        budget_yuan=_number(doc.get("budget_yuan")),
        actual_yuan=_number(doc.get("actual_yuan")),
        execution_rate_stated_pct=_number(doc.get("execution_rate_stated_pct")),
        self_score=_number(doc.get("self_score")),
        indicators=[PredictedIndicator(name=r.get("name"), target_value=_number_or_text(r.get("target_value")),
                                       actual_raw=r.get("actual_raw"),
                                       evidence=r.get("evidence") or r.get("raw"))
                    for r in facts["indicators"]],
        counts=[PredictedCount(value=_number(r.get("value")), unit=r.get("unit"),
                               approx=bool(r.get("approx")), raw=r.get("raw"), evidence=r.get("evidence"))
                for r in facts["counts"]],
        problems=[r.get("text") or "" for r in facts["problems"]],
        suggestions=[r.get("text") or "" for r in facts["suggestions"]],
        text="\n".join(r.get("text") or "" for r in facts["doc_text"]),
        evidence=_budget_evidence(doc, facts["budgets"]),
    )


def _budget_evidence(doc: dict, budgets: list[dict]) -> dict[str, str]:
    """The budgets row behind documents.budget_yuan / actual_yuan, for --explain."""
    evidence = {}
    for fld, role in (("budget_yuan", "budget"), ("actual_yuan", "actual")):
        amount = _number(doc.get(fld))
        for row in budgets:
            if row.get("role") == role and amount is not None and _number(row.get("amount_yuan")) == amount:
                evidence[fld] = row.get("evidence") or row.get("raw") or ""
                break
    return evidence


def _records(table: Any) -> list[dict]:
    """Rows as dicts with pandas' missing markers (NaN, NA, NaT) turned into None."""
    if hasattr(table, "to_dict"):
        table = table.to_dict("records")
    return [{key: _none_if_missing(value) for key, value in row.items()} for row in table]


def _none_if_missing(value: Any) -> Any:
    if value is None or isinstance(value, (str, bytes, bool, Decimal)):
        return value
    try:
        return None if bool(pd.isna(value)) else value
    except (TypeError, ValueError):  # array-like cells: never "missing" as a whole
        return value


def _group(rows: list[dict], copies: Counter) -> dict[str, list[dict]]:
    """Rows per doc_id, in table order.

    Two files with the same bytes share a doc_id, so each of their rows is in the table once
    per copy; keep one copy's share so a duplicated file does not double its facts.
    """
    totals = Counter(_row_key(row) for row in rows)
    kept: Counter = Counter()
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        key = _row_key(row)
        if kept[key] >= max(1, totals[key] // max(1, copies.get(row.get("doc_id"), 1))):
            continue
        kept[key] += 1
        grouped.setdefault(row.get("doc_id"), []).append(row)
    return grouped


def _row_key(row: dict) -> tuple:
    return tuple(sorted((k, repr(v)) for k, v in row.items()))


def _basename(path: str) -> str:
    return re.split(r"[\\/]", str(path))[-1]


# --- Points, tallies, findings -----------------------------------------------------------

MATCH, MISS, FALSE_POSITIVE, WRONG = "match", "miss", "false_positive", "wrong"


@dataclass(frozen=True)
class Point:
    kind: str  # match | miss | false_positive | wrong
    field: str
    gold: Any = None
    predicted: Any = None
    evidence: str | None = None


@dataclass(frozen=True)
class Finding:
    """A point that was not earned, for `jixiao eval --explain`."""

    doc: str
    family: str
    kind: str  # miss | false_positive | wrong
    field: str
    gold: Any
    predicted: Any
    evidence: str | None


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @classmethod
    def of(cls, points: Iterable[Point]) -> Tally:
        tally = cls()
        for point in points:
            tally.tp += point.kind == MATCH
            tally.fp += point.kind in (FALSE_POSITIVE, WRONG)
            tally.fn += point.kind in (MISS, WRONG)
        return tally

    @property
    def scored(self) -> bool:
        return bool(self.tp or self.fp or self.fn)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp) if self.scored else None

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn) if self.scored else None

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn) if self.scored else None


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


# --- Comparisons -------------------------------------------------------------------------

def _number(value: Any) -> Decimal | None:
    """Any numeric value (int, float, Decimal, numpy scalar, numeric text) as a Decimal."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    try:
        number = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _number_or_text(value: Any) -> Decimal | str | None:
    number = _number(value)
    return number if number is not None or value is None else str(value)


def _within(tolerance: Decimal) -> Callable[[Any, Any], bool]:
    def same(gold: Any, predicted: Any) -> bool:
        g, p = _number(gold), _number(predicted)
        return g is not None and p is not None and abs(g - p) <= tolerance
    return same


def _same_without_spaces(gold: Any, predicted: Any) -> bool:
    return _WHITESPACE.sub("", str(gold)) == _WHITESPACE.sub("", str(predicted))


def _same_integer(gold: Any, predicted: Any) -> bool:
    g, p = _number(gold), _number(predicted)
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


# --- One scorer per family ---------------------------------------------------------------

def score_metadata(gold: Gold, prediction: Prediction) -> list[Point]:
    return _score_fields(gold.fields["metadata"], prediction, METADATA_RULES)


def score_budget(gold: Gold, prediction: Prediction) -> list[Point]:
    return _score_fields(gold.fields["budget"], prediction, BUDGET_RULES)


def score_score(gold: Gold, prediction: Prediction) -> list[Point]:
    return _score_fields({"score": gold.fields["score"]}, prediction, [SCORE_RULE])


def strip_numbering(text: str) -> str:
    """Title without its leading numbering and without any whitespace."""
    # Numbering first: a space may be what ends it ("1.1 项目概况").
    return _WHITESPACE.sub("", _NUMBERING.sub("", text or "", count=1))


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


def normalise_name(name: str | None) -> str:
    """Indicator name without whitespace or punctuation (Chinese and ASCII), NFKC-folded."""
    text = unicodedata.normalize("NFKC", name or "")
    return "".join(ch for ch in text if not ch.isspace() and not unicodedata.category(ch).startswith("P"))


def _name_similarity(gold: str, predicted: str) -> float | None:
    """Similarity of normalised names, or None when they are not a match at all."""
    if not gold or not predicted:
        return None
    if gold == predicted:
        return 101.0  # an equal name beats any fuzzy one
    ratio = fuzz.ratio(gold, predicted)
    return ratio if ratio >= NAME_SIMILARITY_MIN else None


def _digits(raw: str) -> str:
    folded = _THOUSANDS.sub("", unicodedata.normalize("NFKC", raw))
    return "".join(_DIGITS.findall(folded))


def _actual_agrees(gold_raw: str | None, predicted_raw: str | None) -> bool:
    if gold_raw is None:
        return True
    if predicted_raw is None:
        return False
    wanted = _digits(gold_raw)
    if not wanted:
        return _WHITESPACE.sub("", gold_raw) in _WHITESPACE.sub("", predicted_raw)
    # A date's digits ("2022年12月" → "202212") stand apart in the text; compare digit runs too.
    folded = _THOUSANDS.sub("", unicodedata.normalize("NFKC", predicted_raw))
    return wanted in folded or wanted in _digits(predicted_raw)


def _target_agrees(gold: Any, predicted: Any) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = _number(gold), _number(predicted)
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
    number = _number(value)
    # Equal Decimals hash alike (350 == 350.0), so the key needs no further normalising.
    return (number, _WHITESPACE.sub("", unit or ""), bool(approx))


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


def normalise_item(text: str) -> str:
    """Problem/suggestion text without 一是/二是, leading numbering or whitespace."""
    text = (text or "").strip()
    while True:  # "1、一是…" carries two layers
        stripped = _ORDINAL_IS.sub("", _NUMBERING.sub("", text, count=1).lstrip(), count=1).lstrip()
        if stripped == text:
            return _WHITESPACE.sub("", text)
        text = stripped


def _item_matches(gold: str, predicted: str) -> bool:
    return bool(gold) and (predicted.startswith(gold) or gold in predicted[:ITEM_WINDOW])


def _score_items(wanted: list[str], found: list[str], field_name: str) -> list[Point]:
    gold = [_WHITESPACE.sub("", g) for g in wanted]
    predicted = [normalise_item(p) for p in found]
    pairs = _maximum_matching(len(gold), len(predicted), lambda g, p: _item_matches(gold[g], predicted[p]))
    points = [Point(MATCH, field_name, wanted[g], found[pairs[g]]) if g in pairs
              else Point(MISS, field_name, wanted[g], None) for g in range(len(gold))]
    matched = set(pairs.values())
    points += [Point(FALSE_POSITIVE, field_name, None, found[p], found[p])
               for p in range(len(found)) if p not in matched]
    return points


def _maximum_matching(n_gold: int, n_pred: int, edge: Callable[[int, int], bool]) -> dict[int, int]:
    """Largest one-to-one gold→prediction matching (augmenting paths; lists here are short)."""
    owner: dict[int, int] = {}  # prediction → gold

    def augment(g: int, seen: set[int]) -> bool:
        for p in range(n_pred):
            if p not in seen and edge(g, p):
                seen.add(p)
                if p not in owner or augment(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return {g: p for p, g in owner.items()}


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
)


# --- Scoring a set of documents ----------------------------------------------------------

@dataclass
class DocumentScore:
    doc: str  # the gold file's `file`
    predicted_file: str | None  # the prediction it was scored against (None: not found)
    status: str  # ok | partial | error | missing
    error: str | None
    families: dict[str, Tally]

    @property
    def micro(self) -> Tally:
        return _sum(self.families.values())


@dataclass
class Scores:
    families: dict[str, Tally]
    documents: list[DocumentScore]
    findings: list[Finding]

    @property
    def micro(self) -> Tally:
        return _sum(self.families.values())

    @property
    def unreadable(self) -> list[DocumentScore]:
        return [d for d in self.documents if d.status in ("error", "missing")]


def _sum(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for tally in tallies:
        total.add(tally)
    return total


def score(golds: Iterable[Gold], predictions: dict[str, Prediction], match_stem: bool = False) -> Scores:
    totals = {family.name: Tally() for family in FAMILIES}
    documents, findings = [], []
    for gold in golds:
        found = _find_prediction(gold.file, predictions, match_stem)
        # An unread document earns nothing, whatever rows a failed run may have left behind.
        prediction = found if found is not None and found.readable else Prediction(file=gold.file, status="missing")
        per_family = {}
        for family in FAMILIES:
            if family.gold_key not in gold.fields:
                continue
            points = family.scorer(gold, prediction)
            per_family[family.name] = Tally.of(points)
            totals[family.name].add(per_family[family.name])
            findings += [Finding(gold.file, family.name, p.kind, p.field, p.gold, p.predicted, p.evidence)
                         for p in points if p.kind != MATCH]
        documents.append(DocumentScore(
            doc=gold.file,
            predicted_file=found.file if found else None,
            status=found.status if found else "missing",
            error=found.error if found else "no document with this name among the predictions",
            families=per_family,
        ))
    return Scores(families=totals, documents=documents, findings=findings)


def _find_prediction(name: str, predictions: dict[str, Prediction], match_stem: bool) -> Prediction | None:
    if name in predictions or not match_stem:
        return predictions.get(name)
    stem = PurePath(name).stem
    candidates = sorted(n for n in predictions if PurePath(n).stem == stem)
    if len(candidates) > 1:
        raise JixiaoError(f'gold "{name}" matches {", ".join(candidates)} by stem: evaluate one rendering at a time')
    return predictions[candidates[0]] if candidates else None


# --- Text output -------------------------------------------------------------------------

def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_scores(scores: Scores) -> str:
    """A plain-text table: one line per family, then the micro total."""
    header = f"{'family':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
    lines = [header, "-" * len(header)]
    rows = list(scores.families.items()) + [("micro", scores.micro)]
    for name, t in rows:
        if name == "micro":
            lines.append("-" * len(header))
        lines.append(f"{name:<14}{_fmt(t.precision):>7}{_fmt(t.recall):>7}{_fmt(t.f1):>7}"
                     f"{t.tp:>6}{t.fp:>6}{t.fn:>6}")
    lines.append(f"documents: {len(scores.documents)} scored")
    for doc in scores.unreadable:
        lines.append(f"  not read: {doc.doc} ({doc.error or doc.status})")
    return "\n".join(lines)


def _show(value: Any) -> str:
    """A gold or predicted value as a reader wants it: 12 not Decimal('12'), null not None."""
    if value is None:
        return "null"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):
        return "(" + ", ".join(_show(v) for v in value) + ")"
    return str(value)


def _short(value: Any, limit: int = 100) -> str:
    text = _WHITESPACE.sub(" ", _show(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_findings(scores: Scores) -> str:
    """Every miss, false positive and wrong value, grouped by document, with its evidence."""
    if not scores.findings:
        return "no misses or false positives"
    lines: list[str] = []
    status = {d.doc: d for d in scores.documents}
    current = None
    for f in scores.findings:
        if f.doc != current:
            current = f.doc
            doc = status[f.doc]
            note = f" — not read: {doc.error or doc.status}" if doc in scores.unreadable else ""
            lines.append(f"{f.doc}{note}")
        parts = [f"  {f.family:<12} {f.kind:<14} {f.field}"]
        if f.kind != FALSE_POSITIVE:
            parts.append(f"gold={_short(f.gold)}")
        if f.kind != MISS:
            parts.append(f"predicted={_short(f.predicted)}")
        if f.evidence:
            parts.append(f"evidence: {_short(f.evidence)}")
        lines.append("  ".join(parts))
    return "\n".join(lines)
