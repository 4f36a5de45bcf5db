"""Performance indicators: tables (docx/PDF cells, or rows a conversion flattened into text),
numbered lists under the goal sections, and explicit target/actual phrasing in prose.

Each reader returns `IndicatorDraft` items; here they are merged (a list line and a table row of one
indicator are one indicator), given actuals from the result sections' prose, and turned into
records. Whether the weights and scores of a table add up is a review check (pipeline.checks),
not the extractor's business: the numbers are recorded as written.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractors.context import Context
from extractors.indicators.flat import read_flat
from extractors.indicators.prose import fill_actuals, read_explicit
from extractors.form.indicators import IndicatorDraft, read_tables
from extractors.form.vocab import squash
from extractors.indicators.results import read_results
from extractors.indicators.text import read_lists
from extractors.indicators.vocab import COST_WORDS, achieved, lower_is_better, read_value, unit_in_name, units_agree
from extractors.records import IndicatorRecord, make_span
from pipeline.core.document import Document

# Longer than this, a line is a paragraph and the evidence is the sentence instead.
MAX_EVIDENCE_LINE = 200
_PUNCTUATION = re.compile(r"[\W_]+")
_FILLED = ("target", "unit", "nature", "level1", "level2", "weight", "score")


def extract(doc: Document, ctx: Context) -> list:
    # Shared with the checks (read once per document): the drafts are filled in below, on copies.
    table_items = [replace(item) for item in read_tables(doc)[0]]
    flat_items = [replace(item) for item in read_flat(doc)[0]]
    taken = [(t.char_start, t.char_end) for t in doc.tables] + [(f.start, f.end) for f in flat_items]
    list_items = read_lists(doc, taken)
    explicit = read_explicit(doc, taken + [(f.start, f.end) for f in list_items])
    items = _merge([*_by_table(doc, table_items), flat_items, list_items, explicit])
    fill_actuals(doc, items, taken)
    if not items:  # no targets set: the results the prose states are the indicators
        items = read_results(doc, taken)
    return [_record(doc, item) for item in items]


def _by_table(doc: Document, items: list[IndicatorDraft]) -> list[list[IndicatorDraft]]:
    groups: dict[int, list[IndicatorDraft]] = {}
    for item in items:
        index = next(t.index for t in doc.tables if t.char_start <= item.start < t.char_end)
        groups.setdefault(index, []).append(item)
    return list(groups.values())


def _merge(groups: list[list[IndicatorDraft]]) -> list[IndicatorDraft]:
    """One indicator per name and target across groups (the 目标设置 list and the 自评表 of one
    report name the same indicators); rows within one group stay apart."""
    merged: list[IndicatorDraft] = []
    earlier: dict[str, list[IndicatorDraft]] = {}  # by name (_same asks equal names first)
    for group in groups:
        added = []
        for item in group:
            same = next((m for m in earlier.get(_name_key(item), ()) if _same(m, item)), None)
            if same is None:
                merged.append(item)
                added.append(item)
                continue
            for name in _FILLED:  # what the first reading left open, a later one may give
                if getattr(same, name) is None:
                    setattr(same, name, getattr(item, name))
            if same.actual is None:
                same.actual, same.actual_evidence = item.actual, item.actual_evidence
        for item in added:
            earlier.setdefault(_name_key(item), []).append(item)
    return merged


def _name_key(item: IndicatorDraft) -> str:
    return _PUNCTUATION.sub("", squash(item.name))


@lru_cache(maxsize=4096)
def _target_value(target: str | None, unit: str | None):
    """read_value's number, once per spelling: a long report names one indicator many times."""
    return read_value(target, unit)[1]


def _same(a: IndicatorDraft, b: IndicatorDraft) -> bool:
    if _name_key(a) != _name_key(b):
        return False
    ta, tb = _target_value(a.target, a.unit), _target_value(b.target, b.unit)
    return ta is None or tb is None or ta == tb


def _record(doc: Document, item: IndicatorDraft) -> IndicatorRecord:
    unit = item.unit or unit_in_name(item.name)
    cost = any(COST_WORDS.search(words or "") for words in (item.name, item.level1, item.level2))
    op, target_value, target_unit = read_value(item.target, unit, item.nature, cost)
    _, actual_value, actual_unit = read_value(item.actual, unit, cost=cost)
    comparable = units_agree(target_unit, actual_unit)
    lower_better = lower_is_better(item.name, item.level2, item.nature)
    return IndicatorRecord(
        name=item.name, raw=doc.text[item.start:item.end],
        span=make_span(doc, item.start, item.end, evidence=_evidence(doc, item.start, item.end)),
        level1=item.level1, level2=item.level2,
        target_raw=_raw(item.target), target_op=op, target_value=target_value, target_unit=target_unit,
        actual_raw=_raw(item.actual), actual_value=actual_value, actual_unit=actual_unit,
        weight=item.weight, score=item.score,
        achieved=achieved(op, target_value, actual_value, lower_better) if comparable else None,
        source=item.source,
        actual_evidence=doc.text[slice(*item.actual_evidence)].strip() if item.actual_evidence else None,
    )


def _raw(text: str | None) -> str | None:
    return text.strip().rstrip("。；;").strip() or None if text else None


def _evidence(doc: Document, start: int, end: int) -> tuple[int, int]:
    line_start = doc.text.rfind("\n", 0, start) + 1
    line_end = doc.text.find("\n", end)
    line_end = len(doc.text) if line_end < 0 else line_end
    if line_end - line_start > MAX_EVIDENCE_LINE:
        return doc.sentence_at(start, end)
    return line_start, line_end
