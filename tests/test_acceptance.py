"""The Foundation issue's "done when": one mixed folder in, the contract's tables out."""
from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from pipeline import store
from pipeline.cli import app
from tests.build_docx import build_seed_docx
from tests.build_pdf import build_truncated_pdf
from tests.conftest import REAL_PDFS, SEED, SEED_TOP_SECTIONS, real_pdf_expectations

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not REAL_PDFS, reason="the real PDFs of ../shared/real are not here"),
]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "seed-gb18030.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    for pdf in REAL_PDFS:
        shutil.copy(pdf, folder / pdf.name)
        shutil.copy(pdf.with_suffix(".json"), folder / pdf.with_suffix(".json").name)  # skipped
    build_seed_docx(folder / "seed-word.docx")
    (folder / "random.docx").write_bytes(bytes(range(256)) * 16)
    build_truncated_pdf(folder / "truncated.pdf")
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["extract", str(folder), "--out", str(out), "--jobs", "2"])
    return result, store.load(out)


def _by_name(frame, name):
    return frame[frame.source_path.str.endswith("/" + name)]


def test_acceptance_exit_zero_and_three_errors(extracted):
    result, tables = extracted
    assert result.exit_code == 0, result.output
    errors = sorted(p.rsplit("/", 1)[-1] for p in tables["errors"].source_path)
    assert errors == ["empty.txt", "random.docx", "truncated.pdf"]
    docs = tables["documents"]
    assert sorted(docs[docs.status == "error"].source_path.str.rsplit("/", n=1).str[-1]) == errors
    assert (docs[docs.status != "error"].status == "ok").all()
    assert len(docs) == 8  # 5 readable + 3 failed; the two .json files were skipped
    assert "2 skipped" in result.output


@pytest.mark.parametrize("name", ["seed.txt", "seed-gb18030.txt", "seed-word.docx"])
def test_acceptance_seed_six_top_sections(extracted, name):
    _, tables = extracted
    doc_id = _by_name(tables["documents"], name).doc_id.item()
    sections = tables["sections"]
    top = sections[(sections.doc_id == doc_id) & (sections.level == 1)].sort_values("char_start")
    assert list(top.title) == SEED_TOP_SECTIONS


def test_acceptance_word_numbering_rendered(extracted):
    _, tables = extracted
    doc_id = _by_name(tables["documents"], "seed-word.docx").doc_id.item()
    sections = tables["sections"]
    top = sections[(sections.doc_id == doc_id) & (sections.level == 1)].sort_values("char_start")
    assert list(top.numbering) == ["一、", "二、", "三、", "四、", "五、", "六、"]


def test_acceptance_gb18030_copy_reads_the_same_text(extracted):
    _, tables = extracted
    docs, text = tables["documents"], tables["doc_text"].set_index("doc_id").text
    utf8 = text[_by_name(docs, "seed.txt").doc_id.item()]
    gb = text[_by_name(docs, "seed-gb18030.txt").doc_id.item()]
    assert utf8 == gb


@pytest.mark.parametrize("pdf,strings", real_pdf_expectations(), ids=lambda v: getattr(v, "stem", ""))
def test_acceptance_real_pdf_strings_intact(extracted, pdf, strings):
    _, tables = extracted
    doc_id = _by_name(tables["documents"], pdf.name).doc_id.item()
    text = tables["doc_text"].set_index("doc_id").text[doc_id]
    assert [s for s in strings if s not in text] == []


