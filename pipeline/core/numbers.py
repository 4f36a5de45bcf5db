"""Shared, exact number parsing: money in yuan, counted quantities, percentages, comparators.

Every finder works on the document text as given and returns matches whose
`text[start:end] == raw`; nothing is normalised in place, full-width forms are matched
directly. Money and values are Decimal end to end (a float cannot hold 0.1 yuan).

Money and quantities are separate questions: `find_money` never reports "13万人次", and
`find_quantities` never reports "52.24万元". A caller asks for the one it wants.
"""
from __future__ import annotations

import decimal
import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.core.numerals import (
    ARABIC_NUMBER,
    CN_DIGIT_CHARS,
    CN_NUMERAL,
    CN_NUMERAL_CHARS,
    CN_UNIT_CHARS,
    POINT_CHARS,
    DIGIT_VALUES,
    UPPER_DIGITS,
    UPPER_UNITS,
    EXACT,
    NumeralError,
    arabic_to_decimal,
    clean_decimal,
    is_digit_sequence,
    parse_chinese_number,
    to_chinese_numeral,
    to_financial_capitals,
)

__all__ = [
    "MoneyMatch", "QuantityMatch", "PercentMatch", "NumeralError",
    "parse_chinese_number", "parse_money", "find_money", "unit_from_caption",
    "find_quantities", "find_percentages", "parse_comparator", "parse_value_with_unit",
    "format_money", "to_chinese_numeral", "to_financial_capitals",
    "MONEY_UNITS", "QUANTITY_UNITS",
]

# --- vocabulary (grow these lists, not the code) ---------------------------------------
MONEY_UNITS = {"元": 0, "千元": 3, "万元": 4, "十万元": 5, "百万元": 6, "千万元": 7, "亿元": 8}
MULTIPLIERS = {"十": 1, "百": 2, "千": 3, "万": 4, "十万": 5, "百万": 6, "千万": 7, "亿": 8}

# Counted things. Longer units win over their prefixes (人次 before 人, 个月 before 个).
# "3个月" is reported with unit 个月 so it is never confused with the date "3月".
QUANTITY_UNITS = (
    "个百分点", "百分点", "个工作日", "个月", "人次", "户次", "家次", "件次", "场次", "批次", "期次", "台次",
    "班次", "车次", "架次", "篇次", "课时", "学时", "小时", "工作日", "阶段", "部门", "部分",
    "平方公里", "平方米", "平米", "立方米", "立方", "延米", "公里", "千米", "公顷", "千克", "公斤", "千瓦",
    "㎡", "m²", "km",
    "个", "项", "人", "份", "次", "件", "场", "户", "家", "所", "名", "位", "台", "辆",
    "套", "批", "期", "篇", "条", "本", "册", "座", "处", "栋", "间", "张", "块", "首",
    "部", "支", "趟", "组", "队", "种", "宗", "起", "例", "轮", "门", "棵", "株",
    "头", "只", "天", "日", "周", "年", "月", "米", "亩", "吨", "盏", "艘", "架", "幅", "堂",
)  # not 类: "二类高层建筑", "一类地区" are ranks far more often than counts
# Units a table cell may carry that are not counts in running text (96分 is a score).
CELL_ONLY_UNITS = ("分",)

# Qualifier word -> whether it makes the value approximate. Bounds (超过, 达到, 以上) are
# recorded as the qualifier but the number itself is exact.
QUALIFIERS_BEFORE = {
    "约": True, "约为": True, "大约": True, "近": True, "将近": True, "接近": True, "不到": True,
    "不足": True, "上": True, "超过": False, "逾": False, "达到": False, "达": False,
    "多达": False, "高达": False, "至少": False, "不少于": False,
}
QUALIFIERS_AFTER_NUMBER = {"余": True, "多": True}
QUALIFIERS_AFTER_UNIT = {"左右": True, "以上": False, "以下": False}
# "近三年" is "the last three years": before a span of time 近 is not approximate.
EXACT_BEFORE_TIME = {"近"}
TIME_UNITS = ("年", "个月", "月", "周", "天", "日", "小时")
# Context in which a qualifier word means something else: 最近 (recent), 下达 (issued).
QUALIFIER_GUARDS = {"近": "(?<![最附接将])", "达": "(?<![下传到表抵送通转多高])"}
# 上 qualifies only magnitudes: 上千人, 上万人次 — never 以上 or 上2个.
QUALIFIER_LOOKAHEADS = {"上": "(?=[百千万亿])"}

