"""The output tables (pipeline/core/schema.py) and the records extractors return
(extractors/records.py) name the same columns, so neither can drift from the other."""
from __future__ import annotations

from dataclasses import fields
from typing import get_args

import pytest

from extractors.records import DocFacts, Record, Span
from pipeline.core.schema import SPAN_COLUMN, columns

FACT_RECORDS = [record for record in get_args(Record) if record is not DocFacts]
# documents columns the runner fills from the file itself; every other one is a DocFacts field.
FILE_COLUMNS = ["doc_id", "source_path", "format", "sha256", "n_pages", "n_chars", "status", "error"]


def _flat_fields(record) -> list[str]:
    """A record's fields as to_row flattens them: the Span's fields inline."""
    names = []
    for fld in fields(record):
        if fld.type in (Span, "Span"):  # a string under `from __future__ import annotations`
            names += [f.name for f in fields(Span)]
        else:
            names.append(fld.name)
    return names


@pytest.mark.parametrize("record", FACT_RECORDS, ids=lambda r: r.__name__)
def test_schema_record_fields_are_its_table_columns(record):
    assert sorted(["doc_id", *_flat_fields(record)]) == sorted(columns(record.TABLE))


def test_schema_every_fact_table_has_a_record_type():
    assert sorted(r.TABLE for r in FACT_RECORDS) == sorted(SPAN_COLUMN)
    assert all(SPAN_COLUMN[r.TABLE] in _flat_fields(r) for r in FACT_RECORDS)


def test_schema_docfacts_and_file_columns_are_the_documents_columns():
    facts = [f.name for f in fields(DocFacts)]
    assert not set(facts) & set(FILE_COLUMNS)
    assert sorted(FILE_COLUMNS + facts) == sorted(columns(DocFacts.TABLE))

