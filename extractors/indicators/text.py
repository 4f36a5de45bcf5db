"""Indicators written as lines under a 目标设置 / 绩效目标 / 绩效指标 section:

    1、依法治市咨询专家库专家人数  12人
    （1）培训人次：≥500人次
    ①群众满意度≥90%
    2.质量指标：验收合格率100%；资金支付及时率100%

A line is a name and a target: split at a column gap or a colon, else where a comparator
starts, else before a value that ends the line. Sub-headings ("（一）产出指标", "1.数量指标")
and level prefixes ("数量指标：") set the levels of the lines under them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.form.indicators import IndicatorDraft
from extractors.form.vocab import AMBIGUOUS_LEVEL, LEVEL1_NAMES, LEVEL2_NAMES, fold, indicator_header_role, level_name
from extractors.indicators.vocab import read_value, unquote
from pipeline.core import numbering as N
from pipeline.core.quantities import COMPARATOR_RE
from pipeline.core.document import Document
from pipeline.core.spans import Spans

GOAL_SECTIONS = {"目标设置"}

# Matched on the full-width-folded text: "（1）" reads "(1)", "：" ":", "；" ";", "，" ",".
_NUMBERING = "(?:" + "|".join((
    N.arabic(end=N.LIST_END), N.arabic_paren(), N.CIRCLED_MARK, N.cn_paren(), N.cn(), N.BULLET, N.LETTER,
)) + ")"
_LINE = re.compile(rf"^[ \t]*(?P<num>{_NUMBERING})?[ \t]*(?P<body>.*?)[ \t。.]*$", re.M)
# The same, for a sentence inside a line (the search starts there, so ^ cannot anchor it).
_PIECE = re.compile(rf"[ \t]*(?P<num>{_NUMBERING})?[ \t]*(?P<body>.*?)[ \t。.]*$", re.M)
# "指标1：培训人次≥500人次": a label that numbers the item.
_ITEM_LABEL = re.compile(r"^(?:绩效)?(?:指标|目标)[\d一二三四五六七八九十]{1,2}[ \t]*:[ \t]*")
_LEVEL_PREFIX = re.compile(r"^(?P<level>[^:\s]{2,12}?)(?:\(\d+(?:\.\d+)?分\))?:[ \t]*")
_COLUMN_GAP = re.compile(r"[ \t]{2,}|\t|[ \t]*:[ \t]*")
_SENTENCE_STOP = re.compile(r"。")
_CLAUSE_SEP = re.compile(r"[;]")
_LIST_SEP = re.compile(r"[;,、]")
_TRAILING_VALUE = re.compile(
    r"(?P<value>\d[\d,]*(?:\.\d+)?[ \t]*(?:万|亿)?[ \t]*(?:%|[^\d\s,;:()。]{1,5}?)?"
    r"(?:及以上|以上|及以下|以下|以内)?)$"
)
_SENTENCE = re.compile(r"[,;。!?]")
_TARGET_LEAD = re.compile(r"(?:年初|年度|全年|计划)?(?:目标值|指标值|目标|计划值|预期值)(?:为|是|:)?[ \t]*")
_ACTUAL_WORD = re.compile(r"(?:(?:实际|全年)(?:完成|实现)?|完成|实现|达到)(?:值|了)?(?:为|是|:)?[ \t]*")
_ACTUAL_TAIL = re.compile(rf"[,;、][ \t]*{_ACTUAL_WORD.pattern}(?P<actual>[^,;。]{{1,30}})")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Words the name of a line ends with that belong to its value: "培训人次目标值：500人次".
_NAME_TAIL = re.compile(r"[,，:：、\s]*(?:的)?(?:年度)?(?:目标值|指标值|目标|计划值|预期值|要求)?[为达]?[,，:：、\s]*$")
# Lines of a goal section that state something other than an indicator.
NOT_A_NAME = re.compile(
    r"^(?:年度|总体|项目|绩效|长期|中期|阶段性|部门|整体)*目标$|^项目名称$|^(?:主管|实施|责任)(?:部门|单位)$"
    rf"|负责人$|^联系|^备注$|^说明$|^注$|^其中$|^(?:{N.part()}|{N.chapter()}|{N.jie()})$"
    r"|^(?:合计|总计|总分|小计)"
)
# A budget amount stated in the goal section is not a cost indicator unless a level says so.
BUDGET_WORDS = re.compile(r"预算|资金|拨款|投资|经费|支出|安排")
MAX_NAME, MAX_TARGET, MAX_QUALITATIVE, MAX_UNNUMBERED_LINE = 40, 30, 20, 50


def read_lists(doc: Document, taken: list[tuple[int, int]]) -> list[IndicatorDraft]:
    """Indicator lines of the goal sections; lines inside `taken` spans (tables) are skipped."""
    found: list[IndicatorDraft] = []
    taken_spans = Spans(taken)
    for start, end in _goal_ranges(doc):
        levels: dict[str, str | None] = {"level1": None, "level2": None, "style1": None}
        for line in _LINE.finditer(doc.match_text, start, end):
            if line.start() == start or taken_spans.covers(line.start()):
                continue  # the section's own heading, or a table row
            for piece in _level_sentences(doc, line):
                found.extend(_read_line(doc, piece, levels))
    return found


def _level_sentences(doc: Document, line: re.Match) -> list[re.Match]:
    """A paragraph of level sentences ("年度绩效目标：产出指标：a≥600人次；b≥95%。效益指标：
    c≥95%。") read as one line per level, without the lead-in that names the whole."""
    body, at = line.group("body"), line.start("body")
    lead = _LEVEL_PREFIX.match(body)
    if lead and not _is_level(lead.group("level")) and _starts_with_level(body[lead.end():]):
        at += lead.end()
    ends = [m.end() for m in _SENTENCE_STOP.finditer(doc.match_text, at, line.end("body"))]
    pieces = list(zip([at, *ends], [*ends, line.end("body")]))
    if len(pieces) == 1 and at == line.start("body"):
        return [line]
    texts = [doc.match_text[s:e].strip() for s, e in pieces]
    if not all(_starts_with_level(text) for text in texts if text):
        return [line]
    return [m for s, e in pieces if (m := _PIECE.match(doc.match_text, s, e)) and m.group("body")]


def _is_level(words: str) -> bool:
    return bool(level_name(words, LEVEL1_NAMES) or level_name(words, LEVEL2_NAMES))


def _starts_with_level(text: str) -> bool:
    prefix = _LEVEL_PREFIX.match(text)
    return bool(prefix and _is_level(prefix.group("level")))


def _goal_ranges(doc: Document) -> list[tuple[int, int]]:
    """The goal sections, each grown over the sections that follow it when their headings
    are indicator lines the outline took for headings ("3、受援人满意度：≥95%")."""
    ranges: list[tuple[int, int]] = []
    for section in sorted(doc.sections, key=lambda s: s.char_start):
        if ranges and section.char_start < ranges[-1][1]:
            continue
        if section.canonical in GOAL_SECTIONS:
            ranges.append((section.char_start, section.char_end))
            level = section.level
        elif ranges and section.char_start == ranges[-1][1] and section.level >= level \
                and _is_item(doc, section.char_start):
            ranges[-1] = (ranges[-1][0], section.char_end)
    return ranges


def _is_item(doc: Document, start: int) -> bool:
    line = _LINE.match(doc.match_text, start)
    probe = {"level1": None, "level2": None, "style1": None}
    return line is not None and (_set_level(line.group("body"), line.group("num"), probe)
                                 or any(_read_line(doc, line, probe)))


def _read_line(doc: Document, line: re.Match, levels: dict) -> Iterator[IndicatorDraft]:
    body, body_start = line.group("body"), line.start("body")
    numbered = line.group("num") is not None
    if not body or not _CJK.search(body):
        return
    if _set_level(body, line.group("num"), levels):
        return
    label = _ITEM_LABEL.match(body)
    if label:
        body, body_start, numbered = body[label.end():], body_start + label.end(), True
    prefix = _LEVEL_PREFIX.match(body)
    clauses = list(_clauses(body, body_start, _CLAUSE_SEP))
    if prefix and _set_level(prefix.group("level"), line.group("num"), levels):
        numbered = True  # "数量指标：" introduces its items as a number would
        clauses = list(_clauses(body[prefix.end():], body_start + prefix.end(), _CLAUSE_SEP))
        # "数量指标：培训人次500人次，培训场次10场": a comma list when every piece is an item
        finer = list(_clauses(body[prefix.end():], body_start + prefix.end(), _LIST_SEP))
        if all(_numeric_item(piece) for piece, _ in finer):
            clauses = finer
    elif not numbered and len(body) > MAX_UNNUMBERED_LINE:
        return
    for clause, at in clauses:
        split = _split(clause, numbered)
        if split is None:
            continue
        name_end, target_start = split
        written = doc.text[at:at + name_end].strip()
        name = _clean_name(written)
        target, actual = _target_and_actual(clause[target_start:], doc.text[at + target_start:at + len(clause)])
        if not _acceptable(written, name, target, levels):
            continue
        whole = len(clauses) == 1
        start = (line.start("num") if line.group("num") else line.start("body")) if whole else at
        end = line.end() if whole else at + len(clause)
        yield IndicatorDraft(
            name=name, start=start, end=end, source="text", target=target, actual=actual,
            level1=levels["level1"], level2=levels["level2"],
        )


def _clauses(body: str, at: int, separators: re.Pattern) -> Iterator[tuple[str, int]]:
    start = 0
    for sep in [*separators.finditer(body), None]:
        end = sep.start() if sep else len(body)
        piece = body[start:end]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip().rstrip("。.")
        if piece:
            yield piece, at + start + lead
        start = sep.end() if sep else end


def _set_level(text: str, numbering: str | None, levels: dict) -> bool:
    """Whether `text` is a level name; a level heading sets the level of the lines below it."""
    words = text.strip().rstrip(":")
    level1, level2 = level_name(words, LEVEL1_NAMES), level_name(words, LEVEL2_NAMES)
    style = N.shape(numbering or "")
    if level1 == AMBIGUOUS_LEVEL and levels["style1"] not in (None, style):
        level1 = None  # numbered like the level-2 headings: the older 产出 > 成本 layout
    if level1:
        levels.update(level1=level1, level2=None, style1=style)
    elif level2:
        levels["level2"] = level2
    return bool(level1 or level2)


def _split(clause: str, numbered: bool) -> tuple[int, int] | None:
    """(end of the name, start of the target) within a folded clause."""
    gap = _COLUMN_GAP.search(clause)
    if gap and gap.start() >= 2 and (numbered or ":" not in gap.group() or _numeric(clause[gap.end():])):
        return gap.start(), gap.end()
    if not numbered:
        return None
    for comparator in COMPARATOR_RE.finditer(clause):
        if comparator.start() >= 2 and _numeric(clause[comparator.start():]):
            return comparator.start(), comparator.start("op")
    trailing = _TRAILING_VALUE.search(clause)
    if trailing and trailing.start() >= 2 and _numeric(trailing.group()) \
            and not clause[trailing.start() - 1].isdigit():
        return trailing.start(), trailing.start()
    return None


def _target_and_actual(folded: str, text: str) -> tuple[str, str | None]:
    """"年度目标12000人次，完成12680人次" -> ("12000人次", "12680人次"): a line may state the
    actual after its target."""
    lead = _TARGET_LEAD.match(folded)
    begin = lead.end() if lead else 0
    target = _SENTENCE.split(folded[begin:])[0]
    tail = _ACTUAL_TAIL.match(folded, begin + len(target))
    actual = text[tail.start("actual"):tail.end("actual")].strip() if tail else None
    if actual is not None and not _numeric(actual) and len(actual) > MAX_QUALITATIVE:
        actual = None
    return unquote(text[begin:begin + len(target)].strip()), actual and unquote(actual)


def _numeric_item(clause: str) -> bool:
    """A name with a numeric target, not the actual that follows one ("实际完成520人次")."""
    split = _split(clause, True)
    return split is not None and _numeric(clause[split[1]:]) and not _ACTUAL_WORD.match(clause)


def _numeric(target: str) -> bool:
    return read_value(target)[1] is not None


def _clean_name(name: str) -> str:
    return unquote(_NAME_TAIL.sub("", unquote(name.strip())))


def _acceptable(written: str, name: str, target: str, levels: dict) -> bool:
    """Whether a split line is an indicator: a short name that is no heading, column header
    or budget line, and a target that is a value or a few words."""
    if not (2 <= len(name) <= MAX_NAME) or not target or len(target) > MAX_TARGET:
        return False
    folded_name = fold(name)
    if _SENTENCE.search(folded_name) or not _CJK.search(name) or indicator_header_role(name) is not None:
        return False
    if NOT_A_NAME.search(folded_name) or NOT_A_NAME.search(fold(written).rstrip(":").strip()):
        return False
    if name.endswith("指标") and (level_name(name, LEVEL1_NAMES) or level_name(name, LEVEL2_NAMES)):
        return False  # "数量指标" is a heading; "群众满意度" may well be an indicator
    _, value, unit = read_value(target)
    if value is None:
        return len(target) <= MAX_QUALITATIVE and not _SENTENCE.search(fold(target).rstrip("。"))
    costed = "成本" in (levels["level1"] or "") + (levels["level2"] or "")
    return not (unit and unit.startswith("元") and BUDGET_WORDS.search(name) and not costed)
