"""Scoring whole documents against gold files: the seed gold, unreadable and missing
documents, matching gold files to documents, and the printed scores and findings."""
from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline import store
from pipeline.core.errors import JixiaoError
from pipeline.evaluate import score
from pipeline.evaluate.families import FAMILIES
from pipeline.evaluate.formatting import format_findings, format_scores
from pipeline.evaluate.gold import load_gold, parse_gold
from pipeline.evaluate.predictions import predictions_from_tables
from tests.build_predictions import (
    count_row, counts_of, gold_of, perfect_tables, read_gold, run_score, tables_for,
)
from tests.conftest import SHARED

SEED_GOLD = SHARED / "gold" / "000_3863e364cbd2cac6.json"
GOLD_FILES = [p for p in [SEED_GOLD, *sorted((SHARED / "real").glob("*.json"))] if p.is_file()]
needs_seed_gold = pytest.mark.skipif(not SEED_GOLD.is_file(), reason=f"no seed gold at {SEED_GOLD}")


# --- Whole documents ----------------------------------------------------------------------

@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_evaluate_perfect_prediction_scores_one_in_every_family(gold_path):
    gold = parse_gold(read_gold(gold_path), str(gold_path))
    scores = score([gold], predictions_from_tables(perfect_tables(gold.fields)))
    scored = {name: t for name, t in scores.families.items() if t.scored}
    assert set(scored) == {f.name for f in FAMILIES if f.gold_key in gold.fields}
    for name, tally in scored.items():
        assert (tally.precision, tally.recall, tally.f1) == (1.0, 1.0, 1.0), name
    assert scores.micro.f1 == 1.0 and not scores.findings


@needs_seed_gold
def test_evaluate_seed_gold_point_count_and_one_wrong_budget():
    gold = read_gold(SEED_GOLD)
    perfect = score(load_gold(SEED_GOLD.parent),
                             predictions_from_tables(perfect_tables(gold)))
    # 5 metadata + 6 sections + 3 budget (the stated rate is null) + 1 score + 5 indicators
    # + 20 counts + 4 problems + 6 suggestions
    assert (perfect.micro.tp, perfect.micro.fp, perfect.micro.fn) == (50, 0, 0)

    tables = perfect_tables(gold)
    tables["documents"][0]["budget_yuan"] = 700000  # also moves the computed rate to 74.63
    scores = score(load_gold(SEED_GOLD.parent), predictions_from_tables(tables))
    budget = scores.families["budget"]
    assert (budget.tp, budget.fp, budget.fn) == (1, 2, 2)
    assert (scores.micro.tp, scores.micro.fp, scores.micro.fn) == (48, 2, 2)
    assert {(f.field, f.kind) for f in scores.findings} == {
        ("budget_yuan", "wrong"), ("execution_rate_computed_pct", "wrong")}


@needs_seed_gold
def test_evaluate_empty_prediction_scores_zero_recall():
    gold = parse_gold(read_gold(SEED_GOLD), "seed")
    scores = score([gold], predictions_from_tables(tables_for(gold.file)))
    for name, tally in scores.families.items():
        if tally.scored:
            assert tally.recall == 0.0 and tally.fp == 0, name
    assert scores.micro.fn == 50 and scores.micro.tp == 0


@needs_seed_gold
@pytest.mark.parametrize("how", ["status_error", "missing_from_predictions"])
def test_evaluate_unreadable_document_scores_zero_recall(how):
    gold = parse_gold(read_gold(SEED_GOLD), "seed")
    tables = perfect_tables(gold.fields)
    if how == "status_error":
        # Even rows a failed run left behind earn nothing.
        tables["documents"][0].update(status="error", error="ReadError: file is empty")
    else:
        tables = perfect_tables(gold.fields, name="another.txt")
    scores = score([gold], predictions_from_tables(tables))
    assert scores.micro.tp == 0 and scores.micro.fp == 0 and scores.micro.fn == 50
    assert [d.doc for d in scores.unreadable] == [gold.file]
    assert "not read" in format_scores(scores)
    assert "not read" in format_findings(scores)


