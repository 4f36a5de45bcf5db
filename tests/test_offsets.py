"""The offset invariant: every record of every table points at exactly its own text."""
from __future__ import annotations

import pytest

from pipeline import run as runner
from pipeline.core.document import page_of
from pipeline.core.schema import SPAN_COLUMN
from tests.build_docx import build_seed_docx
from tests.build_pdf import build_report_pdf
from tests.conftest import CORPUS, REAL_PDFS


def _samples(tmp_path_factory) -> list:
    built = tmp_path_factory.mktemp("built")
    return [
        *sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".docx", ".pdf")),
        build_seed_docx(built / "seed.docx"),
        build_report_pdf(built / "report.pdf"),
        *REAL_PDFS,
    ]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return [result for path in _samples(tmp_path_factory) for result in runner.process_file(path)]


def test_offsets_samples_were_read(results):
    assert len(results) >= 5
    assert all(r.status == "ok" for r in results), [r.rows["errors"] for r in results if r.status != "ok"]


@pytest.mark.parametrize("table", sorted(SPAN_COLUMN))
def test_offsets_every_record_matches_its_text(results, table):
    checked = 0
    for result in results:
        text = result.rows["doc_text"][0]["text"]
        for row in result.rows[table]:
            span = text[row["char_start"]:row["char_end"]]
            assert span == row[SPAN_COLUMN[table]], (result.source_path, row)
            assert 0 <= row["char_start"] < row["char_end"] <= len(text)
            checked += 1
    assert checked > 0, f"no {table} records in any sample: the invariant was not exercised"


def test_offsets_sections_nest_and_start_at_their_heading(results):
    for result in results:
        text = result.rows["doc_text"][0]["text"]
        sections = {s["section_id"]: s for s in result.rows["sections"]}
        for section in sections.values():
            line = text[section["char_start"]:].split("\n", 1)[0]
            assert section["title"] in line
            parent = sections.get(section["parent_id"])
            if parent:
                assert parent["char_start"] <= section["char_start"] < section["char_end"] <= parent["char_end"]


def test_offsets_pages_are_known_for_pdf_records(results):
    for result in results:
        if not result.source_path.endswith(".pdf"):
            continue
        for table in SPAN_COLUMN:
            assert all(row["page"] for row in result.rows[table]), (result.source_path, table)


def test_offsets_page_starts_give_every_record_its_page(results):
    """doc_text.page_starts is where each page begins: a PDF's records lie on the page it gives;
    formats without pages store an empty list."""
    for result in results:
        (doc_text,) = result.rows["doc_text"]
        starts = doc_text["page_starts"]
        if not result.source_path.endswith(".pdf"):
            assert starts == [], result.source_path
            continue
        assert starts[0] == 0 and starts == sorted(starts), result.source_path
        for table in SPAN_COLUMN:
            assert all(row["page"] == page_of(starts, row["char_start"]) for row in result.rows[table])
