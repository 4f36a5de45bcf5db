"""Plain text wrapped at a fixed width: paragraphs put back together.

Text saved from a PDF or a terminal (pdftotext, a copy from a viewer) breaks every line at
the page width, in the middle of a word or of a number: "全年共安排资金\\n3,426.5万元". Read
line by line, such a budget or score is lost. Most archives' .txt files hold one paragraph a
line instead, and joining their lines would run headings into paragraphs; so a text counts as
hard-wrapped only when most of its full-width lines stop in the middle of a sentence, and then
only those lines are joined to the next.
"""
from __future__ import annotations

import re
import unicodedata

from pipeline.core import numbering as N
from pipeline.core.document import is_cjk
from pipeline.core.numbering import HEADING_START

# A line ends its sentence (or is a heading's title) with one of these.
SENTENCE_END = "。！？!?；;：:」』”)）"
# Wrapped lines are as wide as a page allows; shorter ones hold too little to tell.
MIN_WRAP_COLUMNS = 30
MAX_WRAP_COLUMNS = 120
# A line reaches the wrap width within this share: CJK punctuation and half-width digits make
# full lines a few columns shorter than the widest.
FULL_SHARE = 0.85
# Nearly every full line reaches the width the lines were wrapped at.
WIDTH_QUANTILE = 0.9
MIN_CUT_LINES = 3
# Share of full lines that stop mid-sentence in a wrapped text; in one paragraph a line, the
# long lines end their paragraphs.
MIN_CUT_SHARE = 0.6

# Cells of a row stand apart by a space between two words or two numbers; prose has a space
# at most beside a latin word or a number ("采用 GIS 平台", "2022 年 9 月").
_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])|(?<=\d)[ \u3000]+(?=\d)")
MAX_PROSE_GAPS = 2
# A line that opens a heading or a list item starts a paragraph of its own: the PDF reader's
# rule for its wrapped lines (numbering.HEADING_START), and the markers a PDF's layout tells apart by
# itself but a plain line does not (1.1, 1), 一是, 第一，, a bullet).
_OPENS_ITEM = re.compile(
    rf"{HEADING_START.pattern}|(?:{N.DECIMAL}|{N.arabic_half()}|{N.shi()}|{N.di()}|{N.BULLET})"
)


# The wide (W) and full-width (F) blocks of Unicode's East Asian Width: Hangul jamo, CJK
# punctuation, kana and ideographs, Hangul syllables, compatibility ideographs, full-width
# forms, and the supplementary ideographic planes.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def columns(line: str) -> int:
    """Display width: CJK characters take two columns."""
    return len(line) + len(_WIDE.findall(line))


def join_hard_wraps(text: str) -> str:
    lines = text.split("\n")
    cut = _cut_lines(lines)
    if not cut:
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        if out and i - 1 in cut:
            previous = out[-1].rstrip(" \t")
            joiner = "" if (is_cjk(previous[-1]) or is_cjk(line[:1] or "a")) else " "
            out[-1] = previous + joiner + line
        else:
            out.append(line)
    return "\n".join(out)


def _cut_lines(lines: list[str]) -> set[int]:
    """Indices of the lines wrapped in the middle of their paragraph; empty unless the text is
    wrapped at a fixed width."""
    # A line of fewer than MIN_WRAP_COLUMNS / 2 characters or more than MAX_WRAP_COLUMNS is no
    # wrapped line whatever its characters: a long text's lines are measured only in between.
    widths = [columns(line.rstrip()) if MIN_WRAP_COLUMNS // 2 <= len(line) <= MAX_WRAP_COLUMNS
              and not _table_row(line) else 0 for line in lines]
    long_widths = sorted(w for w in widths if MIN_WRAP_COLUMNS <= w <= MAX_WRAP_COLUMNS)
    if len(long_widths) < MIN_CUT_LINES:
        return set()
    width = long_widths[int(WIDTH_QUANTILE * (len(long_widths) - 1))]
    full = [i for i, w in enumerate(widths) if FULL_SHARE * width <= w <= MAX_WRAP_COLUMNS]
    cut = {i for i in full if i + 1 < len(lines) and _runs_on(lines[i], lines[i + 1])}
    if len(cut) < MIN_CUT_LINES or len(cut) < MIN_CUT_SHARE * len(full):
        return set()
    return cut


def _table_row(line: str) -> bool:
    """A row of a table flattened to text: cells apart by tabs or by spaces ("数量指标 新增面积
    ≥2万亩 2.1万亩 20 20")."""
    return "\t" in line or len(_GAP.findall(line.strip())) >= MAX_PROSE_GAPS


def _runs_on(line: str, following: str) -> bool:
    """`line` stops mid-sentence and `following` goes on with it: not blank, not indented as a
    new paragraph, not a heading or a list item."""
    if not following.strip() or following[:1] in " \t\u3000":
        return False
    if line.rstrip().endswith(tuple(SENTENCE_END)):
        return False
    return not _OPENS_ITEM.match(unicodedata.normalize("NFKC", following[:8]))