def test_evaluate_documents_without_gold_are_ignored():
    tables = tables_for("r.txt", documents={"self_score": 90})
    other = tables_for("other.txt", doc_id="d2", documents={"self_score": 50})
    tables = {k: tables[k] + other.get(k, []) for k in tables}
    assert counts_of({"score": 90}, tables, "score") == (1, 0, 0)


def test_evaluate_reads_dataframes_written_by_the_store(tmp_path):
    if not SEED_GOLD.is_file():
        pytest.skip("no seed gold")
    gold = parse_gold(read_gold(SEED_GOLD), "seed")
    store.write(perfect_tables(gold.fields), tmp_path)
    scores = score([gold], predictions_from_tables(store.load(tmp_path)))
    assert scores.micro.f1 == 1.0


def test_evaluate_identical_files_do_not_double_their_facts():
    # Two files with the same bytes share a doc_id, so their fact rows are in the table twice.
    one = tables_for("a.txt", counts=[{"value": 5, "unit": "个", "approx": False, "raw": "5个"}])
    two = tables_for("b.txt", counts=[{"value": 5, "unit": "个", "approx": False, "raw": "5个"}])
    tables = {k: one[k] + two[k] for k in one}
    gold = {"counts": [{"value": 5, "unit": "个", "approx": False}]}
    scores = score([gold_of(gold, "a.txt"), gold_of(gold, "b.txt")],
                            predictions_from_tables(tables))
    assert (scores.micro.tp, scores.micro.fp, scores.micro.fn) == (2, 0, 0)


def test_evaluate_two_documents_with_one_name_are_refused():
    one, two = tables_for("r.txt"), tables_for("r.txt", doc_id="d2")
    two["documents"][0]["source_path"] = "/archive/2022/r.txt"
    with pytest.raises(JixiaoError, match="two documents are named"):
        predictions_from_tables({"documents": one["documents"] + two["documents"]})


# --- Matching gold files to documents -----------------------------------------------------

@pytest.mark.parametrize("predicted_name,match_stem,found", [
    ("r.txt", False, True),
    ("r.pdf", False, False),
    ("r.docx", True, True),
    ("r.pdf", True, True),
    ("rr.pdf", True, False),
])
def test_evaluate_match_stem(predicted_name, match_stem, found):
    tables = tables_for(predicted_name, documents={"self_score": 96})
    scores = run_score({"score": 96}, tables, match_stem=match_stem)
    tally = scores.families["score"]
    assert (tally.tp, tally.fn) == ((1, 0) if found else (0, 1))


def test_evaluate_match_stem_prefers_the_exact_name():
    exact = tables_for("r.txt", documents={"self_score": 96})
    pdf = tables_for("r.pdf", doc_id="d2", documents={"self_score": 10})
    tables = {"documents": exact["documents"] + pdf["documents"]}
    assert run_score({"score": 96}, tables, match_stem=True).families["score"].tp == 1


# --- Output ---------------------------------------------------------------------------------

def test_evaluate_format_scores_and_findings():
    gold = {"score": 96, "counts": [{"value": 350, "unit": "份", "approx": True, "evidence": "350余份"}],
            "problems": ["涉外法律服务发展滞后"]}
    tables = tables_for(documents={"self_score": 90},
                        counts=[count_row(Decimal("35.0"), "份", raw="35份", evidence="印发35份材料")])
    scores = run_score(gold, tables)
    table = format_scores(scores)
    header, *rows = table.splitlines()
    assert header.split() == ["family", "P", "R", "F1", "tp", "fp", "fn"]
    assert any(r.split()[0] == "micro" and r.split()[-3:] == ["0", "2", "3"] for r in rows)
    assert any(r.split()[0] == "sections" and r.split()[1:4] == ["-", "-", "-"] for r in rows)

    findings = format_findings(scores)
    assert "350余份" in findings            # the gold evidence of the miss
    assert "印发35份材料" in findings         # the predicted evidence of the false positive
    assert "predicted=90" in findings and "Decimal(" not in findings
    assert "涉外法律服务发展滞后" in findings
    assert {f.kind for f in scores.findings} == {"miss", "false_positive", "wrong"}


def test_evaluate_perfect_findings_text():
    scores = run_score({"score": 96}, tables_for(documents={"self_score": 96}))
    assert format_findings(scores) == "no misses or false positives"
