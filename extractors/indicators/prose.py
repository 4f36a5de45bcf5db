"""Prose that states an indicator's actual value.

Two readings only, so that the many numbers of a report's prose stay out (counting them is
the counts extractor's job):
- explicit phrasing anywhere outside tables: "培训人次指标目标值500人次，实际完成520人次";
- in the 绩效完成 sections, a sentence that names an indicator already found in a list or
  table and gives a value in the target's unit: "全年共办理法律援助案件94件" fills the actual
  of 法律援助案件办理数量 (≥90件).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Callable, NamedTuple

from extractors.indicators.text import GOAL_SECTIONS
from extractors.form.indicators import IndicatorDraft
from extractors.form.vocab import LEVEL1_NAMES, LEVEL2_NAMES, level_name, squash
from extractors.indicators.vocab import read_value, unit_in_name, unquote
from extractors.nlp import tokenize
from pipeline.core import numbering as N
from pipeline.core.money import find_money
from pipeline.core.numbers import QUANTITY_UNITS
from pipeline.core.quantities import find_percentages, find_quantities, parse_comparator
from pipeline.core.spans import Spans
from pipeline.core.document import FULL_STOPS, Document, sentences

RESULT_SECTIONS = {"绩效完成"}
# 分钟 for durations ("平均缩短15分钟"); 分 alone is a score.
_UNIT = "|".join(re.escape(u) for u in sorted({*QUANTITY_UNITS, "%", "元", "分", "分钟"}, key=len, reverse=True))
_VALUE_START = r"(?:[≥≤><=≧≦]|不低于|不少于|不超过|不高于|达到|达)?[ \t]*\d"
_VALUE = (
    rf"{_VALUE_START}[\d,]*(?:\.\d+)?[ \t]*(?:万|亿)?"
    rf"[ \t]*(?:{_UNIT})(?:/[年季月周日天人户次])?(?:及以上|以上|以下|以内)?"
)
# A value run into the name before its target stands before the anchor: its length is bounded
# so that the anchor's reach is (_RUN_IN_REACH).
_RUN_IN_DIGITS, _RUN_IN_DECIMALS = 13, 4
_RUN_IN_VALUE = (
    rf"{_VALUE_START}[\d,]{{0,{_RUN_IN_DIGITS - 1}}}(?:\.\d{{1,{_RUN_IN_DECIMALS}}})?[ \t]*(?:万|亿)?"
    rf"[ \t]*(?:{_UNIT})(?:/[年季月周日天人户次])?(?:及以上|以上|以下|以内)?"
)
# A qualitative target is quoted ("目标为“有效保障”"); the actual follows 实际 unquoted as often.
_QUOTED = r"“[^”\n]{1,15}”"
_QUALITATIVE_ACTUAL = r"(?:“[^”\n]{1,15}”|[^,;。\n“”]{1,12})"
# A date as a deadline or the day a thing was done: "2022年11月底前", "2022年12月中旬".
_DATE = r"(?:19|20)\d\d年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|初|上旬|中旬|下旬)?(?:前|以前|之前)?"
_ON = r"(?:于|在|为)?[ \t]*"
_PLANNED = rf"(?:计划|目标值?|要求){_ON}"
_DONE = r"(?:完成|完工|竣工|建成|实施)?"
_NAME_MAX = 30
# In a bracketed pair a year is a date only with its month: "（2022年/2023年）" compares years.
_DATE_MONTH = r"(?:19|20)\d\d年\d{1,2}月(?:\d{1,2}日)?(?:底|末|初|上旬|中旬|下旬)?(?:前|以前|之前)?"
_PAIR_NAME = rf"(?P<name>[^,;。:\n、()/]{{2,{_NAME_MAX}}}?)[ \t]*"
# A value of a bracketed pair: a date, a quantity, or a bare ratio ("≥0.58/0.59").
_PAIR_VALUE = rf"(?:{_DATE_MONTH}|(?!(?:19|20)\d\d年){_VALUE}|{_VALUE_START}[\d,]*\.\d+)"
_NAME = rf"(?P<name>[^,;。:\n]{{2,{_NAME_MAX}}}?)(?:指标)?[,:]?[ \t]*(?:的)?"
# Without a label between name and value, a digit ends the name (no date or number runs into it).
_BARE_NAME = rf"(?P<name>[^,;。:\n\d]{{2,{_NAME_MAX}}}?)(?:指标)?[ \t]*"
_TARGET_CORE = r"(?:目标值|指标值|目标|计划值|预期值)(?:为|是|:)?[ \t]*"
_TARGET_WORD = rf"(?:年初|年度|全年|计划)?{_TARGET_CORE}"
# "实际受益学生53416人", "实际满意度为95.2%": 实际 may lead a few words of its own.
# How a result was measured may name it: "问卷统计结果为91.5%", "抽检结果为98%".
_ACTUAL_WORD = (r"(?:(?:实际|全年|年度)?(?:完成值|实际值|实现值|完成|实现|达到)(?:了|值)?|实际[^\d,;。:\n]{0,8}?"
                r"|[^\d,;。:\n]{0,6}?结果)(?:为|是|:)?[ \t]*")
_ACTUAL_CORE = r"(?:实际完成值|实际完成|完成值|实际值)(?:为|是|:)?[ \t]*"
# How the actual was measured may stand between target and actual ("经抽样调查，").
_ASIDE = r"(?:[^\d,;。:\n]{2,10},[ \t]*)?"
# A target or result in words after its own label (no digit first: numbers are _VALUE's).
_LABELLED_WORDS = r"[^,;。:\n\d \t][^,;。:\n]{0,14}?"
# A name given its own label: "指标名称：培训后就业率；年度指标值：≥70%；实际完成值：76.5%".
_LABELLED_NAME_MAX = 30
_LABELLED_NAME = (rf"(?:三级)?指标(?:名称)?[ \t]*:[ \t]*(?P<name>[^,;。:\n]{{2,{_LABELLED_NAME_MAX}}}?)"
                  r"[ \t]*[,;][ \t]*")
# Matched on the folded text ("，" reads ",", "：" ":"): the target first, or the actual first
# with the target after it ("实际完成520人次（目标值500人次）"). A labelled name starts before
# the unlabelled reading of the same phrase would, and so is read first.
EXPLICIT = (
    re.compile(rf"{_LABELLED_NAME}{_TARGET_WORD}(?P<target>{_VALUE})[ \t]*[,;、]?[ \t]*{_ASIDE}"
               rf"{_ACTUAL_WORD}(?P<actual>{_VALUE})(?![\d.])"),
    re.compile(rf"{_NAME}{_TARGET_WORD}(?P<target>{_VALUE})[ \t]*[,;、]?[ \t]*{_ASIDE}{_ACTUAL_WORD}"
               rf"(?P<actual>{_VALUE})(?![\d.])"),
    re.compile(rf"{_NAME}{_ACTUAL_CORE}(?P<actual>{_VALUE})"
               rf"[ \t]*[,;、(]?[ \t]*{_TARGET_WORD}(?P<target>{_VALUE})(?![\d.])"),
    re.compile(rf"{_NAME}{_TARGET_WORD}(?P<target>{_QUOTED})[ \t]*[,;、]?[ \t]*"
               rf"实际(?:完成|实现|情况)?(?:为|是|:)?[ \t]*(?P<actual>{_QUALITATIVE_ACTUAL})"),
    # The result run into the name, its target after it: "新建村级道路2.3公里，目标值2公里".
    re.compile(rf"{_BARE_NAME}(?P<actual>{_RUN_IN_VALUE})[ \t]*[,;、(][ \t]*{_TARGET_WORD}(?P<target>{_VALUE})(?![\d.])"),
    # Deadlines (时效): "项目完工时间2022年10月，目标值2022年11月底前",
    # "项目完成及时性：计划2022年11月底前完成，实际于2022年12月中旬完成".
    re.compile(rf"{_BARE_NAME}(?P<actual>{_DATE})[ \t]*[,;、][ \t]*{_TARGET_WORD}(?P<target>{_DATE})(?!\d)"),
    re.compile(rf"{_NAME}{_PLANNED}(?P<target>{_DATE}){_DONE}[ \t]*[,;][ \t]*实际{_ON}(?P<actual>{_DATE}){_DONE}"),
    # Target and result in one bracket: "新建防渗渠道（≥35公里/36.2公里）、节水灌溉面积（…）".
    re.compile(rf"{_PAIR_NAME}\((?P<target>{_PAIR_VALUE})/(?P<actual>{_PAIR_VALUE})\)"),
    # A labelled name with a deadline or a few words for target and result:
    # "指标名称：桥梁设计荷载等级；指标值：公路-Ⅱ级；实际值：公路-Ⅱ级；得分：10分".
    re.compile(rf"{_LABELLED_NAME}{_TARGET_WORD}(?P<target>{_DATE}|{_LABELLED_WORDS})[ \t]*[,;][ \t]*"
               rf"{_ACTUAL_CORE}(?P<actual>{_DATE}|{_LABELLED_WORDS})(?=[ \t]*(?:[,;。]|$))", re.M),
)
# Every explicit phrase holds one of these (_TARGET_WORD, _PLANNED), or a bracketed pair.
_PAIR_HINT = r"[^()\n/]*/"
_TARGET_WORDS = re.compile(rf"目标|指标值|计划|预期值|要求|\({_PAIR_HINT}")
# Where each pattern's name ends, its anchor starts (one anchor per pattern of EXPLICIT, in order): the target word (or the actual word) with
# the start of the value after it, as the pattern has them. A match starts at most `reach`
# characters before its anchor, not counting spaces and tabs (name, 指标, [,:], 的, 年初 …), so
# the patterns are tried only there: trying them at every offset of a long line was slow.
_NAME_REACH = _NAME_MAX + len("指标") + len(",") + len("的")
# The longest value run into a name, blanks not counted ("不低于1234567890123.4567万平方公里/人及以上").
_RUN_IN_REACH = (len("不低于") + _RUN_IN_DIGITS + 1 + _RUN_IN_DECIMALS + len("万")
                 + max(map(len, _UNIT.replace("\\", "").split("|"))) + len("/人") + len("及以上"))
_TARGET_PREFIXES = ("年初", "年度", "全年", "计划")
_DATE_REACH = len("2022年12月31日下旬以前")
# A labelled name stands further back: "三级指标名称:" NAME ";" before the target word.
_LABELLED_REACH = len("三级指标名称:") + _LABELLED_NAME_MAX + len(";")


def _after_separator(text: str, line_start: int, at: int) -> bool:
    """Whether a comma (or 、 ; or an opening bracket) stands before the target word at `at`,
    past one of _TARGET_PREFIXES and blanks: where a result run into its name ends."""
    i = at
    if text.startswith(_TARGET_PREFIXES, max(line_start, i - 2)) and i - 2 >= line_start:
        i -= 2
    while i > line_start and text[i - 1] in " \t":
        i -= 1
    return i > line_start and text[i - 1] in ",;、("


class _Anchor(NamedTuple):
    at: re.Pattern
    reach: int
    keep: Callable[[str, int, int], bool] | None = None  # a quick test of the text before


_ANCHORS = (
    _Anchor(re.compile(rf"(?={_TARGET_CORE}{_VALUE_START})"), _LABELLED_REACH + len("年初")),
    _Anchor(re.compile(rf"(?={_TARGET_CORE}{_VALUE_START})"), _NAME_REACH + len("年初")),
    _Anchor(re.compile(rf"(?={_ACTUAL_CORE}{_VALUE_START})"), _NAME_REACH),
    _Anchor(re.compile(rf"(?={_TARGET_CORE}“)"), _NAME_REACH + len("年初")),
    _Anchor(re.compile(rf"(?={_TARGET_CORE}{_VALUE_START})"), _NAME_REACH + _RUN_IN_REACH + len(",年初"),
            _after_separator),
    _Anchor(re.compile(rf"(?={_TARGET_CORE}(?:19|20)\d\d年)"), _NAME_REACH + _DATE_REACH + len(",年初"),
            _after_separator),
    _Anchor(re.compile(rf"(?={_PLANNED}(?:19|20)\d\d年)"), _NAME_REACH),
    _Anchor(re.compile(rf"(?=\({_PAIR_HINT})"), _NAME_REACH),
    _Anchor(re.compile(rf"(?={_TARGET_CORE})"), _LABELLED_REACH + len("年初")),
)
_LINE = re.compile(r"[^\n]+")
# Leading words of an explicit phrase that are not the indicator's name.
_NAME_LEAD = re.compile(
    rf"^(?:其中|另外|此外|同时|{N.shi()}|{N.arabic()}|{N.arabic_paren()})*[ \t]*"
    r"(?:(?P<level>(?:产出|效益|效果|满意度|成本|数量|质量|时效|社会效益|经济效益|生态效益|可持续影响)指标)"
    r"(?:中|方面)?[,:]?)?"
)
_LINE_LEVEL = re.compile(r"[^:\n]{0,8}?(?P<level>[^:\n\d.、()]{2,10}指标):")
_TARGET_BEFORE = re.compile(r"(?:目标值?|指标值|计划值?|预期值?)(?:为|是|:)?[≥≤><=≧≦]?$")
_CLAUSE_BREAK = re.compile(r"[,、:;]")
# Words of an indicator name that any sentence may contain: they prove nothing.
GENERIC_WORDS = {"数量", "数", "指标", "情况", "的", "年度", "全年", "累计", "总", "个数", "人数", "次数",
                 "件数", "户数", "完成", "实际", "工作", "项目"}
# Share of a name's words (by characters) a sentence must repeat: 群众满意度 is not 受援人满意度.
MIN_COVER = 0.7


@dataclass(frozen=True)
class _Value:
    start: int
    end: int
    unit: str


def read_explicit(doc: Document, taken: list[tuple[int, int]]) -> list[IndicatorDraft]:
    found: list[IndicatorDraft] = []
    lines = _target_lines(doc.match_text)
    hits = sorted((hit for pattern, anchor in zip(EXPLICIT, _ANCHORS, strict=True)
                   for hit in _explicit_hits(pattern, doc.match_text, lines, anchor)),
                  key=lambda h: h.start())
    taken_spans, read = Spans(taken), Spans()
    for hit in hits:
        if taken_spans.covers(hit.start()) or read.overlaps(hit.start(), hit.end()):
            continue  # inside a table or list line, or another reading of a phrase already read
        lead = _NAME_LEAD.match(hit.group("name"))
        name_start = hit.start("name") + (lead.end() if lead else 0)
        name = unquote(doc.text[name_start:hit.end("name")].strip())
        if len(name) < 2:
            continue
        sentence = doc.sentence_at(hit.start(), hit.end())
        level1, level2 = _levels(doc, name_start, lead.group("level") if lead else None)
        read.add(name_start, hit.end())
        found.append(IndicatorDraft(
            name=name, start=name_start, end=hit.end(), source="text",
            target=unquote(doc.text[hit.start("target"):hit.end("target")].strip()),
            actual=unquote(doc.text[hit.start("actual"):hit.end("actual")].strip()),
            level1=level1, level2=level2, actual_evidence=sentence,
        ))
    return found


def _target_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines that name a target, found once for every pattern."""
    return [line.span() for line in _LINE.finditer(text) if _TARGET_WORDS.search(line.group())]


