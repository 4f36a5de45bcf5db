"""The extractor registry: its order checked statically, and what every extractor really reads
from the Context and returns checked over sample documents (as spaCy's `analyze_pipes` does)."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from extractors.context import Context
from extractors.records import DocFacts, Record
from extractors.registry import EXTRACTORS, Extractor, OrderError, check_order
from pipeline import sections
from pipeline.core.document import Document
from pipeline.readers import read
from tests.conftest import CORPUS, REPO, SEED

PER_FORMAT = 3  # archive files of each format the extractors are watched on
# Reports that take the paths the archive does not: a budget and an indicator table that
# disagree with what the text states (warnings; indicators read the stated self_score), and a
# score given only as a maximum (a scores warning).
HAND_BUILT = [
    "2021年度法律援助项目支出绩效自评报告\n一、项目概况\n全年预算数100万元，执行数80万元，预算执行率为95%。\n"
    "二、绩效指标完成情况\n一级指标 二级指标 三级指标 分值 得分\n产出指标 数量指标 培训人次 50 48\n"
    "满意度指标 服务对象满意度 学员满意度 50 47\n三、自评结论\n该项目自评得分为98分。",
    "2021年度法律援助项目支出绩效自评报告\n一、自评结论\n评价体系满分100分。",
]
HEAVY = ("spacy", "jieba", "pandas", "pyarrow", "duckdb", "pdfplumber", "docx")
NAMES = [e.name for e in EXTRACTORS]


class Watched:
    """Stands in for a Context (and for its facts) and notes every name an extractor reads."""

    def __init__(self, target: Context | DocFacts, reads: set[str]):
        self._target, self._reads = target, reads

    def __getattr__(self, name: str):
        value = getattr(self._target, name)
        if isinstance(value, DocFacts):
            return Watched(value, self._reads)
        self._reads.add(name)
        return value


def returned(records: list[Record]) -> set[str]:
    """The tables and the document facts (those given a value) that records fill."""
    names = set()
    for record in records:
        if isinstance(record, DocFacts):
            names |= {name for name, value in record.__dict__.items() if value not in (None, ())}
        else:
            names.add(record.TABLE)
    return names


def _samples() -> list[Document]:
    archive = sorted((CORPUS / "archive").iterdir())
    files = [SEED]
    for suffix in (".txt", ".docx", ".pdf"):
        files += [path for path in archive if path.suffix == suffix][:PER_FORMAT]
    docs = [read(path) for path in files]
    docs += [Document(doc_id="t", source_path="t.txt", format="txt", text=text) for text in HAND_BUILT]
    for doc in docs:
        sections.build(doc)
    return docs


@pytest.fixture(scope="module")
def analysis() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per extractor: every name it read and every name it returned, over all samples."""
    reads: dict[str, set[str]] = {name: set() for name in NAMES}
    outputs: dict[str, set[str]] = {name: set() for name in NAMES}
    for doc in _samples():
        ctx = Context()
        for extractor in EXTRACTORS:
            records = extractor.extract(doc, Watched(ctx, reads[extractor.name]))
            outputs[extractor.name] |= returned(records)
            ctx.absorb(records)
    return reads, outputs


def test_registry_order_is_consistent():
    check_order(EXTRACTORS)


def _moved(name: str, to: int) -> list[Extractor]:
    extractors = [e for e in EXTRACTORS if e.name != name]
    extractors.insert(to, next(e for e in EXTRACTORS if e.name == name))
    return extractors


@pytest.mark.parametrize("extractors, message", [
    (_moved("scores", 0), "extractor 'scores' requires year, which no extractor before it provides"),
    (_moved("counts", 1), "extractor 'counts' requires indicators, budgets, which no extractor before it"),
    (_moved("metadata", len(EXTRACTORS) - 1), "extractor 'budgets' requires year"),
    ([replace(EXTRACTORS[0], provides=("year", "fiscal_year"))],
     "extractor 'metadata' provides fiscal_year, which the Context does not hold"),
    ([replace(EXTRACTORS[0], provides=("facts",))], "extractor 'metadata' provides facts, which the Context"),
])
def test_registry_broken_order_is_rejected(extractors, message):
    with pytest.raises(OrderError, match=message):
        check_order(extractors)


def test_registry_watch_notes_tables_and_facts_read():
    reads: set[str] = set()
    watched = Watched(Context(facts=DocFacts(year=2021)), reads)
    assert (watched.facts.year, watched.budgets, watched.facts.self_score) == (2021, [], None)
    assert reads == {"year", "budgets", "self_score"}


@pytest.mark.parametrize("extractor", EXTRACTORS, ids=NAMES)
def test_registry_extractor_reads_only_what_it_requires(analysis, extractor):
    reads, _ = analysis
    assert reads[extractor.name] <= set(extractor.requires), "read but not declared in requires"


@pytest.mark.parametrize("extractor", EXTRACTORS, ids=NAMES)
def test_registry_extractor_returns_only_what_it_provides(analysis, extractor):
    _, outputs = analysis
    assert outputs[extractor.name] <= set(extractor.provides), "returned but not declared in provides"


@pytest.mark.parametrize("extractor", EXTRACTORS, ids=NAMES)
def test_registry_declarations_are_all_used_by_the_samples(analysis, extractor):
    """No stale declaration: every name required is read and every name provided is returned."""
    reads, outputs = analysis
    assert (reads[extractor.name], outputs[extractor.name]) == (set(extractor.requires), set(extractor.provides))


@pytest.mark.parametrize("module", ["extractors", "extractors.records", "extractors.registry"])
def test_registry_import_loads_nothing_heavy(module):
    code = f"import sys, {module}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    loaded = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert not set(loaded.stdout.split()) & set(HEAVY)
