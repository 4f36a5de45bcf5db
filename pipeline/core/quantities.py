"""Counted quantities ("350余份", "两个", "13万人次", "3-5个", "近百人"), percentages
("≥95%", "不低于90%", "百分之九十五") and comparators, and the value of an indicator cell.

Every match keeps `text[start:end] == raw`; values are Decimal. Money is not a quantity:
"52.24万元" is money.py's. Patterns run on the text's match view (match_view.py), so
traditional text (萬人次, 不少於) reads as simplified and units come out in their simplified
form (個 is 个); offsets and raw are the text's own.
"""
from __future__ import annotations

import decimal
import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.core.first_chars import guarded
from pipeline.core.match_view import match_view
from pipeline.core.recent import LONG, Recent

from pipeline.core.money import MONEY_RE, money_match
from pipeline.core.numbers import (
    CELL_ONLY_UNITS, COMPARATOR, COMPARATOR_OPS, COUNTED, DIGIT_UNIT_GAP, EXACT_BEFORE_TIME, IDIOMS,
    MULTIPLIERS, NOT_A_CN_COUNT_AFTER, NOT_A_COUNT_AFTER, NOT_A_COUNT_BEFORE, NUMBER, NUM_START,
    PERCENT_SUFFIX_OPS, QUALIFIERS_AFTER_NUMBER, QUALIFIERS_AFTER_UNIT, QUALIFIERS_BEFORE, QUANTITY_UNITS,
    SIGN, SPLIT_DECIMAL, TIME_UNITS, LABELS_BEFORE_NUMBER, alternation, cn_only, multiplier_pattern, numeral_value, plausible_numeral,
    preceded_by, qualifier_pattern,
)
from pipeline.core.numerals import (
    ARABIC_NUMBER, CN_NUMERAL, DIGIT_VALUES, EXACT, UPPER_DIGITS, UPPER_UNITS, NumeralError, clean_decimal,
)

# Guarded (first_chars.py): tried only where a qualifier or a numeral starts.
QUANTITY_RE = guarded(
    rf"(?P<pre>{qualifier_pattern(QUALIFIERS_BEFORE)})?"
    rf"(?P<num>{SPLIT_DECIMAL}|{NUM_START}{COUNTED})"
    rf"(?:[ \t]*(?P<dash>[-－~～—至到])[ \t]*(?P<num2>{COUNTED}))?"
    rf"(?P<post>[余多])?(?P<mult>{multiplier_pattern()})?(?P<post2>[余多])?"
    rf"{DIGIT_UNIT_GAP}(?P<unit>{alternation(QUANTITY_UNITS)})"
    rf"(?P<tail>{alternation(QUALIFIERS_AFTER_UNIT)})?"
)
CELL_VALUE_RE = re.compile(
    rf"(?P<pre>{qualifier_pattern(QUALIFIERS_BEFORE)})?"
    rf"{NUM_START}(?P<num>{COUNTED})(?P<post>[余多])?(?P<mult>{multiplier_pattern()})?(?P<post2>[余多])?"
    rf"[ \t]*(?P<unit>[%％]|{alternation(QUANTITY_UNITS + CELL_ONLY_UNITS)})?"
)

PERCENT_RE = guarded(
    rf"(?:(?P<op>{COMPARATOR})[ \t]*)?"
    rf"(?:(?P<sign>{SIGN})?(?P<num>{NUMBER})[ \t]*[%％]"
    rf"|百分之(?P<cnum>{ARABIC_NUMBER}|{CN_NUMERAL}))"
    rf"(?P<suffix>{alternation(PERCENT_SUFFIX_OPS)})?"
)
COMPARATOR_RE = re.compile(rf"\s*(?P<op>{COMPARATOR})\s*")

_DAY_SPAN = re.compile(r"[0-9０-９]+[ \u3000]*[日号]?[ \u3000]*[至到\-－~～—–][ \u3000]*$")
_DATE_AFTER_YEAR = re.compile(rf"[0-9０-９{''.join(DIGIT_VALUES)}十]{{1,3}}月")
# A financial capital alone belongs to a word (队伍, 陆续, 收拾): nobody counts "伍年".
_LONE_CAPITALS = set(UPPER_DIGITS) | set(UPPER_UNITS[:3])


