"""Chinese numerals <-> exact Decimal.

Reports write the same number as "12", "１２", "十二", "壹拾贰", "1.2万" or "六十九点八万";
every extractor needs them as one exact value, and the docx reader writes Word's
chineseCounting labels with the same code. Everything here is Decimal: a float cannot
hold 0.1 yuan, and money must be right to the yuan.
"""
from __future__ import annotations

import decimal
import re
from decimal import Decimal

from pipeline.core.errors import JixiaoError

# --- the character tables --------------------------------------------------------------
DIGIT_VALUES = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "幺": 1, "壹": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
ZERO_CHARS = "零〇○"
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
POINT_CHARS = "点點"
MINUS_CHARS = "-−－负負"

CN_DIGIT_CHARS = "".join(DIGIT_VALUES)
CN_UNIT_CHARS = "".join(SMALL_UNITS) + "".join(BIG_UNITS)
CN_NUMERAL_CHARS = CN_DIGIT_CHARS + CN_UNIT_CHARS

# A Chinese numeral as it appears in running text: "六十九", "两千三百万", "六十九点八万".
CN_NUMERAL = rf"[{CN_NUMERAL_CHARS}]+(?:[{POINT_CHARS}][{CN_DIGIT_CHARS}]+[{CN_UNIT_CHARS}]*)?"
# An Arabic number: full-width digits, thousands separators only in groups of three
# (so "12，35" stays two numbers), "." or full-width "．" as the decimal point.
ARABIC_NUMBER = (
    r"(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
)
_ARABIC_RE = re.compile(ARABIC_NUMBER)
_PLAIN_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_ASCII_FOLD = str.maketrans("０１２３４５６７８９．", "0123456789.", ",，")

LOWER_DIGITS = "零一二三四五六七八九"
LOWER_UNITS = ("十", "百", "千", "万", "亿")
UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖"
# Financial writing keeps 万/亿 (伍拾万元整); the capitals only replace the small units.
UPPER_UNITS = ("拾", "佰", "仟", "万", "亿")

