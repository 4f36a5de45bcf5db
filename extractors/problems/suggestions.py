"""Suggestions and next-year measures: items under 建议 / 改进措施 / 下一步工作计划, the
plans in a 存在问题及建议 section, and inline "建议：一是…". Found together with the
problems in regions.py, which tells the two apart."""
from __future__ import annotations

from extractors.context import Context
from extractors.problems.items import SUGGESTION
from extractors.problems.regions import find_items
from extractors.records import SuggestionRecord, make_span
from pipeline.core.document import Document


def extract(doc: Document, ctx: Context) -> list:
    items = [item for item in find_items(doc) if item.kind == SUGGESTION]
    return [
        SuggestionRecord(ordinal=n, text=doc.text[item.start:item.end],
                         span=make_span(doc, item.start, item.end))
        for n, item in enumerate(items, start=1)
    ]
