"""Page furniture: running headers, footers and page numbers, which are not the report's text."""
from __future__ import annotations

import math
import re
from collections import defaultdict

from pipeline.readers.pdf.lines import Line

# Share of the page height, from the top and from the bottom, where furniture sits.
EDGE_ZONE = 0.12
# A line at the same place on at least this share of the pages is a running header/footer.
REPEAT_SHARE = 0.4
# In points: the same place on two pages.
POSITION_TOLERANCE = 3.0

PAGE_NUMBER = re.compile(
    r"""\s*(?:
        [-—–－~·]*\s*\d{1,4}\s*[-—–－~·]*                          # 3   - 3 -   — 3 —
      | 第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?        # 第 3 页   第3页 共33页
      | 共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页              # 共33页 第3页
      | \d{1,4}\s*/\s*\d{1,4}                                       # 3/33
      | page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?                    # Page 3 of 33
    )\s*""",
    re.X | re.I,
)
_DIGITS = re.compile(r"\d+")


def strip_furniture(pages: list[tuple[float, list[Line]]]) -> list[list[Line]]:
    """The lines of each page, given as (page height, lines), without page furniture."""
    edges = [[line for line in lines if _in_edge_zone(line, height)] for height, lines in pages]
    n_pages = sum(1 for _, lines in pages if lines)
    drop = _repeated_lines(edges, n_pages)
    for (_, lines), edge in zip(pages, edges):
        drop |= {id(line) for line in _lone_page_numbers(lines, edge)}
    return [[line for line in lines if id(line) not in drop] for _, lines in pages]


def _in_edge_zone(line: Line, height: float) -> bool:
    return line.bottom <= EDGE_ZONE * height or line.top >= (1 - EDGE_ZONE) * height


def _repeated_lines(edges: list[list[Line]], n_pages: int) -> set[int]:
    """ids of edge lines found, digits aside, at the same place on many of the `n_pages`."""
    places: dict[str, list[Line]] = defaultdict(list)
    for lines in edges:
        for line in lines:
            places[_shape(line.text)].append(line)
    needed = max(2, math.ceil(REPEAT_SHARE * n_pages))
    repeated = set()
    for same_text in places.values():
        for line in same_text:
            pages = {o.page for o in same_text if abs(o.top - line.top) <= POSITION_TOLERANCE}
            if len(pages) >= needed:
                repeated.add(id(line))
    return repeated


def _shape(text: str) -> str:
    """The text with page-dependent numbers and spacing evened out."""
    return _DIGITS.sub("#", "".join(text.split()))


def _lone_page_numbers(lines: list[Line], edge: list[Line]) -> list[Line]:
    in_edge = {id(line) for line in edge}
    ends = [line for line in lines[:1] + lines[-1:] if id(line) in in_edge]
    return [line for line in ends if PAGE_NUMBER.fullmatch(line.text)]