def _explicit_hits(pattern: re.Pattern, text: str, lines: list[tuple[int, int]],
                   anchor: _Anchor) -> Iterator[re.Match]:
    """pattern.finditer(text), line by line and only on lines that name a target (no phrase
    spans a line break): the same matches, tried only at the offsets `reach` characters (plus
    the line's spaces and tabs) or fewer before an anchor that passes its `keep` test."""
    for start, end in lines:
        starts = _candidate_starts(text, start, end, anchor)
        pos = start
        for at in starts:
            if at < pos:
                continue
            hit = pattern.match(text, at, end)
            if hit:
                yield hit
                pos = hit.end() if hit.end() > at else at + 1


def _candidate_starts(text: str, start: int, end: int, anchor: _Anchor) -> list[int]:
    """Offsets of text[start:end] from which a match can reach an anchor, in order."""
    starts: list[int] = []
    for hit in anchor.at.finditer(text, start, end):
        at = hit.start()
        if anchor.keep is not None and not anchor.keep(text, start, at):
            continue
        blanks = text.count(" ", start, at) + text.count("\t", start, at)
        first = max(start, at - anchor.reach - blanks, starts[-1] + 1 if starts else start)
        starts.extend(range(first, at - 1))
    return starts


def _levels(doc: Document, start: int, lead: str | None) -> tuple[str | None, str | None]:
    """Levels named by the headings above ("（一）产出指标") and by the phrase's own lead-in,
    or by the start of its line ("1.数量指标：…")."""
    line_start = doc.match_text.rfind("\n", 0, start) + 1
    line_lead = _LINE_LEVEL.match(doc.match_text, line_start, start)
    titles = [s.title for s in doc.section_chain(start)]
    titles += [lead or "", line_lead.group("level") if line_lead else ""]
    level1 = next((n for t in reversed(titles) if (n := level_name(t, LEVEL1_NAMES))), None)
    level2 = next((n for t in reversed(titles) if (n := level_name(t, LEVEL2_NAMES))), None)
    return level1, level2


