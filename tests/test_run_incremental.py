"""Incremental runs of `extract_to`: unchanged files are not read again, changed and new ones
are, removed ones leave the tables; a run killed with SIGKILL resumes to the same tables."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import store
from pipeline.core.schema import TABLES
from pipeline.run import extract_to, run
from pipeline.run.parts import STATE_DIR
from tests.conftest import CORPUS, SEED

TXT = sorted((CORPUS / "archive").glob("*.txt"))


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for path in [SEED, *TXT[:5]]:
        shutil.copy(path, folder / path.name)
    return folder


def _frames(out: Path) -> dict:
    return {name: frame.to_dict("records") for name, frame in store.load(out).items()}


def _same_tables(a: Path, b: Path) -> None:
    left, right = _frames(a), _frames(b)
    for name in TABLES:
        assert _plain(left[name]) == _plain(right[name]), name


def _plain(rows: list[dict]) -> list[str]:
    return [repr({k: (list(v) if hasattr(v, "tolist") else v) for k, v in row.items()}) for row in rows]


def test_run_incremental_unchanged_rerun_reads_nothing(folder, tmp_path):
    out = tmp_path / "out"
    first = extract_to([folder], out, jobs=2)
    before = _frames(out)
    heard = []
    again = extract_to([folder], out, jobs=2, on_start=heard.append)
    assert (first.n_read, first.n_reused) == (6, 0)
    assert (again.n_read, again.n_reused) == (0, 6) and heard == [0]
    assert again.rows == first.rows
    assert {n: _plain(r) for n, r in _frames(out).items()} == {n: _plain(r) for n, r in before.items()}


def _stamps(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file() and p.name != store.MANIFEST}


def test_run_incremental_unchanged_rerun_keeps_the_tables_and_renews_the_manifest(folder, tmp_path):
    import json

    out = tmp_path / "out"
    extract_to([folder], out, jobs=1)
    stamps = _stamps(out)
    again = extract_to([folder], out, jobs=1)
    assert _stamps(out) == stamps, "an unchanged run rewrote a table"
    manifest = json.loads((out / store.MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["read"], manifest["reused"], manifest["files"]) == (0, 6, again.n_files)
    assert manifest["seconds"]["align"] == 0.0 and not again.assembled


@pytest.mark.parametrize("change", ["csv", "aliases", "lost duckdb file"])
def test_run_incremental_unchanged_files_are_assembled_again_when_the_set_would_differ(folder, tmp_path, change):
    out = tmp_path / "out"
    extract_to([folder], out, jobs=1)
    stamps, options = _stamps(out), {}
    if change == "csv":
        options["csv"] = True
    elif change == "aliases":
        aliases = tmp_path / "aliases.csv"
        aliases.write_text("kind,name,key\ndepartment,江门司法局,江门市司法局\n", encoding="utf-8")
        options["aliases"] = aliases
    else:
        (out / store.DUCKDB_FILE).unlink()
    again = extract_to([folder], out, jobs=1, **options)
    assert again.n_read == 0 and again.assembled
    assert _stamps(out)["documents.parquet"] != stamps["documents.parquet"]
    assert (out / store.DUCKDB_FILE).is_file()
    assert (out / "documents.csv").is_file() == (change == "csv")


def test_run_incremental_reads_changed_and_new_files_and_drops_removed(folder, tmp_path):
    out = tmp_path / "out"
    extract_to([folder], out, jobs=1)
    changed, removed = folder / TXT[0].name, folder / TXT[1].name
    changed.write_bytes(changed.read_bytes() + b"\n")
    removed_id = store.load(out, ["documents"]).documents.set_index("source_path").doc_id[str(removed)]
    removed.unlink()
    shutil.copy(TXT[6], folder / TXT[6].name)
    done = []
    again = extract_to([folder], out, jobs=1, on_file_done=lambda path, results: done.append(path.name))
    assert sorted(done) == sorted([changed.name, TXT[6].name])
    assert (again.n_read, again.n_reused) == (2, 4)
    fresh = tmp_path / "fresh"
    extract_to([folder], fresh, jobs=1)
    _same_tables(out, fresh)
    tables = store.load(out)
    assert removed_id not in set(tables.documents.doc_id) and removed_id not in set(tables.budgets.doc_id)
    assert len(list((out / STATE_DIR / "parts").iterdir())) == 2, "parts without live files are removed"


@pytest.mark.parametrize("how", ["full", "settings"])
def test_run_incremental_full_or_other_settings_read_everything(folder, tmp_path, how):
    out = tmp_path / "out"
    extract_to([folder], out, jobs=1)
    again = (extract_to([folder], out, jobs=1, full=True) if how == "full"
             else extract_to([folder], out, jobs=1, max_chars=9_000_000))
    assert (again.n_read, again.n_reused) == (6, 0)


def test_run_incremental_copies_keep_facts_once_as_in_memory(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEED, folder / name)
    shutil.copy(TXT[0], folder / TXT[0].name)
    out = tmp_path / "out"
    extract_to([folder], out, jobs=2)
    stored, in_memory = store.load(out), run([folder], jobs=2).tables
    for name in ("documents", "budgets", "indicators", "doc_text", "sections", "problems"):
        assert len(stored[name]) == len(in_memory[name]), name
    warnings = {d["source_path"]: d["warnings"]
                for d in store.read_rows(out / "documents.parquet", ["source_path", "warnings"])}
    assert warnings == {d["source_path"]: d["warnings"] for d in in_memory["documents"]}
    assert "same content as" in warnings[str(folder / "b.txt")]


_KILLABLE = """
import sys
from pipeline.run import extract_to, parts
parts.FLUSH_FILES = 1  # a part per file, so that a kill finds some landed
extract_to([sys.argv[1]], sys.argv[2], jobs=1)
"""


@pytest.mark.slow
def test_run_incremental_run_killed_with_sigkill_resumes_to_the_same_tables(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for path in [SEED, *TXT]:
        shutil.copy(path, folder / path.name)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", _KILLABLE, str(folder), str(out)], start_new_session=True)
    parts = out / STATE_DIR / "parts"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len([p for p in parts.glob("*") if p.suffix != ".tmp"]) < 4:
        assert proc.poll() is None, "the run ended before it could be killed"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its child, at once
    proc.wait()
    assert not (out / "documents.parquet").exists()
    resumed = extract_to([folder], out, jobs=1)
    assert resumed.n_reused >= 4 and resumed.n_read + resumed.n_reused == len(TXT) + 1
    fresh = tmp_path / "fresh"
    extract_to([folder], fresh, jobs=1)
    _same_tables(out, fresh)


def test_run_incremental_commit_interrupted_mid_move_is_finished_by_the_next_reader(folder, tmp_path, monkeypatch):
    out = tmp_path / "out"
    extract_to([TXT[0]], out, jobs=1)
    moved = []

    def replace_then_die(src, dst):
        if len(moved) == 3:
            raise OSError("killed")
        moved.append(dst)
        os.rename(src, dst)

    monkeypatch.setattr(store.os, "replace", replace_then_die)
    with pytest.raises(Exception, match="killed"):
        extract_to([folder], out, jobs=1)
    monkeypatch.undo()
    assert len(store.load(out).documents) == 6, "the committed set is moved in whole"
    assert not list(out.glob(store.STAGING_PREFIX + "*"))


def test_run_incremental_cli_says_what_it_did_not_read_again(folder, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    out = str(tmp_path / "out")
    first = CliRunner().invoke(app, ["extract", str(folder), "--out", out, "--jobs", "1"])
    again = CliRunner().invoke(app, ["extract", str(folder), "--out", out, "--jobs", "1"])
    full = CliRunner().invoke(app, ["extract", str(folder), "--out", out, "--jobs", "1", "--full"])
    assert first.exit_code == again.exit_code == full.exit_code == 0, again.output
    assert "not read again" not in first.output and "not read again" not in full.output
    assert "6 files unchanged since an earlier run were not read again (0 read" in again.output


def test_run_incremental_cli_unknown_executor_is_one_line(folder, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["extract", str(folder), "--out", str(tmp_path / "out"), "--executor", "spark"])
    assert result.exit_code == 1 and "--executor must be one of process, dask" in result.output
