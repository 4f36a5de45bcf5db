"""How the scorer reads titles, items, names and figures before comparing them.

The scorer keeps its own numbering rules on purpose: it must not share code (and so bugs)
with what it scores, so nothing here comes from pipeline.core.numbering or the extractors.
"""
from __future__ import annotations

import re
import unicodedata

_CN_NUM = "一二三四五六七八九十百零〇两"
# Leading numbering of a title or an item: 一、 1、 1. 1.2 （一） (1) ① Ⅰ、 第一部分 第二章 第一，
# Digits need a numbering mark that cannot start a number ("3.5万元", "1,234人" keep their digits).
_NUMBERING = re.compile(
    rf"""^\s*(?:
        第[{_CN_NUM}\d]+(?:(?:部分|章|节|篇|条)[、，,：:．.]?|[、，,：:．.])
      | [（(][{_CN_NUM}\d]+[）)][、，,．.]?
      | [{_CN_NUM}]+[、，,．.：:]
      | \d+(?:[.．]\d+)+(?=[\s、])[、]?
      | \d+(?:[、)）]|[.．:：](?!\d))
      | [①-⑳⑴-⒇⒈-⒛]
      | [ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、，,．.]?
    )""",
    re.VERBOSE,
)
_ORDINAL_IS = re.compile(r"^[一二三四五六七八九十]+是")  # 一是 二是 … 十一是
WHITESPACE = re.compile(r"\s+")
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3})")
_DIGITS = re.compile(r"[\d.]")


def strip_numbering(text: str) -> str:
    """Title without its leading numbering and without any whitespace."""
    # Numbering first: a space may be what ends it ("1.1 项目概况").
    return WHITESPACE.sub("", _NUMBERING.sub("", text or "", count=1))


def normalise_item(text: str) -> str:
    """Problem/suggestion text without 一是/二是, leading numbering or whitespace."""
    text = (text or "").strip()
    while True:  # "1、一是…" carries two layers
        stripped = _ORDINAL_IS.sub("", _NUMBERING.sub("", text, count=1).lstrip(), count=1).lstrip()
        if stripped == text:
            return WHITESPACE.sub("", text)
        text = stripped


def normalise_name(name: str | None) -> str:
    """Indicator name without whitespace or punctuation (Chinese and ASCII), NFKC-folded."""
    text = unicodedata.normalize("NFKC", name or "")
    return "".join(ch for ch in text if not ch.isspace() and not unicodedata.category(ch).startswith("P"))


def without_thousands(raw: str) -> str:
    """NFKC-folded, thousands separators dropped: "1,234户" → "1234户"."""
    return _THOUSANDS.sub("", unicodedata.normalize("NFKC", raw))


def digits(raw: str) -> str:
    """The digits and decimal points of a text, in order: "2022年12月" → "202212"."""
    return "".join(_DIGITS.findall(without_thousands(raw)))
