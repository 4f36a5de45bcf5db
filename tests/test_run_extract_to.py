"""pipeline.run.extract_to, the library entry behind `jixiao extract`."""
from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from pipeline import store
from pipeline.core.errors import JixiaoError
from pipeline.core.schema import TABLES
from pipeline.run import extract_to
from tests.conftest import SEED


@pytest.fixture
def folder(tmp_path):
    """A report, a file that cannot be read, and a file that is not a report."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, data in [("seed.txt", SEED.read_bytes()), ("empty.txt", b""), ("gold.json", b"{}")]:
        (folder / name).write_bytes(data)
    return folder


def test_run_extract_to_writes_tables_and_reports_counts(folder, tmp_path):
    out = tmp_path / "out"
    started, done = [], []
    extraction = extract_to([folder], out, jobs=1, csv=True, on_start=started.append,
                            on_file_done=lambda path, results: done.extend(r.source_path for r in results))
    assert started == [2] and sorted(done) == [str(folder / "empty.txt"), str(folder / "seed.txt")]
    assert (extraction.n_files, extraction.n_failed, extraction.n_partial, extraction.n_skipped) == (2, 1, 0, 1)
    assert extraction.out == out and extraction.seconds > 0
    assert [f.source_path for f in extraction.failures] == [str(folder / "empty.txt")]
    assert "empty" in extraction.failures[0].message
    tables = store.load(out)
    assert list(extraction.rows) == list(TABLES)
    assert extraction.rows == {name: len(tables[name]) for name in TABLES}
    assert extraction.rows["project_keys"] == extraction.rows["documents"] == 2  # aligned before the write
    assert (out / "budgets.csv").is_file()


def test_run_extract_to_missing_path_raises_before_reading(tmp_path):
    with pytest.raises(JixiaoError, match="no such file or folder: .*nothing"):
        extract_to([SEED, tmp_path / "nothing"], tmp_path / "out", jobs=1)
    assert not (tmp_path / "out").exists()


def test_run_extract_to_unwritable_out_names_the_folder(tmp_path):
    out = tmp_path / "out"
    out.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(JixiaoError, match=f"cannot write tables to {out}"):
        extract_to([SEED], out, jobs=1)


def test_run_extract_to_bad_aliases_file(tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("kind,name\nproject,x\n", encoding="utf-8")
    with pytest.raises(JixiaoError, match="aliases need the columns"):
        extract_to([SEED], tmp_path / "out", jobs=1, aliases=aliases)


@pytest.mark.slow
def test_run_extract_to_streamed_tables_equal_the_in_memory_run(tmp_path):
    """Parts assembled by DuckDB and alignment group by group give the rows of run() + align()
    and the review findings across years."""
    from pipeline.align.compare import align
    from pipeline.checks import across_documents
    from pipeline.run import run

    archive = SEED.parent / "archive"
    extract_to([archive, SEED], tmp_path / "out", jobs=2)
    in_memory = run([archive, SEED], jobs=2).tables
    in_memory.update(align(in_memory))
    in_memory["checks"] += across_documents(in_memory)
    for name in TABLES:
        stored = store.to_arrow(name, in_memory[name])
        assert pq.read_table(tmp_path / "out" / f"{name}.parquet").equals(stored), name
