"""What the items in a stretch about problems or suggestions are, and which is which.

Enumerated lists (extractors.enumerations) are items; so are paragraphs before the first
list, or in a stretch with none, one per paragraph or per "；"-separated clause. What a list
holds is said by its lead-in — the last kind-word in it decides, so "针对上述问题，建议如下："
announces suggestions — and failing that by its place: in a 存在问题及建议 section the
problems come first. After a list, a paragraph is an item only when a lead-in opens it
("建议：…", "下一步，…"); otherwise it goes on about the last item or sums the list up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.problems.enumerations import find_groups, starts_with_marker, without_summary
from pipeline.core.document import SENTENCE_ENDS, Document

PROBLEM, SUGGESTION = "problem", "suggestion"

# Words in a lead-in that say what its list holds.
LEAD_WORDS = [
    (PROBLEM, re.compile(r"问题|不足|短板|差距|薄弱|困难|弱项|隐患")),
    (SUGGESTION, re.compile(r"建议|措施|对策|下一步|计划|打算|今后|我们(?:将|要)|努力|改进|整改|举措|思路")),
]
# Phrases that announce items in running text; outside the sections about them only these count.
LEAD_INS = [
    (PROBLEM, re.compile(
        r"(?<!针对)(?<!对于)(?:存在|发现|面临)(?:的|了|着)?(?:一些|以下|如下|部分|几个|几点)?(?:主要|突出)?"
        r"(?:问题|不足|短板|困难)(?:和不足|与不足|及不足)?(?:主要)?(?:有|是|为|如下|表现在|体现在|包括)?[：:]"
        r"|(?:主要|突出)(?:问题|不足)(?:是|有|为|在于)[：:]?")),
    (SUGGESTION, re.compile(
        r"(?:(?:下一步|今后|针对[^。；;：:\n]{0,12}?[，,]?)[^。；;：:\n]{0,6}?)?(?:工作|改进|整改|意见|相关|有关)?建议"
        r"(?:如下|主要有|主要是|有|是|为)?[：:]"
        r"|(?:下一步|今后|下年度|下阶段|明年)[^。；;：:\n]{0,10}?(?:措施|计划|打算|安排|思路|重点)(?:如下|是|为)?[：:]"
        r"|(?:改进|整改)(?:措施|意见|方向)(?:如下|是|为)?[：:]")),
]
# Inside the sections about problems and suggestions, plainer words also turn to plans.
REGION_LEAD_INS = [
    (SUGGESTION, re.compile(
        r"(?:下一步|今后|下阶段)[，,]|针对(?:上述|以上|这些|存在的)[^。；;\n]{0,10}?[，,]"
        r"|(?:措施|对策|计划|打算)(?:如下|是|为)?[：:]")),
]
# How a paragraph of plans opens when no lead-in announces it ("今后我们将加强沟通。"
# after the problems). Not a bare 应: "应收账款清理不及时" is a problem.
PLAN_START = re.compile(
    r"^(?:建议|下一步|今后|下阶段|我们将|我们要|我(?:单位|局|部门|中心|委|办)将|将进一步|进一步|要进一步|应进一步|拟)")
# Before a list of problems, a paragraph is a problem of its own only if it reads like one;
# "本项目总体运行良好。" sets the scene.
PROBLEM_SIGNS = re.compile(
    r"不[够足高强全细实]|不到位|不及时|不完善|不健全|不明确|不合理|不规范|不充分|不平衡|不精准|不科学|不匹配"
    r"|滞后|偏[低慢高少晚大]|较[慢少多低弱晚差]|缓慢|迟缓|有待|欠缺|缺乏|薄弱|未能|未按|未及时|未达|尚未|没有|难以|单一"
    r"|问题|困难|短板|差距|风险|隐患"
)
# A concession opens the lead-in of a list of problems ("虽然取得了一定成效，但…").
CONCESSION = re.compile(r"虽然|尽管|虽[然有]?取得|取得了?一定|总体(?:上|来看|较好|良好)")
# "无", "暂无", "未发现问题", "共发现问题0个": the report states there is nothing to list.
NOTHING = re.compile(
    r"^(?:[^，,。；;]{0,12}[，,])?[^，,。；;]{0,16}?(?:暂|目前|尚|均|基本)?(?:无|没有|未发现|未见|不存在)"
    r"(?:[^，,。；;]{0,10}?(?:问题|不足|情况|建议|意见|事项))?[。.！!]?$"
    r"|发现问题\s*[0零]\s*个|问题(?:数|个数)?为?\s*[0零]\s*个"
)
# A sentence that sums up what came before is not an item of its own.
SUMMARY_START = re.compile(r"^(?:这些|上述|以上|综上|总之|总的来看|对此|为此)")
# After problems, "针对上述问题…" turns to what is done about them.
PROBLEM_SUMMARY_START = re.compile(r"^(?:针对|对于|就)(?:上述|以上|这些|前述|存在的)")
# Lines that close a report rather than state anything: signature, date, attachments.
NOT_A_STATEMENT = re.compile(
    r"^[^，,。；;：:]{0,30}(?:局|厅|办|院|委|会|中心|处|科|所|站|队|公司|政府|办公室|街道)$"
    r"|^(?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$|^附[件表]"
)
_CLAUSES = re.compile(r"[；;]")
_TRIM = "；;，,、：:。 \t\u3000\n"
_ITEM_TRIM = "；;，,、：: \t\u3000\n"  # an item keeps its closing 。


ALONE, BEFORE, AFTER = "alone", "before", "after"  # where a paragraph stands to a stretch's lists


@dataclass(frozen=True)
class ItemSpan:
    kind: str  # PROBLEM or SUGGESTION
    start: int
    end: int


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    kind: str  # what its first items are
    mixed: bool  # problems first, then suggestions


@dataclass
class _Walk:
    """What the text read so far in a region says the next items are."""
    kind: str
    mixed: bool
    problems_done: bool = False  # problems were listed, or said to be none

    def default_for(self, nested: bool) -> str:
        if self.mixed and not nested and self.problems_done:
            return SUGGESTION
        return self.kind

    def saw(self, kind: str) -> None:
        self.kind = kind
        self.problems_done = self.problems_done or kind == PROBLEM


def region_items(doc: Document, region: Region) -> list[ItemSpan]:
    text = doc.text
    walk = _Walk(region.kind, region.mixed)
    found: list[ItemSpan] = []
    cursor, after_list = region.start, False
    for group in find_groups(doc, region.start, region.end):
        lead_start = _lead_start(text, group.start, cursor)
        found += _paragraph_items(doc, cursor, lead_start, walk, AFTER if after_list else BEFORE)
        intro = group.intro if group.nested else text[lead_start:group.start]
        kind = (None if _says_nothing(intro) else lead_kind(intro)) or walk.default_for(group.nested)
        for item in group.items:
            end = _before_other_lead(text, item.start, item.end, kind)
            if end > item.start and not _says_nothing(text[item.start:end]):
                found.append(ItemSpan(kind, item.start, _trim_end(text, item.start, end)))
            if end < item.end and item is not group.items[-1]:  # "1.指标不够科学。整改措施：细化。"
                walk.kind = kind
                found += _segment_items(text, end, item.end, walk, AFTER)
        walk.saw(kind)
        # What follows the last item (from where its lead-in of the other kind begins, if it
        # holds one) counts only if a lead-in opens it, or is the next list's lead-in.
        last = group.items[-1]
        cursor, after_list = max(cursor, _before_other_lead(text, last.start, last.end, kind)), True
    return found + _paragraph_items(doc, cursor, region.end, walk, AFTER if after_list else ALONE)


def lead_kind(intro: str) -> str | None:
    """The kind named last in a lead-in, if any."""
    last = None
    for kind, pattern in LEAD_WORDS:
        for match in pattern.finditer(intro):
            if last is None or match.end() > last[0]:
                last = (match.end(), kind)
    return last[1] if last else None


def _lead_start(text: str, marker: int, floor: int) -> int:
    """Where the lead-in of a list starting at `marker` begins: its own line's start, or
    the paragraph before when the list opens a line and that paragraph reads as a lead-in."""
    line = max(text.rfind("\n", floor, marker) + 1, floor)
    if text[line:marker].strip() or line <= floor:
        return line
    previous = max(text.rfind("\n", floor, line - 1) + 1, floor)
    return previous if _is_lead_in(text[previous:line].strip()) else line


def _is_lead_in(paragraph: str) -> bool:
    if paragraph.endswith(("：", ":")) or CONCESSION.search(paragraph):
        return True
    if _says_nothing(paragraph):
        return False  # "本项目未发现明显问题。" is read as a statement
    for _, pattern in LEAD_INS:
        match = pattern.search(paragraph)
        if match and paragraph[match.end():].strip(_TRIM):
            return False  # "存在问题：资金到位较晚。" states its item itself
    return lead_kind(paragraph) is not None


def _before_other_lead(text: str, start: int, end: int, kind: str) -> int:
    """Where a lead-in of the other kind starts inside an item (its colon may lie just past
    the item's trimmed end), else `end`."""
    cut = end
    for other, pattern in LEAD_INS + REGION_LEAD_INS:
        match = pattern.search(text, start, _paragraph_end(text, end)) if other != kind else None
        if match and match.start() < end:
            cut = min(cut, _sentence_start(text, match.start(), start))
    return cut


def _paragraph_items(doc: Document, start: int, end: int, walk: _Walk, place: str) -> list[ItemSpan]:
    """Items in the paragraphs between lists, leaving out the lines of lists themselves.
    `place`: ALONE in a stretch without lists, BEFORE its first list, AFTER a list."""
    text, found, pos = doc.text, [], start
    while pos < end:
        stop = min(_paragraph_end(text, pos), end)
        if not starts_with_marker(doc, pos) and "\t" not in text[pos:stop]:
            found += _segment_items(text, pos, stop, walk, place)
        pos = stop + 1
    return found


def _segment_items(text: str, start: int, end: int, walk: _Walk, place: str) -> list[ItemSpan]:
    found = []
    for led, kind, seg_start, seg_end in _segments(text, start, end, walk):
        segment = text[seg_start:seg_end].strip()
        if not led and kind == PROBLEM and walk.problems_done and PLAN_START.search(segment):
            kind = walk.kind = SUGGESTION
        elif not led and place == AFTER:
            continue  # more about the last item, or a summary of the list
        elif not led and place == BEFORE and kind == PROBLEM and not PROBLEM_SIGNS.search(segment):
            continue  # the scene before the list
        items = _clause_items(text, seg_start, seg_end, kind)
        if kind == PROBLEM and (items or _says_nothing(text[seg_start:seg_end])):
            walk.problems_done = True
        found += items
    return found


def _segments(text: str, start: int, end: int, walk: _Walk) -> list[tuple[bool, str, int, int]]:
    """Stretches of one paragraph, each with whether a lead-in opened it and its kind."""
    patterns = LEAD_INS + REGION_LEAD_INS
    leads = sorted(((kind, m) for kind, p in patterns for m in p.finditer(text, start, end)),
                   key=lambda lead: lead[1].start())
    segments, cursor, led = [], start, False
    for kind, match in leads:
        labels = match.group().endswith(("：", ":"))
        if match.start() < cursor or (kind == walk.kind and not labels):
            continue
        head = _sentence_start(text, match.start(), cursor)
        segments.append((led, walk.kind, cursor, head))
        # A label ("建议：") is left out of the item; a transition ("下一步，我们将…") is part of it.
        walk.kind, cursor, led = kind, match.end() if labels else head, True
    segments.append((led, walk.kind, cursor, end))
    return segments


def _clause_items(text: str, start: int, end: int, kind: str) -> list[ItemSpan]:
    """One item per paragraph, or per "；" clause when the paragraph is one sentence."""
    end = without_summary(text, start, end)
    core = text[start:end].strip(_TRIM)
    if (not core or _says_nothing(core) or text[start:end].rstrip().endswith(("：", ":"))
            or SUMMARY_START.search(core) or NOT_A_STATEMENT.search(core)
            or (kind == PROBLEM and PROBLEM_SUMMARY_START.search(core))):
        return []
    clauses = [(start, end)]
    if "。" not in core:
        clauses, pos = [], start
        for clause in _CLAUSES.split(text[start:end]):
            clauses.append((pos, pos + len(clause)))
            pos += len(clause) + 1
    found = []
    for a, b in clauses:
        while a < b and text[a] in _TRIM:
            a += 1
        b = _trim_end(text, a, b)
        if b > a and not _says_nothing(text[a:b]):
            found.append(ItemSpan(kind, a, b))
    return found


def _says_nothing(body: str) -> bool:
    return bool(NOTHING.search(body.strip(_TRIM)))


def _sentence_start(text: str, pos: int, floor: int) -> int:
    while pos > floor and text[pos - 1] not in SENTENCE_ENDS:
        pos -= 1
    return pos


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _ITEM_TRIM:
        end -= 1
    return end


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end
