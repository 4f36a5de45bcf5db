"""Suggestions and next-year measures: lists under 建议 / 改进措施 / 下一步工作, and the
lists of a 存在问题及建议 section whose lead-in speaks of plans rather than problems."""
from __future__ import annotations

from extractors.enumerations import find_groups, heading_starts, section_regions
from extractors.problems import classified_groups
from extractors.records import SuggestionRecord, make_span
from pipeline.document import Document

SUGGESTION_SECTIONS = {"建议"}


def extract(doc: Document, found: dict) -> list:
    skip = heading_starts(doc)
    groups = [g for g, is_problem in classified_groups(doc) if not is_problem]
    for _, start, end in section_regions(doc, SUGGESTION_SECTIONS):
        groups.extend(find_groups(doc, start, end, skip))
    groups.sort(key=lambda g: g.items[0].start)
    return [
        SuggestionRecord(ordinal=item.ordinal, text=doc.text[item.start:item.end],
                         span=make_span(doc, item.start, item.end))
        for group in groups for item in group.items
    ]
