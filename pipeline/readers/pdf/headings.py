"""Heading levels from type sizes. A PDF keeps no paragraph styles, but a report that sets its
numbered headings larger than its body text says their level by their size: the larger, the
higher. They go to `Document.heading_levels`, which heading detection reads as hints, as it
reads Word's outline levels.

Only numbered one-line paragraphs are given a level: a title page, a table of contents'
heading or a caption set large is not a heading of the outline, and a numbered line at the
body's size may as well be a list item.
"""
from __future__ import annotations

from collections import Counter

from pipeline.core.numbering import HEADING_START
from pipeline.readers.pdf.lines import SIZE_TOLERANCE, Line

MAX_HEADING_CHARS = 40
# Sizes this close are one size of type (a PDF may set 15.96 beside 16).
SIZE_STEP = 0.5


def heading_levels(paragraphs: list[list[Line]], texts: list[str]) -> dict[int, int]:
    """Index of each heading among `paragraphs` (their lines, and their joined texts) → its
    level, 1 for the largest type."""
    weights: Counter[float] = Counter()
    for lines in paragraphs:
        for line in lines:
            weights[line.size] += len(line.text)
    if not weights:
        return {}
    body = weights.most_common(1)[0][0]
    sizes = {}
    for i, (lines, text) in enumerate(zip(paragraphs, texts)):
        if (len(lines) == 1 and len(text.strip()) <= MAX_HEADING_CHARS and HEADING_START.match(text)
                and lines[0].size >= body + SIZE_TOLERANCE):
            sizes[i] = round(lines[0].size / SIZE_STEP) * SIZE_STEP
    rank = {size: n for n, size in enumerate(sorted(set(sizes.values()), reverse=True), start=1)}
    return {i: rank[size] for i, size in sizes.items()}