def fill_actuals(doc: Document, items: list[IndicatorDraft], taken: list[tuple[int, int]]) -> None:
    """Give indicators without an actual the value a result sentence states for them."""
    wanting = [(item, unit) for item in items if item.actual is None
               and (unit := read_value(item.target, item.unit or unit_in_name(item.name))[2])]
    if not wanting:
        return
    values = _result_values(doc, taken)
    clauses = _Clauses(doc, values, {unit for _, unit in wanting})
    used: set[int] = set()
    for item, unit in wanting:
        words, head = _content_words(item.name)
        best: tuple[float, _Value, tuple[int, int]] | None = None
        for index in clauses.naming(unit, head):
            value, sentence = values[index]
            if value.start in used:
                continue
            context = clauses.context(index)
            cover = sum(len(w) for w in words if w in context) / sum(len(w) for w in words)
            if cover >= MIN_COVER and (best is None or cover > best[0]):
                best = (cover, value, sentence)
        if best is not None:
            _, value, sentence = best
            used.add(value.start)
            raw = doc.text[value.start:value.end]
            item.actual = parse_comparator(raw)[1]  # "达到96%" states 96%
            item.actual_evidence = sentence


class _Clauses:
    """Per result value, the clause before it and the sentence up to it (squashed), each
    computed once; and per unit and head word, the values whose clause names the head and is
    not a target ("目标值≥12000人" is the target again, not the actual). Asking each indicator
    about every value of a long document would be quadratic in its length."""

    def __init__(self, doc: Document, values: list, units: set[str]) -> None:
        self.doc, self.values = doc, values
        self.by_unit: dict[str, list[tuple[int, str]]] = {}
        self._naming: dict[tuple[str, str], list[int]] = {}
        self._contexts: dict[int, str] = {}
        for index, (value, sentence) in enumerate(values):
            if value.unit in units:
                breaks = _CLAUSE_BREAK.finditer(doc.match_text, sentence[0], value.start)
                clause_start = max((m.end() for m in breaks), default=sentence[0])
                clause = squash(doc.text[clause_start:value.start])
                if not _TARGET_BEFORE.search(clause):
                    self.by_unit.setdefault(value.unit, []).append((index, clause))

    def naming(self, unit: str, head: str) -> list[int]:
        """Indexes of the values in `unit` whose clause holds `head`, in the order of the text."""
        key = (unit, head)
        if key not in self._naming:
            self._naming[key] = [i for i, clause in self.by_unit.get(unit, ()) if head in clause]
        return self._naming[key]

    def context(self, index: int) -> str:
        if index not in self._contexts:
            value, sentence = self.values[index]
            self._contexts[index] = squash(self.doc.text[sentence[0]:value.start])
        return self._contexts[index]


