"""The Context: records kept per table, document facts merged with the first value winning."""
from __future__ import annotations

from decimal import Decimal

from extractors.context import FACT_NAMES, TABLE_NAMES, Context
from extractors.records import CountRecord, DocFacts, ProblemRecord, Span

SPAN = Span(char_start=0, char_end=2, page=None, section_path="", evidence="3场")


def test_context_keeps_records_under_their_table():
    ctx = Context()
    count = CountRecord(value=Decimal(3), unit="场", raw="3场", span=SPAN)
    problem = ProblemRecord(ordinal=1, text="3场", span=SPAN)
    ctx.absorb([count, problem])
    assert (ctx.counts, ctx.problems, ctx.budgets, ctx.indicators) == ([count], [problem], [], [])


def test_context_first_value_of_a_fact_wins_and_warnings_add_up():
    ctx = Context()
    ctx.absorb([DocFacts(year=2021, warnings=("year from the body",))])
    ctx.absorb([DocFacts(year=2020, self_score=Decimal(96), warnings=("no total row",))])
    ctx.absorb([DocFacts(self_score=Decimal(90), grade="优", warnings=("year from the body",))])
    assert (ctx.facts.year, ctx.facts.self_score, ctx.facts.grade) == (2021, Decimal(96), "优")
    assert ctx.facts.warnings == ("year from the body", "no total row", "year from the body")


def test_context_names_are_its_tables_and_the_document_facts():
    assert TABLE_NAMES == ("budgets", "indicators", "counts", "problems", "suggestions")
    assert {"year", "self_score", "warnings"} <= set(FACT_NAMES) and "facts" not in TABLE_NAMES
