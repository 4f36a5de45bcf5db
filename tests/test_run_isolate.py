"""Per-file isolation: a file over its time limit, a worker killed while reading, a text over
the size limit — each is one error row and the rest of the batch lands."""
from __future__ import annotations

import os
import shutil
import signal
import threading
from importlib import import_module
import time
from pathlib import Path

import psutil
import pytest

from pipeline import store
from pipeline.run import extract_to, isolate, process, process_file, run
from tests.conftest import SEED

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/proc/self/fd").is_dir(),
                                reason="named pipes and /proc: Linux")


@pytest.fixture
def batch(tmp_path):
    """A report, and a .txt that is a named pipe: reading it blocks until someone writes."""
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    os.mkfifo(tmp_path / "hang.txt")
    return [folder, tmp_path / "hang.txt"]


def _rows(tables: dict, name: str) -> dict:
    return {Path(r["source_path"]).name: r for r in tables[name]}


def test_run_isolate_file_over_the_time_limit_is_one_timeout_row(batch, tmp_path):
    result = run(batch, jobs=1, file_timeout=3)
    documents, errors = _rows(result.tables, "documents"), _rows(result.tables, "errors")
    assert documents["seed.txt"]["status"] == "ok" and documents["hang.txt"]["status"] == "error"
    assert list(errors) == ["hang.txt"]
    assert (errors["hang.txt"]["stage"], errors["hang.txt"]["error_type"]) == ("timeout", "FileTimeout")
    assert "after 3 s" in errors["hang.txt"]["message"]
    assert result.tables["budgets"], "the report's facts landed"


def test_run_isolate_timed_out_file_is_read_again_by_the_next_run(batch, tmp_path):
    out = tmp_path / "out"
    extract_to(batch, out, jobs=1, file_timeout=2)
    assert list(store.load(out).errors.stage) == ["timeout"]
    heard = []
    extract_to(batch, out, jobs=1, file_timeout=2, on_start=heard.append)
    assert heard == [1], "the report is reused, the timed-out file tried again"


def _kill_the_reader_of(fifo: Path) -> None:
    """Open the pipe for writing (returns once a child opened it to read), then SIGKILL that child."""
    fd = os.open(fifo, os.O_WRONLY)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # the reader's open returns a moment after ours
            for child in psutil.Process().children(recursive=True):
                if str(fifo) in _open_files(child.pid):
                    os.kill(child.pid, signal.SIGKILL)
                    return
            time.sleep(0.01)
    finally:
        os.close(fd)


def _open_files(pid: int) -> set[str]:
    try:
        return {os.readlink(link) for link in Path(f"/proc/{pid}/fd").iterdir()}
    except (FileNotFoundError, PermissionError):
        return set()


def test_run_isolate_worker_killed_while_reading_is_one_crash_row(batch, tmp_path):
    killer = threading.Thread(target=_kill_the_reader_of, args=(batch[1],), daemon=True)
    killer.start()
    out = tmp_path / "out"
    extraction = extract_to(batch, out, jobs=2)
    killer.join(timeout=5)
    tables = store.load(out)
    (error,) = tables.errors.to_dict("records")
    assert (Path(error["source_path"]).name, error["stage"], error["error_type"]) == ("hang.txt", "crash", "WorkerCrash")
    assert "SIGKILL" in error["message"]
    assert extraction.n_failed == 1 and extraction.n_files == 2
    assert len(tables.budgets), "the batch went on"
    assert run([batch[0]], jobs=2).n_failed == 0, "the pool recovered"


@pytest.mark.parametrize("limit, status", [(100, "error"), (process.MAX_CHARS, "ok")])
def test_run_isolate_text_over_the_size_limit_is_one_size_row(limit, status):
    (result,) = process_file(SEED, max_chars=limit)
    assert result.status == status
    if status == "error":
        (error,) = result.rows["errors"]
        assert (error["stage"], error["error_type"]) == ("size", "TextTooLarge")
        assert "--max-chars" in error["message"] and not result.rows["budgets"]


def test_run_isolate_cli_defaults_are_the_library_defaults():
    cli_extract = import_module("pipeline.cli.extract")  # the package exports the command under that name
    assert cli_extract.FILE_TIMEOUT == isolate.FILE_TIMEOUT
    assert cli_extract.MAX_CHARS == process.MAX_CHARS


def test_run_isolate_child_imports_the_parents_code_not_the_working_folders(tmp_path, monkeypatch):
    # A folder that holds another pipeline/ (a second checkout, a user's project) is no
    # reason for the reading child to run that code instead of this one.
    (tmp_path / "pipeline").mkdir()
    (tmp_path / "pipeline" / "__init__.py").write_text('raise SystemExit("not this pipeline")\n')
    monkeypatch.chdir(tmp_path)
    result = run([SEED], jobs=1)
    assert not result.tables["errors"]
    assert [r["status"] for r in result.tables["documents"]] == ["ok"]
