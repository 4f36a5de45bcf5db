"""A set of half-open character ranges [start, end) that answers "is this offset inside one?"
and "does this range touch one?" in O(log n), where a scan of a list costs O(n) per question
and makes an extractor quadratic in the length of a long document.

Ranges are kept merged (overlapping and adjacent ones become one); an empty range holds
nothing.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class Spans:
    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            if end <= start:
                continue
            if self._ends and start <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)
            else:
                self._starts.append(start)
                self._ends.append(end)

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        first = bisect_left(self._ends, start)  # the first range that ends at or after `start`
        last = bisect_right(self._starts, end)  # past the last range that starts by `end`
        if first < last:
            start, end = min(start, self._starts[first]), max(end, self._ends[last - 1])
        self._starts[first:last] = [start]
        self._ends[first:last] = [end]

    def covers(self, offset: int) -> bool:
        """Whether some range holds `offset` (start <= offset < end)."""
        at = bisect_right(self._starts, offset) - 1
        return at >= 0 and offset < self._ends[at]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some range shares a character with the non-empty range [start, end)."""
        at = bisect_left(self._starts, end) - 1
        return at >= 0 and self._ends[at] > start
