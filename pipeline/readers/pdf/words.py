"""Glyphs into words and lines, as pdfplumber reads them with its defaults (utils/text.py:
`dedupe_chars`, `WordExtractor`, `TextMap.extract_text_lines`, `extract_text`).

The reader's layout rules were tuned on pdfplumber's lines, so its grouping is kept to the
letter, tolerances and quirks included: a word breaks at a space glyph, at a gap wider than
3 points or where a glyph starts left of the one before; glyphs whose tops chain within 3
points are one line, read left to right. Only the arithmetic is done here, over plain lists.
"""
from __future__ import annotations

from itertools import groupby
from operator import itemgetter

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
# pdfplumber's dedupe_chars: the same glyph drawn again within a point is one glyph.
DEDUPE_TOLERANCE = 1.0

_TOP, _X0 = itemgetter("top"), itemgetter("x0")
_TOP_X0 = itemgetter("top", "x0")
_DOWN = itemgetter("top", "bottom")
_UPRIGHT = itemgetter("upright")


def cluster_ids(values, tolerance: float) -> dict[float, int]:
    """Cluster number of each value: sorted distinct values, each within `tolerance` of the
    one before it, are one cluster (pdfplumber's make_cluster_dict)."""
    ids: dict[float, int] = {}
    last, n = None, -1
    for value in sorted(set(values)):
        if last is None or value > last + tolerance:
            n += 1
        ids[value] = n
        last = value
    return ids


def dedupe(chars: list[dict]) -> list[dict]:
    """`chars` without glyphs drawn twice at one place (a fake bold): of the glyphs of one
    text, size and orientation whose tops and then whose left edges chain within
    DEDUPE_TOLERANCE, the topmost-leftmost stays, in page order. (PDFium drops most such
    repeats itself; this keeps pdfplumber's rule for the rest.)"""
    if len(chars) < 2 or not _may_repeat(chars):
        return chars
    # Glyphs by text, size, orientation and top; rows of like glyphs whose tops chain.
    ordered = sorted(zip([ch["text"] for ch in chars], [ch["size"] for ch in chars],
                         [ch["upright"] for ch in chars], [ch["top"] for ch in chars], range(len(chars))))
    drop: set[int] = set()
    row: list[int] = []
    last = None
    for text, size, upright, top, i in ordered:
        if last is not None and top - last[3] <= DEDUPE_TOLERANCE and (text, size, upright) == last[:3]:
            row.append(i)
        else:
            if len(row) > 1:
                drop.update(_repeats(row, chars))
            row = [i]
        last = (text, size, upright, top)
    if len(row) > 1:
        drop.update(_repeats(row, chars))
    return [ch for i, ch in enumerate(chars) if i not in drop] if drop else chars


def _may_repeat(chars: list[dict]) -> bool:
    """Whether two glyphs of whatever text and size could be one drawn twice: whether a row
    of glyphs whose tops chain holds two whose left edges are within DEDUPE_TOLERANCE.

    Rows of glyphs of one kind are parts of these rows, so a page without such a pair has
    no repeat; on most pages the glyphs of one line stand a character apart, and this
    check (two sorts of plain tuples) spares the rule's sorting of every glyph by kind."""
    placed: list[tuple[int, float]] = []  # (row, left edge) of every glyph
    row, last = 0, None
    for top, x0 in sorted(map(_TOP_X0, chars)):
        if last is not None and top - last > DEDUPE_TOLERANCE:
            row += 1
        last = top
        placed.append((row, x0))
    placed.sort()
    return any(r == r2 and x2 - x0 <= DEDUPE_TOLERANCE for (r, x0), (r2, x2) in zip(placed, placed[1:]))


