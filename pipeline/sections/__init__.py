"""Heading detection and the section tree.

Numbering alone cannot give the outline. Real reports skip numbers, mix numbering styles at
one level (`1、 项目概况` … `二、项目组织实施情况`), and reuse a heading style for plain lists
(`1、依法治市咨询专家库专家人数  12人`). So every line that could be a heading becomes a
`Candidate` carrying what the line alone says (`content`: positive reads like a heading,
negative like a list item), and its level is chosen by scoring each level it could take
against the outline built so far: the level its numbering style was seen at, whether its
ordinal continues that level's sequence, the GB/T 9704 order of styles (一、 > （一） > 1. >
（1）), the title's vocabulary, and the Word outline level when the reader found one. A
candidate becomes a section only when its best level score plus its content score is
positive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline.core.document import Document, Section
from pipeline.sections.names import OTHER, canonical_name, is_top_level_name

__all__ = ["build", "canonical_name"]

_CN_DIGITS = "一二三四五六七八九十"
_CN_NUMBER = "[一二三四五六七八九十百零〇]+"
_CIRCLED = "\u2460-\u2473"  # ① … ⑳

# Matched against the full-width-folded line, so "（一）" reads "(一)" and "1．" reads "1.".
# Group names are style keys; the order of alternatives matters only where one prefixes
# another (1.1 before 1.). A decimal point followed by a digit is a number, not numbering
# ("1.5万元"), unless the digits are a year ("5.2024年部门…").
_NUMBERING = re.compile(
    rf"(?P<part>第(?:{_CN_NUMBER}|\d+)部分)"
    rf"|(?P<chapter>第(?:{_CN_NUMBER}|\d+)章)"
    rf"|(?P<jie>第(?:{_CN_NUMBER}|\d+)节)"
    rf"|(?P<cn>[{_CN_DIGITS}]+(?:、|\.(?!\d)))"
    rf"|(?P<cn_paren>\([{_CN_DIGITS}]+\)、?)"
    r"|(?P<decimal>\d{1,2}(?:\.\d{1,2})+\.?(?=\s+\D))"
    r"|(?P<arabic>\d{1,2}(?:、|\.(?!\d)|\.(?=(?:19|20)\d\d年)))"
    r"|(?P<arabic_paren>\(\d{1,2}\)、?)"
    r"|(?P<arabic_half>\d{1,2}\)(?!\d))"
    rf"|(?P<circled>[{_CIRCLED}])"
)
# GB/T 9704 nesting order: a style with a lower rank encloses one with a higher rank.
_RANK = {
    "part": 0, "chapter": 1, "jie": 2, "cn": 3, "cn_paren": 4, "arabic": 5,
    "arabic_paren": 7, "arabic_half": 8, "circled": 9,
}
_PLAIN = "plain"  # unnumbered: no rank, its place comes from vocabulary and Word styles

# A heading may run on into its first sentence: "（一）投入。2021年度部门预算安排…".
_TITLE_END = re.compile(r"[。:;!?]")
_TOC_LEADER = re.compile(r"…{3,}|\.{4,}|·{4,}|。{4,}")
_TOC_PAGE = re.compile(r"\s*\d+$")
_ENUMERATION = re.compile(rf"[{_CN_DIGITS}]+是")
_SENTENCE_MARK = re.compile(r"[。,;!?、\d]")
# "存在问题如下：" introduces a list inside a section rather than opening one, and
# "项目支出绩效自评报告" is the document's own title.
_NOT_A_SECTION_TITLE = re.compile(r"(?:如下|以下|包括|主要有|报告)$")
# A value with its unit marks a list item ("专家人数  12人"); a year does not ("2021年度").
_VALUE = re.compile(
    r"(?<![\d.])(?!(?:19|20)\d\d年)\d+(?:\.\d+)?\s*"
    r"(?:%|万|亿|元|人|个|次|件|项|份|家|户|天|小时|公里|千米|米|平方|亩|吨|台|套|场|期|批|所|座"
    r"|条|篇|名|处|辆|册|间|张|分)"
)
_COLUMN_GAP = re.compile(r"\S {2,}\S")
_CLAUSE = re.compile(r"[,，]")

# Numbering styles that open a top-level section; an outline with none of them is bare titles.
_NUMBERED_TOPS = ("part", "chapter", "cn")
MIN_PLAIN_TOPS = 2
MAX_TITLE_CHARS = 40
MAX_HINTED_TITLE_CHARS = 80
MAX_PLAIN_TITLE_CHARS = 16
LONG_TITLE_CHARS = 25

# What the line alone says.
W_CANONICAL = 1.0
W_TOP_LEVEL_NAME = 1.0
W_VALUE = -2.0
W_COLUMN_GAP = -1.5
W_CLAUSE = -2.0
W_LONG = -1.0
W_SENTENCE = -1.0
# Same-style lines with nothing between them are a list; headings have content under them.
W_BARE_PAIR = -1.0
W_BARE_RUN = -3.0
# How well a candidate fits a level of the outline built so far.
W_STYLE_AT_LEVEL = 2.0
W_STYLE_ELSEWHERE = -2.0
W_NEW_STYLE_CHILD = 1.0
W_ORDINAL_NEXT = 2.0
W_ORDINAL_SKIP = 0.5
W_ORDINAL_RESTART = -3.0
# Starting again from 1 is less suspect than going back to 3: it may open a new part whose
# own heading carries no numbering.
W_ORDINAL_NEW_SEQUENCE = -1.5
W_CHILD_FIRST = 1.0
W_CHILD_NOT_FIRST = -1.0
W_GB_ORDER = 1.0
W_TOP_LEVEL_SIBLING = 2.5
W_NOT_TOP_AMONG_TOP = -1.0
W_OUTLINE_HINT = 5.0


@dataclass(frozen=True)
class Candidate:
    start: int
    line_no: int  # among non-blank lines, so blank lines do not separate a list
    style: str
    ordinal: int | None
    numbering: str
    title: str
    canonical: str
    top_level: bool
    hint: int | None  # dense rank of the source's outline level, 1 = top
    content: float
    # Nothing follows the title on its line. Only bare lines form lists and tables of
    # contents; "1.加强组织领导。成立工作专班……" is a heading that runs on into its body.
    bare: bool


def build(doc: Document) -> list[Section]:
    """Detect headings in `doc.text`, set `doc.sections` to the tree and return it."""
    candidates = _scan(doc)
    if _unnumbered_outline(candidates):
        candidates = _scan(doc, every_name=True)
    candidates = _mark_lists(_drop_toc(candidates))
    doc.sections = _to_sections(doc, _Outline().place_all(candidates))
    return doc.sections


def _unnumbered_outline(candidates: list[Candidate]) -> bool:
    """An outline of bare titles ("项目基本情况", "资金安排及使用情况" …) with no numbered
    top level and no Word styles: nothing else can open a section there, so a title the
    vocabulary keeps for subsections opens a top-level one too."""
    plain_tops = [c for c in candidates if c.style == _PLAIN and c.hint is None and c.top_level]
    return (len(plain_tops) >= MIN_PLAIN_TOPS
            and not any(c.style in _NUMBERED_TOPS for c in candidates)
            and not any(c.hint is not None for c in candidates))


def _scan(doc: Document, every_name: bool = False) -> list[Candidate]:
    """Every line that could be a heading, in document order; with `every_name`, an
    unnumbered line is one when it is any section title the vocabulary knows."""
    hints = _hint_ranks(doc.heading_levels)
    folded_text = doc.match_text
    found: list[Candidate] = []
    line_no = 0
    start = 0
    for line in doc.text.split("\n"):
        if line.strip():
            folded = folded_text[start:start + len(line)]
            candidate = _read_line(start, line_no, line, folded, hints.get(start), every_name)
            if candidate:
                found.append(candidate)
            line_no += 1
        start += len(line) + 1
    return found


def _hint_ranks(heading_levels: dict[int, int]) -> dict[int, int]:
    """Word levels as dense ranks, so a document whose top style is Heading 2 still starts at 1."""
    rank = {level: i + 1 for i, level in enumerate(sorted(set(heading_levels.values())))}
    return {offset: rank[level] for offset, level in heading_levels.items()}


def _read_line(
    start: int, line_no: int, line: str, folded: str, hint: int | None, every_name: bool = False
) -> Candidate | None:
    if "\t" in line or _TOC_LEADER.search(folded):
        return None
    indent = len(folded) - len(folded.lstrip())
    match = _NUMBERING.match(folded, indent)
    if match:
        style, numbering_end = _style_of(match), match.end()
    elif hint is not None or _may_be_plain_heading(folded[indent:], every_name):
        style, numbering_end = _PLAIN, indent
    else:
        return None
    title_start, title_end = _title_bounds(folded, numbering_end)
    title = line[title_start:title_end]
    limit = MAX_HINTED_TITLE_CHARS if hint is not None else MAX_TITLE_CHARS
    if not title or len(title) > limit:
        return None
    canonical, top_level = canonical_name(title), is_top_level_name(title)
    if every_name and not match and hint is None:
        top_level = canonical != OTHER
    content = _content_score(folded[title_start:title_end], canonical, top_level)
    rest = folded[title_end:].strip()
    if rest == "。":
        content += W_SENTENCE  # "1. 社区事务受理服务中心。": a list item, not a heading
    return Candidate(
        start=start, line_no=line_no, style=style,
        ordinal=_ordinal(match.group()) if match else None,
        numbering=line[indent:numbering_end], title=title, canonical=canonical,
        top_level=top_level, hint=hint, content=content, bare=len(rest) <= 1,
    )


def _style_of(match: re.Match) -> str:
    style = match.lastgroup
    if style == "decimal":
        # 1.1 and 1.1.1 are different depths of one scheme.
        return f"decimal{match.group().rstrip('.').count('.') + 1}"
    return style


def _rank(style: str) -> float | None:
    if style.startswith("decimal"):
        return _RANK["arabic"] + int(style.removeprefix("decimal")) / 10
    return _RANK.get(style)


def _may_be_plain_heading(line: str, every_name: bool = False) -> bool:
    """An unnumbered line is a heading only when it is just a top-level section title."""
    title = line.strip().rstrip(":")
    return (
        len(title) <= MAX_PLAIN_TITLE_CHARS
        and not _SENTENCE_MARK.search(title)
        and not _ENUMERATION.match(title)
        and not _NOT_A_SECTION_TITLE.search(title)
        and (is_top_level_name(title) or (every_name and canonical_name(title) != OTHER))
    )


def _title_bounds(folded: str, numbering_end: int) -> tuple[int, int]:
    begin = numbering_end
    while begin < len(folded) and (folded[begin].isspace() or folded[begin] in ":、"):
        begin += 1
    stop = _TITLE_END.search(folded, begin)
    end = stop.start() if stop else len(folded)
    while end > begin and folded[end - 1].isspace():
        end -= 1
    return begin, end


def _content_score(folded_title: str, canonical: str, top_level: bool) -> float:
    score = 0.0
    if canonical != "other":
        score += W_CANONICAL
    if top_level:
        score += W_TOP_LEVEL_NAME
    if _VALUE.search(folded_title):
        score += W_VALUE
    if _COLUMN_GAP.search(folded_title):
        score += W_COLUMN_GAP
    if _CLAUSE.search(folded_title):
        score += W_CLAUSE
    if len(folded_title) > LONG_TITLE_CHARS:
        score += W_LONG
    return score


def _ordinal(numbering: str) -> int | None:
    circled = re.search(f"[{_CIRCLED}]", numbering)
    if circled:
        return ord(circled.group()) - 0x2460 + 1
    digits = re.findall(r"\d+", numbering)
    if digits:
        return int(digits[-1])  # 1.2 is the second item under 1
    chinese = re.search(f"[{_CN_DIGITS}]+", numbering)
    return _chinese_number(chinese.group()) if chinese else None


def _chinese_number(text: str) -> int | None:
    values = {ch: i + 1 for i, ch in enumerate(_CN_DIGITS[:9])}
    if "十" not in text:
        return values.get(text)
    tens, _, ones = text.partition("十")
    return values.get(tens, 1) * 10 + values.get(ones, 0)


def _drop_toc(candidates: list[Candidate]) -> list[Candidate]:
    """A table of contents is a bare run of titles that recur later as the real headings."""
    key = [_TOC_PAGE.sub("", c.title) for c in candidates]
    last_seen = {k: i for i, k in enumerate(key)}
    kept = []
    for run in _bare_runs(candidates):
        kept.extend(candidates[i] for i in run if len(run) < 2 or last_seen[key[i]] == i)
    return kept


def _mark_lists(candidates: list[Candidate]) -> list[Candidate]:
    marked = []
    for run in _bare_runs(candidates):
        penalty = 0.0 if len(run) < 2 else W_BARE_PAIR if len(run) == 2 else W_BARE_RUN
        marked.extend(replace(candidates[i], content=candidates[i].content + penalty) for i in run)
    return _mark_run_on_lists(marked)


def _mark_run_on_lists(candidates: list[Candidate]) -> list[Candidate]:
    """Three or more same-style lines in a row that each run on into a sentence and whose
    titles name no section ("一、加强党的建设。落实…" "二、统筹社区发展。…") list duties or
    measures; real sections written that way carry section names (（一）投入情况。…)."""
    runs: list[list[int]] = []
    for i, c in enumerate(candidates):
        prev = candidates[i - 1] if i else None
        if prev is not None and _run_on_item(prev) and _run_on_item(c) and (
                prev.style == c.style and prev.line_no + 1 == c.line_no):
            runs[-1].append(i)
        else:
            runs.append([i])
    marked = list(candidates)
    for run in runs:
        if len(run) >= 3:
            for i in run:
                marked[i] = replace(marked[i], content=marked[i].content + W_BARE_RUN)
    return marked


def _run_on_item(c: Candidate) -> bool:
    return not c.bare and c.canonical == OTHER and c.hint is None


def _bare_runs(candidates: list[Candidate]) -> list[list[int]]:
    """Indices grouped into runs of bare same-style candidates on consecutive non-blank lines."""
    runs: list[list[int]] = []
    for i, c in enumerate(candidates):
        if i and _same_run(candidates[i - 1], c):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _same_run(prev: Candidate | None, c: Candidate) -> bool:
    return (
        prev is not None and prev.bare and c.bare
        and prev.style == c.style and prev.line_no + 1 == c.line_no
    )


@dataclass
class _Open:
    """A heading whose section is still open at some level of the outline."""
    index: int
    candidate: Candidate
    # Canonical names of this heading and its earlier siblings.
    seen: frozenset[str]


@dataclass
class _Outline:
    open: list[_Open] = field(default_factory=list)
    # The level each numbering style was last placed at, kept after its sections close.
    style_level: dict[str, int] = field(default_factory=dict)
    placed: list[tuple[Candidate, int, int | None]] = field(default_factory=list)

    def place_all(self, candidates: list[Candidate]) -> list[tuple[Candidate, int, int | None]]:
        previous, previous_placed = None, False
        for candidate in candidates:
            level, score = self.best_level(candidate)
            # A list stays a list: once one item of a bare run is rejected, so are the rest,
            # even when an item's ordinal happens to continue some open level.
            in_rejected_list = _same_run(previous, candidate) and not previous_placed
            previous_placed = not in_rejected_list and score + candidate.content > 0
            if previous_placed:
                self.place(candidate, level)
            previous = candidate
        return self.placed

    def best_level(self, c: Candidate) -> tuple[int, float]:
        """Ties go to the deeper level: wrongly nesting a heading costs less than promoting it."""
        best = (len(self.open) + 1, self.score(c, len(self.open) + 1))
        for level in range(len(self.open), 0, -1):
            score = self.score(c, level)
            if score > best[1]:
                best = (level, score)
        return best

    def score(self, c: Candidate, level: int) -> float:
        depth = len(self.open)
        score = 0.0
        if c.hint is not None and level == min(c.hint, depth + 1):
            score += W_OUTLINE_HINT
        known = self.style_level.get(c.style)
        if known == level:
            score += W_STYLE_AT_LEVEL
        elif known is not None:
            score += W_STYLE_ELSEWHERE
        if level > depth:
            return score + self._child_score(c, known is None)
        return score + self._sibling_score(c, self.open[level - 1])

    def _child_score(self, c: Candidate, new_style: bool) -> float:
        score = W_NEW_STYLE_CHILD if new_style else 0.0
        if c.ordinal is not None:
            score += W_CHILD_FIRST if c.ordinal == 1 else W_CHILD_NOT_FIRST
        if self.open:
            parent_rank = _rank(self.open[-1].candidate.style)
            rank = _rank(c.style)
            if parent_rank is not None and rank is not None and rank != parent_rank:
                score += W_GB_ORDER if rank > parent_rank else -W_GB_ORDER
        return score

    def _sibling_score(self, c: Candidate, here: _Open) -> float:
        score = 0.0
        previous = here.candidate.ordinal
        if c.ordinal is not None and previous is not None:
            if c.ordinal == previous + 1:
                score += W_ORDINAL_NEXT
            elif c.ordinal > previous:
                score += W_ORDINAL_SKIP
            elif c.ordinal == 1:
                score += W_ORDINAL_NEW_SEQUENCE
            else:
                score += W_ORDINAL_RESTART
        if here.candidate.top_level:
            if c.top_level and c.canonical not in here.seen:
                score += W_TOP_LEVEL_SIBLING
            elif not c.top_level:
                score += W_NOT_TOP_AMONG_TOP
        return score

    def place(self, c: Candidate, level: int) -> None:
        seen = self.open[level - 1].seen if level <= len(self.open) else frozenset()
        del self.open[level - 1:]
        parent = self.open[-1].index if self.open else None
        self.open.append(_Open(index=len(self.placed), candidate=c, seen=seen | {c.canonical}))
        self.style_level[c.style] = level
        self.placed.append((c, level, parent))


def _to_sections(doc: Document, placed: list[tuple[Candidate, int, int | None]]) -> list[Section]:
    ends = _section_ends([(c.start, level) for c, level, _ in placed], len(doc.text))
    return [
        Section(
            section_id=i, parent_id=parent, level=level, numbering=c.numbering, title=c.title,
            canonical=c.canonical, char_start=c.start, char_end=end, page=doc.page_at(c.start),
        )
        for i, ((c, level, parent), end) in enumerate(zip(placed, ends))
    ]


def _section_ends(starts: list[tuple[int, int]], text_end: int) -> list[int]:
    """A section ends where the next heading of the same or a higher level begins."""
    ends = [text_end] * len(starts)
    waiting: list[int] = []  # indices whose end is not yet known, levels increasing
    for i, (start, level) in enumerate(starts):
        while waiting and starts[waiting[-1]][1] >= level:
            ends[waiting.pop()] = start
        waiting.append(i)
    return ends
