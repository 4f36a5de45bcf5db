"""jieba's dictionary as sorted lines of bytes, a word found by bisection when first asked
for: the prefix table (word or prefix → frequency) and the part-of-speech tags.

As Python dicts, the 350,000 words and their prefixes (half a million keys) took a fifth of
a second to build in every process that reads files, and some 60 MB; a report asks for a
few hundred of them (BENCHMARKS.md, "Speed"). UTF-8 bytes sort as their code points do, so
one sorted block of b"word\\tvalue\\n" lines and the offsets of its lines answer any word.
"""
from __future__ import annotations

from array import array
from typing import Iterator

_ABSENT = object()
_MAX_ABSENT = 200_000


class SortedLines:
    """Lines b"word\\tvalue\\n", sorted by word, with where each starts."""

    def __init__(self, data: bytes, starts: array):
        self.data = data
        self.starts = starts

    @classmethod
    def of(cls, values: dict[str, object]) -> SortedLines:
        lines = sorted(f"{word}\t{value}\n".encode() for word, value in values.items())
        starts, at = array("I"), 0
        for line in lines:
            starts.append(at)
            at += len(line)
        return cls(b"".join(lines), starts)

    def find(self, word: str) -> str | None:
        """The value of `word`, or None."""
        key = word.encode()
        data, starts = self.data, self.starts
        lo, hi = 0, len(starts)
        while lo < hi:
            mid = (lo + hi) // 2
            start = starts[mid]
            tab = data.index(b"\t", start)
            here = data[start:tab]
            if here == key:
                return data[tab + 1:data.index(b"\n", tab)].decode()
            if here < key:
                lo = mid + 1
            else:
                hi = mid
        return None

    def items(self) -> Iterator[tuple[str, str]]:
        for line in self.data.decode().splitlines():
            word, value = line.split("\t")
            yield word, value

    def __len__(self) -> int:
        return len(self.starts)


class Tags:
    """Word → part-of-speech tag (as jieba.posseg reads them)."""

    def __init__(self, lines: SortedLines):
        self.lines = lines
        self._found: dict[str, str | None] = {}

    @classmethod
    def of(cls, tags: dict[str, str]) -> Tags:
        return cls(SortedLines.of(tags))

    def get(self, word: str, default: str | None = None) -> str | None:
        found = self._found.get(word, _ABSENT)
        if found is _ABSENT:
            found = self._found[word] = self.lines.find(word)
        return default if found is None else found

    def items(self) -> Iterator[tuple[str, str]]:
        return self.lines.items()

    def __len__(self) -> int:
        return len(self.lines)


class Frequencies(dict):
    """jieba's prefix table (Tokenizer.FREQ): a word's frequency, 0 for a prefix of a word
    only. The dict holds what was asked for so far; jieba's segmenter only reads it (`in`,
    [], get), and a word it has not asked for yet is looked up in the sorted lines."""

    def __init__(self, lines: SortedLines):
        super().__init__()
        self.lines = lines
        self._absent: set[str] = set()

    @classmethod
    def of(cls, freq: dict[str, int]) -> Frequencies:
        return cls(SortedLines.of(freq))

    def _fetch(self, word: str) -> int | None:
        if word in self._absent:
            return None
        value = self.lines.find(word)
        if value is None:
            if len(self._absent) >= _MAX_ABSENT:
                self._absent.clear()  # a worker reads for hours: what it remembers stays bounded
            self._absent.add(word)
            return None
        count = int(value)
        dict.__setitem__(self, word, count)
        return count

    def __contains__(self, word: object) -> bool:
        return dict.__contains__(self, word) or (isinstance(word, str) and self._fetch(word) is not None)

    def __missing__(self, word: str) -> int:
        count = self._fetch(word)
        if count is None:
            raise KeyError(word)
        return count

    def get(self, word: str, default: int | None = None) -> int | None:  # type: ignore[override]
        count = dict.get(self, word)
        if count is None:
            count = self._fetch(word)
        return default if count is None else count

    def all(self) -> dict[str, int]:
        """Every word and prefix (for tests and tools: half a million keys)."""
        return {word: int(value) for word, value in self.lines.items()}