# Text right before a number that makes it an ordinal, a rate, a fraction or a document
# number rather than a count (第五次, 每3个月, 三分之一, 〔2021〕5号).
NOT_A_COUNT_AFTER = ("第", "每", "分之", "〕", "]", "】", "No.", "NO.", "№")
# The same, for Chinese numerals only: 数十万 and 几百 are vague, 初三 and 周一 are days,
# 统一/唯一/逐一/同一/万一 are words. Before Arabic digits these are ordinary ("人数12人").
NOT_A_CN_COUNT_AFTER = ("数", "几", "若干", "初", "周", "星期", "礼拜", "同", "统", "唯", "逐", "某", "万")
NOT_AN_AMOUNT_AFTER = ("第", "每")
# Text right after a unit that turns the phrase into something else (一次性, 2021年度, 5人民币).
NOT_A_COUNT_BEFORE = ("性", "度", "化", "民币")
# Set phrases whose numbers are names, not counts.
IDIOMS = (
    "一批", "一次性", "一年一度", "一年来", "一条龙", "一件事", "两个维护", "两个确立",
    "四个意识", "四个自信", "四个全面", "三个代表", "八项规定", "三个务必", "两个一百年",
    "五个一", "一个中心",
)

COMPARATORS = {
    "≥": ("≥", "≧", "⩾", ">=", "＞＝", "大于等于", "大于或等于", "不低于", "不少于", "不小于", "至少"),
    "≤": ("≤", "≦", "⩽", "<=", "＜＝", "小于等于", "小于或等于", "不高于", "不超过", "不大于", "不多于", "至多"),
    ">": (">", "＞", "高于", "大于", "超过", "多于"),
    "<": ("<", "＜", "低于", "小于", "少于"),
    # "达到100%" reads as "reached", i.e. equal to the target; op '='.
    "=": ("=", "＝", "等于", "达到", "达"),
}
PERCENT_SUFFIX_OPS = {"及以上": "≥", "以上": "≥", "及以下": "≤", "以下": "≤"}

CAPTION_UNIT_WORDS = ("亿元", "千万元", "百万元", "十万元", "万元", "千元", "元")


# --- the regexes, built from the vocabulary ---------------------------------------------
def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _qualifier_pattern(words) -> str:
    parts = [
        QUALIFIER_GUARDS.get(w, "") + re.escape(w) + QUALIFIER_LOOKAHEADS.get(w, "")
        for w in sorted(words, key=len, reverse=True)
    ]
    return "|".join(parts)


def _multiplier_pattern() -> str:
    # "5千米" is five kilometres, not 5000 米: a multiplier may not eat the head of a unit.
    parts = []
    for m in sorted(MULTIPLIERS, key=len, reverse=True):
        tails = [u[len(m):] for u in QUANTITY_UNITS if u.startswith(m) and u != m]
        parts.append(re.escape(m) + (f"(?!{_alternation(tails)})" if tails else ""))
    return "|".join(parts)


def _counted_numeral_pattern() -> str:
    # "五十千米" is 50 km: a Chinese numeral may not eat the head of a unit either.
    guarded = []
    for ch in CN_NUMERAL_CHARS:
        tails = [u[1:] for u in QUANTITY_UNITS if u[0] == ch and len(u) > 1]
        if tails:
            guarded.append(re.escape(ch) + f"(?!{_alternation(tails)})")
    plain = "".join(ch for ch in CN_NUMERAL_CHARS if ch not in {g[0] for g in guarded})
    return (rf"(?:[{plain}]|{'|'.join(guarded)})+"
            rf"(?:[{POINT_CHARS}][{CN_DIGIT_CHARS}]+[{CN_UNIT_CHARS}]*)?")


_COMPARATOR_OPS = {word: op for op, words in COMPARATORS.items() for word in words}
_COMPARATOR = "|".join(
    re.escape(w) + ("(?=[0-9０-９" + "".join(DIGIT_VALUES) + "十百千万])" if w == "达" else "")
    for w in sorted(_COMPARATOR_OPS, key=len, reverse=True)
)

# A number does not start inside another number or a Latin token (V2.0, GB50016).
_NUM_START = r"(?<![0-9０-９.．A-Za-z])(?<![0-9０-９][,，])"
# A minus sign, not a hyphen between two numbers or after a percent (90%-95%).
_SIGN = r"(?<![0-9０-９%％.．A-Za-z)）])[-−－]"
# PDF text breaks lines inside "465.49万\n元"; allow spaces and at most one line break.
_GAP = r"[ \t\u3000]*(?:\r?\n[ \t\u3000]*)?"
_NUMBER = rf"{_NUM_START}(?:{ARABIC_NUMBER}|{CN_NUMERAL})"
_COUNTED = rf"(?:{ARABIC_NUMBER}|{_counted_numeral_pattern()})"
_CN_DIGIT = "[" + "".join(DIGIT_VALUES) + "]"
# Published PDFs and Word files set Arabic digits apart with spaces: "事业单位 4 家".
_DIGIT_UNIT_GAP = r"(?:(?<=[0-9０-９])[ \u3000])?"

