"""Reports written by hand in styles the extractors were not developed on (部门整体支出, a
flattened 自评表, 第一部分 outlines, problems as sub-headings, 总投资 budgets, prose
indicators), with gold written from the text, not from jixiao's output.

A floor, not a target: it holds the level the red-team fixes reached so that later changes
do not lose it. Scored by `pipeline.evaluate`, exactly as `jixiao eval` does.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import run as runner
from pipeline.evaluate import score
from pipeline.evaluate.formatting import format_findings
from pipeline.evaluate.gold import load_gold
from pipeline.evaluate.predictions import predictions_from_tables

REDTEAM = Path(__file__).parent / "data" / "redteam"
MIN_MICRO_F1 = 0.99


@pytest.fixture(scope="module")
def scores():
    docs = sorted(p for p in REDTEAM.iterdir() if p.suffix in (".txt", ".docx", ".pdf", ".xlsx", ".html"))
    tables = runner.run(docs, jobs=1).tables
    return score(load_gold(REDTEAM / "gold"), predictions_from_tables(tables))


def test_redteam_every_document_is_read(scores):
    assert not scores.unreadable


def test_redteam_micro_f1_floor(scores):
    assert scores.micro.f1 >= MIN_MICRO_F1, format_findings(scores)
