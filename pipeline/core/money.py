"""Money in exact yuan: "69.8万元", "1,234.50" under a "单位：万元" caption, "五十万元整",
"伍拾万元整", "人民币¥3,480.83元". Every match keeps `text[start:end] == raw`; amounts are
Decimal end to end (a float cannot hold 0.1 yuan). Patterns run on the text's match view
(match_view.py), so traditional text (萬元, 預算) reads as simplified; offsets and raw are
the text's own.

`find_money` never reports "13万人次" (quantities.py does), and quantities never report
"52.24万元": a caller asks for the one it wants.
"""
from __future__ import annotations

import decimal
import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.core.first_chars import guarded
from pipeline.core.match_view import match_view
from pipeline.core.recent import LONG, Recent

from pipeline.core.numbers import (
    CAPTION_UNIT_WORDS, CN_DIGIT, GAP, MONEY_UNITS, MULTIPLIERS, NOT_A_CN_COUNT_AFTER, NOT_AN_AMOUNT_AFTER,
    NUMBER, QUALIFIERS_BEFORE, SIGN, alternation, cn_only, numeral_value, plausible_numeral, preceded_by,
    qualifier_pattern,
)
from pipeline.core.numerals import (
    ARABIC_NUMBER, EXACT, NumeralError, arabic_to_decimal, clean_decimal, to_chinese_numeral,
    to_financial_capitals,
)

# Guarded (first_chars.py): tried only where a sign, a prefix, a qualifier or a numeral starts.
MONEY_RE = guarded(
    rf"(?P<pre>{qualifier_pattern(k for k, v in QUALIFIERS_BEFORE.items() if v)})?"
    rf"(?P<sign>{SIGN})?"
    rf"(?:(?P<prefix>人民币|[¥￥])[ \t]*)?"
    rf"(?P<num>{NUMBER})"
    rf"(?P<post>[余多])?"
    rf"{GAP}(?P<mag>[千百十]?[万萬]|千|[亿億])?(?P<post2>[余多])?"
    rf"{GAP}元(?![化素旦宵里桥])"
    rf"(?:零?(?P<jiao>{CN_DIGIT}|[0-9])角)?(?:零?(?P<fen>{CN_DIGIT}|[0-9])分)?"
    rf"(?P<zheng>整)?(?P<tail>左右)?"
)
# A number alone in a table cell, read in the unit its header declares.
BARE_AMOUNT_RE = re.compile(rf"(?<!\S)(?P<sign>[-−－])?(?P<num>{ARABIC_NUMBER})(?!\S)")
CAPTION_UNIT_RE = re.compile(
    rf"(?:金额|计量|货币)?单位\s*[:：]?\s*(?:人民币)?\s*(?P<u1>{alternation(CAPTION_UNIT_WORDS)})"
    rf"|[（(]\s*(?:人民币)?\s*(?P<u2>{alternation(CAPTION_UNIT_WORDS)})\s*[）)]"
)

_CENT = Decimal("0.01")
# Traditional text writes the magnitudes 萬 and 億: "120萬元".
_TRADITIONAL_MAGNITUDES = str.maketrans("萬億", "万亿")


@dataclass(frozen=True)
class MoneyMatch:
    start: int
    end: int
    raw: str
    amount_yuan: Decimal
    unit: str   # the unit as written (万元, 元 …) or the caption's unit for a bare number
    approx: bool


# --- money ----------------------------------------------------------------------------
def find_money(text: str, default_unit: str | None = None) -> list[MoneyMatch]:
    """Amounts with a written unit; with `default_unit`, also numbers standing alone
    (whitespace-bounded, as in table cells) read in that unit."""
    view = match_view(text)
    found = _money_in_view(view, default_unit)
    if view == text:
        return list(found)
    return [MoneyMatch(m.start, m.end, text[m.start:m.end], m.amount_yuan, m.unit, m.approx) for m in found]


# Budgets read a document's amounts twice (to tell a table's unit, and in its prose).
_amounts: Recent[tuple[str, str | None], tuple[MoneyMatch, ...]] = Recent()


def _money_in_view(view: str, default_unit: str | None) -> tuple[MoneyMatch, ...]:
    if len(view) < LONG:
        return _scan(view, default_unit)
    return _amounts.get((view, default_unit), lambda: _scan(view, default_unit))


def _scan(view: str, default_unit: str | None) -> tuple[MoneyMatch, ...]:
    found = [m for start, end in _yuan_spans(view)
             for hit in MONEY_RE.finditer(view, start, end) if (m := money_match(view, hit))]
    if default_unit is not None:
        _check_money_unit(default_unit)
        taken = [(m.start, m.end) for m in found]
        for hit in BARE_AMOUNT_RE.finditer(view):
            if any(s < hit.end() and hit.start() < e for s, e in taken):
                continue
            amount = _bare_amount(hit, default_unit)
            if amount is not None:
                found.append(MoneyMatch(hit.start(), hit.end(), hit.group(), amount, default_unit, False))
        found.sort(key=lambda m: m.start)
    return tuple(found)


# No amount holds one of these (MONEY_RE matches none of them, nor starts at one), and every
# amount holds 元: of a long text only the stretches between them that hold 元 are searched,
# with the same matches (lookbehinds still see the text before a stretch).
_NOT_IN_AMOUNT = re.compile(r"[^。;；:：!！?？]+")
_SHORT = 200


