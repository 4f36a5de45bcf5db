"""Vocabulary and regex atoms shared by the money and quantity finders (money.py,
quantities.py): units, qualifiers, comparators, and what a number may look like in running text.

Grow the lists, not the code: every pattern is built from them.
"""
from __future__ import annotations

import re
from decimal import Decimal

from pipeline.core.numerals import (
    ARABIC_NUMBER,
    CN_DIGIT_CHARS,
    CN_NUMERAL,
    CN_NUMERAL_CHARS,
    CN_UNIT_CHARS,
    DIGIT_VALUES,
    POINT_CHARS,
    arabic_to_decimal,
    is_digit_sequence,
    parse_chinese_number,
)

# --- vocabulary (grow these lists, not the code) ---------------------------------------
MONEY_UNITS = {"元": 0, "千元": 3, "万元": 4, "十万元": 5, "百万元": 6, "千万元": 7, "亿元": 8}
MULTIPLIERS = {"十": 1, "百": 2, "千": 3, "万": 4, "十万": 5, "百万": 6, "千万": 7, "亿": 8}

# Counted things. Longer units win over their prefixes (人次 before 人, 个月 before 个).
# "3个月" is reported with unit 个月 so it is never confused with the date "3月".
QUANTITY_UNITS = (
    "个百分点", "百分点", "个工作日", "个月", "人次", "户次", "家次", "件次", "场次", "批次", "期次", "台次", "台套",
    "班次", "车次", "架次", "篇次", "册次", "辆次", "人天", "人日", "工日", "台班",
    "课时", "学时", "小时", "工作日", "阶段", "部门", "部分",
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
# Labels a number follows as a name, not a count, when it is set apart from what follows it
# or opens its line: "附件1 项目支出绩效自评表" (but "报送附件3份" counts copies).
LABELS_BEFORE_NUMBER = ("附件", "附表", "附图", "附录")
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
def alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def qualifier_pattern(words) -> str:
    parts = [
        QUALIFIER_GUARDS.get(w, "") + re.escape(w) + QUALIFIER_LOOKAHEADS.get(w, "")
        for w in sorted(words, key=len, reverse=True)
    ]
    return "|".join(parts)


def multiplier_pattern() -> str:
    # "5千米" is five kilometres, not 5000 米: a multiplier may not eat the head of a unit.
    parts = []
    for m in sorted(MULTIPLIERS, key=len, reverse=True):
        tails = [u[len(m):] for u in QUANTITY_UNITS if u.startswith(m) and u != m]
        parts.append(re.escape(m) + (f"(?!{alternation(tails)})" if tails else ""))
    return "|".join(parts)


def _counted_numeral_pattern() -> str:
    # "五十千米" is 50 km: a Chinese numeral may not eat the head of a unit either.
    guarded = []
    for ch in CN_NUMERAL_CHARS:
        tails = [u[1:] for u in QUANTITY_UNITS if u[0] == ch and len(u) > 1]
        if tails:
            guarded.append(re.escape(ch) + f"(?!{alternation(tails)})")
    plain = "".join(ch for ch in CN_NUMERAL_CHARS if ch not in {g[0] for g in guarded})
    return (rf"(?:[{plain}]|{'|'.join(guarded)})+"
            rf"(?:[{POINT_CHARS}][{CN_DIGIT_CHARS}]+[{CN_UNIT_CHARS}]*)?")


COMPARATOR_OPS = {word: op for op, words in COMPARATORS.items() for word in words}
COMPARATOR = "|".join(
    re.escape(w) + ("(?=[0-9０-９" + "".join(DIGIT_VALUES) + "十百千万])" if w == "达" else "")
    for w in sorted(COMPARATOR_OPS, key=len, reverse=True)
)

# A number does not start inside another number or a Latin token (V2.0, GB50016).
NUM_START = r"(?<![0-9０-９.．A-Za-z])(?<![0-9０-９][,，])"
# A minus sign, not a hyphen between two numbers or after a percent (90%-95%).
SIGN = r"(?<![0-9０-９%％.．A-Za-z)）])[-−－]"
# PDF text breaks lines inside "465.49万\n元"; allow spaces and at most one line break.
GAP = r"[ \t\u3000]*(?:\r?\n[ \t\u3000]*)?"
# A decimal with a space injected after its point by a document-sharing site: "资金35. 6万元".
# Only inside running text (right after a CJK character), where "1. 6个" cannot be a list
# number followed by a count; the caller removes the space before reading the value.
SPLIT_DECIMAL = r"(?<=[\u4e00-\u9fff])[0-9]{1,3}(?:,[0-9]{3})*[.．][ \u3000][0-9]+"
NUMBER = rf"(?:{SPLIT_DECIMAL}|{NUM_START}(?:{ARABIC_NUMBER}|{CN_NUMERAL}))"
COUNTED = rf"(?:{ARABIC_NUMBER}|{_counted_numeral_pattern()})"
SPACES = re.compile(r"[ \u3000]")
CN_DIGIT = "[" + "".join(DIGIT_VALUES) + "]"
# Published PDFs and Word files set Arabic digits apart with spaces: "事业单位 4 家".
DIGIT_UNIT_GAP = r"(?:(?<=[0-9０-９])[ \u3000])?"

LONE_MAGNITUDE = set("十百千万亿拾佰仟萬億")


# --- shared helpers -------------------------------------------------------------------
_ARABIC = re.compile(ARABIC_NUMBER)


def numeral_value(numeral: str) -> Decimal:
    numeral = SPACES.sub("", numeral)
    if _ARABIC.fullmatch(numeral):
        return arabic_to_decimal(numeral)
    return parse_chinese_number(numeral)


def plausible_numeral(numeral: str, qualified: bool, zero_ok: bool = False) -> bool:
    """Chinese forms that are words, not numbers: lone 万/千 (千人计划, 单位：万元) unless
    qualified (近百人, 上千人); digit runs (三五个 = a few; 二〇二一 = a year); lone 零
    (零件, 零星) except where the caller knows it is an amount (零元)."""
    if numeral[0] in "0０" and len(numeral) > 1 and numeral[1] not in ".．":
        return False  # 0750: an area code
    if _ARABIC.match(numeral):
        return True
    if is_digit_sequence(numeral):
        return False
    if set(numeral) <= set("零〇○"):
        return zero_ok
    if set(numeral) <= LONE_MAGNITUDE - {"十", "拾"}:
        return qualified
    return True


def cn_only(numeral: str, words: tuple[str, ...]) -> tuple[str, ...]:
    return () if _ARABIC.match(numeral) else words


def preceded_by(text: str, pos: int, words) -> bool:
    return text[max(0, pos - 6):pos].rstrip(" \u3000").endswith(tuple(words))