MONEY_RE = re.compile(
    rf"(?P<pre>{_qualifier_pattern(k for k, v in QUALIFIERS_BEFORE.items() if v)})?"
    rf"(?P<sign>{_SIGN})?"
    rf"(?:(?P<prefix>人民币|[¥￥])[ \t]*)?"
    rf"(?P<num>{_NUMBER})"
    rf"(?P<post>[余多])?"
    rf"{_GAP}(?P<mag>千万|百万|十万|千|万|亿)?(?P<post2>[余多])?"
    rf"{_GAP}元(?![化素旦宵里桥])"
    rf"(?:零?(?P<jiao>{_CN_DIGIT}|[0-9])角)?(?:零?(?P<fen>{_CN_DIGIT}|[0-9])分)?"
    rf"(?P<zheng>整)?(?P<tail>左右)?"
)
# A number alone in a table cell, read in the unit its header declares.
BARE_AMOUNT_RE = re.compile(rf"(?<!\S)(?P<sign>[-−－])?(?P<num>{ARABIC_NUMBER})(?!\S)")
CAPTION_UNIT_RE = re.compile(
    rf"(?:金额|计量|货币)?单位\s*[:：]?\s*(?:人民币)?\s*(?P<u1>{_alternation(CAPTION_UNIT_WORDS)})"
    rf"|[（(]\s*(?:人民币)?\s*(?P<u2>{_alternation(CAPTION_UNIT_WORDS)})\s*[）)]"
)

QUANTITY_RE = re.compile(
    rf"(?P<pre>{_qualifier_pattern(QUALIFIERS_BEFORE)})?"
    rf"{_NUM_START}(?P<num>{_COUNTED})"
    rf"(?:[ \t]*(?P<dash>[-－~～—至到])[ \t]*(?P<num2>{_COUNTED}))?"
    rf"(?P<post>[余多])?(?P<mult>{_multiplier_pattern()})?(?P<post2>[余多])?"
    rf"{_DIGIT_UNIT_GAP}(?P<unit>{_alternation(QUANTITY_UNITS)})"
    rf"(?P<tail>{_alternation(QUALIFIERS_AFTER_UNIT)})?"
)
CELL_VALUE_RE = re.compile(
    rf"(?P<pre>{_qualifier_pattern(QUALIFIERS_BEFORE)})?"
    rf"{_NUM_START}(?P<num>{_COUNTED})(?P<post>[余多])?(?P<mult>{_multiplier_pattern()})?(?P<post2>[余多])?"
    rf"[ \t]*(?P<unit>[%％]|{_alternation(QUANTITY_UNITS + CELL_ONLY_UNITS)})?"
)

PERCENT_RE = re.compile(
    rf"(?:(?P<op>{_COMPARATOR})[ \t]*)?"
    rf"(?:(?P<sign>{_SIGN})?(?P<num>{_NUMBER})[ \t]*[%％]"
    rf"|百分之(?P<cnum>{ARABIC_NUMBER}|{CN_NUMERAL}))"
    rf"(?P<suffix>{_alternation(PERCENT_SUFFIX_OPS)})?"
)
COMPARATOR_RE = re.compile(rf"\s*(?P<op>{_COMPARATOR})\s*")

_DATE_AFTER_YEAR = re.compile(rf"[0-9０-９{''.join(DIGIT_VALUES)}十]{{1,3}}月")
_LONE_MAGNITUDE = set("十百千万亿拾佰仟萬億")
# A financial capital alone belongs to a word (队伍, 陆续, 收拾): nobody counts "伍年".
_LONE_CAPITALS = set(UPPER_DIGITS) | set(UPPER_UNITS[:3])
_CENT = Decimal("0.01")


# --- match records --------------------------------------------------------------------
@dataclass(frozen=True)
class MoneyMatch:
    start: int
    end: int
    raw: str
    amount_yuan: Decimal
    unit: str   # the unit as written (万元, 元 …) or the caption's unit for a bare number
    approx: bool


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


