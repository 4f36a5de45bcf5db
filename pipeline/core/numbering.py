"""List and heading numbering: the one vocabulary of markers.

Reports number their outline and their lists in a handful of styles. GB/T 9704 (the format of
official documents) ranks them from the outside in: 一、 > （一） > 1. > （1）; parts, chapters
and sections (第一部分, 第二章, 第三节) enclose them, and ① numbers the innermost items. Prose
counts its points in words: "一是…二是…", "第一，…其二，…", "问题一：…".

Each style is written here once, as a regex fragment without anchors: the section detector,
the enumerations of problems and suggestions, the indicator lines, the counts and the PDF
reader add their own (a line start, the end of a clause, a named group around the number)
and say where they take a variant and why. Fragments read raw and full-width-folded text alike
("（一）" and "(一)", "1．" and "1."), so callers on `doc.text` and on `doc.match_text` share
them. The scorer in pipeline/evaluate/ keeps its own rules on purpose: it must not share a bug
with what it scores.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.core.numerals import NumeralError, is_digit_sequence, parse_chinese_number

# --- what a marker's number is written with ---------------------------------------------------
CN_DIGITS = "一二三四五六七八九十"
# A list counts to 九十九 at most, so a longer run of numerals is no list number.
CN_ORDINAL = f"[{CN_DIGITS}]{{1,3}}"
ARABIC = r"\d{1,2}"
# Parts and chapters may count on past 九十九 (第一百零一章), and so may a long list in a PDF.
CN_NUMBER = f"[{CN_DIGITS}百零〇]+"
CHAPTER_NUMBER = rf"(?:{CN_NUMBER}|\d+)"
CIRCLED = "\u2460-\u2473"  # ① … ⑳, as the body of a character class
DARK_CIRCLED = "\u2776-\u277f"  # ❶ … ❿

# --- the punctuation around it ----------------------------------------------------------------
OPEN, CLOSE, DOT = "[(（]", "[)）]", "[.．]"
# 一、 or 1.: a dot followed by a digit is a decimal point ("1.5万元"), not numbering.
END = rf"(?:、|{DOT}(?!\d))"
# Inside a paragraph "1、2、3月" lists numbers, so there a 、 before a digit is no marker either.
INLINE_END = r"[、.．](?!\d)"
# 1): a closing bracket followed by a digit is arithmetic or a range, not numbering.
HALF_END = rf"{CLOSE}(?!\d)"
# In a list, 1. 1、 and 1) count on as one style; an outline ranks 1) below 1.
LIST_END = rf"(?:{END}|{HALF_END})"
# "（一）、" and "（1）." carry a redundant mark after the bracket.
AFTER_PAREN = "[、.．]?"
# A heading number glued to the year its title starts with: "5.2024年部门整体支出…".
BEFORE_YEAR = rf"{DOT}(?=(?:19|20)\d\d年)"

# --- the styles, outermost first --------------------------------------------------------------
# GB/T 9704 nesting (一、 > （一） > 1. > （1）), extended outwards by parts, chapters and
# sections and inwards by 1) and ①: a style with a lower rank encloses one with a higher rank.
# Decimal numbering (1.1, 1.1.1) sits between 1. and （1）, deeper the more parts it has.
RANK = {
    "part": 0, "chapter": 1, "jie": 2, "cn": 3, "cn_paren": 4, "arabic": 5,
    "arabic_paren": 7, "arabic_half": 8, "circled": 9,
}


def part(number: str = CHAPTER_NUMBER) -> str:
    """第一部分"""
    return f"第{number}部分"


def chapter(number: str = CHAPTER_NUMBER) -> str:
    """第一章"""
    return f"第{number}章"


def jie(number: str = CHAPTER_NUMBER) -> str:
    """第一节"""
    return f"第{number}节"


def cn(number: str = CN_ORDINAL, end: str = END) -> str:
    """一、 一."""
    return f"{number}{end}"


def cn_paren(number: str = CN_ORDINAL) -> str:
    """（一） （一）、"""
    return f"{OPEN}{number}{CLOSE}{AFTER_PAREN}"


def arabic(number: str = ARABIC, end: str = END) -> str:
    """1、 1."""
    return f"{number}{end}"


# 1.1 and 1.1.1 before a title: a space and then text follow them, where "1.5万元" runs
# straight on into its unit.
DECIMAL = rf"{ARABIC}(?:{DOT}\d{{1,2}})+{DOT}?(?=\s+\D)"
# The top of a decimal outline writes its number bare: "1 项目概况" over "1.1 项目背景". A line of
# a table or of wrapped text may start with "12 人" as well, so the section detector takes it
# only for a short title alone on its line.
DECIMAL_TOP = rf"{ARABIC}(?=[ \u3000]+[^\W\d_])"


def arabic_paren(number: str = ARABIC) -> str:
    """（1） （1）."""
    return f"{OPEN}{number}{CLOSE}{AFTER_PAREN}"


def arabic_half(number: str = ARABIC) -> str:
    """1)"""
    return f"{number}{HALF_END}"


CIRCLED_MARK = f"[{CIRCLED}]"  # ①

# Unnumbered item marks of indicator lists: "- 培训人次", "a. 验收合格率".
BULLET = "[-•·●▪◆■]"
LETTER = "[a-zA-Z][.、)]"


# --- how prose counts its points --------------------------------------------------------------
def shi(number: str = CN_ORDINAL) -> str:
    """一是 (but not 一是否)"""
    return f"{number}是(?![否非])"


def di(number: str = CN_ORDINAL) -> str:
    """第一， 其二是 — what follows the number tells a point from 第一批."""
    return f"[第其]{number}(?:是|[，,、：:])"


# "问题一：" "措施二：": an item labelled by its kind and number; the label is no part of its text.
ITEM_LABELS = ("问题", "不足", "措施", "建议", "对策", "举措")


def label(number: str = CN_ORDINAL) -> str:
    """问题一："""
    return f"(?:{'|'.join(ITEM_LABELS)}){number}[：:]"


# --- reading a marker -------------------------------------------------------------------------
_NUMBER_IN_MARKER = re.compile(
    rf"(?P<circled>[{CIRCLED}{DARK_CIRCLED}])|(?P<arabic>\d+)|(?P<cn>[{CN_DIGITS}百零〇]+)"
)


# Markers come from a small vocabulary ("一、", "（三）", "1."), read on every numbered line.
@lru_cache(maxsize=4096)
def ordinal(marker: str) -> int | None:
    """The number a marker counts: "（三）" -> 3, "十一、" -> 11, "⑳" -> 20, "第二部分" -> 2.

    Of a decimal number the last part counts ("1.2" is the second item under 1). None when the
    marker holds no count: no number, or numerals read one by one ("一二"), which number no list.
    """
    numbers: dict[str, list[str]] = {"circled": [], "arabic": [], "cn": []}
    for match in _NUMBER_IN_MARKER.finditer(marker):
        numbers[match.lastgroup].append(match.group())
    if numbers["circled"]:
        ch = numbers["circled"][0]
        return ord(ch) - (0x2460 if ch <= "\u2473" else 0x2776) + 1
    if numbers["arabic"]:
        return int(numbers["arabic"][-1])
    if not numbers["cn"] or is_digit_sequence(numbers["cn"][0]):
        return None
    try:
        return int(parse_chinese_number(numbers["cn"][0]))
    except NumeralError:
        return None  # "十十": numerals that make no number


def rank(style: str) -> float | None:
    """The GB/T 9704 rank of a style key; "decimal2" (1.1) is one step inside "arabic" (1.)."""
    if style.startswith("decimal"):
        return RANK["arabic"] + int(style.removeprefix("decimal")) / 10
    return RANK.get(style)


_CN_RUN, _DIGIT_RUN = re.compile(f"[{CN_DIGITS}]+"), re.compile(r"\d+")


def shape(marker: str) -> str:
    """A marker with its number written as 0 or 一: "2." and "1." share a shape, "（1）" another."""
    return _CN_RUN.sub("一", _DIGIT_RUN.sub("0", marker))


# --- where a line opens a paragraph of its own -------------------------------------------------
# A line that starts like a heading or a list item opens a paragraph of its own; so does an
# article or a volume (第一条, 第二篇), and ❶ as well as ①. A budget's lists may count past 99
# ("101、", "（一百零一）"). A wrap may fall inside "1、2、3月", so "1、" before a digit is none,
# while "一、2024年“三公”经费…" is a heading.
LONG_ARABIC = r"\d{1,3}"
HEADING_START = re.compile(r"\s*(?:" + "|".join((
    cn(CN_NUMBER), cn_paren(CN_NUMBER), arabic_paren(LONG_ARABIC), arabic(LONG_ARABIC, INLINE_END),
    part(), chapter(), jie(), f"第{CHAPTER_NUMBER}[条篇]", f"[{CIRCLED}{DARK_CIRCLED}]",
)) + ")")
