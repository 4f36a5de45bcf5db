"""pipeline.core.spans and Document.section_chain: the indexes that keep extraction linear in
the length of a document answer as the scans they replace."""
from __future__ import annotations

import random

import pytest

from pipeline.core.document import Document, Section
from pipeline.core.spans import Spans


def _ranges(rng: random.Random) -> list[tuple[int, int]]:
    return [(a, a + rng.randint(-2, 15)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 12)))]


@pytest.mark.parametrize("seed", range(40))
def test_spans_answer_as_a_scan_of_the_ranges(seed):
    rng = random.Random(seed)
    ranges = _ranges(rng)
    spans = Spans(ranges[: len(ranges) // 2])
    for start, end in ranges[len(ranges) // 2:]:
        spans.add(start, end)
    for offset in range(-3, 80):
        assert spans.covers(offset) == any(s <= offset < e for s, e in ranges), offset
    for start in range(-2, 75):
        for end in range(start + 1, start + 8):
            assert spans.overlaps(start, end) == any(s < end and start < e for s, e in ranges if s < e)


@pytest.mark.parametrize("seed", range(20))
def test_spans_section_chain_answers_as_a_scan_of_the_sections(seed):
    rng = random.Random(seed)
    sections = []
    for i in range(rng.randint(0, 30)):
        start = rng.randint(0, 100)
        sections.append(Section(i, None, rng.randint(1, 4), "", f"s{i}", "other", start, start + rng.randint(-3, 60)))
    doc = Document("d", "d.txt", "txt", "字" * 200, sections=sections)
    for offset in range(-2, 170):
        scan = sorted((s for s in sections if s.char_start <= offset < s.char_end), key=lambda s: (s.level, s.char_start))
        assert doc.section_chain(offset) == scan
    doc.sections = sections[:3]  # a new list of sections: a new index
    assert doc.section_chain(50) == sorted((s for s in sections[:3] if s.char_start <= 50 < s.char_end),
                                           key=lambda s: (s.level, s.char_start))
