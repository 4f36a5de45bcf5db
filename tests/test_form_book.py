"""The seed as a 自评表 (tests/build_form_book.py): one form reader for workbooks, Word tables
and PDF tables, and the workbook scored against the gold of what a form states — the same
check as the `make test` gate (`jixiao eval --match-stem`, micro F1 ≥ 0.90)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline import run as runner
from pipeline.evaluate import score
from pipeline.evaluate.formatting import format_findings
from pipeline.evaluate.gold import load_gold
from pipeline.evaluate.predictions import predictions_from_tables
from pipeline.run import process_file
from tests.build_form_book import (
    EXAMPLE, FORM_FAMILIES, INDICATOR_ROWS, SEED_NAME, build_example, build_form_book, form_cells, seed_gold,
    write_docx, write_pdf, write_xls, write_xlsx,
)

FORM_F1 = 0.90
WRITERS = {"xlsx": write_xlsx, "xls": write_xls, "docx": write_docx, "pdf": write_pdf}


@pytest.fixture(scope="module")
def gold():
    return seed_gold()


@pytest.fixture(scope="module", params=sorted(WRITERS))
def form(request, tmp_path_factory, gold):
    path = tmp_path_factory.mktemp(request.param) / f"{SEED_NAME}.{request.param}"
    (result,) = process_file(WRITERS[request.param](path, form_cells(gold)))
    assert result.status == "ok"
    return result.rows


def test_form_book_reads_the_same_form_from_every_format(form, gold):
    (doc,) = form["documents"]
    meta, money = gold["metadata"], gold["budget"]
    assert (doc["department"], doc["region"], doc["year"]) == (meta["department"], meta["region"], meta["year"])
    assert meta["project_contains"] in doc["project"] and doc["report_kind"] == meta["report_kind"]
    assert (doc["budget_yuan"], doc["actual_yuan"]) == (Decimal(money["budget_yuan"]), Decimal(money["actual_yuan"]))
    # .xls keeps no cell styles: its 执行率 cell is the fraction 0.7484, read as 74.84%.
    assert doc["execution_rate_stated_pct"] == Decimal(str(money["execution_rate_computed_pct"]))
    assert doc["self_score"] == Decimal(gold["score"]) and doc["warnings"] is None
    indicators = form["indicators"]
    assert [(i["name"], i["target_raw"], i["actual_raw"]) for i in indicators] == [
        (g["name"], g["target_raw"], row[2]) for g, row in zip(gold["indicators"], INDICATOR_ROWS)]
    assert [(i["level1"], i["score"]) for i in indicators] == [
        (row[0], Decimal(str(row[4]))) for row in INDICATOR_ROWS]


@pytest.mark.parametrize("suffix", ["xlsx", "xls"])
def test_form_book_scores_against_the_seed_gold(tmp_path, suffix):
    written = build_form_book(tmp_path)
    tables = runner.run([written[suffix]], jobs=1).tables
    scores = score(load_gold(tmp_path / "gold"), predictions_from_tables(tables), match_stem=True)
    assert scores.micro.f1 >= FORM_F1, format_findings(scores)
    assert {name for name, tally in scores.families.items() if tally.scored} == set(FORM_FAMILIES)


def test_form_book_gold_keeps_only_what_a_form_states(tmp_path, gold):
    import json

    derived = json.loads(build_form_book(tmp_path)["gold"].read_text(encoding="utf-8"))
    assert set(derived) == {"file", *FORM_FAMILIES}
    assert derived["budget"]["execution_rate_pct"] == gold["budget"]["execution_rate_computed_pct"]
    assert [i["actual_raw"] for i in derived["indicators"]] == [row[2] for row in INDICATOR_ROWS]


def test_form_book_bundled_example_is_the_helpers_workbook(tmp_path):
    """corpus/formats/ holds what `python -m tests.build_form_book --example` writes."""
    assert EXAMPLE.is_file(), "run: python -m tests.build_form_book --example"
    assert build_example(tmp_path / EXAMPLE.name).read_bytes() == EXAMPLE.read_bytes()
    (result,) = process_file(EXAMPLE)
    assert result.rows["documents"][0]["budget_yuan"] == Decimal(seed_gold()["budget"]["budget_yuan"])
