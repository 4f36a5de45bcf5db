from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from pipeline import run as runner
from pipeline.run import process
from tests.conftest import SEED


@pytest.fixture
def mixed_folder(tmp_path):
    folder = tmp_path / "archive"
    (folder / "2021").mkdir(parents=True)
    shutil.copy(SEED, folder / "2021" / "seed.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.docx").write_bytes(bytes(range(256)) * 8)
    (folder / "gold.json").write_text("{}", encoding="utf-8")
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "~$seed.docx").write_bytes(b"lock")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    return folder


def test_runner_folder_walk_skips_non_reports(mixed_folder):
    found = runner.discover([mixed_folder])
    names = sorted(p.name for p in found.files)
    assert names == ["broken.docx", "empty.txt", "seed.txt"]
    assert sorted(p.name for p in found.skipped) == [".hidden.txt", "gold.json", "scan.png", "~$seed.docx"]


def test_runner_named_file_of_unknown_kind_is_an_error_row(mixed_folder):
    result = runner.run([mixed_folder / "gold.json"], jobs=1)
    assert result.n_failed == 1
    (error,) = result.tables["errors"]
    assert error["error_type"] == "UnsupportedFormat" and "no reader" in error["message"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_runner_bad_files_fail_alone(mixed_folder, jobs):
    result = runner.run([mixed_folder], jobs=jobs)
    status = {r["source_path"].rsplit("/", 1)[-1]: r["status"] for r in result.tables["documents"]}
    assert status == {"seed.txt": "ok", "empty.txt": "error", "broken.docx": "error"}
    assert result.n_files == 3 and result.n_failed == 2 and result.n_skipped == 4
    failed = {r["source_path"].rsplit("/", 1)[-1] for r in result.tables["errors"]}
    assert failed == {"empty.txt", "broken.docx"}
    assert all("\n" not in r["message"] and r["message"] for r in result.tables["errors"])
    assert result.tables["budgets"], "the good file's facts are kept"


def test_runner_results_do_not_depend_on_jobs(mixed_folder):
    one = runner.run([mixed_folder], jobs=1).tables
    two = runner.run([mixed_folder], jobs=2).tables
    assert one == two


def test_runner_failing_extractor_leaves_document_partial(monkeypatch):
    def broken(doc, ctx):
        raise RuntimeError("boom in counts")

    patched = [e if e.name != "counts" else replace(e, extract=broken) for e in process.EXTRACTORS]
    monkeypatch.setattr(process, "EXTRACTORS", patched)
    (result,) = runner.process_file(SEED)
    (document,) = result.rows["documents"]
    assert document["status"] == "partial"
    assert "boom in counts" in document["error"]
    assert result.rows["errors"][0]["stage"] == "extract:counts"
    assert result.rows["budgets"] and not result.rows["counts"]


def test_runner_missing_file_is_an_error_row(tmp_path):
    result = runner.run([tmp_path / "nope.txt"], jobs=1)
    assert result.tables["documents"][0]["status"] == "error"


def test_runner_identical_copies_keep_facts_once(tmp_path):
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEED, tmp_path / name)
    tables = runner.run([tmp_path], jobs=1).tables
    docs = sorted(tables["documents"], key=lambda r: r["source_path"])
    assert [d["status"] for d in docs] == ["ok", "ok"]
    assert docs[0]["doc_id"] == docs[1]["doc_id"]
    assert "same content as" in docs[1]["warnings"] and "same content as" not in (docs[0]["warnings"] or "")
    assert len(tables["doc_text"]) == 1
    assert len([b for b in tables["budgets"] if b["role"] == "budget"]) == 1