@dataclass(frozen=True)
class QuantityMatch:
    start: int
    end: int
    raw: str
    value: Decimal
    unit: str
    approx: bool
    qualifier: str | None        # 余, 多, 约, 近, 上, 左右 … or a bound word (超过, 达到, 以上)
    value_max: Decimal | None = None   # upper end of a range ("3-5个")


@dataclass(frozen=True)
class PercentMatch:
    start: int
    end: int
    raw: str
    value: Decimal
    op: str | None   # '≥', '≤', '>', '<', '=' or None


# --- quantities -----------------------------------------------------------------------
def find_quantities(text: str) -> list[QuantityMatch]:
    """Counted quantities: "350余份", "两个", "13万人次", "3-5个", "约1000㎡", "近百人"."""
    if len(text) < LONG:
        return _quantities(text)
    return list(_found.get(text, lambda: tuple(_quantities(text))))


# Counts and the indicators' result sentences both read a document's quantities.
_found: Recent[str, tuple[QuantityMatch, ...]] = Recent()


def _quantities(text: str) -> list[QuantityMatch]:
    view = match_view(text)
    return [q for hit in QUANTITY_RE.finditer(view) if (q := _quantity(view, hit, text))]


def _quantity(text: str, hit: re.Match, source: str) -> QuantityMatch | None:
    """The count `hit` in the view `text` states, its raw taken from `source`."""
    if _not_a_count(text, hit):
        return None
    mult = MULTIPLIERS.get(hit.group("mult") or "", 0)
    try:
        with decimal.localcontext(EXACT):
            value = clean_decimal(numeral_value(hit.group("num")).scaleb(mult))
            value_max = None
            if hit.group("num2"):
                value_max = clean_decimal(numeral_value(hit.group("num2")).scaleb(mult))
    except (NumeralError, decimal.DecimalException):
        return None
    if _is_date(text, hit, value):
        return None
    qualifiers = [(w, table[w]) for w, table in (
        (hit.group("pre"), QUALIFIERS_BEFORE), (hit.group("post"), QUALIFIERS_AFTER_NUMBER),
        (hit.group("post2"), QUALIFIERS_AFTER_NUMBER), (hit.group("tail"), QUALIFIERS_AFTER_UNIT),
    ) if w]
    if hit.group("unit") in TIME_UNITS:
        qualifiers = [(w, approx and w not in EXACT_BEFORE_TIME) for w, approx in qualifiers]
    return QuantityMatch(
        start=hit.start(), end=hit.end(), raw=source[hit.start():hit.end()], value=value, unit=hit.group("unit"),
        approx=any(approx for _, approx in qualifiers),
        qualifier=qualifiers[0][0] if qualifiers else None, value_max=value_max,
    )


def _not_a_count(text: str, hit: re.Match) -> bool:
    start = hit.start("num")
    numeral = hit.group("num")
    qualified = bool(hit.group("pre") or hit.group("post") or hit.group("post2"))
    return (
        preceded_by(text, start, NOT_A_COUNT_AFTER + cn_only(numeral, NOT_A_CN_COUNT_AFTER))
        or text.startswith(NOT_A_COUNT_BEFORE, hit.end("unit"))
        or any(text.startswith(idiom, start) and start + len(idiom) >= hit.end("unit") for idiom in IDIOMS)
        or not plausible_numeral(numeral, qualified)
        or numeral in _LONE_CAPITALS
        or (hit.group("num2") is not None and not plausible_numeral(hit.group("num2"), True))
        or _outline_number(text, hit)
        or _label_number(text, hit)
    )


_LABEL_WINDOW = 64  # characters: a label, then a few spaces


def _label_number(text: str, hit: re.Match) -> bool:
    """"附件1 项目支出绩效自评表": the number of an attachment, set apart from what follows
    or opening its line; "报送附件3份" counts copies."""
    start = hit.start("num")
    # Only the few characters before the number are looked at: copying all the text before
    # it, for every number of a long text, made the cost grow with the square of its length.
    window = max(0, start - _LABEL_WINDOW)
    before = text[window:start].rstrip(" \u3000")
    label = next((w for w in LABELS_BEFORE_NUMBER if before.endswith(w)), None)
    if label is None or hit.group("pre"):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    opens_line = not text[line_start:window + len(before) - len(label)].strip()
    return opens_line or hit.end("num") < hit.start("unit")


