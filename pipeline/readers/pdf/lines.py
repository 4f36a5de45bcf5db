"""Text lines of PDF pages, and the layout rules that join hard-wrapped lines into paragraphs.

PDFs keep no paragraphs, only positioned glyphs. A line is a wrap of its paragraph when the
layout says the writer's software broke it: it runs to the right margin and the next line
carries on at the left margin, in the same font size, without first-line indent and without
starting like a heading.
"""
from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, replace

from pipeline.core.numbering import HEADING_START
from pipeline.core.document import is_cjk

# pdfplumber's default: a wider gap between two glyphs of a line is a space.
X_TOLERANCE = 3.0
# In font sizes. Between two CJK characters, or two digits, a gap narrower than a character
# separates nothing: Chinese puts no spaces between words, and a number is not cut in two.
# Such gaps are left where a re-typeset page kept the original's line ends ("业务能 力",
# "12月3 1日"), or by justification; a real separation (a column, a form's label and value)
# is wider, and a typed space is a glyph of its own.
WORD_GAP = 1.0
# In font sizes. A wider gap splits a line into separate pieces of text, such as a table
# caption on the left and "单位：元" on the right.
PIECE_GAP = 3.0
# In font sizes. A line ending this close to the right margin ran out of room.
WRAP_SLACK = 2.0
# In font sizes. First-line indent is two characters; anything from about one counts.
INDENT = 0.9
# In font sizes: a line starting further in than a first-line indent is right-aligned or
# centred (a signature date, a caption) and does not wrap into the next.
MAX_FIRST_INDENT = 4
# In font sizes: more blank space than usual between two lines separates paragraphs.
PARAGRAPH_SPACING = 0.8
# In points: sizes further apart than this are different styles (a heading, a note).
SIZE_TOLERANCE = 1.0
# This many lines ending (or starting) at one place make it the page's own margin.
EDGE_SUPPORT = 3
# Points: pages this close in width are one page size.
WIDTH_TOLERANCE = 3.0
# A page with fewer lines does not vote for the margins its sparse neighbours share.
VOTING_LINES = 2 * EDGE_SUPPORT
SENTENCE_ENDS = tuple("。！？：；!?:;")
CLOSERS = "”’」』）)"  # may follow the punctuation that ends a sentence



# A page number alone on a line, as the original printed it: "- 2 -", "— 2 —", "第 2 页".
PAGE_MARKER = re.compile(
    r"\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)\s*"
)


@dataclass
class Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    # Width of the latin/digit run the line starts with: the previous line may have stopped
    # short of the margin by that much because the run would not fit there.
    lead_width: float
    # One of several pieces of a split line; such a piece is a paragraph of its own.
    standalone: bool = False


@dataclass(frozen=True)
class Margins:
    left: float
    right: float
    line_gap: float  # usual blank space between two lines of one paragraph


def page_lines(page, number: int) -> list[Line]:
    """The lines of a page (page.GlyphPage, or an OCR'd page), top to bottom."""
    lines: list[Line] = []
    for row in page.extract_text_lines(return_chars=True, strip=True):
        pieces = _split_at_gaps(row["chars"])
        for chars in pieces:
            line = _line(chars, number, standalone=len(pieces) > 1)
            if line is not None:
                lines.append(line)
    return lines


def _split_at_gaps(chars: list[dict]) -> list[list[dict]]:
    pieces: list[list[dict]] = [[]]
    prev = None
    for ch in chars:
        if not ch["text"].isspace():
            # Not max(): this runs for every glyph, and a call costs more than the comparison.
            size = (ch["size"] if ch["size"] >= prev["size"] else prev["size"]) if prev else 0.0
            if prev is not None and ch["x0"] - prev["x1"] > PIECE_GAP * size:
                pieces.append([])
            prev = ch
        pieces[-1].append(ch)
    return pieces


def _line(chars: list[dict], number: int, standalone: bool) -> Line | None:
    glyphs = [ch for ch in chars if not ch["text"].isspace()]
    if not glyphs:
        return None
    return Line(
        text=line_text(chars), page=number, x0=glyphs[0]["x0"], x1=glyphs[-1]["x1"],
        top=min(ch["top"] for ch in glyphs), bottom=max(ch["bottom"] for ch in glyphs),
        size=statistics.median(ch["size"] for ch in glyphs), lead_width=_lead_width(glyphs),
        standalone=standalone,
    )


