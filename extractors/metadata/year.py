"""The year a report is about — not the year it was signed, nor the year it plans for.

A year in the title wins ("2021年度…自评报告"; a 2024 部门预算 published in 2023 is 2024);
then a "评价年度：" label; then the body, where each mention is weighed by how it is
written: "2021年度部门预算安排" says what year the money was for, "2022年3月15日" is a
date (the signature, a meeting), "2022年是…之年" and the 建议 section are plans.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.core.numerals import CN_DIGIT_CHARS, parse_chinese_number
from extractors.metadata.labels import DATE_LINE, closing_lines
from extractors.form.vocab import YEAR_LABELS
from pipeline.core.document import Document

FIRST_YEAR, LAST_YEAR = 1980, 2049  # what "二〇二一" may read as; "五六七八年" is no year
_YEAR_NUMBER = rf"(?:19[89]\d|20[0-4]\d|[{CN_DIGIT_CHARS}]{{4}})"
_YEAR = re.compile(rf"(?<![\d{CN_DIGIT_CHARS}])(?P<year>{_YEAR_NUMBER})\s*年(?P<du>度)?")
# "2019-2021年", "2019年至2021年度", "2019～2021年": a span of years.
_RANGE = re.compile(
    rf"(?<!\d)(?P<first>{_YEAR_NUMBER})\s*(?:年\s*)?(?:-|—|–|~|～|至|到)\s*(?P<last>{_YEAR_NUMBER})\s*年"
)
_LABEL = re.compile(rf"(?:{'|'.join(YEAR_LABELS)})\s*:\s*(?P<year>{_YEAR_NUMBER})")  # on match_text

# (weight, pattern right after the year mention); the first that fits decides the weight.
WRITTEN_AS = (
    # "截至2020年12月31日", "2020年底": the close of the year under report.
    (3, re.compile(r"\s*(?:12\s*月\s*31\s*日|十二月三十一日|底|末)")),
    (0, re.compile(r"\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[日号]")),
    (5, re.compile(r"(?:度)?(?:部门|单位|本级|区级|市级|县级|省级)?(?:预算|决算|财政资金|项目资金|专项资金|绩效自评|绩效评价|自评)")),
    (2, re.compile(r"度")),
)
PLAIN_WEIGHT = 1
# A year named in a comparison or a plan is not the year under evaluation.
COMPARED_BEFORE = re.compile(r"(?:比|较|与|同比|相比|对比|上年|去年)\s*$")
PLAN_CUES = re.compile(r"下一步|明年|下一年|下年度|来年|拟|展望|打算|之年|力争|预计")
# In a title, "（2022年3月）" is when it was written.
_MONTH = re.compile(r"\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月")
PLAN_SECTIONS = ("建议",)
_BEFORE = 6  # characters looked at before a year for a comparison cue
# Self-evaluations are written in the first months after the year they evaluate.
LAST_SIGNING_MONTH = 8


@dataclass(frozen=True)
class YearFinding:
    year: int
    start: int
    end: int
    source: str  # title / label / body / signature
    warning: str | None = None


def year_of(doc: Document, title: tuple[int, int] | None, looks_back: bool) -> YearFinding | None:
    """`looks_back`: the report evaluates a year that has ended (a self-evaluation), so a
    report that names no year at all is about the year before the one it was signed in."""
    if title:
        found = _in_title(doc.text, *title)
        if found:
            return found
    label = _LABEL.search(doc.match_text)
    if label:
        return YearFinding(_value(label.group("year")), label.start("year"), label.end("year"), "label")
    return _in_body(doc) or (_before_signing(doc) if looks_back else None)


def _before_signing(doc: Document) -> YearFinding | None:
    for start, end in closing_lines(doc):
        date = DATE_LINE.fullmatch(doc.text, start, end)
        if date and int(parse_chinese_number(date.group("month"))) <= LAST_SIGNING_MONTH:
            signed = _value(date.group("year"))
            return YearFinding(signed - 1, date.start("year"), date.end("year"), "signature",
                               f"no year stated; took the year before the signature date ({signed})")
    return None


def _in_title(text: str, start: int, end: int) -> YearFinding | None:
    span = _RANGE.search(text, start, end)
    if span:
        first, last = _value(span.group("first")), _value(span.group("last"))
        return YearFinding(last, span.start(), span.end(), "title",
                           f"title covers {first}–{last}; took {last}")
    years = [m for m in _YEAR.finditer(text, start, end) if not _MONTH.match(text, m.end())]
    if not years:
        return None
    distinct = list(dict.fromkeys(_value(m.group("year")) for m in years))
    warning = None
    if len(distinct) > 1:
        warning = f"title names several years ({', '.join(map(str, distinct))}); took {distinct[0]}"
    return YearFinding(distinct[0], years[0].start("year"), years[0].end("year"), "title", warning)


def _in_body(doc: Document) -> YearFinding | None:
    plans = [(s.char_start, s.char_end) for s in doc.sections if s.canonical in PLAN_SECTIONS]
    weights: Counter[int] = Counter()
    first_seen: dict[int, re.Match] = {}
    for hit in _YEAR.finditer(doc.text):
        year = _value(hit.group("year"))
        weight = _weight(doc, hit, plans) if FIRST_YEAR <= year <= LAST_YEAR else 0
        if weight:
            weights[year] += weight
            first_seen.setdefault(year, hit)
    if not weights:
        return None
    top = max(weights.values())
    # On a tie the earlier year: a report looks back on its year and forward to the next.
    year = min(y for y, w in weights.items() if w == top)
    hit = first_seen[year]
    return YearFinding(year, hit.start("year"), hit.end("year"), "body")


def _weight(doc: Document, hit: re.Match, plans: list[tuple[int, int]]) -> int:
    text = doc.text
    if COMPARED_BEFORE.search(text, max(0, hit.start() - _BEFORE), hit.start()):
        return 0
    if any(a <= hit.start() < b for a, b in plans):
        return 0
    sentence = text[slice(*doc.sentence_at(hit.start(), hit.end()))]
    if PLAN_CUES.search(sentence):
        return 0
    after_nian = hit.end() - len(hit.group("du") or "")
    for weight, written in WRITTEN_AS:
        if written.match(text, after_nian):
            return weight
    return PLAIN_WEIGHT


def _value(raw: str) -> int:
    return int(parse_chinese_number(raw))
