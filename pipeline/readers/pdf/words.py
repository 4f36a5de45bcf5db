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
_DOWN = itemgetter("top", "bottom")


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


def clusters(objs: list, key, tolerance: float, preserve_order: bool = False) -> list[list]:
    """`objs` grouped by cluster of `key` (pdfplumber's cluster_objects): in cluster order,
    or, with `preserve_order`, in runs of one cluster as they come."""
    ids = cluster_ids(map(key, objs), tolerance)
    tagged = [(ids[key(obj)], obj) for obj in objs]
    if not preserve_order:
        tagged.sort(key=itemgetter(0))
    return [[obj for _, obj in run] for _, run in groupby(tagged, key=itemgetter(0))]


def dedupe(chars: list[dict]) -> list[dict]:
    """`chars` without glyphs drawn twice at one place (a fake bold): the same text, size and
    orientation within DEDUPE_TOLERANCE keeps its first glyph, in page order."""
    groups: dict[tuple, list[int]] = {}
    for i, ch in enumerate(chars):
        groups.setdefault((ch["upright"], ch["text"], ch.get("font"), ch["size"]), []).append(i)
    if all(len(members) == 1 for members in groups.values()):
        return chars
    keep: set[int] = set()
    for members in groups.values():
        if len(members) == 1:
            keep.add(members[0])
            continue
        for rows in clusters(members, lambda i: chars[i]["top"], DEDUPE_TOLERANCE):
            for same in clusters(rows, lambda i: chars[i]["x0"], DEDUPE_TOLERANCE):
                keep.add(min(same, key=lambda i: (chars[i]["top"], chars[i]["x0"], i)))
    return [ch for i, ch in enumerate(chars) if i in keep]


def words(chars: list[dict]) -> list[list[dict]]:
    """The words of `chars` (each a list of glyphs), line by line from the top, left to right
    (pdfplumber's WordExtractor.iter_extract_tuples)."""
    out: list[list[dict]] = []
    for upright, run in groupby(chars, key=itemgetter("upright")):
        run = list(run)
        line_key, char_key = (_TOP, _X0) if upright else (_X0, _DOWN)
        for line in clusters(run, line_key, Y_TOLERANCE if upright else X_TOLERANCE):
            line.sort(key=char_key)
            out.extend(_split_words(line, upright))
    return out


def _split_words(line: list[dict], upright: bool) -> list[list[dict]]:
    """pdfplumber's iter_chars_to_words over one sorted line."""
    found: list[list[dict]] = []
    word: list[dict] = []
    for ch in line:
        if ch["text"].isspace():
            if word:
                found.append(word)
            word = []
        elif word and _new_word(word[-1], ch, upright):
            found.append(word)
            word = [ch]
        else:
            word.append(ch)
    if word:
        found.append(word)
    return found


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
    found = words(chars)
    tops = [min(ch["top"] for ch in word) for word in found]
    ids = cluster_ids(tops, Y_TOLERANCE)
    order = sorted(range(len(found)), key=lambda k: ids[tops[k]])
    lines = groupby(order, key=lambda k: ids[tops[k]])
    return "\n".join(" ".join("".join(ch["text"] for ch in found[k]) for k in run) for _, run in lines)
