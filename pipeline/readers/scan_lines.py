"""What a scanned page shows besides its text: how far the sheet sat askew, and the ruling
lines of its tables.

A scanner feeds a sheet a little crooked; set straight before OCR, the lines of text come out
level and a table's rules run along pixel rows and columns. Those rules are traced as long
runs of dark pixels and handed to the PDF reader's grid rules as the edges of a printed page,
so that a scanned 自评表 is read cell by cell as its printed original would be.
"""
from __future__ import annotations

from typing import Any

# Sheets sit at most a few degrees askew; beyond that a page was scanned sideways or at a
# slant no office sends out.
MAX_SKEW = 3.0
COARSE_STEP, FINE_STEP = 0.25, 0.05
# A straightened page is left as it is when it was this close to level.
LEVEL = 0.1
# The skew is measured on the page shrunk by this factor (the text's rows still stand out).
SHRINK = 4
# A pixel darker than this is ink (blurred thin rules stay well below it; paper is ~255).
INK = 170
# A rule is at least this long, in points: a horizontal one longer than any word's strokes or
# a seal's rim, a vertical one taller than a line of body text (a row of a table is taller).
MIN_HORIZONTAL = 40.0
MIN_VERTICAL = 16.0
# Pixels of paper a printed rule may lose to the scan without being cut in two.
GAP = 2


def straighten(image) -> tuple[Any, float]:
    """The page turned level, and the angle (degrees, counter-clockwise) it was turned by."""
    from PIL import Image

    gray = image.convert("L")
    small = gray.resize((max(1, gray.width // SHRINK), max(1, gray.height // SHRINK)))
    best = _best_angle(small, _steps(-MAX_SKEW, MAX_SKEW, COARSE_STEP))
    best = _best_angle(small, _steps(best - COARSE_STEP, best + COARSE_STEP, FINE_STEP))
    if abs(best) < LEVEL:
        return image, 0.0
    return image.rotate(best, resample=Image.BICUBIC, fillcolor="white"), best


def _steps(low: float, high: float, step: float) -> list[float]:
    n = int(round((high - low) / step))
    return [round(low + i * step, 4) for i in range(n + 1)]


def _best_angle(small, angles: list[float]) -> float:
    """The angle whose turn makes the rows of ink most uneven: level lines of text give rows
    of much ink between rows of none."""
    import numpy as np

    def spread(angle: float) -> float:
        ink = np.asarray(small.rotate(angle, fillcolor=255)) < INK
        return float(ink.sum(axis=1).astype(np.float64).var())

    return max(angles, key=lambda a: (spread(a), -abs(a)))


def ruling_edges(image, scale: float) -> list[dict]:
    """The ruling lines of a (straightened) page image as pdfplumber-like edges in points;
    `scale` is points per pixel."""
    import numpy as np

    ink = np.asarray(image.convert("L")) < INK
    edges = [_edge("h", row, start, end, scale)
             for row, start, end in _runs(ink, MIN_HORIZONTAL / scale)]
    edges += [_edge("v", column, start, end, scale)
              for column, start, end in _runs(ink.T, MIN_VERTICAL / scale)]
    return edges


def _runs(ink, min_pixels: float) -> list[tuple[float, int, int]]:
    """(position, start, end) of every rule along the rows of `ink`: runs of ink at least
    `min_pixels` long, the runs of neighbouring rows that overlap joined into one rule (a rule
    is a few pixels thick) at their mean row."""
    import numpy as np

    # A pixel or two of paper with ink on both sides within GAP does not cut a rule.
    before = np.zeros_like(ink)
    after = np.zeros_like(ink)
    for shift in range(1, GAP + 1):
        before[:, shift:] |= ink[:, :-shift]
        after[:, :-shift] |= ink[:, shift:]
    closed = ink | (before & after)
    padded = np.zeros((closed.shape[0], closed.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = closed
    steps = np.diff(padded, axis=1)
    starts, ends = np.nonzero(steps == 1), np.nonzero(steps == -1)
    long = (ends[1] - starts[1]) >= min_pixels
    runs = sorted(zip(starts[0][long].tolist(), starts[1][long].tolist(), ends[1][long].tolist()))
    rules: list[list[int]] = []  # [first row, last row, start, end, rows summed]
    for row, start, end in runs:
        rule = next((r for r in reversed(rules) if row - r[1] <= 1 and start < r[3] and r[2] < end), None)
        if rule is None:
            rules.append([row, row, start, end, row, 1])
        else:
            rule[1], rule[2], rule[3] = row, min(rule[2], start), max(rule[3], end)
            rule[4] += row
            rule[5] += 1
    return [(r[4] / r[5], r[2], r[3]) for r in rules]


def _edge(orientation: str, position: float, start: int, end: int, scale: float) -> dict:
    at, low, high = position * scale, start * scale, end * scale
    if orientation == "h":
        return {"orientation": "h", "x0": low, "x1": high, "top": at, "bottom": at,
                "width": high - low, "height": 0.0}
    return {"orientation": "v", "x0": at, "x1": at, "top": low, "bottom": high,
            "width": 0.0, "height": high - low}
