"""Names of places and organs: where the reporting body is named, and what its place is.

A name is found by regex and then checked on jieba tokens: the regex is generous about
where a place name starts ("根据江门市…") and where an organ's name ends ("…特色社会"); the
tokens tell where words really begin and end, and which words ending in 市/区 name no
place at all ("智慧城市", "社区").
"""
from __future__ import annotations

import re
from collections import Counter

from extractors.form.labels import LocatedValue
from pipeline.core.numerals import CN_DIGIT_CHARS
from extractors.metadata.lexicon import (
    ADMIN_SUFFIXES, ADMIN_UNIT, DEICTIC_PLACE, HAN, MAX_ORGAN_MIDDLE, NOT_ADMIN_WORDS,
    NOT_IN_ORGAN, NOT_ORGAN_WORDS, ORGAN_ENDS, PARENT_ORGAN_ENDS, PLACEHOLDER_STEMS, SUB_UNIT_ENDS,
)
from extractors.nlp import tokenize

_ORGAN_END = "|".join(ORGAN_ENDS)
# Party bodies write their prefix before the place: 中共江门市委…, 共青团江门市委员会.
_PARTY = "(?:中共|中国共产党|共青团)"
DEPARTMENT = re.compile(
    rf"(?:{_PARTY})?(?:{ADMIN_UNIT}){{1,4}}(?:人民政府)?[{HAN}()]{{0,{MAX_ORGAN_MIDDLE}}}?(?:{_ORGAN_END})"
)
# An organ written without its place ("市司法局", "区教育局"), as label values often are.
BARE_DEPARTMENT = re.compile(rf"(?:{_PARTY})?[{HAN}()]{{1,20}}?(?:{_ORGAN_END})")
# A title may open with a department named by its level only ("市司法局2021年度…").
_LEVEL_DEPARTMENT = re.compile(rf"(?:关于)?(?P<name>(?P<level>(?:{_PARTY})?[省市县区州旗])[{HAN}])")
_PARTY_PREFIX = re.compile(f"^{_PARTY}")
_ORGAN_END_RE = re.compile(_ORGAN_END)
_NAME_RUN = re.compile(rf"[{HAN}()（）]*")
_LONGEST_END = max(map(len, ORGAN_ENDS))
_CONTINUATION = re.compile("|".join(end for end in ORGAN_ENDS if len(end) > 1))
_SUB_UNIT = re.compile(rf"[{HAN}]{{2,8}}?(?:{'|'.join(SUB_UNIT_ENDS)})")
_ADMIN_ONE = re.compile(ADMIN_UNIT)
_ADMIN_RUN = re.compile(rf"(?:{ADMIN_UNIT})+")
_DEICTIC = re.compile(DEICTIC_PLACE)
# jieba reads "湖州|市委|宣传部": the place ends inside the word for its party committee.
_PLACE_ORGAN = re.compile(r"[省市县区州旗](?:委|政府|人民政府|人大|政协)")
NOT_IN_ORGAN_RE = re.compile("|".join(NOT_IN_ORGAN))
_CONTEXT = 4  # characters after a place name that tell jieba where its last word ends
# jieba glues an organ's last character to a year written in Chinese numerals after it
# ("卫生健康局二〇二一年度" reads "局二|〇|二一"), so such a year is kept out of the context.
_CN_YEAR_AFTER = re.compile(rf"[{CN_DIGIT_CHARS}]{{4}}年")


def region_of(name: str) -> str | None:
    """The place part of a name as written: 江门市 of 江门市司法局, 上海市普陀区 of
    上海市普陀区人民政府万里街道办事处 (streets, towns and villages are not kept)."""
    name = _PARTY_PREFIX.sub("", name)
    return region_at(name, 0, _word_ends(name))


def region_at(text: str, pos: int, word_ends: set[int]) -> str | None:
    """The run of place names that starts exactly at `pos` and ends where a word ends
    (jieba may read "上海市浦东新区" as one word: only the run's end must be a word's)."""
    ends = []
    while unit := _ADMIN_ONE.match(text, ends[-1] if ends else pos):
        if not _is_place(unit.group()):
            break
        ends.append(unit.end())
    for end in reversed(ends):
        if end in word_ends or _PLACE_ORGAN.match(text, end - 1):
            return text[pos:end]
    return None


def _word_ends(text: str) -> set[int]:
    return {t.idx + len(t.text) for t in tokenize(text)}


