"""One module per kind of fact, listed in EXTRACTORS in the order they run.

An extractor is `extract(doc, found) -> list[Record]`; `found` holds what the extractors
before it returned, keyed by name (counts skip what indicators already took, for one).
Extractors never import the store or the command line.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from extractors import budgets, counts, indicators, metadata, problems, scores
from extractors.problems import suggestions
from extractors.records import Record
from pipeline.core.document import Document

Found = dict[str, list[Record]]


@dataclass(frozen=True)
class Extractor:
    name: str
    extract: Callable[[Document, Found], list[Record]]


EXTRACTORS: list[Extractor] = [
    Extractor("metadata", metadata.extract),
    Extractor("budgets", budgets.extract),
    Extractor("scores", scores.extract),  # before indicators: their score sums are checked against it
    Extractor("indicators", indicators.extract),
    Extractor("counts", counts.extract),
    Extractor("problems", problems.extract),
    Extractor("suggestions", suggestions.extract),
]
