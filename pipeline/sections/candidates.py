"""What one line says: whether it could be a heading, its numbering style and ordinal, and
how much it reads like a heading (`content`) — before any outline is built.

Lists and tables of contents are marked here too, as they show in runs of neighbouring lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.core import numbering as N
from pipeline.core.document import Document
from pipeline.sections.names import (
    DISCLOSURE_TITLE_CHARS, OTHER, canonical_name, is_disclosure_part, is_top_level_name,
)

# Matched against the full-width-folded line, so "（一）" reads "(一)" and "1．" reads "1.".
# Group names are style keys; the order of alternatives matters only where one prefixes
# another (1.1 before 1.). A heading number may be glued to the year its title starts with.
_ARABIC_END = f"(?:{N.END}|{N.BEFORE_YEAR})"
NUMBERING = re.compile(
    rf"(?P<part>{N.part()})"
    rf"|(?P<chapter>{N.chapter()})"
    rf"|(?P<jie>{N.jie()})"
    rf"|(?P<cn>{N.cn()})"
    rf"|(?P<cn_paren>{N.cn_paren()})"
    rf"|(?P<decimal>{N.DECIMAL})"
    rf"|(?P<arabic>{N.arabic(end=_ARABIC_END)})"
    rf"|(?P<arabic_paren>{N.arabic_paren()})"
    rf"|(?P<arabic_half>{N.arabic_half()})"
    rf"|(?P<circled>{N.CIRCLED_MARK})"
    rf"|(?P<decimal_top>{N.DECIMAL_TOP})"
)
PLAIN = "plain"  # unnumbered: no rank, its place comes from vocabulary and Word styles

# A heading may run on into its first sentence: "（一）投入。2021年度部门预算安排…".
_TITLE_END = re.compile(r"[。:;!?]")
_TOC_LEADER = re.compile(r"…{3,}|\.{4,}|·{4,}|。{4,}")
_TOC_PAGE = re.compile(r"\s*\d+$")
_ENUMERATION = re.compile(N.shi())
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
_YEAR_LEAD = re.compile(r"^(?:19|20)\d\d年度?")
_COLUMN_GAP = re.compile(r"\S {2,}\S")
_CLAUSE = re.compile(r"[,，]")

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
# A title cut at a colon inside brackets: "4.村民就医满意度（目标值：不低于90%…）" is a list item.
W_OPEN_BRACKET = -2.0
W_SENTENCE = -1.0
# Same-style lines with nothing between them are a list; headings have content under them.
W_BARE_PAIR = -1.0
W_BARE_RUN = -3.0
MIN_SENTENCE_LIST = 3


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


def scan(doc: Document, every_name: bool = False, disclosure: bool = False) -> list[Candidate]:
    """Every line that could be a heading, in document order; with `every_name`, an
    unnumbered line is one when it is any section title the vocabulary knows; with
    `disclosure`, when it names a part of a budget disclosure (names.DISCLOSURE_PARTS)."""
    hints = _hint_ranks(doc.heading_levels)
    folded_text = doc.match_text
    found: list[Candidate] = []
    line_no = 0
    start = 0
    for line in doc.text.split("\n"):
        if line.strip():
            folded = folded_text[start:start + len(line)]
            candidate = read_line(start, line_no, line, folded, hints.get(start), every_name, disclosure)
            if candidate:
                found.append(candidate)
            line_no += 1
        start += len(line) + 1
    return found


def _hint_ranks(heading_levels: dict[int, int]) -> dict[int, int]:
    """Word levels as dense ranks, so a document whose top style is Heading 2 still starts at 1."""
    rank = {level: i + 1 for i, level in enumerate(sorted(set(heading_levels.values())))}
    return {offset: rank[level] for offset, level in heading_levels.items()}


def line_numbers(doc: Document) -> dict[int, int]:
    """Start offset -> number among non-blank lines, as `scan` numbers them."""
    numbers, line_no, start = {}, 0, 0
    for line in doc.text.split("\n"):
        if line.strip():
            numbers[start] = line_no
            line_no += 1
        start += len(line) + 1
    return numbers


def read_line(
    start: int, line_no: int, line: str, folded: str, hint: int | None, every_name: bool = False,
    disclosure: bool = False,
) -> Candidate | None:
    """`folded` is the line in the match view (Document.match_text): numbering, length and
    vocabulary are read there, so traditional characters read as simplified ones."""
    if "\t" in line or _TOC_LEADER.search(folded):
        return None
    indent = len(folded) - len(folded.lstrip())
    match = NUMBERING.match(folded, indent)
    if match:
        style, numbering_end = _style_of(match), match.end()
    elif hint is not None or _may_be_plain_heading(folded[indent:], every_name):
        style, numbering_end = PLAIN, indent
    elif disclosure and _may_be_disclosure_part(folded[indent:]):
        style, numbering_end = PLAIN, indent
    else:
        return None
    title_start, title_end = _title_bounds(folded, numbering_end)
    title = line[title_start:title_end]
    limit = MAX_HINTED_TITLE_CHARS if hint is not None else MAX_TITLE_CHARS
    if not title or len(title) > limit:
        return None
    if match and match.lastgroup == "decimal_top" and not _bare_number_title(folded[title_start:]):
        return None
    folded_title = folded[title_start:title_end]
    canonical, top_level = canonical_name(folded_title), is_top_level_name(folded_title)
    if _cut_in_brackets(folded_title):
        canonical, top_level = OTHER, False  # no section's name: a clause cut short
    if not match and hint is None:
        if every_name:
            top_level = canonical != OTHER
        elif disclosure and _may_be_disclosure_part(folded_title):
            top_level = True
    content = _content_score(folded[title_start:title_end], canonical, top_level)
    rest = folded[title_end:].strip()
    if rest == "。":
        content += W_SENTENCE  # "1. 社区事务受理服务中心。": a list item, not a heading
    return Candidate(
        start=start, line_no=line_no, style=style,
        ordinal=N.ordinal(match.group()) if match else None,
        numbering=line[indent:numbering_end], title=title, canonical=canonical,
        top_level=top_level, hint=hint, content=content, bare=len(rest) <= 1,
    )


def _style_of(match: re.Match) -> str:
    style = match.lastgroup
    if style == "decimal":
        # 1.1 and 1.1.1 are different depths of one scheme.
        return f"decimal{match.group().rstrip('.').count('.') + 1}"
    if style == "decimal_top":
        return "decimal1"
    return style


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


def _bare_number_title(rest: str) -> bool:
    """After a bare number ("1 项目概况"), only a short title alone on its line is a heading:
    "12 人参加培训" and a wrapped line "3 个乡镇…" are not."""
    title = rest.strip()
    return (
        len(title) <= MAX_PLAIN_TITLE_CHARS
        and not _SENTENCE_MARK.search(title)
        # A unit right after the number is a quantity ("12 人"), unless the words are a
        # section's name ("3 项目绩效", where 项 is no unit).
        and not (_VALUE.match("0" + title) and canonical_name(title) == OTHER)
    )


def _may_be_disclosure_part(line: str) -> bool:
    """A bare title of a budget disclosure's part, the unit's name or the year before it
    allowed: "唐山市丰润区教育局主要职责", "2023年度部门决算收支情况说明"."""
    title = _YEAR_LEAD.sub("", line.strip().rstrip(":"))
    return (
        len(title) <= DISCLOSURE_TITLE_CHARS
        and not _SENTENCE_MARK.search(title)
        and not _NOT_A_SECTION_TITLE.search(title)
        and is_disclosure_part(title)
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
    if _cut_in_brackets(folded_title):
        score += W_OPEN_BRACKET
    return score


def _cut_in_brackets(folded_title: str) -> bool:
    return folded_title.count("(") > folded_title.count(")")


def drop_toc(candidates: list[Candidate]) -> list[Candidate]:
    """A table of contents is a bare run of titles that recur later as the real headings."""
    key = [_TOC_PAGE.sub("", c.title) for c in candidates]
    last_seen = {k: i for i, k in enumerate(key)}
    kept = []
    for run in _bare_runs(candidates):
        kept.extend(candidates[i] for i in run if len(run) < 2 or last_seen[key[i]] == i)
    return kept


def mark_lists(candidates: list[Candidate], sentence_lists: frozenset[int] = frozenset()) -> list[Candidate]:
    """`sentence_lists`: line numbers of the items of numbered lists written as sentences
    (`sentence_list_lines`); those of their items that run on into a sentence are marked
    as list items once, here or as a run of such items (_mark_run_on_lists)."""
    marked = []
    for run in _bare_runs(candidates):
        penalty = 0.0 if len(run) < 2 else W_BARE_PAIR if len(run) == 2 else W_BARE_RUN
        marked.extend(replace(candidates[i], content=candidates[i].content + penalty) for i in run)
    marked, in_runs = _mark_run_on_lists(marked)
    return [replace(c, content=c.content + W_BARE_RUN)
            if c.line_no in sentence_lists and not c.bare and i not in in_runs else c
            for i, c in enumerate(marked)]


def sentence_list_lines(doc: Document) -> frozenset[int]:
    """Line numbers of the items of numbered lists written as sentences: duties, tasks,
    measures ("（三）负责管理市级各项财政收支。编制年度财政预决算草案…").

    Such a list is three or more items in one numbering style, numbered on from each other
    on consecutive lines, most of them sentences where a heading would have a title.
    Counting the items too long to be titles keeps the run whole, and deciding by the
    majority keeps an item that happens to hold a section word ("（六）牵头编制国有资产管理
    情况报告。拟订…") in its list; headings that run on into their paragraph have titles
    ("1.加强组织领导。成立工作专班…") and make no such list."""
    items = []  # (line number, style, ordinal, a sentence rather than a title)
    view = doc.match_text
    for start, line_no in line_numbers(doc).items():
        end = view.find("\n", start)
        folded = view[start:end if end >= 0 else len(view)]
        indent = len(folded) - len(folded.lstrip())
        match = NUMBERING.match(folded, indent)
        if match:
            items.append((line_no, _style_of(match), N.ordinal(match.group()), _sentence_item(folded, match.end())))
    lines: set[int] = set()
    run: list[tuple] = []
    for item in [*items, None]:
        prev = run[-1] if run else None
        if item and prev and item[1] == prev[1] and item[0] == prev[0] + 1 and (
                item[2] is not None and prev[2] is not None and item[2] == prev[2] + 1):
            run.append(item)
            continue
        if len(run) >= MIN_SENTENCE_LIST and 2 * sum(1 for i in run if i[3]) > len(run):
            lines.update(i[0] for i in run)
        run = [item] if item else []
    return frozenset(lines)


def _sentence_item(folded: str, numbering_end: int) -> bool:
    """An item that is a sentence: what stands where a title would is long or holds a
    clause ("贯彻执行…法律法规，拟订…并组织实施"). "1.加强组织领导。成立…" has a title."""
    begin, end = _title_bounds(folded, numbering_end)
    title = folded[begin:end]
    return len(title) > LONG_TITLE_CHARS or bool(_CLAUSE.search(title))


def _mark_run_on_lists(candidates: list[Candidate]) -> tuple[list[Candidate], set[int]]:
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
    marked, in_runs = list(candidates), set()
    for run in runs:
        if len(run) >= 3:
            for i in run:
                marked[i] = replace(marked[i], content=marked[i].content + W_BARE_RUN)
                in_runs.add(i)
    return marked, in_runs


def _run_on_item(c: Candidate) -> bool:
    return not c.bare and c.canonical == OTHER and c.hint is None


def _bare_runs(candidates: list[Candidate]) -> list[list[int]]:
    """Indices grouped into runs of bare same-style candidates on consecutive non-blank lines."""
    runs: list[list[int]] = []
    for i, c in enumerate(candidates):
        if i and same_run(candidates[i - 1], c):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def same_run(prev: Candidate | None, c: Candidate) -> bool:
    return (
        prev is not None and prev.bare and c.bare
        and prev.style == c.style and prev.line_no + 1 == c.line_no
    )
