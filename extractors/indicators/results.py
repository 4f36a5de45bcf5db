"""Results stated in prose, in a report that sets no targets: its indicators.

    全年组织文艺演出下乡86场，培训基层文化骨干340人次。   -> 文艺演出下乡 86场, 培训基层文化骨干 340人次
    经问卷调查，服务对象满意度超过92%。                   -> 服务对象满意度 超过92%
    全年共为6,215名高龄老人发放长寿补贴。                 -> 高龄老人 6,215名

A report that sets targets reports against them: its result sentences fill those
indicators' actuals (prose.fill_actuals) and its other numbers are counts. A report without
any target states its results only as sentences in its 绩效完成 / 绩效情况 sections (产出,
效益, 满意度): each clause with a tally or a rate there is an indicator with a name and an
actual and no target (source 'prose'), so that the same result lines up across years.

The name is the clause before the number without the words that only set its scope or say
that something was done (全年, 全市, 共, 组织, 开展, 完成); when nothing is left, the noun
right after the number ("6,215名高龄老人").
"""
from __future__ import annotations

import re

from extractors.form.indicators import IndicatorDraft
from extractors.indicators.text import GOAL_SECTIONS
from extractors.nlp import tokenize, word_tags
from pipeline.core import numbering as N
from pipeline.core.document import FULL_STOPS, Document, sentences
from pipeline.core.numbers import TIME_UNITS
from pipeline.core.quantities import find_percentages, find_quantities

RESULT_SECTIONS = {"绩效完成", "绩效情况"}
SOURCE = "prose"
# Words at the head of a clause that set its scope or time, or only say that something was
# done; the name is what follows them. Longer first.
LEADING_WORDS = (
    "本年度", "年度内", "全年", "年内", "本年", "当年", "全省", "全市", "全区", "全县", "全州", "全旗", "全镇",
    "全乡", "全局", "共计", "累计", "共", "完成", "组织", "开展", "举办", "实现", "进行", "为", "对",
)
# Words between a name and its number: "满意度达到97%", "接待游客约1.1亿人次".
TRAILING_WORDS = ("稳定在", "保持在", "提高到", "提高至", "提升到", "提升至", "达到了", "达到", "超过", "不低于", "共计",
                  "累计", "约为", "分别为", "为", "达", "约", "近", "逾", "共", "合计", "总计")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
_LEADING = re.compile("^(?:" + "|".join(LEADING_WORDS) + ")+")
_TRAILING = re.compile("(?:" + "|".join(TRAILING_WORDS) + ")+$")
# A rate is a result when it names a share or a satisfaction: 满意度, 合格率, 覆盖率.
_RATE_NAME = re.compile(r"(?:率|度)$")
_NOT_RESULT_UNITS = frozenset(TIME_UNITS) | {"个百分点", "百分点", "个工作日", "工作日"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
# "（1）新增密闭式清洁站24座": the item's number is no part of the name.
_LIST_MARK = re.compile(
    r"^\s*(?:" + "|".join((N.arabic_paren(), N.cn_paren(), N.arabic(), N.cn(), N.CIRCLED_MARK, N.shi())) + r")\s*")
# An opening bracket not closed before the figure: the figure is inside a parenthesis.
_OPENING = re.compile(r"[（(][^）)]*$")
_NOUN_TAGS = ("n", "nr", "ns", "nt", "nz", "vn", "an")
MIN_NAME, MAX_NAME = 2, 20


def read_results(doc: Document, taken: list[tuple[int, int]]) -> list[IndicatorDraft]:
    goals = [(s.char_start, s.char_end) for s in doc.sections if s.canonical in GOAL_SECTIONS]
    found: list[IndicatorDraft] = []
    for start, end in _result_ranges(doc):
        for at, stop in sentences(doc.text, start, end, ends=FULL_STOPS):
            if not any(s <= at < e for s, e in taken + goals):
                found += _read_sentence(doc, at, stop)
    return found


def _result_ranges(doc: Document) -> list[tuple[int, int]]:
    """The result sections below their headings; one nested in another is read with it."""
    ranges = []
    for section in doc.sections:
        chain = doc.section_chain(section.char_start)
        if section.canonical not in RESULT_SECTIONS or any(
                s is not section and s.canonical in RESULT_SECTIONS for s in chain):
            continue
        body = doc.text.find("\n", section.char_start, section.char_end)
        if body >= 0:
            ranges.append((body + 1, section.char_end))
    return ranges


def _read_sentence(doc: Document, start: int, end: int) -> list[IndicatorDraft]:
    view = doc.match_text
    values = [(q.start, q.end, q.unit) for q in find_quantities(view[start:end]) if q.unit not in _NOT_RESULT_UNITS]
    values += [(p.start, p.end, "%") for p in find_percentages(view[start:end]) if p.op in (None, "=", ">", "≥")]
    found = []
    for value_start, value_end, unit in sorted(values):
        value_start, value_end = start + value_start, start + value_end
        breaks = list(_CLAUSE_BREAK.finditer(view, start, value_start))
        clause = breaks[-1].end() if breaks else start
        if _OPENING.search(view, clause, value_start):
            continue  # "完成年度目标（20座）的120%": a figure in brackets is a note on another
        name_start, name = _name(view, clause, value_start)
        span = (name_start, value_end)
        if not name:
            name_start, name = _noun_after(view, value_end, end)
            span = (value_start, name_start + len(name or ""))
        if not name or (unit == "%" and not _RATE_NAME.search(name)):
            continue
        found.append(IndicatorDraft(
            name=doc.text[name_start:name_start + len(name)], start=span[0], end=span[1], source=SOURCE,
            actual=doc.text[value_start:value_end], actual_evidence=(start, end),
        ))
    return found


def _name(view: str, start: int, end: int) -> tuple[int, str | None]:
    """The words of view[start:end] that name the result, and where they start."""
    words = view[start:end]
    mark = _LIST_MARK.match(words)
    head = mark.end() if mark else 0
    lead = _LEADING.match(words[head:])
    head += lead.end() if lead else 0
    tail = _TRAILING.search(words, head)
    piece = words[head:tail.start() if tail else len(words)]
    name = piece.strip()
    ok = MIN_NAME <= len(name) <= MAX_NAME and _CJK.search(name) and not re.search(r"\d", name)
    return (start + head + len(piece) - len(piece.lstrip()), name) if ok else (start, None)


def _noun_after(view: str, start: int, end: int) -> tuple[int, str | None]:
    """"6,215名高龄老人发放…": the nouns right after the number name what was counted."""
    tags = word_tags()
    taken = ""
    for token in tokenize(view[start:end]):
        # Words jieba does not know are taken as nouns; punctuation and figures never are.
        if not _CJK.match(token.text) or (
                tags.get(token.text, "n")[:2] not in _NOUN_TAGS and tags.get(token.text, "n")[:1] != "n"):
            break
        taken += token.text
    name = taken if MIN_NAME <= len(taken) <= MAX_NAME and _CJK.search(taken) else None
    return start, name