def _is_place(unit: str) -> bool:
    if unit in NOT_ADMIN_WORDS or _DEICTIC.fullmatch(unit[-2:]) and len(unit) <= 3:
        return False
    if unit.startswith(PLACEHOLDER_STEMS):
        return True
    words = [t.text for t in tokenize(unit)]
    if len(words) == 1:
        return True
    if len(words) != 2 or _DEICTIC.fullmatch(words[1]):
        return False
    # "大丰|区": a stem and its bare suffix; "增|城区": a short name that jieba splits oddly.
    return words[1] in ADMIN_SUFFIXES or (len(unit) == 3 and words[1] in NOT_ADMIN_WORDS)


def regions_in(text: str) -> list[str]:
    """Places named in a piece of text (a title, a paragraph), in order."""
    regions = []
    for hit in _ADMIN_RUN.finditer(text):
        chunk = text[hit.start():hit.end() + _CONTEXT]
        words = tokenize(chunk)
        ends = {t.idx + len(t.text) for t in words}
        for token in words:
            if token.idx >= hit.end() - hit.start():
                break
            region = region_at(chunk, token.idx, ends)
            if region:
                regions.append(region)
                break
    return regions


def departments_in(text: str, start: int, end: int, source: str) -> list[LocatedValue]:
    """Organ names written with their place in text[start:end], where words begin and end."""
    found = []
    for hit in DEPARTMENT.finditer(text, start, end):
        opening = _place_start(hit.group())
        span = _organ_from(text, hit.start() + opening[0], end, opening[1]) if opening else None
        if span:
            found.append(LocatedValue(text[span[0]:span[1]], *span, source))
    return found


def level_department_at(text: str, start: int, end: int) -> LocatedValue | None:
    """"市司法局" at `start`: a department written with its level but not its place."""
    hit = _LEVEL_DEPARTMENT.match(text, start, end)
    span = _organ_from(text, hit.start("name"), end, head=len(hit.group("level"))) if hit else None
    return LocatedValue(text[span[0]:span[1]], *span, "title") if span else None


def _place_start(chunk: str) -> tuple[int, int] | None:
    """Where in a match the name begins — at the first word that opens a place ("根据|江门市|…")
    — and how long its party prefix and place are."""
    words = tokenize(chunk)
    ends = {t.idx + len(t.text) for t in words}
    for token in words:
        party = _PARTY_PREFIX.match(chunk[token.idx:])
        prefix = party.end() if party else 0
        place = region_at(chunk, token.idx + prefix, ends)
        if place:
            return token.idx, prefix + len(place)
    return None


def _organ_from(text: str, start: int, limit: int, head: int) -> tuple[int, int] | None:
    """The shortest organ name opening at `start`, after a `head` of place (or level), whose
    last word is an organ's; or None."""
    # An organ's name is one run of Chinese characters: "《…条例》等规定，鹤山市民政局" is two.
    run = _NAME_RUN.match(text, start + head, limit)
    scan_end = min(run.end(), start + head + MAX_ORGAN_MIDDLE + _LONGEST_END)
    for organ_end in _ORGAN_END_RE.finditer(text, start + head, scan_end):
        end = _extended(text, organ_end.end(), limit)
        if NOT_IN_ORGAN_RE.search(text, start, end):
            return None
        if _ends_a_word(text, start, end):
            return start, end
    return None


def _extended(text: str, end: int, limit: int) -> int:
    """"…街道" + "办事处", "中共江门市委" + "宣传部": a longer organ name goes on."""
    for _ in range(2):
        more = _CONTINUATION.match(text, end, limit)
        if not more and text.endswith(PARENT_ORGAN_ENDS, 0, end):
            more = _SUB_UNIT.match(text, end, limit)
        if not more or NOT_IN_ORGAN_RE.search(more.group()):
            break
        end = more.end()
    return end


def _ends_a_word(text: str, start: int, end: int) -> bool:
    """The name's last character ends a jieba word, and that word is no common noun."""
    context = 0 if _CN_YEAR_AFTER.match(text, end) else _CONTEXT
    words = tokenize(text[start:min(len(text), end + context)])
    last = next((w for w in words if w.idx < end - start <= w.idx + len(w.text)), None)
    return last is not None and last.idx + len(last.text) == end - start and last.text not in NOT_ORGAN_WORDS


def is_department(value: str) -> bool:
    """Whether a label's value reads as an organ's name (with or without its place)."""
    return bool(BARE_DEPARTMENT.fullmatch(value)) and not NOT_IN_ORGAN_RE.search(value)


def most_named(found: list[LocatedValue]) -> LocatedValue | None:
    """The name written most often; on a tie the one written first."""
    if not found:
        return None
    counts = Counter(f.value for f in found)
    return max(found, key=lambda f: (counts[f.value], -f.start))
