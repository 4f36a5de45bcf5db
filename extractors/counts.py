"""Counted quantities in the body: "书面报告350余份", "18个申报项目", "两个工作联系点".

Money, percentages, dates, ordinals and document numbers are excluded by the quantity
finder itself; here we drop what other tables already hold (indicator lines), heading
numbers, and attach the subject — the thing counted — from the neighbouring words.
"""
from __future__ import annotations

import re

from extractors.numbers import find_quantities
from extractors.records import CountRecord, make_span
from pipeline.document import Document

# Classifiers after which the counted noun follows ("18个申报项目");
# for other units the subject comes before the number ("书面报告350余份").
CLASSIFIERS = {"个", "项", "件", "家", "所", "名", "台", "辆", "套", "批", "期", "篇", "条", "场", "座", "处", "支"}
_FOLLOWING_NOUN = re.compile(r"[\u4e00-\u9fa5]{1,8}?(?=[，。、；：,;:（(\s]|$|和|及|与|的|共|中|其)")
_PRECEDING_NOUN = re.compile(r"([\u4e00-\u9fa5]{2,6})(?:共|达|约|近|超过|逾)?$")


def extract(doc: Document, found: dict) -> list:
    taken = [(r.span.char_start, r.span.char_end) for r in found.get("indicators", [])]
    records = []
    for match in find_quantities(doc.text):
        if any(start <= match.start < end for start, end in taken):
            continue
        records.append(CountRecord(
            value=match.value, unit=match.unit, raw=match.raw,
            span=make_span(doc, match.start, match.end),
            approx=match.approx, qualifier=match.qualifier,
            subject=_subject(doc.text, match.start, match.end, match.unit),
        ))
    return records


def _subject(text: str, start: int, end: int, unit: str) -> str | None:
    if unit in CLASSIFIERS:
        after = _FOLLOWING_NOUN.match(text, end, min(len(text), end + 12))
        if after and after.group(0):
            return after.group(0)
    before = _PRECEDING_NOUN.search(text, max(0, start - 10), start)
    return before.group(1) if before else None