# Room for 10^16 with many decimals; Inexact is trapped so nothing is ever rounded silently.
EXACT = decimal.Context(
    prec=80,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


class NumeralError(JixiaoError, ValueError):
    """A string that is not a number we can read exactly."""


def arabic_to_decimal(s: str) -> Decimal:
    """'１，２３４．５' -> Decimal('1234.5'); exact."""
    folded = s.translate(_ASCII_FOLD)
    if not _PLAIN_DECIMAL.fullmatch(folded):
        raise NumeralError(f"not a number: {s!r}")
    return Decimal(folded)


def clean_decimal(value: Decimal) -> Decimal:
    """Drop the exponent noise of scaled Decimals: 5.5E+4 -> 55000, 12.50 -> 12.5."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize(EXACT)


def parse_chinese_number(s: str) -> Decimal:
    """Read a number written in Chinese, Arabic or mixed form, exactly.

    "十二" -> 12, "一百零一" -> 101, "两千三百万" -> 23000000, "六十九点八" -> 69.8,
    "伍拾万" -> 500000, "3.5万" -> 35000, "１，２３４．５" -> 1234.5, "二〇二一" -> 2021.
    Raises NumeralError for anything else (including "十三五", which is a plan, not a number).
    """
    text = s.strip()
    negative = bool(text) and text[0] in MINUS_CHARS
    if negative:
        text = text[1:].lstrip()
    if not text:
        raise NumeralError(f"not a number: {s!r}")
    with decimal.localcontext(EXACT):
        try:
            value = _parse_unsigned(text)
        except decimal.DecimalException as exc:
            raise NumeralError(f"not exactly representable: {s!r}") from exc
        return clean_decimal(-value if negative else value)


def is_digit_sequence(s: str) -> bool:
    """"二〇二一", "三五": Chinese digits read one by one, no 十百千万 (years, vague counts)."""
    return len(s) > 1 and all(ch in DIGIT_VALUES for ch in s)


def _parse_unsigned(text: str) -> Decimal:
    if is_digit_sequence(text):
        return Decimal("".join(str(DIGIT_VALUES[ch]) for ch in text))

    total = wan = section = Decimal(0)  # above 亿 / the 万 group / below 万
    num: Decimal | None = None          # a digit waiting for its unit
    num_is_cn_digit = False             # "一万五" shorthand applies only to a lone Chinese digit
    last_small: int | None = None       # small units must fall: 千 then 百 then 十
    last_unit = 1
    zero_seen = seen_wan = False
    started = False
    i = 0
    while i < len(text):
        ch = text[i]
        arabic = _ARABIC_RE.match(text, i)
        if arabic:
            if num is not None:
                raise NumeralError(f"two numbers in a row: {text!r}")
            num, num_is_cn_digit = arabic_to_decimal(arabic.group()), False
            i = arabic.end()
            started = True
            continue
        if ch in ZERO_CHARS:
            if num is not None:
                raise NumeralError(f"misplaced zero: {text!r}")
            zero_seen = True
        elif ch in DIGIT_VALUES:
            if num is not None:
                raise NumeralError(f"two digits without a unit: {text!r}")
            num, num_is_cn_digit = Decimal(DIGIT_VALUES[ch]), not zero_seen
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if last_small is not None and unit >= last_small:
                raise NumeralError(f"units out of order: {text!r}")
            if num is None:
                # A bare leading 十 is 10 ("十二"); "一百十" is colloquial 110.
                if started and unit != 10:
                    raise NumeralError(f"unit without a digit: {text!r}")
                num = Decimal(1)
            section += num * unit
            num, last_small, last_unit, zero_seen = None, unit, unit, False
        elif ch in BIG_UNITS:
            unit = BIG_UNITS[ch]
            part = section + (num or 0) if started else Decimal(1)  # "万" alone: callers decide
            # The first 万 of a group scales only what stands below it; 亿, or a second 万
            # ("六万一千八百九十八万" = 61898 万), scales everything before it ("七亿亿").
            if unit == 10**4 and not seen_wan:
                if part == 0:
                    raise NumeralError(f"unit without a number: {text!r}")
                wan, seen_wan = part * unit, True
            else:
                scaled = total + wan + part
                if scaled == 0:
                    raise NumeralError(f"unit without a number: {text!r}")
                total, wan, seen_wan = scaled * unit, Decimal(0), False
            section, num, last_small, last_unit, zero_seen = Decimal(0), None, None, unit, False
        elif ch in POINT_CHARS:
            j = i + 1
            while j < len(text) and (text[j] in DIGIT_VALUES or text[j] in ZERO_CHARS):
                j += 1
            if j == i + 1 or not started:
                raise NumeralError(f"bad decimal point: {text!r}")
            fraction = "".join(str(DIGIT_VALUES[c]) for c in text[i + 1 : j])
            value = total + wan + section + (num or 0) + Decimal("0." + fraction)
            # After a decimal only multipliers may follow, and they scale the whole number:
            # 六十九点八万 = 69.8 × 10^4, 一点五千万 = 1.5 × 10^7.
            for unit_ch in text[j:]:
                scale = SMALL_UNITS.get(unit_ch) or BIG_UNITS.get(unit_ch)
                if scale is None:
                    raise NumeralError(f"digits after a decimal multiplier: {text!r}")
                value *= scale
            return value
        else:
            raise NumeralError(f"not a numeral character {ch!r} in {text!r}")
        started = True
        i += 1

    if num is not None and num_is_cn_digit and last_unit > 10:
        num *= Decimal(last_unit) / 10  # "一万五" = 15000, "三百五" = 350
    return total + wan + section + (num or 0)


# --- writing numerals (round-trip tests, the sample-archive generator) -----------------
def to_chinese_numeral(n: int | Decimal) -> str:
    """12 -> "十二", 101 -> "一百零一", 10500 -> "一万零五百", Decimal("69.8") -> "六十九点八"."""
    return _write(n, LOWER_DIGITS, LOWER_UNITS, drop_leading_one=True)


def to_financial_capitals(n: int | Decimal) -> str:
    """500000 -> "伍拾万", 10 -> "壹拾" (capitals always write the 壹 before 拾)."""
    return _write(n, UPPER_DIGITS, UPPER_UNITS, drop_leading_one=False)


def _write(n: int | Decimal, digits: str, units: tuple[str, ...], drop_leading_one: bool) -> str:
    value = Decimal(n)
    if not value.is_finite():
        raise NumeralError(f"cannot write {n!r} as a numeral")
    sign = "负" if value < 0 else ""
    value = abs(value)
    integer = int(value)
    text = _compose(integer, digits, units) if integer else digits[0]
    if drop_leading_one and text.startswith(digits[1] + units[0]):
        text = text[1:]
    fraction = value - integer
    if fraction:
        fraction_digits = format(clean_decimal(fraction), "f").split(".")[1]
        text += "点" + "".join(digits[int(d)] for d in fraction_digits)
    return sign + text


def _compose(n: int, digits: str, units: tuple[str, ...]) -> str:
    for size, name in ((10**8, units[4]), (10**4, units[3])):
        if n >= size:
            high, low = divmod(n, size)
            text = _compose(high, digits, units) + name
            if low:
                # 一万零五百: a zero is spoken when the next group does not start at its top digit.
                text += (digits[0] if low < size // 10 else "") + _compose(low, digits, units)
            return text
    out: list[str] = []
    pending_zero = False
    for power, name in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d, n = divmod(n, power)
        if d:
            if pending_zero:
                out.append(digits[0])
            out.append(digits[d] + name)
            pending_zero = False
        elif out:
            pending_zero = True
    return "".join(out)