def _yuan_spans(view: str) -> list[tuple[int, int]]:
    if len(view) < _SHORT:
        return [(0, len(view))]
    return [hit.span() for hit in _NOT_IN_AMOUNT.finditer(view) if view.find("元", hit.start(), hit.end()) >= 0]


def parse_money(raw: str, default_unit: str | None = None) -> Decimal | None:
    """The exact yuan amount `raw` states, or None when it is not an amount.

    "69.8万元" -> 698000.00; "1,234.50" with default_unit "万元" -> 12345000.00.
    A unit written in `raw` wins over `default_unit`.
    """
    s = match_view(raw.strip())
    hit = MONEY_RE.fullmatch(s)
    if hit:
        match = money_match(s, hit)
        return match.amount_yuan if match else None
    if default_unit is not None:
        _check_money_unit(default_unit)
        hit = BARE_AMOUNT_RE.fullmatch(s)
        if hit:
            return _bare_amount(hit, default_unit)
    return None


def unit_from_caption(text: str) -> str | None:
    """The money unit a table caption or header declares: "单位：万元" -> "万元"."""
    hit = CAPTION_UNIT_RE.search(match_view(text))
    return (hit.group("u1") or hit.group("u2")) if hit else None


def money_match(text: str, hit: re.Match) -> MoneyMatch | None:
    numeral = hit.group("num")
    if preceded_by(text, hit.start(), NOT_AN_AMOUNT_AFTER + cn_only(numeral, NOT_A_CN_COUNT_AFTER)):
        return None
    qualified = bool(hit.group("pre") or hit.group("post"))
    if not plausible_numeral(numeral, qualified, zero_ok=True):
        return None
    mag = (hit.group("mag") or "").translate(_TRADITIONAL_MAGNITUDES)
    if not mag:
        numeral, mag = _split_unit_magnitude(numeral)
    try:
        with decimal.localcontext(EXACT):
            amount = numeral_value(numeral).scaleb(MULTIPLIERS.get(mag, 0))
            for group, scale in (("jiao", -1), ("fen", -2)):
                if hit.group(group):
                    amount += numeral_value(hit.group(group)).scaleb(scale)
            if hit.group("sign"):
                amount = -amount
    except (NumeralError, decimal.DecimalException):
        return None
    approx = any(hit.group(g) for g in ("pre", "post", "post2", "tail"))
    return MoneyMatch(hit.start(), hit.end(), hit.group(), _yuan(amount), _written_unit(numeral, mag), approx)


def _split_unit_magnitude(numeral: str) -> tuple[str, str]:
    """"三十九万零六百二十五千元": a trailing 千 the numeral cannot take belongs to the unit 千元."""
    try:
        numeral_value(numeral)
        return numeral, ""
    except (NumeralError, decimal.DecimalException):
        mag = next((m for m in sorted(MULTIPLIERS, key=len, reverse=True)
                    if numeral.endswith(m) and len(numeral) > len(m)), "")
        return numeral[:len(numeral) - len(mag)], mag


def _bare_amount(hit: re.Match, unit: str) -> Decimal | None:
    digits = hit.group("num")
    if re.match(r"[0０][0-9０-９]", digits):
        return None  # 0750: an area code or an id, not an amount
    with decimal.localcontext(EXACT):
        amount = arabic_to_decimal(digits).scaleb(MONEY_UNITS[unit])
        return _yuan(-amount if hit.group("sign") else amount)


def _written_unit(numeral: str, mag: str) -> str:
    if mag:
        return mag + "元"
    for big in ("亿", "億", "万", "萬"):
        if numeral.endswith(big):
            return {"億": "亿", "萬": "万"}.get(big, big) + "元"
    return "元"


def _yuan(amount: Decimal) -> Decimal:
    """Two decimals when that loses nothing; otherwise every digit the text gave."""
    try:
        with decimal.localcontext(EXACT):
            return amount.quantize(_CENT)
    except decimal.Inexact:
        return clean_decimal(amount)


def _check_money_unit(unit: str) -> None:
    if unit not in MONEY_UNITS:
        raise ValueError(f"unknown money unit {unit!r}; expected one of {', '.join(MONEY_UNITS)}")


# --- writing amounts (round-trip tests, the sample-archive generator) -----------------
def format_money(amount: Decimal, unit: str = "元", style: str = "digits") -> str:
    """Write `amount` yuan in `unit`: (698000, "万元") -> "69.8万元".

    style "digits" (69.8万元), "chinese" (六十九点八万元) or "capitals" (伍拾万元整,
    壹佰元伍角陆分; cents are written only with unit 元).
    """
    _check_money_unit(unit)
    with decimal.localcontext(EXACT):
        value = clean_decimal(Decimal(amount).scaleb(-MONEY_UNITS[unit]))
    if style == "digits":
        return format(value, "f") + unit
    if style == "chinese":
        return to_chinese_numeral(value) + unit
    if style == "capitals":
        whole = int(value)
        cents = int((abs(value) - abs(whole)) * 100)
        if value != whole and (unit != "元" or value * 100 != int(value * 100)):
            raise ValueError(f"{amount} yuan cannot be written in capitals in {unit}")
        text = to_financial_capitals(whole) + unit
        if not cents:
            return text + "整"
        jiao, fen = divmod(cents, 10)
        text += to_financial_capitals(jiao) + "角" if jiao else "零"
        return text + (to_financial_capitals(fen) + "分" if fen else "")
    raise ValueError(f"unknown style {style!r}; expected digits, chinese or capitals")