def _repeats(row: list[int], chars: list[dict]) -> list[int]:
    """Of glyphs (indices into `chars`) that are one row, those repeating a glyph whose left
    edge chains with theirs within DEDUPE_TOLERANCE."""
    if len(row) == 2 and abs(chars[row[0]]["x0"] - chars[row[1]]["x0"]) > DEDUPE_TOLERANCE:
        return []  # the usual row: one glyph twice in a line, apart
    ordered = sorted(row, key=lambda i: chars[i]["x0"])
    runs, run = [], [ordered[0]]
    for i in ordered[1:]:
        if chars[i]["x0"] - chars[run[-1]]["x0"] <= DEDUPE_TOLERANCE:
            run.append(i)
        else:
            runs.append(run)
            run = [i]
    runs.append(run)
    repeats = []
    for run in runs:
        keep = min(run, key=lambda i: (chars[i]["top"], chars[i]["x0"], i))
        repeats.extend(i for i in run if i != keep)
    return repeats


def words(chars: list[dict]) -> list[list[dict]]:
    """The words of `chars` (each a list of glyphs), line by line from the top, left to right
    (pdfplumber's WordExtractor.iter_extract_tuples)."""
    out: list[list[dict]] = []
    for upright, run in groupby(chars, key=_UPRIGHT):
        run = list(run)
        line_key, char_key = (_TOP, _X0) if upright else (_X0, _DOWN)
        ids = cluster_ids(map(line_key, run), Y_TOLERANCE if upright else X_TOLERANCE)
        # Lines in cluster order, each left to right: one stable sort does both. A word
        # never spans two lines, whose glyphs are more than a tolerance apart.
        run.sort(key=lambda ch: (ids[line_key(ch)], char_key(ch)))
        word: list[dict] = []
        for ch in run:
            if ch["text"].isspace():
                if word:
                    out.append(word)
                word = []
            elif word and _new_word(word[-1], ch, upright):
                out.append(word)
                word = [ch]
            else:
                word.append(ch)
        if word:
            out.append(word)
    return out


def _new_word(prev: dict, ch: dict, upright: bool) -> bool:
    if upright:
        return (ch["x0"] < prev["x0"] or ch["x0"] > prev["x1"] + X_TOLERANCE
                or abs(ch["top"] - prev["top"]) > Y_TOLERANCE)
    return (ch["top"] < prev["top"] or ch["top"] > prev["bottom"] + Y_TOLERANCE
            or abs(ch["x0"] - prev["x0"]) > X_TOLERANCE)


def text_lines(chars: list[dict]) -> list[list[dict]]:
    """The glyphs of each text line, top to bottom (pdfplumber's extract_text_lines without
    layout): words whose tops chain within Y_TOLERANCE, taken in reading order, make a line."""
    found = words(chars)
    tops = [min(ch["top"] for ch in word) for word in found]
    ids = cluster_ids(tops, Y_TOLERANCE)
    lines: list[list[dict]] = []
    last = None
    for word, top in zip(found, tops):
        if ids[top] != last:
            lines.append([])
            last = ids[top]
        lines[-1].extend(word)
    return lines


def cell_text(chars: list[dict]) -> str:
    """The text of a table cell's glyphs (pdfplumber's extract_text): words joined by a space,
    lines by a newline."""
    tops = [ch["top"] for ch in chars]
    if max(tops) - min(tops) <= Y_TOLERANCE and all(ch["upright"] for ch in chars):
        return _one_line(sorted(chars, key=_X0))
    found = words(chars)
    tops = [min(ch["top"] for ch in word) for word in found]
    ids = cluster_ids(tops, Y_TOLERANCE)
    order = sorted(range(len(found)), key=lambda k: ids[tops[k]])
    lines = groupby(order, key=lambda k: ids[tops[k]])
    return "\n".join(" ".join("".join(ch["text"] for ch in found[k]) for k in run) for _, run in lines)


def _one_line(line: list[dict]) -> str:
    """The words of one line of upright glyphs sorted left to right (most cells), joined by
    a space: `words` without the clustering, as every glyph is within a tolerance of the
    others' tops."""
    out: list[str] = []
    prev = None
    for ch in line:
        text = ch["text"]
        if text.isspace():
            prev = None
            continue
        if prev is not None and not (ch["x0"] < prev["x0"] or ch["x0"] > prev["x1"] + X_TOLERANCE):
            out[-1] += text
        else:
            out.append(text)
        prev = ch
    return " ".join(out)
