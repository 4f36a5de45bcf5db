"""Tables drawn with ruling lines, found as pdfplumber finds them with its default "lines"
strategy (table.py: TableFinder, Table.extract), over the page's edges.

Edges within 3 points of one line are snapped onto it and joined where they meet or nearly
meet; where a vertical and a horizontal edge cross (within 3 points) is a corner; the
smallest rectangle of corners joined by edges on all four sides is a cell; cells sharing
a corner make a table. A glyph belongs to the cell its middle falls in.
"""
from __future__ import annotations

import bisect
from itertools import groupby

from pipeline.readers.pdf.words import cell_text, cluster_ids

SNAP_TOLERANCE = 3.0
JOIN_TOLERANCE = 3.0
INTERSECTION_TOLERANCE = 3.0
# Shorter edges are dropped before snapping (a dot, the sides of a hairline rectangle) ...
MIN_LENGTH_PREFILTER = 1.0
# ... and after joining.
MIN_LENGTH = 3.0

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Point = tuple[float, float]


class Grid:
    """One ruled table: its cells, and its rows over the table's columns (None where a
    merged cell covers the place)."""

    def __init__(self, cells: list[Box], chars: list[dict], middles: list[tuple[float, float, int]]):
        self.cells = cells
        self.bbox: Box = (min(c[0] for c in cells), min(c[1] for c in cells),
                          max(c[2] for c in cells), max(c[3] for c in cells))
        xs = sorted({c[0] for c in cells})
        self.rows: list[Row] = []
        for _, same_top in groupby(sorted(cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
            at = {c[0]: c for c in same_top}
            self.rows.append(Row([at.get(x) for x in xs]))
        # The middles of the page's glyphs (sorted: top to bottom) inside the table.
        x0, top, x1, bottom = self.bbox
        ys = [y for y, _, _ in middles]
        self._middles = [m for m in middles[bisect.bisect_left(ys, top):bisect.bisect_left(ys, bottom)]
                         if x0 <= m[1] < x1]
        self._ys = [y for y, _, _ in self._middles]
        self._chars = chars

    def extract(self) -> list[list[str | None]]:
        """The text of every cell of every row (None where a merged cell covers it)."""
        bands: dict[tuple[float, float], tuple[list[tuple[float, int]], list[float]]] = {}
        return [[None if cell is None else self._text(cell, bands) for cell in row.cells] for row in self.rows]

    def _text(self, cell: Box, bands: dict) -> str:
        x0, top, x1, bottom = cell
        # The glyphs between the cell's top and bottom, left to right: one list for the
        # cells of a row, which share them.
        band = bands.get((top, bottom))
        if band is None:
            lo, hi = bisect.bisect_left(self._ys, top), bisect.bisect_left(self._ys, bottom)
            across = sorted((x, i) for _, x, i in self._middles[lo:hi])
            band = bands[top, bottom] = (across, [x for x, _ in across])
        across, xs = band
        # In page order, as pdfplumber takes them.
        inside = sorted(i for _, i in across[bisect.bisect_left(xs, x0):bisect.bisect_left(xs, x1)])
        return cell_text([self._chars[i] for i in inside]) if inside else ""


class Row:
    def __init__(self, cells: list[Box | None]):
        self.cells = cells
        present = [c for c in cells if c is not None]
        self.bbox: Box = (min(c[0] for c in present), min(c[1] for c in present),
                          max(c[2] for c in present), max(c[3] for c in present))


def find_tables(edges: list[dict], chars: list[dict]) -> list[Grid]:
    """The ruled tables that `edges` draw, top to bottom, with `chars` for their text."""
    vertical = [_Edge(e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges
                if e["orientation"] == "v" and e["height"] >= MIN_LENGTH_PREFILTER]
    horizontal = [_Edge(e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges
                  if e["orientation"] == "h" and e["width"] >= MIN_LENGTH_PREFILTER]
    if not vertical or not horizontal:
        return []
    vertical = [e for e in _merge(vertical, "v") if e.bottom - e.top >= MIN_LENGTH]
    horizontal = [e for e in _merge(horizontal, "h") if e.x1 - e.x0 >= MIN_LENGTH]
    corners = _intersections(vertical, horizontal)
    groups = _tables(_cells(corners))
    if not groups:
        return []
    # Each glyph by its middle, top to bottom, for the tables' cells to take theirs.
    middles = sorted(((ch["top"] + ch["bottom"]) / 2, (ch["x0"] + ch["x1"]) / 2, i) for i, ch in enumerate(chars))
    return [Grid(group, chars, middles) for group in groups]


class _Edge:
    __slots__ = ("x0", "top", "x1", "bottom")

    def __init__(self, x0: float, top: float, x1: float, bottom: float):
        self.x0, self.top, self.x1, self.bottom = x0, top, x1, bottom

    def key(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)


def _merge(edges: list[_Edge], orientation: str) -> list[_Edge]:
    """Edges snapped to the mean position of their cluster, then joined along each line
    (pdfplumber's merge_edges)."""
    vertical = orientation == "v"

    def position(e: _Edge) -> float:
        return e.x0 if vertical else e.top

    ids = cluster_ids(map(position, edges), SNAP_TOLERANCE)
    members: dict[int, list[_Edge]] = {}
    for e in edges:
        members.setdefault(ids[position(e)], []).append(e)
    merged = []
    for cluster in members.values():
        mean = sum(map(position, cluster)) / len(cluster)
        for e in cluster:
            if vertical:
                e.x0, e.x1 = mean, e.x1 + (mean - e.x0)
            else:
                e.top, e.bottom = mean, mean
        start, end = ("top", "bottom") if vertical else ("x0", "x1")
        # One line per cluster now (all at `mean`): join what overlaps or nearly meets.
        joined: list[_Edge] = []
        for e in sorted(cluster, key=lambda e: getattr(e, start)):
            last = joined[-1] if joined else None
            if last is not None and getattr(e, start) <= getattr(last, end) + JOIN_TOLERANCE:
                if getattr(e, end) > getattr(last, end):
                    setattr(last, end, getattr(e, end))
            else:
                joined.append(_Edge(e.x0, e.top, e.x1, e.bottom))
        merged.extend(joined)
    return merged


def _intersections(vertical: list[_Edge], horizontal: list[_Edge]) -> dict[Point, tuple[set, set]]:
    """Each corner where a vertical edge meets a horizontal one, with the keys of the
    vertical and of the horizontal edges through it."""
    tol = INTERSECTION_TOLERANCE
    horizontal = sorted(horizontal, key=lambda h: (h.top, h.x0))
    tops = [h.top for h in horizontal]
    corners: dict[Point, tuple[set, set]] = {}
    for v in sorted(vertical, key=lambda v: (v.x0, v.top)):
        lo, hi = bisect.bisect_left(tops, v.top - tol), bisect.bisect_right(tops, v.bottom + tol)
        for h in horizontal[lo:hi]:
            if v.top <= h.top + tol and v.bottom >= h.top - tol and h.x0 - tol <= v.x0 <= h.x1 + tol:
                vs, hs = corners.setdefault((v.x0, h.top), (set(), set()))
                vs.add(v.key())
                hs.add(h.key())
    return corners


def _cells(corners: dict[Point, tuple[set, set]]) -> list[Box]:
    """For each corner, the smallest cell it is the top-left corner of (pdfplumber's
    intersections_to_cells)."""
    below: dict[float, list[float]] = {}
    right: dict[float, list[float]] = {}
    for x, y in sorted(corners):
        below.setdefault(x, []).append(y)
        right.setdefault(y, []).append(x)

    def joined_down(p: Point, q: Point) -> bool:
        return not corners[p][0].isdisjoint(corners[q][0])

    def joined_across(p: Point, q: Point) -> bool:
        return not corners[p][1].isdisjoint(corners[q][1])

    cells = []
    for x, y in sorted(corners):
        ys, xs = below[x], right[y]
        for y2 in ys[bisect.bisect_right(ys, y):]:
            if not joined_down((x, y), (x, y2)):
                continue
            found = None
            for x2 in xs[bisect.bisect_right(xs, x):]:
                if not joined_across((x, y), (x2, y)):
                    continue
                corner = (x2, y2)
                if corner in corners and joined_down(corner, (x2, y)) and joined_across(corner, (x, y2)):
                    found = (x, y, x2, y2)
                    break
            if found:
                cells.append(found)
                break
    return cells


def _tables(cells: list[Box]) -> list[list[Box]]:
    """Cells grouped by shared corners, each group of two or more cells a table, the tables
    by their top-left cell (pdfplumber's cells_to_tables)."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Point, int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            if corner in owner:
                parent[root(i)] = root(owner[corner])
            else:
                owner[corner] = i
    groups: dict[int, list[Box]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(root(i), []).append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]
