"""What the extractors that ran before found in a document: the context the next one reads.

The runner calls `absorb` after each extractor. Records go to the list named after their
table; every DocFacts merges into `facts`, where the first value found for a field wins
(metadata's year before any later guess) and warnings are kept in the order they came.
This is the one place document facts are merged: the documents row is `facts` as it stands
after the last extractor.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from extractors.records import (
    BudgetRecord, CountRecord, DocFacts, IndicatorRecord, ProblemRecord, Record, SuggestionRecord,
)


@dataclass
class Context:
    facts: DocFacts = field(default_factory=DocFacts)
    budgets: list[BudgetRecord] = field(default_factory=list)
    indicators: list[IndicatorRecord] = field(default_factory=list)
    counts: list[CountRecord] = field(default_factory=list)
    problems: list[ProblemRecord] = field(default_factory=list)
    suggestions: list[SuggestionRecord] = field(default_factory=list)

    def absorb(self, records: list[Record]) -> None:
        for record in records:
            if isinstance(record, DocFacts):
                self.facts = _merged(self.facts, record)
            else:
                getattr(self, record.TABLE).append(record)


def _merged(known: DocFacts, new: DocFacts) -> DocFacts:
    filled = {name: value for name, value in new.__dict__.items()
              if name != "warnings" and value is not None and getattr(known, name) is None}
    return replace(known, warnings=known.warnings + new.warnings, **filled)


# What an extractor can require or provide: a record table held in a list above, or a field
# of the document's facts.
TABLE_NAMES = tuple(f.name for f in fields(Context) if f.name != "facts")
FACT_NAMES = tuple(f.name for f in fields(DocFacts))
