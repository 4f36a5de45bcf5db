"""Where problem and suggestion items are: the stretches of text that hold them.

Two kinds of stretch: sections about them (存在问题, 建议 and their variants, found through
the section tree), and lead-ins that announce them anywhere else ("存在的问题：一是…",
"主要问题是…", "建议：…") — in a section about something else, or in a report with no
sections at all. What the items inside a stretch are, and which of them is which, is
items.py's job; tables with a problems or measures column give theirs in tables.py.

Both extractors call `find_items`; each keeps the items of its own kind.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from extractors.problems.enumerations import starts_with_marker
from extractors.problems.items import LEAD_INS, PROBLEM, SUGGESTION, ItemSpan, Region, region_items
from extractors.problems.tables import table_items
from pipeline.core.document import Document, Section, per_document
from pipeline.core.spans import Spans

KIND_OF_CANONICAL = {"存在问题": PROBLEM, "建议": SUGGESTION}
# Titles that the section lexicon files under "other" but that open such a section.
EXTRA_KIND_TITLES = [
    (PROBLEM, re.compile(r"(?:发现|存在|面临|突出)的?(?:主要)?(?:困难|问题|不足)|困难(?:和|与|及)问题"
                         r"|问题(?:和|与|及)困难|问题(?:清单|整改)|不足之处|短板弱项")),
    (SUGGESTION, re.compile(r"(?:下一步|下年度|今后|明年|\d{4}年度?).{0,6}(?:安排|计划|打算|重点|思路|举措|措施)")),
]
NOT_KIND_TITLE = re.compile(r"说明")  # 其他需说明的问题
# A nested heading opens a section of its own only when its title is made of these words;
# one with more ("（一）专业技术人员不足", "1.资金使用问题") is an item that shares a keyword.
KIND_TITLE_WORDS = re.compile(
    r"存在|发现|面临|突出|主要|当前|目前|项目|工作|部门|单位|绩效|评价|自评|有关|相关|实施|执行"
    r"|过程|下一步|今后|下年度|明年|\d{4}年度?|改进|整改|完善|问题|不足|短板|困难|薄弱环节|原因|分析"
    r"|建议|意见|措施|对策|计划|打算|方向|思路|安排|重点|及|和|与|以及|的|中|情况|如下|拟|采取"
    r"|[、()（）:：\s]"
)
KIND_TITLE_NOUN = re.compile(r"问题|存在的?不足|不足之处|建议|措施|对策|意见|计划|打算|方向|思路|安排")
KIND_TITLE_MAX_REST = 2
TITLE_MAX_CHARS = 20
# A 存在问题 section whose title names suggestions too holds both, problems first.
MIXED_TITLE = re.compile(r"建议|措施|对策|意见|改进|整改|下一步|计划|打算|方向|思路")


@per_document
def find_items(doc: Document) -> list[ItemSpan]:
    roots = kind_sections(doc)
    regions = section_regions(doc, roots)
    regions += lead_in_regions(doc, [(r.char_start, r.char_end) for r in roots])
    found = [item for region in regions for item in region_items(doc, region)] + table_items(doc)
    return sorted(set(found), key=lambda f: f.start)


def section_kind(section: Section) -> str | None:
    if NOT_KIND_TITLE.search(section.title):
        return None
    if section.canonical in KIND_OF_CANONICAL:
        return KIND_OF_CANONICAL[section.canonical]
    return next((kind for kind, pattern in EXTRA_KIND_TITLES if pattern.search(section.title)), None)


def is_kind_title(title: str) -> bool:
    return bool(KIND_TITLE_NOUN.search(title)) and len(KIND_TITLE_WORDS.sub("", title)) <= KIND_TITLE_MAX_REST


def kind_sections(doc: Document) -> list[Section]:
    """Sections about problems or suggestions. Inside another such section a heading must
    say so by its title alone, else it is an item ("（一）专业技术人员不足"); elsewhere a
    heading that reads like a title will do ("（三）资金管理存在的问题")."""
    by_id = {s.section_id: s for s in doc.sections}
    roots: list[Section] = []
    root_ids: set[int] = set()
    for section in doc.sections:
        if not section_kind(section):
            continue
        inside = _has_ancestor(section, root_ids, by_id)
        if section.level == 1 or is_kind_title(section.title) or (not inside and _title_like(section.title)):
            roots.append(section)
            root_ids.add(section.section_id)
    return roots


def _title_like(title: str) -> bool:
    return len(title) <= TITLE_MAX_CHARS and not re.search(r"[，,。；;]", title)


def _has_ancestor(section: Section, ids: set[int], by_id: dict[int, Section]) -> bool:
    parent = by_id.get(section.parent_id)
    while parent is not None:
        if parent.section_id in ids:
            return True
        parent = by_id.get(parent.parent_id)
    return False


def section_regions(doc: Document, roots: list[Section]) -> list[Region]:
    """Each root's text from the end of its title, less the roots nested in it."""
    regions = []
    by_start = sorted(roots, key=lambda r: r.char_start)  # ties keep the order of `roots`
    starts = [r.char_start for r in by_start]
    for root in roots:
        kind = section_kind(root)
        mixed = kind == PROBLEM and bool(MIXED_TITLE.search(root.title))
        cursor = _title_end(doc.text, root)
        inside = by_start[bisect_right(starts, root.char_start):bisect_left(starts, root.char_end)]
        for inner in _outermost(inside):
            regions.append(Region(cursor, inner.char_start, kind, mixed))
            cursor = max(cursor, inner.char_end)
        regions.append(Region(cursor, root.char_end, kind, mixed))
    return [r for r in regions if r.start < r.end]


def _outermost(sections: list[Section]) -> list[Section]:
    kept: list[Section] = []
    for s in sorted(sections, key=lambda s: s.char_start):
        if not kept or s.char_start >= kept[-1].char_end:
            kept.append(s)
    return kept


def _title_end(text: str, section: Section) -> int:
    """Right after the title: "五、存在问题：资金到位较晚。" goes on with its content."""
    at = text.find(section.title, section.char_start)
    return at + len(section.title) if at != -1 else _paragraph_end(text, section.char_start)


def lead_in_regions(doc: Document, covered: list[tuple[int, int]]) -> list[Region]:
    """Stretches announced by a lead-in outside the sections above: the rest of its
    paragraph, or the list lines right after it when the lead-in ends its paragraph.
    Table cells are no running text: a 自评表 row "存在问题：无" is the table's business."""
    text = doc.text
    headings = {s.char_start for s in doc.sections}
    regions: list[Region] = []
    covered = Spans(covered + [(t.char_start, t.char_end) for t in doc.tables])
    for kind, pattern in LEAD_INS:
        for match in pattern.finditer(text):
            if covered.covers(match.start()):
                continue
            end = _paragraph_end(text, match.end())
            if not text[match.end():end].strip():
                while end < len(text) and end + 1 not in headings and starts_with_marker(doc, end + 1):
                    end = _paragraph_end(text, end + 1)
            regions.append(Region(match.end(), end, kind, kind == PROBLEM))
    regions.sort(key=lambda r: r.start)
    kept: list[Region] = []
    for region in regions:  # a later lead-in inside an earlier one's stretch is read with it
        if not kept or region.start >= kept[-1].end:
            kept.append(region)
    return kept


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end
