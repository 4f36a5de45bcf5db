"""Word automatic numbering: the labels ("一、", "（二）", "1.2") that numbering.xml adds.

Word keeps these labels out of the paragraph text, so a reader that only joins runs loses
the "一、" of every numbered heading. This module replays Word's counters over the
paragraphs in document order and renders each label the way Word displays it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Mapping

from lxml.etree import _Element

from pipeline.core.numerals import to_chinese_numeral, to_financial_capitals
from pipeline.readers.docx.xml import child_val, is_on, maybe_int, qn, to_int

_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
# ①..⑳, ㉑..㉟, ㊱..㊿: the three Unicode runs of circled numbers 1-50.
_CIRCLED = (
    "".join(map(chr, range(0x2460, 0x2474)))
    + "".join(map(chr, range(0x3251, 0x3260)))
    + "".join(map(chr, range(0x32B1, 0x32C0)))
)
_PARENTHESIZED = "".join(map(chr, range(0x2474, 0x2488)))  # ⑴..⒇
_FULLSTOP = "".join(map(chr, range(0x2488, 0x249C)))  # ⒈..⒛
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)
_PLACEHOLDER = re.compile(r"%([1-9])")
# Word separates the label from the text with a tab by default. A label already closed by
# Chinese punctuation reads as "一、项目概况" in print, so the tab is dropped; any other
# label gets one space ("1. 项目概况", "第一部分 项目概况").
_CLOSED_BY = ("、", "）")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")  # Symbol/Wingdings bullets


def chinese_counting(n: int) -> str:
    """1→一, 10→十, 11→十一, 101→一百零一, 10001→一万零一.

    Serves both chineseCounting and chineseCountingThousand: they differ only in how Word
    writes numbers past 99, which no report heading reaches.
    """
    return to_chinese_numeral(n)


def chinese_legal(n: int) -> str:
    """The financial form keeps the leading one: 11→壹拾壹."""
    return to_financial_capitals(n)


def _cyclic(symbols: str) -> Callable[[int], str]:
    return lambda n: symbols[(n - 1) % len(symbols)]


def _enclosed(symbols: str, fallback: str) -> Callable[[int], str]:
    return lambda n: symbols[n - 1] if 1 <= n <= len(symbols) else fallback.format(n)


def _letters(n: int) -> str:
    """Word's letter sequence: A..Z, then AA, BB, …"""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    text = ""
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        text += numeral * count
    return text


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}),
    "decimalEnclosedParen": _enclosed(_PARENTHESIZED, "({})"),
    "decimalEnclosedFullstop": _enclosed(_FULLSTOP, "{}."),
    "decimalEnclosedCircle": _enclosed(_CIRCLED, "{}"),
    "decimalEnclosedCircleChinese": _enclosed(_CIRCLED, "{}"),
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    # LibreOffice writes its Chinese counting (from a .doc, say) as these; the same below 100.
    "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting,
    "chineseLegalSimplified": chinese_legal,
    "ideographTraditional": _cyclic(_HEAVENLY_STEMS),
    "ideographZodiac": _cyclic(_EARTHLY_BRANCHES),
    "upperLetter": _letters,
    "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """One counter value in a w:numFmt; formats we do not know fall back to decimal."""
    return _FORMATS.get(fmt, str)(n)


@dataclass(frozen=True)
class Level:
    """One w:lvl of a list definition."""

    fmt: str  # w:numFmt
    text: str  # w:lvlText, a template such as "（%2）"
    start: int
    suffix: str  # w:suff: tab, space or nothing
    # Using any level shallower than this (0-based) resets the counter; lvlRestart 0 = never.
    restart_below: int
    legal: bool  # w:isLgl: every placeholder in decimal
    style_id: str | None  # w:pStyle: the paragraph style this level is linked to

    def label(self, counters: Mapping[int, int], levels: Mapping[int, Level]) -> str:
        if self.fmt == "bullet":
            return "" if _PRIVATE_USE.search(self.text) else self.text

        def value(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            if k not in levels:
                return ""
            fmt = "decimal" if self.legal else levels[k].fmt
            return format_number(counters.get(k, levels[k].start), fmt)

        return _PLACEHOLDER.sub(value, self.text)

    def with_suffix(self, label: str) -> str:
        if not label or self.suffix == "nothing" or label.endswith(_CLOSED_BY):
            return label
        return label + " "


@dataclass(frozen=True)
class _Instance:
    """A w:num: which list definition it uses and how it overrides it."""

    abstract_id: str
    levels: Mapping[int, Level]  # w:lvlOverride/w:lvl replaces a whole level
    starts: Mapping[int, int]  # w:lvlOverride/w:startOverride

    @property
    def restarts(self) -> bool:
        """A start override makes this w:num a list of its own ("restart numbering")."""
        return bool(self.starts)


class Numbering:
    """Definitions from numbering.xml plus the running counters, in document order."""

    def __init__(self, root: _Element | None, numbering_style_nums: Mapping[str, str]) -> None:
        self._abstracts, self._style_links, self._instances = _definitions(root)
        self._numbering_style_nums = numbering_style_nums
        self._counters: dict[str, dict[int, int]] = {}

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level a list definition ties to a paragraph style (w:lvl/w:pStyle)."""
        for ilvl, level in self._levels(num_id).items():
            if style_id and level.style_id == style_id:
                return ilvl
        return None

    def next_label(self, num_id: str, ilvl: int) -> str:
        """Advance the counters for one numbered paragraph; its label with the suffix."""
        levels = self._levels(num_id)
        if ilvl not in levels:
            return ""
        instance = self._instances[num_id]
        # w:nums over one list definition continue one count, as in Word, unless a start
        # override ("restart numbering") makes one of them a list of its own.
        key = f"num:{num_id}" if instance.restarts else f"abstract:{self._resolve(instance.abstract_id)}"
        counters = self._counters.setdefault(key, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else levels[ilvl].start
        for deeper in [k for k in counters if k > ilvl]:
            if deeper not in levels or ilvl < levels[deeper].restart_below:
                del counters[deeper]
        level = levels[ilvl]
        return level.with_suffix(level.label(counters, levels))

    def _levels(self, num_id: str) -> dict[int, Level]:
        instance = self._instances.get(num_id)
        if instance is None:
            return {}
        levels = dict(self._abstracts.get(self._resolve(instance.abstract_id), {}))
        levels.update(instance.levels)
        for ilvl, start in instance.starts.items():
            if ilvl in levels:
                levels[ilvl] = replace(levels[ilvl], start=start)
        return levels

    def _resolve(self, abstract_id: str) -> str:
        """Follow w:numStyleLink: the list is defined where the numbering style points."""
        seen = set()
        while abstract_id in self._style_links and abstract_id not in seen:
            seen.add(abstract_id)
            num_id = self._numbering_style_nums.get(self._style_links[abstract_id])
            instance = self._instances.get(num_id or "")
            if instance is None:
                break
            abstract_id = instance.abstract_id
        return abstract_id


@lru_cache(maxsize=16)
def _definitions(root: _Element | None) -> tuple[dict[str, dict[int, Level]], dict[str, str], dict[str, _Instance]]:
    """The list definitions (abstracts by id, their numbering-style links) and the w:nums of
    a numbering.xml tree: read once per tree (package.py parses each distinct numbering.xml
    once), never changed; only the counters are each document's own."""
    abstracts: dict[str, dict[int, Level]] = {}
    style_links: dict[str, str] = {}
    instances: dict[str, _Instance] = {}
    if root is None:
        return abstracts, style_links, instances
    for abstract in root.iterchildren(qn("w:abstractNum")):
        abstract_id = abstract.get(qn("w:abstractNumId"))
        abstracts[abstract_id] = dict(map(_parse_level, abstract.iterchildren(qn("w:lvl"))))
        link = child_val(abstract, "w:numStyleLink")
        if link:
            style_links[abstract_id] = link
    for num in root.iterchildren(qn("w:num")):
        instances[num.get(qn("w:numId"))] = _parse_instance(num)
    return abstracts, style_links, instances


def _parse_level(lvl: _Element) -> tuple[int, Level]:
    ilvl = to_int(lvl.get(qn("w:ilvl")), 0)
    restart = to_int(child_val(lvl, "w:lvlRestart"), ilvl)
    return ilvl, Level(
        fmt=child_val(lvl, "w:numFmt") or "decimal",
        text=child_val(lvl, "w:lvlText") or "",
        start=to_int(child_val(lvl, "w:start"), 0),  # ECMA-376: no w:start means zero
        suffix=child_val(lvl, "w:suff") or "tab",
        restart_below=restart if restart <= ilvl else ilvl,
        legal=is_on(lvl.find(qn("w:isLgl"))),
        style_id=child_val(lvl, "w:pStyle"),
    )


def _parse_instance(num: _Element) -> _Instance:
    levels: dict[int, Level] = {}
    starts: dict[int, int] = {}
    for override in num.iterchildren(qn("w:lvlOverride")):
        ilvl = to_int(override.get(qn("w:ilvl")), 0)
        lvl = override.find(qn("w:lvl"))
        if lvl is not None:
            levels[ilvl] = _parse_level(lvl)[1]
        start = maybe_int(child_val(override, "w:startOverride"))
        if start is not None:
            starts[ilvl] = start
    return _Instance(child_val(num, "w:abstractNumId") or "", levels, starts)

