"""Enumerated items inside a stretch of text: "一是…；二是…", numbered lines, ①②.

Shared by the problems and suggestions extractors. An item's span starts after its
marker ("一是", "1、") so that its text reads as the item itself, and ends before the
separator that closes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.numbers import parse_chinese_number
from pipeline.document import Document, Section

_CN = "一二三四五六七八九十"
_INLINE = re.compile(rf"(?:(?<=^)|(?<=[\n：:；;。]))[ \t\u3000]*(?P<ord>[{_CN}]{{1,3}})是[，,：:]?")
_LINE = re.compile(
    rf"^[ \t\u3000]*(?P<mark>(?P<ord>\d{{1,2}})[、.．](?!\d)|[（(](?P<ord2>\d{{1,2}}|[{_CN}]{{1,3}})[）)]|(?P<circ>[①-⑳]))[ \t\u3000]*",
    re.M,
)
# A closing sentence that sums the list up is not part of the last item.
_SUMMARY = re.compile(r"[。；;](?=\s*(?:这些|上述|以上|针对|对此|下一步)[^。]*[。]?\s*$)")
_TRIM = "；;，,、 \t\u3000\n"


@dataclass(frozen=True)
class Item:
    ordinal: int
    start: int
    end: int
    kind: str  # "inline" (一是) or "line" (numbered line)


@dataclass(frozen=True)
class Group:
    items: tuple[Item, ...]
    intro: str  # text just before the first item: what the list is about


def find_groups(doc: Document, start: int, end: int, skip: set[int] = frozenset()) -> list[Group]:
    """Enumerations in text[start:end]; `skip` holds line starts that are headings."""
    text = doc.text
    markers = _markers(text, start, end, skip)
    items: list[Item] = []
    for i, (_, body_start, ordinal, kind) in enumerate(markers):
        next_pos = markers[i + 1][0] if i + 1 < len(markers) else end
        para_end = text.find("\n", body_start, end)
        para_end = end if para_end == -1 else para_end
        item_end = min(next_pos, para_end)
        if next_pos > para_end:  # the paragraph's last item: a closing summary is not part of it
            item_end = _without_summary(text, body_start, item_end)
        while item_end > body_start and text[item_end - 1] in _TRIM:
            item_end -= 1
        if item_end > body_start:
            items.append(Item(ordinal, body_start, item_end, kind))
    return _group(text, start, items)


def _markers(text: str, start: int, end: int, skip: set[int]) -> list[tuple[int, int, int, str]]:
    found = []
    for match in _INLINE.finditer(text, start, end):
        found.append((match.start(), match.end(), int(parse_chinese_number(match.group("ord"))), "inline"))
    for match in _LINE.finditer(text, start, end):
        if match.start() in skip:
            continue
        raw = match.group("ord") or match.group("ord2")
        ordinal = ord(match.group("circ")) - ord("①") + 1 if match.group("circ") else int(
            raw if raw.isdigit() else parse_chinese_number(raw))
        found.append((match.start(), match.end(), ordinal, "line"))
    found.sort()
    return found


def _without_summary(text: str, start: int, end: int) -> int:
    match = _SUMMARY.search(text, start, end)
    return match.start() + 1 if match else end


def _group(text: str, start: int, items: list[Item]) -> list[Group]:
    groups: list[list[Item]] = []
    for item in items:
        current = groups[-1] if groups else None
        continues = (
            current is not None
            and item.kind == current[-1].kind
            and item.ordinal == current[-1].ordinal + 1
            and "\n\n" not in text[current[-1].end:item.start]
            and not _plain_paragraph_between(text, current[-1].end, item.start)
        )
        if continues:
            current.append(item)
        else:
            groups.append([item])
    result = []
    for group in groups:
        first = group[0]
        intro_start = text.rfind("\n", start, max(start, first.start - 1))
        intro_start = start if intro_start == -1 else intro_start
        # The list's lead-in may be the paragraph before when the list starts a paragraph.
        if text[intro_start:first.start].strip() in ("",) or first.start - intro_start < 6:
            prev = text.rfind("\n", start, max(start, intro_start - 1))
            intro_start = start if prev == -1 else prev
        result.append(Group(tuple(group), text[intro_start:first.start].strip()))
    return result


def _plain_paragraph_between(text: str, a: int, b: int) -> bool:
    """True when a whole paragraph with no list marker sits between two items."""
    lines = text[a:b].split("\n")[1:-1]
    return any(line.strip() for line in lines)


def section_regions(doc: Document, canonicals: set[str]) -> list[tuple[Section, int, int]]:
    """Stretches of text belonging to sections of the given canonical kinds.

    A subsection named 'other' belongs to its parent's kind; a subsection with a kind of
    its own is handled under that kind, so its text is cut out of the parent's region.
    """
    by_id = {s.section_id: s for s in doc.sections}
    effective: dict[int, str] = {}
    for section in doc.sections:  # parents come before children
        parent = by_id.get(section.parent_id) if section.parent_id is not None else None
        own = section.canonical
        effective[section.section_id] = own if own != "other" or parent is None else effective[parent.section_id]
    regions = []
    for section in doc.sections:
        if effective[section.section_id] not in canonicals:
            continue
        children = [s for s in doc.sections if s.parent_id == section.section_id]
        cursor = _line_end(doc.text, section.char_start)
        for child in children:
            if cursor < child.char_start:
                regions.append((section, cursor, child.char_start))
            cursor = child.char_end
        if cursor < section.char_end:
            regions.append((section, cursor, section.char_end))
    return regions


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


def heading_starts(doc: Document) -> set[int]:
    return {s.char_start for s in doc.sections}