# --- money ----------------------------------------------------------------------------
def find_money(text: str, default_unit: str | None = None) -> list[MoneyMatch]:
    """Amounts with a written unit; with `default_unit`, also numbers standing alone
    (whitespace-bounded, as in table cells) read in that unit."""
    found = [m for hit in MONEY_RE.finditer(text) if (m := _money(text, hit))]
    if default_unit is not None:
        _check_money_unit(default_unit)
        taken = [(m.start, m.end) for m in found]
        for hit in BARE_AMOUNT_RE.finditer(text):
            if any(s < hit.end() and hit.start() < e for s, e in taken):
                continue
            amount = _bare_amount(hit, default_unit)
            if amount is not None:
                found.append(MoneyMatch(hit.start(), hit.end(), hit.group(), amount, default_unit, False))
        found.sort(key=lambda m: m.start)
    return found


def parse_money(raw: str, default_unit: str | None = None) -> Decimal | None:
    """The exact yuan amount `raw` states, or None when it is not an amount.

    "69.8万元" -> 698000.00; "1,234.50" with default_unit "万元" -> 12345000.00.
    A unit written in `raw` wins over `default_unit`.
    """
    s = raw.strip()
    hit = MONEY_RE.fullmatch(s)
    if hit:
        match = _money(s, hit)
        return match.amount_yuan if match else None
    if default_unit is not None:
        _check_money_unit(default_unit)
        hit = BARE_AMOUNT_RE.fullmatch(s)
        if hit:
            return _bare_amount(hit, default_unit)
    return None


def unit_from_caption(text: str) -> str | None:
    """The money unit a table caption or header declares: "单位：万元" -> "万元"."""
    hit = CAPTION_UNIT_RE.search(text)
    return (hit.group("u1") or hit.group("u2")) if hit else None


def _money(text: str, hit: re.Match) -> MoneyMatch | None:
    numeral = hit.group("num")
    if _preceded_by(text, hit.start(), NOT_AN_AMOUNT_AFTER + _cn_only(numeral, NOT_A_CN_COUNT_AFTER)):
        return None
    qualified = bool(hit.group("pre") or hit.group("post"))
    if not _plausible_numeral(numeral, qualified, zero_ok=True):
        return None
    mag = hit.group("mag") or ""
    if not mag:
        numeral, mag = _split_unit_magnitude(numeral)
    try:
        with decimal.localcontext(EXACT):
            amount = _number(numeral).scaleb(MULTIPLIERS.get(mag, 0))
            for group, scale in (("jiao", -1), ("fen", -2)):
                if hit.group(group):
                    amount += _number(hit.group(group)).scaleb(scale)
            if hit.group("sign"):
                amount = -amount
    except (NumeralError, decimal.DecimalException):
        return None
    approx = any(hit.group(g) for g in ("pre", "post", "post2", "tail"))
    return MoneyMatch(hit.start(), hit.end(), hit.group(), _yuan(amount), _written_unit(numeral, mag), approx)


def _split_unit_magnitude(numeral: str) -> tuple[str, str]:
    """"三十九万零六百二十五千元": a trailing 千 the numeral cannot take belongs to the unit 千元."""
    try:
        _number(numeral)
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


# --- quantities -----------------------------------------------------------------------
def find_quantities(text: str) -> list[QuantityMatch]:
    """Counted quantities: "350余份", "两个", "13万人次", "3-5个", "约1000㎡", "近百人"."""
    return [q for hit in QUANTITY_RE.finditer(text) if (q := _quantity(text, hit))]


def _quantity(text: str, hit: re.Match) -> QuantityMatch | None:
    if _not_a_count(text, hit):
        return None
    mult = MULTIPLIERS.get(hit.group("mult") or "", 0)
    try:
        with decimal.localcontext(EXACT):
            value = clean_decimal(_number(hit.group("num")).scaleb(mult))
            value_max = None
            if hit.group("num2"):
                value_max = clean_decimal(_number(hit.group("num2")).scaleb(mult))
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
        start=hit.start(), end=hit.end(), raw=hit.group(), value=value, unit=hit.group("unit"),
        approx=any(approx for _, approx in qualifiers),
        qualifier=qualifiers[0][0] if qualifiers else None, value_max=value_max,
    )


def _not_a_count(text: str, hit: re.Match) -> bool:
    start = hit.start("num")
    numeral = hit.group("num")
    qualified = bool(hit.group("pre") or hit.group("post") or hit.group("post2"))
    return (
        _preceded_by(text, start, NOT_A_COUNT_AFTER + _cn_only(numeral, NOT_A_CN_COUNT_AFTER))
        or text.startswith(NOT_A_COUNT_BEFORE, hit.end("unit"))
        or any(text.startswith(idiom, start) and start + len(idiom) >= hit.end("unit") for idiom in IDIOMS)
        or not _plausible_numeral(numeral, qualified)
        or numeral in _LONE_CAPITALS
        or (hit.group("num2") is not None and not _plausible_numeral(hit.group("num2"), True))
        or _outline_number(text, hit)
    )


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
        return text[hit.start("num") - 1 : hit.start("num")] == "月"
    return False


