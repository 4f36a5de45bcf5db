"""Score predicted tables against gold files, by the rules of ../shared/gold/README.md.

    from pipeline.evaluate import score
    from pipeline.evaluate.formatting import format_findings, format_scores
    from pipeline.evaluate.gold import load_gold
    from pipeline.evaluate.predictions import predictions_from_tables

    scores = score(load_gold("gold"), predictions_from_tables(store.load("outputs")))
    print(format_scores(scores)); print(format_findings(scores))

`score` asks each family's scorer (families.py, fields.py) for its points and counts them
(tally.py); titles, items and figures are read by the scorer's own rules (normalise.py).

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
- checks (not in README.md yet; scored the way the list families are): gold `checks` is a list
  of {"rule": id, "value": what the document states}; a predicted checks row matches when its
  rule is the same and its value_stated agrees — a numeric gold value within 0.01 of
  value_stated read as a number, a text one contained in it once whitespace is removed from
  both. One-to-one (maximum matching); unmatched predictions are false positives, unmatched
  gold items misses; `"checks": []` makes every finding on that report a false positive. Every
  severity counts. Findings across years (recurring_problem) are computed here when the tables
  come from `run` without alignment (`jixiao eval --docs`); an extraction's checks table has them.
- A gold file whose document is missing from the predictions, or has status 'error', is
  scored against an empty prediction: recall 0 on every non-null field. Documents without a
  gold file are ignored. Gold "NAME.txt" matches "NAME.docx"/"NAME.pdf" (any suffix, same
  stem) only with match_stem=True, and an exact name always wins.
- Two predicted documents with the same file name cannot be told apart by a gold file:
  predictions_from_tables raises JixiaoError.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Iterable

from pipeline.core.errors import JixiaoError
from pipeline.evaluate.families import FAMILIES
from pipeline.evaluate.gold import Gold
from pipeline.evaluate.predictions import Prediction
from pipeline.evaluate.tally import MATCH, DocumentScore, Finding, Scores, Tally


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