def _outline_number(text: str, hit: re.Match) -> bool:
    """"1.2项目概况", "1 项目概况": a dotted number, or one set apart by a space, opening a
    line is a heading number, not 1.2 项."""
    spaced = hit.end("num") < hit.start("unit")
    if hit.group("pre") or hit.group("mult") or not (spaced or re.search(r"[.．]", hit.group("num"))):
        return False
    start = hit.start("num")
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


def _is_date(text: str, hit: re.Match, value: Decimal) -> bool:
    unit, numeral = hit.group("unit"), hit.group("num")
    if unit == "年":
        four_digits = re.fullmatch(r"[0-9０-９]{4}", numeral) is not None
        return four_digits or _DATE_AFTER_YEAR.match(text, hit.end("unit")) is not None
    if unit == "月":
        return value == value.to_integral_value() and 1 <= value <= 12
    if unit == "日":
        # "11月3日", "9 月 28日", and the end of a span of days: "3日至5日", "23—25日".
        before = text[max(0, hit.start("num") - 8):hit.start("num")].rstrip(" \u3000")
        return before.endswith("月") or bool(_DAY_SPAN.search(before))
    return False


# --- percentages and comparators ------------------------------------------------------
def find_percentages(text: str) -> list[PercentMatch]:
    """"≥95%", "不低于90%", "百分之九十五", "95%以上" (op ≥), "达到100%" (op =)."""
    found = []
    for hit in PERCENT_RE.finditer(match_view(text)):
        numeral = hit.group("num") or hit.group("cnum")
        if not plausible_numeral(numeral, qualified=True):
            continue
        try:
            with decimal.localcontext(EXACT):
                value = numeral_value(numeral)
                value = clean_decimal(-value if hit.group("sign") else value)
        except (NumeralError, decimal.DecimalException):
            continue
        op = COMPARATOR_OPS.get(hit.group("op") or "") or PERCENT_SUFFIX_OPS.get(hit.group("suffix") or "")
        found.append(PercentMatch(hit.start(), hit.end(), text[hit.start():hit.end()], value, op))
    return found


def parse_comparator(s: str) -> tuple[str | None, str]:
    """Split a leading comparator off: "≥95%" -> ('≥', '95%'), "不低于90%" -> ('≥', '90%')."""
    hit = COMPARATOR_RE.match(match_view(s))
    if not hit:
        return None, s.strip()
    return COMPARATOR_OPS[hit.group("op")], s[hit.end():].strip()


def parse_value_with_unit(s: str) -> tuple[Decimal | None, str | None]:
    """Value and unit of an indicator cell. "12人" -> (12, '人'), "≥95%" -> (95, '%'),
    "7个市（区）" -> (7, '个'), "5.5万人次" -> (55000, '人次'), "69.8万元" -> (698000, '元'),
    "100" -> (100, None), "保持上年度考评等次" -> (None, None). A comparator is skipped;
    ask `parse_comparator` for it."""
    _, rest = parse_comparator(s)
    rest = match_view(rest)
    money = MONEY_RE.match(rest)
    if money and (found := money_match(rest, money)):
        return found.amount_yuan, "元"
    hit = CELL_VALUE_RE.match(rest)
    if not hit:
        return None, None
    numeral, unit = hit.group("num"), hit.group("unit")
    qualified = bool(hit.group("pre") or hit.group("post") or hit.group("post2"))
    if not plausible_numeral(numeral, qualified):
        return None, None
    if re.fullmatch(r"[0-9０-９]{4}", numeral) and rest[hit.end("num"):].startswith("年"):
        return None, None  # "2022年底前完成" is a deadline, not a value
    try:
        with decimal.localcontext(EXACT):
            value = clean_decimal(numeral_value(numeral).scaleb(MULTIPLIERS.get(hit.group("mult") or "", 0)))
    except (NumeralError, decimal.DecimalException):
        return None, None
    if unit == "月" and value == value.to_integral_value() and 1 <= value <= 12:
        return None, None  # "12月底前", "6月30日前": a month of the year, not a count ("3个月")
    return value, ("%" if unit in ("%", "％") else unit)