def line_text(chars: list[dict]) -> str:
    """The glyphs' text, with one space wherever the PDF has spaces or a visible gap."""
    parts: list[str] = []
    prev, spaced = None, False
    for ch in chars:
        if ch["text"].isspace():
            spaced = True
            continue
        if prev is not None and (spaced or _gap_is_space(prev, ch)):
            parts.append(" ")
        parts.append(ch["text"])
        prev, spaced = ch, False
    return "".join(parts)


def _gap_is_space(prev: dict, ch: dict) -> bool:
    gap = ch["x0"] - prev["x1"]
    if gap <= X_TOLERANCE:
        return False
    a, b = prev["text"][-1:], ch["text"][:1]
    if (is_cjk(a) and is_cjk(b)) or (a.isdigit() and b.isdigit()):
        return gap >= WORD_GAP * max(prev["size"], ch["size"])
    return True


def _lead_width(glyphs: list[dict]) -> float:
    end = glyphs[0]["x0"]
    for ch in glyphs:
        if not _is_latin(ch["text"]):
            break
        end = ch["x1"]
    return end - glyphs[0]["x0"]


def _is_latin(text: str) -> bool:
    return text.isascii() and not text.isspace()


def _inside_number(before: str, after: str) -> bool:
    """A wrap inside one number ("5," + "288.4万元", "1234" + "56") takes no space."""
    return after[0].isdigit() and (before[-1].isdigit() or (
        before[-1] in ",." and len(before) > 1 and before[-2].isdigit()))


def page_margins(pages: list[tuple[float, list[Line]]]) -> list[Margins]:
    """Margins of each page, given as (page width, lines).

    A page whose lines agree on an edge (several lines end there) has its own margins, even
    when it is laid out narrower than the rest. A sparse page (a heading and a short note)
    says little, so pages of the same width vote for a shared margin and the page's margin
    is never narrower than that one.
    """
    shared_left: dict[int, list[float]] = defaultdict(list)
    shared_right: dict[int, list[float]] = defaultdict(list)
    # Only pages with lines enough to show their edges vote, unless no page has them: the
    # last page of a short report, holding a heading and a caption, would pull the median in.
    voters = [(w, lines) for w, lines in pages if len(lines) >= VOTING_LINES] or pages
    key_of = _width_keys([w for w, _ in pages])
    for page_width, lines in voters:
        if lines:
            shared_left[key_of[page_width]].append(min(line.x0 for line in lines))
            shared_right[key_of[page_width]].append(max(line.x1 for line in lines))
    margins = []
    for page_width, lines in pages:
        key = key_of[page_width]
        left = statistics.median(shared_left[key]) if shared_left[key] else 0.0
        right = statistics.median(shared_right[key]) if shared_right[key] else page_width
        if lines:
            size = statistics.median(line.size for line in lines)
            left, right = _left_edge(lines, left, size), _right_edge(lines, right, size)
        margins.append(Margins(left, right, _line_gap(lines)))
    return margins


def _width_keys(widths: list[float]) -> dict[float, int]:
    """Widths within WIDTH_TOLERANCE of each other are one page size: a scanned page's width,
    from its pixels, comes out a point off the printed pages' (595.8 against 595.28)."""
    keys: dict[float, int] = {}
    for width in sorted(set(widths)):
        near = [w for w in keys if width - w <= WIDTH_TOLERANCE]
        keys[width] = keys[near[0]] if near else len(keys)
    return keys


def _left_edge(lines: list[Line], shared: float, size: float) -> float:
    own = min(line.x0 for line in lines)
    support = sum(1 for line in lines if line.x0 - own <= INDENT * size / 2)
    return own if _own_edge(lines, support) else min(own, shared)


def _right_edge(lines: list[Line], shared: float, size: float) -> float:
    # The second-widest line, so that one line overhanging the margin does not move it.
    ends = sorted((line.x1 for line in lines), reverse=True)
    own = ends[min(1, len(ends) - 1)]
    support = sum(1 for x1 in ends if own - x1 <= WRAP_SLACK * size)
    return own if _own_edge(lines, support) else max(own, shared)


