"""Indicators against their own marks: a result that misses its target yet is marked met
(full marks, "已完成") and the reverse; a target or a result left out; and a high self-score
next to low budget execution or several missed indicators.

Whether a result meets its target is the indicators extractor's `achieved` (≥ ≤ = with units
that agree, less-is-better indicators read as such); where it could not tell (qualitative,
units that differ) no rule here says anything.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from extractors.form.vocab import NOT_APPLICABLE, squash
from pipeline.checks.model import WARNING, Facts, Finding, Rule, line_at, number, present, text_or_none
from pipeline.checks import thresholds as T

# What a row (its reason or remark cell) says about the indicator; a negation before a "met"
# word makes it a "missed" one.
MET_WORDS = re.compile(r"已完成|已达到|已达成|已实现|达到(?:年度)?目标|完成(?:了)?(?:年度)?目标|无偏差|达标")
# "未完全达到年度目标": a negation a few characters before a "met" word turns it round.
NEGATION = re.compile(r"[未没不尚][^，。；,;]{0,3}$")
MISSED_WORDS = re.compile(r"未完成|未达到|未达标|未实现|没有完成|没有达到|(?:略)?低于(?:年度)?目标")


def met_but_missed(facts: Facts) -> Iterator[Finding]:
    for row in facts.indicators:
        if _achieved(row) is not False:
            continue
        weight, score = number(row.get("weight")), number(row.get("score"))
        full = bool(weight) and score == weight
        said = _met_mark(_remarks(row)) if row.get("source") == "table" else None
        if not (full or said):
            continue
        mark = f"得满分{_n(score)}分" if full else f"标注“{said.group()}”"
        yield Finding(f"指标“{row['name']}”实际完成{row.get('actual_raw')}未达到目标{row.get('target_raw')}，却{mark}",
                      *_span(row), stated=row.get("actual_raw"), expected=row.get("target_raw"))


def missed_but_met(facts: Facts) -> Iterator[Finding]:
    for row in facts.indicators:
        if _achieved(row) is not True or row.get("source") != "table":
            continue
        said = MISSED_WORDS.search(_remarks(row))
        if said:
            yield Finding(f"指标“{row['name']}”实际完成{row.get('actual_raw')}已达到目标{row.get('target_raw')}，"
                          f"表中却写“{said.group()}”", *_span(row),
                          stated=row.get("actual_raw"), expected=row.get("target_raw"))


def target_missing(facts: Facts) -> Iterator[Finding]:
    # Results a report states in prose (source 'prose') are read only where it sets no
    # targets at all: they have none by construction, and that is missing_parts' business.
    for row in facts.indicators:
        if _missing(row.get("target_raw")) and row.get("source") != "prose":
            yield Finding(f"指标“{row['name']}”未填写目标值", *_span(row), stated=row["name"])


def result_missing(facts: Facts) -> Iterator[Finding]:
    if not facts.self_evaluation:
        return
    rows = [r for r in facts.indicators if not _missing(r.get("target_raw"))]
    missing = [r for r in rows if _missing(r.get("actual_raw"))]
    if len(missing) == len(rows) >= T.RESULTS_MISSING_AS_ONE:
        start, end = int(rows[0]["char_start"]), max(int(r["char_end"]) for r in rows)
        yield Finding(f"{len(rows)}项绩效指标均未填报实际完成值", start, end, stated=len(rows),
                      evidence=(line_at(facts.text, start)[0], line_at(facts.text, end)[1]))
        return
    for row in missing:
        yield Finding(f"指标“{row['name']}”未填报实际完成值", *_span(row), stated=row["name"])


# A project funded for several years spends a year's share of the whole: a low rate of the
# year is its plan, not a reason to doubt the score.
MULTI_YEAR = re.compile(r"[两二三四五多]年期|跨年度项目|分年度实施|分年实施|分期实施")


def high_self_score(facts: Facts) -> Iterator[Finding]:
    score = facts.fact("self_score")
    if not facts.self_evaluation or score is None or score < T.HIGH_SELF_SCORE:
        return
    rate = _execution_rate(facts)
    missed = [r["name"] for r in facts.indicators if _achieved(r) is False]
    reasons = []
    if rate is not None and rate < T.LOW_EXECUTION_RATE and not MULTI_YEAR.search(facts.text):
        reasons.append(f"预算执行率仅{_n(rate)}%")
    if len(missed) >= T.MISSED_INDICATORS:
        reasons.append(f"{len(missed)}项指标未达到目标（{'、'.join(missed)}）")
    if not reasons:
        return
    start, end = _score_span(facts, score)
    yield Finding(f"自评得分{_n(score)}分，但{'，'.join(reasons)}", start, end, stated=score,
                  expected=rate if rate is not None and rate < T.LOW_EXECUTION_RATE else len(missed))


def _execution_rate(facts: Facts) -> Decimal | None:
    actual, budget = facts.fact("actual_yuan"), facts.fact("budget_yuan")
    if actual is not None and budget:
        return (actual / budget * 100).quantize(Decimal("0.01"))
    return facts.fact("execution_rate_pct")


def _score_span(facts: Facts, score: Decimal) -> tuple[int, int]:
    sentence = text_or_none(facts.document.get("self_score_evidence"))
    at = facts.text.find(sentence) if sentence else -1
    if at >= 0:
        return at, at + len(sentence)
    return line_at(facts.text, len(facts.text) - 1)


def _met_mark(remarks: str) -> re.Match | None:
    return next((m for m in MET_WORDS.finditer(remarks) if not NEGATION.search(remarks[:m.start()])), None)


def _achieved(row: dict) -> bool | None:
    value = row.get("achieved")
    return bool(value) if present(value) else None


def _remarks(row: dict) -> str:
    """The row's text without its name, target and result: what its other cells say."""
    line = row.get("evidence") or row.get("raw") or ""
    for cell in (row.get("name"), row.get("target_raw"), row.get("actual_raw")):
        if cell:
            line = line.replace(cell, " ")
    return line


def _missing(value) -> bool:
    text = text_or_none(value)
    return text is None or bool(NOT_APPLICABLE.match(squash(text)))


def _span(row: dict) -> tuple[int, int]:
    return int(row["char_start"]), int(row["char_end"])


def _n(value) -> str:
    return format(Decimal(str(value)).normalize(), "f")


MET_BUT_MISSED = Rule("met_but_missed", WARNING, "未达目标却标为完成", met_but_missed)
MISSED_BUT_MET = Rule("missed_but_met", WARNING, "已达目标却标为未完成", missed_but_met)
TARGET_MISSING = Rule("target_missing", WARNING, "指标缺少目标值", target_missing)
RESULT_MISSING = Rule("result_missing", WARNING, "指标缺少实际完成值", result_missing)
HIGH_SELF_SCORE = Rule("high_self_score", WARNING, "自评高分与执行情况不符", high_self_score)
