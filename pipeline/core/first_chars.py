"""Patterns that say which characters a match can start with.

The number patterns (money.py, quantities.py) open with optional groups (qualifiers, signs,
prefixes), so Python's re engine cannot tell where a match may start and tries the whole
pattern at every offset of a document: most of the time it took to find the numbers of a
report. `guarded` puts a lookahead for the possible first characters in front: the engine
then passes over the other offsets at the cost of one class test each, and the matches are
the same. The first characters are read off the parsed pattern, so they follow its edits.
"""
from __future__ import annotations

import re
from re import _constants as C  # noqa: N812 - the names re's own parser uses
from re import _parser

_ZERO_WIDTH = {C.ASSERT, C.ASSERT_NOT, C.AT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}

Ranges = list[tuple[int, int]]


def guarded(pattern: str) -> re.Pattern:
    """`pattern` compiled, behind a lookahead for the characters its matches start with when
    those can be told (no negated class, category or "." can open a match, and no match is
    empty); otherwise as it is."""
    parsed = _parser.parse(pattern)
    first, nullable = _sequence(parsed)
    if first is None or nullable or parsed.state.flags & re.IGNORECASE:
        return re.compile(pattern)
    return re.compile(f"(?={_class(first)})(?:{pattern})")


def _sequence(items) -> tuple[Ranges | None, bool]:
    """The first characters of a sequence and whether it can match nothing; None: unknown."""
    first: Ranges = []
    for op, av in items:
        ranges, nullable = _item(op, av)
        if ranges is None:
            return None, False
        first += ranges
        if not nullable:
            return first, False
    return first, True


def _item(op, av) -> tuple[Ranges | None, bool]:
    if op is C.LITERAL:
        return [(av, av)], False
    if op is C.IN:
        if any(kind not in (C.LITERAL, C.RANGE) for kind, _ in av):
            return None, False  # a negated class or a category (\d, \s): anything may come
        return [(value, value) if kind is C.LITERAL else value for kind, value in av], False
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, body = av
        return (None, False) if add_flags or del_flags else _sequence(body)
    if op is C.BRANCH:
        first: Ranges = []
        nullable = False
        for branch in av[1]:
            ranges, empty = _sequence(branch)
            if ranges is None:
                return None, False
            first += ranges
            nullable = nullable or empty
        return first, nullable
    if op in _REPEATS:
        low, _, body = av
        ranges, empty = _sequence(body)
        return (None, False) if ranges is None else (ranges, empty or low == 0)
    if op in _ZERO_WIDTH:
        return [], True
    return None, False  # ".", a back reference …


def _class(ranges: Ranges) -> str:
    parts = sorted(set(ranges))
    return "[" + "".join(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
                         for lo, hi in parts) + "]"