# --- percentages and comparators ------------------------------------------------------
def find_percentages(text: str) -> list[PercentMatch]:
    """"≥95%", "不低于90%", "百分之九十五", "95%以上" (op ≥), "达到100%" (op =)."""
    found = []
    for hit in PERCENT_RE.finditer(text):
        numeral = hit.group("num") or hit.group("cnum")
        if not _plausible_numeral(numeral, qualified=True):
            continue
        try:
            with decimal.localcontext(EXACT):
                value = _number(numeral)
                value = clean_decimal(-value if hit.group("sign") else value)
        except (NumeralError, decimal.DecimalException):
            continue
        op = _COMPARATOR_OPS.get(hit.group("op") or "") or PERCENT_SUFFIX_OPS.get(hit.group("suffix") or "")
        found.append(PercentMatch(hit.start(), hit.end(), hit.group(), value, op))
    return found


def parse_comparator(s: str) -> tuple[str | None, str]:
    """Split a leading comparator off: "≥95%" -> ('≥', '95%'), "不低于90%" -> ('≥', '90%')."""
    hit = COMPARATOR_RE.match(s)
    if not hit:
        return None, s.strip()
    return _COMPARATOR_OPS[hit.group("op")], s[hit.end():].strip()


def parse_value_with_unit(s: str) -> tuple[Decimal | None, str | None]:
    """Value and unit of an indicator cell. "12人" -> (12, '人'), "≥95%" -> (95, '%'),
    "7个市（区）" -> (7, '个'), "5.5万人次" -> (55000, '人次'), "69.8万元" -> (698000, '元'),
    "100" -> (100, None), "保持上年度考评等次" -> (None, None). A comparator is skipped;
    ask `parse_comparator` for it."""
    _, rest = parse_comparator(s)
    money = MONEY_RE.match(rest)
    if money and (found := _money(rest, money)):
        return found.amount_yuan, "元"
    hit = CELL_VALUE_RE.match(rest)
    if not hit:
        return None, None
    numeral, unit = hit.group("num"), hit.group("unit")
    qualified = bool(hit.group("pre") or hit.group("post") or hit.group("post2"))
    if not _plausible_numeral(numeral, qualified):
        return None, None
    if re.fullmatch(r"[0-9０-９]{4}", numeral) and rest[hit.end("num"):].startswith("年"):
        return None, None  # "2022年底前完成" is a deadline, not a value
    try:
        with decimal.localcontext(EXACT):
            value = clean_decimal(_number(numeral).scaleb(MULTIPLIERS.get(hit.group("mult") or "", 0)))
    except (NumeralError, decimal.DecimalException):
        return None, None
    if unit == "月" and value == value.to_integral_value() and 1 <= value <= 12:
        return None, None  # "12月底前", "6月30日前": a month of the year, not a count ("3个月")
    return value, ("%" if unit in ("%", "％") else unit)


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


# --- shared helpers -------------------------------------------------------------------
def _number(numeral: str) -> Decimal:
    if re.fullmatch(ARABIC_NUMBER, numeral):
        return arabic_to_decimal(numeral)
    return parse_chinese_number(numeral)


def _plausible_numeral(numeral: str, qualified: bool, zero_ok: bool = False) -> bool:
    """Chinese forms that are words, not numbers: lone 万/千 (千人计划, 单位：万元) unless
    qualified (近百人, 上千人); digit runs (三五个 = a few; 二〇二一 = a year); lone 零
    (零件, 零星) except where the caller knows it is an amount (零元)."""
    if numeral[0] in "0０" and len(numeral) > 1 and numeral[1] not in ".．":
        return False  # 0750: an area code
    if re.match(ARABIC_NUMBER, numeral):
        return True
    if is_digit_sequence(numeral):
        return False
    if set(numeral) <= set("零〇○"):
        return zero_ok
    if set(numeral) <= _LONE_MAGNITUDE - {"十", "拾"}:
        return qualified
    return True


def _cn_only(numeral: str, words: tuple[str, ...]) -> tuple[str, ...]:
    return () if re.match(ARABIC_NUMBER, numeral) else words


def _preceded_by(text: str, pos: int, words) -> bool:
    return text[max(0, pos - 6):pos].rstrip(" \u3000").endswith(tuple(words))
