"""Who reports: how a report names itself, and how a shortened name is completed.

- A report speaks of itself as 我局 / 我厅 / 我委 / 我镇 / 本单位: an organ named elsewhere in it
  that is no 局 when it says 我局 is some other body (an authority it cites, a portal, a
  unit in a duty list), so candidates that disagree with the self-reference give way.
- A web page copied as text keeps its header lines ("发布日期：… 来源：海口市龙华区民政局 浏览次数：…",
  "发布机构：…"): the source names the publisher, usually the reporter.
- Names come shortened by level ("县司法局", "自治区文化和旅游厅"): the unit of that level the
  report names (its title, then its text, through the gazetteer's parents: 呼和浩特市 is in
  内蒙古自治区) completes them.
"""
from __future__ import annotations

import re
from collections import Counter

from extractors.form.labels import LocatedValue
from extractors.metadata.gazetteer import gazetteer
from extractors.metadata.names import is_department, region_of
from pipeline.core.document import Document

# The organ word after 我/本 -> the endings of names it fits.
SELF_WORDS: dict[str, tuple[str, ...]] = {
    "局": ("局",), "厅": ("厅",), "委": ("委", "委员会"), "办": ("办", "办公室"), "院": ("院",),
    "所": ("所",), "站": ("站",), "中心": ("中心",), "馆": ("馆",), "队": ("队",), "部": ("部",),
    "镇": ("镇", "镇人民政府", "镇政府"), "乡": ("乡", "乡人民政府", "乡政府"),
    "街道": ("街道", "街道办", "街道办事处"),
}
_SELF = re.compile(rf"[我本](?P<w>{'|'.join(sorted(SELF_WORDS, key=len, reverse=True))})"
                   r"(?!门|法|级|期|次|年|届|身|位|地|部|面|科|室|领|内)")
# Header lines of a page copied as text: the publisher's name after its label (match view).
_SOURCE = re.compile(r"(?:信息来源|文章来源|来源|发布机构|发文机关|发布单位)\s*:\s*(?P<v>[^\s|:]{2,40})")
SOURCE_LINES = 15  # a page's header lines come before the report's own first lines
# A name written by its level only: "县司法局", "自治区文化和旅游厅", "中共市委宣传部".
_LEVEL = re.compile(r"^(?P<party>中共)?(?P<level>自治区|自治州|自治县|特别行政区|省|市|州|盟|县|区|旗)")


def self_reference(doc: Document) -> str | None:
    """The organ word the report calls itself by most often (我局 → 局), if any."""
    words = Counter(hit.group("w") for hit in _SELF.finditer(doc.match_text))
    return words.most_common(1)[0][0] if words else None


def agrees(name: str, word: str | None) -> bool:
    return word is None or name.endswith(SELF_WORDS[word])


def page_sources(doc: Document) -> list[LocatedValue]:
    """来源 / 发布机构 of a page's header lines, in the text or in Document.cues."""
    found = []
    head_end = _line_start(doc.text, SOURCE_LINES)
    for hit in _SOURCE.finditer(doc.match_text, 0, head_end):
        value = doc.text[hit.start("v"):hit.end("v")]
        if is_department(doc.match_text[hit.start("v"):hit.end("v")]):
            found.append(LocatedValue(value, hit.start("v"), hit.end("v"), "page"))
    source = doc.cues.get("source", "")
    if is_department(source):
        found.append(LocatedValue(source, 0, 0, "page"))
    return found


def completed(name: LocatedValue, doc: Document, title: str) -> LocatedValue:
    """"县司法局" named by its level only, with the unit of that level the report names."""
    level = _LEVEL.match(name.value)
    place = region_of(name.value)
    if level is None or place and place != level.group("level"):  # "自治区" alone names no place
        return name
    unit = _unit_named(level.group("level"), title, doc.text)
    if unit is None:
        return name
    value = (level.group("party") or "") + unit + name.value[level.end():]
    return LocatedValue(value, name.start, name.end, name.source)


def _unit_named(level: str, title: str, text: str) -> str | None:
    """The unit of `level` named most often (a name in the title counts twice); on a tie the
    first named."""
    votes: Counter[str] = Counter()
    order: dict[str, int] = {}
    for weight, piece in ((2, title), (1, text)):
        for _, _, readings in gazetteer().places_in(piece):
            chains = [set(place.chain()) for place in readings]
            for unit in set.intersection(*chains):  # what every reading of the name agrees on
                if _of_level(unit, level):
                    votes[unit] += weight
                    order.setdefault(unit, len(order))
    if not votes:
        return None
    return max(votes, key=lambda u: (votes[u], -order[u]))


def _of_level(unit: str, level: str) -> bool:
    if level == "区":
        return unit.endswith("区") and not unit.endswith(("自治区", "特别行政区"))
    return unit.endswith(level)


def _line_start(text: str, n: int) -> int:
    at = 0
    for _ in range(n):
        nxt = text.find("\n", at)
        if nxt < 0:
            return len(text)
        at = nxt + 1
    return at