def _own_edge(lines: list[Line], support: int) -> bool:
    """Lines agreeing on an edge make it the page's own, on a page with lines enough to tell:
    the three paragraph starts of a page holding a heading and two captions agree on their
    indent, which is no margin."""
    return support >= EDGE_SUPPORT and len(lines) >= VOTING_LINES


def _line_gap(lines: list[Line]) -> float:
    gaps = [
        max(0.0, b.top - a.bottom)
        for a, b in zip(lines, lines[1:])
        if b.top > a.top + a.size / 2 and abs(a.size - b.size) <= SIZE_TOLERANCE
    ]
    return statistics.median(gaps) if gaps else 0.0


def continues(line: Line, nxt: Line, first: Line, margins: list[Margins]) -> bool:
    """Whether `nxt` carries on the paragraph that starts at `first` and so far ends at `line`."""
    here, there = margins[line.page - 1], margins[nxt.page - 1]
    if line.standalone or nxt.standalone or abs(line.size - nxt.size) > SIZE_TOLERANCE:
        return False
    if nxt.page == line.page:
        if nxt.top - line.bottom > here.line_gap + PARAGRAPH_SPACING * line.size:
            return False
    elif nxt.page != line.page + 1:
        return False
    if line.x0 - here.left > MAX_FIRST_INDENT * line.size:
        return False  # right-aligned or centred (a signature date, a caption): it does not wrap
    room = max(WRAP_SLACK * line.size, nxt.lead_width + line.size)
    if here.right - line.x1 > room:
        return False  # a short line ends its paragraph
    if nxt.x0 - there.left >= INDENT * nxt.size or HEADING_START.match(nxt.text):
        return False
    # A full line may end a sentence exactly at the margin. When paragraphs start indented,
    # a line at the left margin still belongs to the paragraph; without that signal the
    # sentence end is the better guess for a paragraph end.
    indented = first.x0 - margins[first.page - 1].left >= INDENT * first.size
    return indented or not line.text.rstrip(CLOSERS).endswith(SENTENCE_ENDS)


def group_paragraphs(stream: list, margins: list[Margins]) -> list:
    """`stream` in reading order with runs of wrapped Lines gathered into lists of Lines;
    anything that is not a Line (a table) passes through and ends the paragraph before it.

    A page number standing alone inside a paragraph ("- 2 -" where a re-typeset page kept
    the original's page break) is dropped when the paragraph carries on past it."""
    blocks: list = []
    paragraph: list[Line] = []
    marker: Line | None = None
    for item in stream:
        if isinstance(item, Line) and paragraph and marker is None and PAGE_MARKER.fullmatch(item.text):
            marker = item
            continue
        if marker is not None:
            held, marker = marker, None
            if isinstance(item, Line) and continues(_at(paragraph[-1], held), item, paragraph[0], margins):
                paragraph.append(item)
                continue
            blocks.append(paragraph)
            paragraph = [held]
        if not isinstance(item, Line):
            if paragraph:
                blocks.append(paragraph)
                paragraph = []
            blocks.append(item)
        elif paragraph and continues(paragraph[-1], item, paragraph[0], margins):
            paragraph.append(item)
        else:
            if paragraph:
                blocks.append(paragraph)
            paragraph = [item]
    if marker is not None:
        blocks.append(paragraph)
        paragraph = [marker]
    if paragraph:
        blocks.append(paragraph)
    return blocks


def _at(line: Line, marker: Line) -> Line:
    """`line` moved down to where `marker` stands, to judge what follows the marker."""
    return replace(line, top=marker.top, bottom=marker.bottom, page=marker.page)


def join_lines(texts: list[str]) -> tuple[str, list[int]]:
    """One paragraph from its lines, and where each line starts in it.

    CJK text has no spaces between words, so a wrap between two CJK characters (or a
    number and its unit, `465.49万` + `元`) joins without one; only latin text needs one.
    """
    out = ""
    starts = []
    for text in texts:
        if out and text and _is_latin(out[-1]) and _is_latin(text[0]) and not _inside_number(out, text):
            out += " "
        starts.append(len(out))
        out += text
    return out, starts
