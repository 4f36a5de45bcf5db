"""The extractors' "done when": the seed scores the same as .txt, as Word and as PDF.

Scored by `pipeline.evaluate` against ../shared/gold, exactly as `jixiao eval` does.
"""
from __future__ import annotations

import shutil

import pytest

from pipeline import run as runner
from pipeline.evaluate import score
from pipeline.evaluate.formatting import format_findings
from pipeline.evaluate.gold import load_gold
from pipeline.evaluate.predictions import predictions_from_tables
from tests.build_docx import build_seed_docx
from tests.build_seed_pdf import build_seed_pdf
from tests.conftest import SEED, SHARED

GOLD = SHARED / "gold"
PERFECT = ["metadata", "sections", "budget", "score", "indicators", "problems", "suggestions"]

pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason=f"no gold folder at {GOLD}")


@pytest.fixture(scope="module", params=["txt", "docx", "pdf"])
def scores(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    target = folder / f"{SEED.stem}.{request.param}"
    {"txt": lambda p: shutil.copy(SEED, p), "docx": build_seed_docx, "pdf": build_seed_pdf}[request.param](target)
    tables = runner.run([target], jobs=1).tables
    return score(load_gold(GOLD), predictions_from_tables(tables), match_stem=True)


@pytest.mark.parametrize("family", PERFECT)
def test_seed_renderings_perfect_families(scores, family):
    tally = scores.families[family]
    assert tally.f1 == 1.0, format_findings(scores)


def test_seed_renderings_counts(scores):
    assert scores.families["counts"].f1 >= 0.90, format_findings(scores)
