"""Enumerated items inside a stretch of text: "一是…；二是…", numbered lines, ①②, and the
lists nested in them.

Shared by the problems and suggestions extractors. Markers are found on the full-width
folded view (`doc.match_text`), so "（1）" and "(1)", "1．" and "1." read alike. A list is a
run of markers of one style whose ordinals count up; a marker of another style inside an
item opens a nested list. An item whose own text is only a short title ("1.资金管理方面：")
and that holds a nested list is a group title: its nested items are the items.

An item's span starts after its marker, so that its text reads as the item itself, and ends
at the next item or at the end of its paragraph. A paragraph that stops without closing
punctuation (a heading-like title "（一）资金使用进度偏慢", or a line a PDF wrapped) goes on
into the next unmarked paragraph. A closing sentence that sums the list up ("这些问题…",
"针对上述问题…") is not part of the item before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.core import numbering as N
from pipeline.core.document import Document


def _number(style: str, number: str) -> str:
    """The number of a marker, in a group named for its style."""
    return f"(?P<{style}>{number})"


# Points counted in words, inside a paragraph or opening one.
_SHI = rf"{N.shi(_number('shi', N.CN_ORDINAL))}[，,：:]?"
_DI = N.di(_number("di", N.CN_ORDINAL))
# Numbered lines; the group name is the style, the group holds the ordinal.
_LINE = re.compile(
    r"(?m)^[ \t]*(?:"
    rf"{N.cn(_number('cn', N.CN_ORDINAL))}"
    rf"|{N.cn_paren(_number('cn_paren', N.CN_ORDINAL))}"
    rf"|{N.arabic(_number('arabic', N.ARABIC), N.LIST_END)}"
    rf"|{N.arabic_paren(_number('arabic_paren', N.ARABIC))}"
    rf"|{_number('circled', N.CIRCLED_MARK)})[ \t]*"
)
# Markers inside a paragraph: after a clause ends ("…短板：一是…；二是…"); a numbered one
# only after a stop or a space, as "，1." and "，(1)" may be a number in the sentence.
_INLINE = re.compile(
    rf"(?<=[：:；;。，,!?])[ \t]*(?:{_SHI}|{_DI}"
    r"|(?<=[：:；;。 \t])(?:"
    rf"{N.arabic(_number('arabic', N.ARABIC), N.INLINE_END)}"
    rf"|{N.arabic_paren(_number('arabic_paren', N.ARABIC))}"
    rf"|{N.cn_paren(_number('cn_paren', N.CN_ORDINAL))}"
    rf"|{_number('circled', N.CIRCLED_MARK)}))[ \t]*"
)
# "一是" and "第一，" also open a paragraph, and so does an item labelled by its kind and
# number ("问题一："), whose label is no part of its text.
_PARAGRAPH_START = re.compile(
    rf"(?m)^[ \t]*(?:{_SHI}|{_DI}|{N.label(_number('label', N.CN_ORDINAL))})[ \t]*"
)
_STYLES = ("cn", "cn_paren", "arabic", "arabic_paren", "circled", "shi", "di", "label")

# Sentences that close a list rather than continue its last item.
_SUMMARY = re.compile(
    r"(?<=[。；;!?！？])[ \t]*(?:这些|上述|以上|综上|总之|总的来看|对此|为此|(?:针对|对于)(?:上述|以上|这些|前述|存在的))"
)
_OPEN_END = re.compile(r"[^。；;!?！？.…”」）)]$")
# A paragraph that introduces or sums up is not the continuation of an open item.
_NOT_CONTINUATION = re.compile(r"[：:]$|^(?:这些|上述|以上|综上|总之|针对|对此|为此|下一步|今后)")
_TRIM = "；;，,、：: \t\u3000\n"
# A group title is short and says what its items are about; a longer text is an item.
TITLE_MAX_CHARS = 30


@dataclass(frozen=True)
class Marker:
    start: int  # where the marker begins
    body: int  # where the item's own text begins
    style: str
    ordinal: int


@dataclass(frozen=True)
class Item:
    ordinal: int
    start: int
    end: int


@dataclass(frozen=True)
class Group:
    items: tuple[Item, ...]
    intro: str  # what the list is about: its lead-in, or the title of the item holding it
    start: int  # where its first marker begins
    nested: bool  # under a group title, whose words are the whole of `intro`


@dataclass
class _List:
    style: str
    markers: list[Marker]
    parent: tuple[int, int] | None  # (list, item) this list is nested in
    close: int | None = None  # the first marker after it that is neither its own nor nested in it


def find_groups(doc: Document, start: int, end: int) -> list[Group]:
    """Lists in text[start:end] with their items, in document order."""
    markers = _markers(doc, start, end)
    lists = _nest(markers)
    groups: list[Group] = []
    for index, lst in enumerate(lists):
        if lst.parent is None:
            groups.extend(_emit(doc.text, lists, index, end, "", start))
    groups.sort(key=lambda g: g.start)
    return groups


def _markers(doc: Document, start: int, end: int) -> list[Marker]:
    folded = doc.match_text
    table_lines = [(t.char_start, t.char_end) for t in doc.tables]
    found: dict[int, Marker] = {}
    for pattern in (_LINE, _PARAGRAPH_START, _INLINE):
        for match in pattern.finditer(folded, start, end):
            if match.start() in found or any(a <= match.start() < b for a, b in table_lines):
                continue
            style = next(s for s in _STYLES if s in match.re.groupindex and match.group(s))
            ordinal = N.ordinal(match.group(style))
            if ordinal is not None:  # "一二、" reads digit by digit: it counts nothing
                found[match.start()] = Marker(match.start(), match.end(), style, ordinal)
    return [found[pos] for pos in sorted(found)]


def _nest(markers: list[Marker]) -> list[_List]:
    """Runs of counting markers, each nested in the item that was open when it began."""
    lists: list[_List] = []
    stack: list[int] = []
    for marker in markers:
        depth = next((d for d in range(len(stack) - 1, -1, -1)
                      if lists[stack[d]].style == marker.style), None)
        if depth is not None and lists[stack[depth]].markers[-1].ordinal + 1 == marker.ordinal:
            _close(lists, stack, depth + 1, marker.start)
            lists[stack[depth]].markers.append(marker)
            continue
        if depth is not None:  # the same style counting again: a new list beside the old one
            _close(lists, stack, depth, marker.start)
        parent = (stack[-1], len(lists[stack[-1]].markers) - 1) if stack else None
        lists.append(_List(marker.style, [marker], parent))
        stack.append(len(lists) - 1)
    return lists


def _close(lists: list[_List], stack: list[int], depth: int, pos: int) -> None:
    for index in stack[depth:]:
        lists[index].close = pos
    del stack[depth:]


def _emit(text: str, lists: list[_List], index: int, limit: int, title: str, floor: int) -> list[Group]:
    lst = lists[index]
    items, groups = [], []
    for i, marker in enumerate(lst.markers):
        item_limit = lst.markers[i + 1].start if i + 1 < len(lst.markers) else min(limit, lst.close or limit)
        children = [j for j, other in enumerate(lists) if other.parent == (index, i)]
        first_child = lists[children[0]].markers[0].start if children else None
        own = text[marker.body:first_child].strip(_TRIM) if children else ""
        first_list = lists[children[0]] if children else None
        if first_list and _is_title(own) and (len(first_list.markers) > 1 or _ends_line(text, first_child)):
            for j in children:
                groups.extend(_emit(text, lists, j, item_limit, own, floor))
            continue
        item_end = _item_end(text, marker.body, item_limit)
        if item_end > marker.body:
            items.append(Item(marker.ordinal, marker.body, item_end))
        for j in children:  # a list after the item's own text is a list of its own
            if lists[j].markers[0].start >= item_end:
                groups.extend(_emit(text, lists, j, item_limit, "", floor))
    if items:
        intro = title or _lead_in(text, lst.markers[0].start, floor)
        groups.append(Group(tuple(items), intro, lst.markers[0].start, bool(title)))
    return groups


def _is_title(own: str) -> bool:
    return 0 < len(own) <= TITLE_MAX_CHARS and not re.search(r"[\n。，,；;]", own)


def _ends_line(text: str, marker_start: int) -> bool:
    """Whether the text before a marker ends a line: the marker opens the next one."""
    return text[text.rfind("\n", 0, marker_start) + 1:marker_start].strip() == ""


def _item_end(text: str, body: int, limit: int) -> int:
    end = _paragraph_end(text, body, limit)
    while end < limit and _OPEN_END.search(text[body:end].rstrip()):
        following = _paragraph_end(text, end + 1, limit)
        paragraph = text[end + 1:following].strip()
        if not paragraph or _NOT_CONTINUATION.search(paragraph):
            break
        end = following
    end = without_summary(text, body, end)
    while end > body and text[end - 1] in _TRIM:
        end -= 1
    return end


def without_summary(text: str, start: int, end: int) -> int:
    """Where text[start:end] ends once a closing sentence that sums up is cut off."""
    summary = _SUMMARY.search(text, start, end)
    return summary.start() if summary else end


def starts_with_marker(doc: Document, pos: int) -> bool:
    """Whether the paragraph at `pos` opens with a list marker ("1.", "（一）", "一是")."""
    return bool(_LINE.match(doc.match_text, pos) or _PARAGRAPH_START.match(doc.match_text, pos))


def _paragraph_end(text: str, pos: int, limit: int) -> int:
    end = text.find("\n", pos, limit)
    return limit if end == -1 else end


def _lead_in(text: str, marker_start: int, floor: int) -> str:
    """The paragraph before a list that opens a paragraph, else the paragraph's own start;
    never reaching back before `floor` (the heading of the stretch searched)."""
    line_start = max(text.rfind("\n", 0, marker_start) + 1, floor)
    if text[line_start:marker_start].strip() or line_start == floor:
        return text[line_start:marker_start].strip()
    previous = max(text.rfind("\n", 0, line_start - 1) + 1, floor)
    return text[previous:line_start].strip()
