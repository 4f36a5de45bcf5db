"""Shared fixtures: the seed report, the real PDFs, and folders of mixed input built per test."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SEED = CORPUS / "000_3863e364cbd2cac6.txt"
SHARED = Path(os.environ.get("JIXIAO_SHARED", REPO.parent / "shared"))
REAL_PDFS = sorted((SHARED / "real").glob("*.pdf"))
SEED_TOP_SECTIONS = ["项目概况", "项目组织实施情况", "项目绩效情况", "项目主要做法和经验",
                     "存在问题及建议", "项目自评结论及得分"]


@pytest.fixture(scope="session")
def seed_text() -> str:
    from pipeline.readers import read

    return read(SEED).text


def real_pdf_expectations() -> list[tuple[Path, list[str]]]:
    return [(pdf, json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))["text_contains"])
            for pdf in REAL_PDFS]


needs_real_pdfs = pytest.mark.skipif(not REAL_PDFS, reason=f"no real PDFs under {SHARED / 'real'}")
