"""The project a report evaluates: its 项目名称 label, its title, or — with neither — the
phrase its overview names as a project or keeps coming back to.

A report without title and label still says what it is about in its 项目概况 section:
"实施小型水库除险加固项目" names it outright; the seed only repeats 依法治市 there. A phrase
is built from jieba words so that it starts and ends on word boundaries, and words that
say nothing about a project's subject (工作, 建设, 项目 …) may sit inside a phrase but
never start or end one.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Callable

from pipeline.core.numerals import CN_DIGIT_CHARS
from extractors.form.labels import LocatedValue, labelled
from extractors.form.vocab import PROJECT_LABELS
from extractors.metadata.lexicon import FUNCTION_WORDS, GENERIC_TOKENS, NOT_A_SUBJECT
from extractors.metadata.names import region_of
from extractors.nlp import tokenize
from pipeline.core.document import Document

_YEAR_NUMBER = rf"(?:(?:19|20)\d{{2}}|[{CN_DIGIT_CHARS}]{{4}})"
_YEAR_WORDS = rf"(?:[(（]?{_YEAR_NUMBER}\s*(?:[-—~～至]\s*{_YEAR_NUMBER}\s*)?年度?[)）]?)"
# A cover letter's title: "关于报送2023年度…项目绩效自评报告的报告".
_TITLE_HEAD = re.compile(rf"^(?:关于)?(?:报送|上报|呈报|提交|印发)?(?:{_YEAR_WORDS})?(?:关于)?")
_TITLE_TAIL = re.compile(
    r"(?:项目)?(?:支出)?(?:的)?(?:绩效)?(?:自评价?|评价)(?:工作)?(?:情况)?(?:的)?(?:报告|表)?(?:的报告)?$"
)
_TITLE_YEARS = re.compile(_YEAR_WORDS)
_PROJECT_WORD_TAIL = re.compile(r"(?:项目)?(?:的)?$")
_NOT_A_SUBJECT = re.compile(NOT_A_SUBJECT)
_NOT_A_NAME = re.compile(r"^[\s\d年度项目的、]*$")
# Left over when a title is no "<project> 自评报告" ("部门整体支出绩效自评报告", "自评得分").
_REPORT_WORDS = re.compile(r"自评|评价|报告|得分|部门整体")

OVERVIEW_SECTIONS = ("项目概况",)
OVERVIEW_FALLBACK_CHARS = 1200  # without a 项目概况 section: the opening of the report
MIN_PHRASE_CHARS, MAX_PHRASE_CHARS, MAX_PHRASE_WORDS = 4, 16, 6
MIN_IN_OVERVIEW, MIN_IN_DOCUMENT = 2, 3
# Written straight before one of these, a phrase is named as the project ("…除险加固项目").
PROJECT_NOUNS = ("项目", "专项", "资金", "专项资金", "经费", "工程", "补助资金")
MIN_NAMED_IN_DOCUMENT = 2
INFERRED = "project inferred from the body"


def from_label(doc: Document) -> LocatedValue | None:
    for found in labelled(doc, PROJECT_LABELS):
        if not _NOT_A_NAME.match(found.value):
            return found
    return None


def from_title(title: LocatedValue, department: str | None) -> LocatedValue | None:
    """"江门市司法局2021年度依法治市项目支出绩效自评报告" -> 依法治市."""
    text = title.value
    if department and department in text:
        text = text.replace(department, "", 1)
    text = _TITLE_HEAD.sub("", text)
    text = _TITLE_YEARS.sub("", text)
    text = _TITLE_TAIL.sub("", text)
    text = _PROJECT_WORD_TAIL.sub("", text).strip()
    text = text.removeprefix(region_of(text) or "")
    if len(text) < 2 or _NOT_A_NAME.match(text) or _REPORT_WORDS.search(text):
        return None
    offset = title.value.find(text)
    start = title.start + offset if offset >= 0 else title.start
    return LocatedValue(text, start, start + len(text) if offset >= 0 else title.end, "title")


def from_body(doc: Document) -> LocatedValue | None:
    """The overview's subject: a phrase it names as a project ("…除险加固项目") or keeps
    repeating, when the rest of the report names it too."""
    spans = [(s.char_start, s.char_end) for s in doc.sections
             if s.canonical in OVERVIEW_SECTIONS and s.parent_id is None]
    if not spans:
        spans = [(0, min(len(doc.text), OVERVIEW_FALLBACK_CHARS))]
    repeated: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for start, end in spans:
        r, n = _phrases(doc.text[start:end], lambda p: doc.text.count(p) >= MIN_NAMED_IN_DOCUMENT)
        repeated.update(r)
        named.update(n)
    in_document = {p: doc.text.count(p) for p in repeated}
    # Named phrases first; then, as in C-value term extraction, frequency times the log of
    # length, so that a longer phrase repeated almost as often wins over its parts.
    ranked = sorted(repeated, key=lambda p: (-named[p], -repeated[p] * math.log2(len(p)), -in_document[p]))
    for phrase in ranked:
        enough = named[phrase] or repeated[phrase] >= MIN_IN_OVERVIEW
        if enough and in_document[phrase] >= (MIN_NAMED_IN_DOCUMENT if named[phrase] else MIN_IN_DOCUMENT):
            start = doc.text.find(phrase)
            return LocatedValue(phrase, start, start + len(phrase), "body")
    return None


def _phrases(text: str, named_again: Callable[[str], bool]) -> tuple[Counter[str], Counter[str]]:
    """Word n-grams that could name a subject, counted per occurrence; and, each time one
    is written straight before 项目/资金/经费/工程, the longest the report names again."""
    words = [t for t in tokenize(text) if not t.is_space]
    repeated: Counter[str] = Counter()
    named: Counter[str] = Counter()
    # What the runs below ask of each word, asked once per word: a run grows one word at a
    # time and stops at the first word that ends it.
    texts = [w.text for w in words]
    starts = [w.idx for w in words]
    han = [_is_han_word(t) for t in texts]
    edge = [len(t) > 1 and t not in GENERIC_TOKENS for t in texts]
    function = [t in FUNCTION_WORDS for t in texts]
    for i in range(len(words)):
        written = 0  # characters of the run's words
        has_function_word = False
        for last in range(i, min(i + MAX_PHRASE_WORDS, len(words))):
            if not han[last]:
                break
            written += len(texts[last])
            end = starts[last] + len(texts[last])
            if end - starts[i] != written:
                break  # a gap (a space, a line break) is no phrase
            has_function_word = has_function_word or function[last]
            if MIN_PHRASE_CHARS <= written <= MAX_PHRASE_CHARS and edge[i] and edge[last] \
                    and not has_function_word:
                phrase = text[starts[i]:end]
                if not _NOT_A_SUBJECT.search(phrase) and not region_of(phrase):
                    repeated[phrase] += 1
        if words[i].text in PROJECT_NOUNS:
            longest = next(filter(named_again, _before(text, words, i, repeated)), None)
            if longest:
                named[longest] += 1
    return repeated, named


def _before(text: str, words, i: int, phrases: Counter[str]) -> list[str]:
    """The phrases that end straight before words[i], longest first."""
    found = []
    for n in range(min(i, MAX_PHRASE_WORDS), 0, -1):
        run = words[i - n:i]
        phrase = text[run[0].idx:run[-1].idx + len(run[-1].text)]
        if phrase in phrases and text.startswith(words[i].text, run[-1].idx + len(run[-1].text)):
            found.append(phrase)
    return found


def _is_han_word(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fa5" for ch in word)
