"""How the documents write numbers: money in 元/万元/大写, rates, Chinese numerals for counts.

Every formatter is exact: it refuses an amount it cannot write without rounding, so the
gold (computed from the story's Decimals) always equals what the document states.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_DIGITS = "零一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"
_UPPER_SMALL_UNITS = ("", "拾", "佰", "仟")
_WAN = Decimal(10000)


def plain(value: Decimal | int, sep: bool = False) -> str:
    """A Decimal without exponent or trailing zeros: 80.00 -> "80", 52.240 -> "52.24"."""
    d = Decimal(value)
    text = f"{d.normalize():f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if sep:
        whole, _, frac = text.partition(".")
        text = f"{int(whole):,}" + (f".{frac}" if frac else "")
    return text


def wan_exact(amount: Decimal, max_dp: int = 4) -> bool:
    """True when the amount in 万元 needs at most `max_dp` decimals."""
    return (amount / _WAN) == (amount / _WAN).quantize(Decimal(1).scaleb(-max_dp))


def wan(amount: Decimal, dp: int | None = None) -> str:
    """Yuan written in 万元 without the unit: 522400 -> "52.24"; `dp` pads to fixed decimals."""
    value = amount / _WAN
    if not wan_exact(amount):
        raise ValueError(f"{amount} yuan cannot be written in 万元 without rounding")
    if dp is None:
        return plain(value)
    fixed = value.quantize(Decimal(1).scaleb(-dp))
    if fixed != value:
        raise ValueError(f"{amount} yuan needs more than {dp} decimals in 万元")
    return f"{fixed:f}"


def yuan(amount: Decimal, sep: bool = True, cents: bool = False) -> str:
    """Yuan with thousands separators: 1234500 -> "1,234,500" (or "1,234,500.00")."""
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"{amount} has fractions of a fen")
    if cents or amount != amount.to_integral_value():
        return f"{amount:,.2f}" if sep else f"{amount:.2f}"
    return f"{int(amount):,}" if sep else str(int(amount))


def upper_money(amount: Decimal) -> str:
    """Financial capitals: 500000 -> "伍拾万元整", 1234500.5 -> "壹佰贰拾叁万肆仟伍佰元伍角"."""
    whole = int(amount)
    jiao_fen = int((amount - whole) * 100)
    if whole == 0:
        head = "零元"
    else:
        groups = []
        n = whole
        while n:
            groups.append(n % 10000)
            n //= 10000
        parts = []
        zero_pending = False
        for index in range(len(groups) - 1, -1, -1):
            group = groups[index]
            if group == 0:
                zero_pending = bool(parts)
                continue
            if parts and (zero_pending or group < 1000):
                parts.append("零")
            parts.append(_upper_group(group) + ("", "万", "亿")[index])
            zero_pending = False
        head = "".join(parts) + "元"
    if jiao_fen == 0:
        return head + "整"
    jiao, fen = divmod(jiao_fen, 10)
    tail = (_UPPER[jiao] + "角" if jiao else "零") + (_UPPER[fen] + "分" if fen else "")
    return head + tail


def _upper_group(n: int) -> str:
    digits = f"{n:04d}".lstrip("0")
    out = []
    pending_zero = False
    for i, ch in enumerate(digits):
        place = len(digits) - 1 - i
        if ch == "0":
            pending_zero = True
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_UPPER[int(ch)] + _UPPER_SMALL_UNITS[place])
    return "".join(out)


def cn_int(n: int, liang: bool = False) -> str:
    """Chinese numerals for a count: 3 -> "三", 12 -> "十二", 30 -> "三十", 105 -> "一百零五".
    `liang` writes 2 as 两 (before a classifier: 两个, 两场)."""
    if not 0 < n < 10000:
        raise ValueError(n)
    if n == 2 and liang:
        return "两"
    out = []
    s = str(n)
    pending_zero = False
    for i, ch in enumerate(s):
        place = len(s) - 1 - i
        digit = int(ch)
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[digit] + ("", "十", "百", "千")[place])
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text


def rate(actual: Decimal, budget: Decimal, dp: int = 2) -> Decimal:
    """actual / budget in percent, rounded half up to `dp` decimals."""
    return (actual / budget * 100).quantize(Decimal(1).scaleb(-dp), rounding=ROUND_HALF_UP)


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as the JSON number a gold file holds (int when whole)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
