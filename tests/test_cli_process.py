"""The `jixiao` command as its own process (pipeline.cli:main, the console script's entry),
which leaves through os._exit: what it wrote and printed, and its exit code, must survive."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

SEED = Path(__file__).resolve().parents[1] / "corpus" / "000_3863e364cbd2cac6.txt"


def _jixiao(*args: str) -> subprocess.CompletedProcess:
    code = "import sys; from pipeline.cli import main; sys.argv[0] = 'jixiao'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300)


def test_extract_writes_and_reports_before_the_process_leaves(tmp_path):
    broken = tmp_path / "in" / "broken.pdf"
    broken.parent.mkdir()
    broken.write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "in" / "seed.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    done = _jixiao("extract", str(tmp_path / "in"), "--out", str(out), "--jobs", "1", "--strict")
    assert done.returncode == 1, done.stderr  # --strict with a failed file
    assert "read 1 of 2 files" in done.stdout
    assert "broken.pdf" in done.stderr
    with duckdb.connect(str(out / "jixiao.duckdb"), read_only=True) as db:
        assert db.execute("select count(*) from documents").fetchone() == (2,)
        assert db.execute("select count(*) from budgets").fetchone()[0] > 0
    again = _jixiao("extract", str(tmp_path / "in"), "--out", str(out), "--jobs", "1")
    assert again.returncode == 0, again.stderr
    assert "were not read again" in again.stdout


def test_usage_errors_keep_their_exit_code():
    assert _jixiao("--help").returncode == 0
    wrong = _jixiao("no-such-command")
    assert wrong.returncode == 2 and "No such command" in wrong.stderr


def test_a_reading_child_is_started_early_only_for_a_local_extract():
    from pipeline.cli import _reads_locally

    assert _reads_locally(["extract", "corpus", "--jobs", "1"])
    assert not _reads_locally(["extract", "corpus", "--executor", "dask"])
    assert not _reads_locally(["extract", "corpus", "--scheduler=tcp://127.0.0.1:8786"])
    assert not _reads_locally(["query", "select 1"])