def _result_values(doc: Document, taken: list[tuple[int, int]]) -> list[tuple[_Value, tuple[int, int]]]:
    found = []
    taken_spans = Spans(taken)
    figures: _Figures | None = None
    for section in doc.sections:
        # "（一）产出指标" under a goal section names 产出 but states targets, not results.
        if section.canonical not in RESULT_SECTIONS or any(
                s.canonical in GOAL_SECTIONS for s in doc.section_chain(section.char_start)):
            continue
        # Whole sentences, not clauses: "共办理法律援助案件94件；结案率100%" names the 法律援助案件
        # whose 结案率 the second clause gives.
        for at, end in sentences(doc.text, section.char_start, section.char_end, ends=FULL_STOPS):
            if taken_spans.covers(at):
                continue
            figures = figures or _Figures(doc)
            found.extend((v, (at, end)) for v in figures.within(at, end))
    return sorted(set(found), key=lambda pair: pair[0].start)


class _Figures:
    """The quantities, percentages and amounts of the whole document, found once (counts and
    budgets scan the same texts, and keep the scans), by where they start: reading each
    sentence of a long report again cost a seventh of its extraction."""

    def __init__(self, doc: Document) -> None:
        values = [_Value(m.start, m.end, m.unit) for m in find_quantities(doc.match_text)]
        values += [_Value(m.start, m.end, "%") for m in find_percentages(doc.match_text)]
        values += [_Value(m.start, m.end, "元") for m in find_money(doc.text)]
        self.values = sorted(values, key=lambda v: v.start)
        self.starts = [v.start for v in self.values]

    def within(self, start: int, end: int) -> Iterator[_Value]:
        for value in self.values[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]:
            if value.end <= end:
                yield value


def _content_words(name: str) -> tuple[list[str], str]:
    """The words of a name that a sentence about it must repeat, and its head word
    ("结案率", "满意度", "及时率"), which must stand in the clause that holds the value."""
    tokens = [t.text for t in tokenize(squash(name)) if t.text.strip()]
    if len(tokens) > 1 and tokens[-1] in QUANTITY_UNITS:
        tokens.pop()  # "培训人次": the unit says nothing about what is counted
    words = [t for t in tokens if t not in GENERIC_WORDS] or tokens
    head = words[-1]
    if len(head) == 1 and len(words) > 1:
        head = words[-2] + head
    return words, head
