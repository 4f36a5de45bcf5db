"""How a target or actual cell reads as (op, value, unit), whether an actual meets its target,
and the words of indicator lists. The words of indicator tables (header words, level names,
total rows) are the form's, in extractors/form/vocab.py.
"""
from __future__ import annotations

import re
from decimal import Decimal

from extractors.form.flat import masked
from pipeline.core.numbers import MONEY_UNITS, QUANTITY_UNITS
from pipeline.core.quantities import COMPARATOR_RE, parse_comparator, parse_value_with_unit

# Indicators where less is better when the target gives no direction of its own. Not 下降率,
# 控制率 or 天数: "能耗下降率", "高血压控制率" and "空气优良天数" are targets to reach.
LOWER_IS_BETTER = re.compile(
    r"成本|费用|投诉|差错|事故|发生率|超标|超支|违规|延误|逾期|辍学率|失误|返工|损失|空置率|不合格率"
    r"|时限|办结时间|响应时间|等待时间"
)
REVERSE_NATURE = re.compile(r"反向|越小越好|越低越好")
# After the number: "90%以上", "5个工作日以内", "3个小时内", "2小时之内". They also make a
# plain "达到95%以上" (达到 alone reads "=") "at least".
SUFFIX_OPS = (("及以上", "≥"), ("以上", "≥"), ("及以下", "≤"), ("以下", "≤"), ("以内", "≤"), ("之内", "≤"),
              ("内$", "≤"))
_SUFFIX_OPS = tuple((re.compile(word), sym) for word, sym in SUFFIX_OPS)
# A cell that repeats its subject before the comparator: "出具评估报告总成本不超过0.3万元",
# "2023年支付成本不超过300万元". What stands before the comparator holds no number but a year.
_SUBJECT_BEFORE_COMPARATOR = re.compile(r"^(?:(?:19|20)\d\d年)?[^\d０-９%％]{1,30}?(?=(?:不超过|不高于|不低于|不少于|"
                                        r"不大于|不小于|不多于|大于|小于|高于|低于|超过|少于|≥|≤|≧|≦)[\d０-９])")
# A cost written "29.27万" means 万元.
COST_WORDS = re.compile(r"成本|费用|经费|资金|金额|支出")
# A compound unit: "620元/月", "2次/年", "15元/人·天".
_PER_UNIT = re.compile(r"/\s*(季度|人·?[天日月次]|人次|[年季月周日天次亩户人])")
_NAME_UNIT = re.compile(r"[（(]\s*([^\s()（）]{1,4})\s*[)）]$")
_KNOWN_UNITS = frozenset(QUANTITY_UNITS) | set(MONEY_UNITS) | {"%", "％"}
_OPEN_QUOTES, _CLOSE_QUOTES = "“\"'「‘", "”\"'」’"


def unquote(text: str) -> str:
    """“培训人次” names 培训人次; “法律明白人”培训覆盖率 keeps its quotes."""
    if len(text) > 2 and text[0] in _OPEN_QUOTES and text[-1] in _CLOSE_QUOTES \
            and not any(q in text[1:-1] for q in _CLOSE_QUOTES):
        return text[1:-1].strip()
    return text


def read_value(raw: str | None, unit_column: str | None = None, nature: str | None = None,
               cost: bool = False) -> tuple[str | None, Decimal | None, str | None]:
    """(op, value, unit) of a target or actual cell; qualitative text gives (None, None, None).
    `cost`: the indicator measures money, so a bare 万 is 万元."""
    if not raw or not raw.strip() or masked(raw):
        return None, None, None  # masked digits ("1**立方米") state no value
    raw = raw.strip()
    if not COMPARATOR_RE.match(raw) and (subject := _SUBJECT_BEFORE_COMPARATOR.match(raw)):
        raw = raw[subject.end():]
    op, rest = parse_comparator(raw)
    value, unit = parse_value_with_unit(rest)
    if value is None:
        return None, None, None
    if unit is None and cost and re.match(r"[\d.,０-９]+\s*万(?!\w)|[\d.,０-９]+\s*万(?:一年|每年|/)", rest):
        unit = "元"
    if unit is None and unit_column and unit_column.strip():
        value, unit = _with_unit_column(rest, value, unit_column.strip())
    if unit and (per := _PER_UNIT.search(rest + (unit_column or ""))):
        unit += "/" + per.group(1)
    if op in (None, "="):
        op = next((sym for word, sym in _SUFFIX_OPS if word.search(rest)), op)
    if op is None and nature:
        op = parse_comparator(nature.strip())[0]
    return op, value, unit


def _with_unit_column(rest: str, value: Decimal, unit_column: str) -> tuple[Decimal, str]:
    """A bare cell read in its 度量单位 column: "69.8" in 万元 is 698000 元, like "69.8万元"."""
    joined, joined_unit = parse_value_with_unit(rest + unit_column)
    if joined is not None and joined_unit:
        return joined, joined_unit
    return value, unit_column


def unit_in_name(name: str) -> str | None:
    """"新建管网长度（公里）": the unit a name gives for bare values in its row."""
    hit = _NAME_UNIT.search(name)
    return hit.group(1) if hit and hit.group(1) in _KNOWN_UNITS else None


def lower_is_better(name: str, level2: str | None, nature: str | None) -> bool:
    return bool(
        LOWER_IS_BETTER.search(name)
        or (level2 and "成本" in level2)
        or (nature and REVERSE_NATURE.search(nature))
    )


def achieved(op: str | None, target: Decimal | None, actual: Decimal | None, lower_better: bool) -> bool | None:
    """Whether the actual meets the target; None unless both are numbers.

    "=" and a missing op read as "reached": at least the target, or at most it where less is
    better (成本, 投诉率) — a 100% target met by 100%, a 12-person target met by 13.
    """
    if target is None or actual is None:
        return None
    if op == "≥":
        return actual >= target
    if op == ">":
        return actual > target
    if op == "≤":
        return actual <= target
    if op == "<":
        return actual < target
    return actual <= target if lower_better else actual >= target


def units_agree(target_unit: str | None, actual_unit: str | None) -> bool:
    return target_unit is None or actual_unit is None or target_unit == actual_unit
