from __future__ import annotations

import csv
from decimal import Decimal

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import store
from pipeline.core.errors import JixiaoError
from pipeline.core.schema import TABLES, columns


def _budget_row(amount: str) -> dict:
    return {"doc_id": "d1", "role": "budget", "amount_yuan": Decimal(amount), "raw": "69.8万元",
            "char_start": 0, "char_end": 6, "page": None, "section_path": "投入", "evidence": "…",
            "source": "text"}


def test_store_empty_tables_keep_their_columns(tmp_path):
    store.write({}, tmp_path)
    for name in TABLES:
        table = pq.read_table(tmp_path / f"{name}.parquet")
        assert table.num_rows == 0
        assert table.column_names == columns(name)
    con = duckdb.connect(str(tmp_path / store.DUCKDB_FILE), read_only=True)
    for name in TABLES:
        described = [row[0] for row in con.execute(f'DESCRIBE "{name}"').fetchall()]
        assert described == columns(name)


@pytest.mark.parametrize("amount", ["698000", "522400.00", "189767600", "2074538.01", "0.01", "-34808300"])
def test_store_money_is_exact_in_parquet_and_duckdb(tmp_path, amount):
    store.write({"budgets": [_budget_row(amount)]}, tmp_path)
    from_parquet = pq.read_table(tmp_path / "budgets.parquet").column("amount_yuan")[0].as_py()
    con = duckdb.connect(str(tmp_path / store.DUCKDB_FILE), read_only=True)
    from_duckdb = con.execute("SELECT amount_yuan FROM budgets").fetchone()[0]
    assert from_parquet == Decimal(amount) == from_duckdb


def test_store_csv_has_bom_and_reads_back(tmp_path):
    store.write({"budgets": [_budget_row("698000")]}, tmp_path, csv=True)
    raw = (tmp_path / "budgets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "69.8万元" in raw.decode("utf-8-sig")
    assert (tmp_path / "documents.csv").is_file()


def test_store_xlsx_has_one_sheet_per_table(tmp_path):
    import openpyxl

    long_text = {"doc_id": "d1", "text": "字" * 40000 + "\x01"}
    store.write({"budgets": [_budget_row("698000")], "doc_text": [long_text]}, tmp_path, xlsx=True)
    book = openpyxl.load_workbook(tmp_path / store.XLSX_FILE, read_only=True)
    assert book.sheetnames == list(TABLES)
    assert book["budgets"].cell(row=2, column=4).value == "69.8万元"


def test_store_crash_mid_write_keeps_the_previous_set(tmp_path, monkeypatch):
    store.write({"budgets": [_budget_row("698000")]}, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(store, "_write_duckdb", crash)
    with pytest.raises(OSError):
        store.write({"budgets": [_budget_row("1"), _budget_row("2")]}, tmp_path)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after == before  # no staging leftovers, no half-replaced file


def test_store_rerun_without_csv_removes_stale_csv(tmp_path):
    store.write({}, tmp_path, csv=True, xlsx=True)
    store.write({}, tmp_path)
    assert not list(tmp_path.glob("*.csv"))
    assert not (tmp_path / store.XLSX_FILE).exists()


def test_store_load_gives_dataframes_of_every_table(tmp_path):
    store.write({"budgets": [_budget_row("698000")]}, tmp_path)
    frames = store.load(tmp_path)
    assert set(frames) == set(TABLES)
    assert frames["budgets"].loc[0, "amount_yuan"] == Decimal("698000")
    assert frames.budgets is frames["budgets"]


def test_store_load_of_an_empty_folder_says_what_to_do(tmp_path):
    with pytest.raises(JixiaoError, match="jixiao extract"):
        store.load(tmp_path)


def test_store_load_reads_the_named_tables_only(tmp_path):
    store.write({"budgets": [_budget_row("698000")]}, tmp_path)
    (tmp_path / "counts.parquet").unlink()
    frames = store.load(tmp_path, ["documents", "budgets"])
    assert list(frames) == ["documents", "budgets"]
    assert frames.budgets.loc[0, "amount_yuan"] == Decimal("698000")


@pytest.mark.parametrize("damage, message", [
    ("missing", r"^no tables in \S+ \(missing counts\.parquet\): run `jixiao extract PATH --out \S+` first$"),
    ("corrupt", r"^cannot read \S+counts\.parquet: "),
])
def test_store_load_of_a_missing_or_unreadable_table_is_one_line(tmp_path, damage, message):
    store.write({}, tmp_path)
    if damage == "missing":
        (tmp_path / "counts.parquet").unlink()
    else:
        (tmp_path / "counts.parquet").write_bytes(b"not parquet")
    with pytest.raises(JixiaoError, match=message) as raised:
        store.load(tmp_path)
    assert "\n" not in str(raised.value)


def test_store_connect_without_tables_says_what_to_do(tmp_path):
    with pytest.raises(JixiaoError, match="run `jixiao extract PATH --out"):
        store.connect(tmp_path)


# A PDF's text with the offsets where its three pages begin, and a txt without pages.
PAGED = [{"doc_id": "pdf", "text": "第一页。\n第二页。\n第三页。", "page_starts": [0, 5, 10]},
         {"doc_id": "txt", "text": "无分页。", "page_starts": []}]


def test_store_page_starts_are_an_integer_list_in_parquet_and_duckdb(tmp_path):
    store.write({"doc_text": PAGED}, tmp_path)
    table = pq.read_table(tmp_path / "doc_text.parquet")
    assert table.schema.field("page_starts").type == pa.list_(pa.int32())
    assert table.column("page_starts").to_pylist() == [[0, 5, 10], []]
    con = duckdb.connect(str(tmp_path / store.DUCKDB_FILE), read_only=True)
    assert con.execute("SELECT page_starts FROM doc_text ORDER BY doc_id").fetchall() == [([0, 5, 10],), ([],)]
    assert con.execute("SELECT data_type FROM information_schema.columns "
                       "WHERE table_name = 'doc_text' AND column_name = 'page_starts'").fetchone() == ("INTEGER[]",)
    assert [list(v) for v in store.load(tmp_path).doc_text["page_starts"]] == [[0, 5, 10], []]


def test_store_page_starts_are_json_text_in_csv_and_xlsx(tmp_path):
    import openpyxl

    store.write({"doc_text": PAGED}, tmp_path, csv=True, xlsx=True)
    with open(tmp_path / "doc_text.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["doc_id", "text", "page_starts"], ["pdf", PAGED[0]["text"], "[0, 5, 10]"], ["txt", "无分页。", "[]"]]
    sheet = openpyxl.load_workbook(tmp_path / store.XLSX_FILE, read_only=True)["doc_text"]
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["[0, 5, 10]", "[]"]


def test_store_duckdb_buffer_grows_with_the_longest_text(tmp_path, monkeypatch):
    """A text longer than DuckDB's base buffer still lands in the DuckDB file."""
    monkeypatch.setattr(store, "DUCKDB_WRITE_MIB", 1)
    long_text = {"doc_id": "d1", "text": "字" * 3_000_000, "page_starts": []}
    store.write({"doc_text": [long_text]}, tmp_path)
    con = duckdb.connect(str(tmp_path / store.DUCKDB_FILE), read_only=True)
    assert con.execute("SELECT length(text) FROM doc_text").fetchone() == (3_000_000,)


def test_release_memory_gives_freed_pages_back():
    """DuckDB's allocator keeps what a query freed; the assembly asks it to let go."""
    import psutil

    rss = lambda: psutil.Process().memory_info().rss  # noqa: E731
    con = duckdb.connect()
    con.execute("SET threads = 1")
    con.execute("CREATE TABLE t AS SELECT range AS x, repeat('绩效', 40) AS s FROM range(1000000)")
    con.execute("DROP TABLE t")
    held = rss()
    store.release_memory()
    assert held - rss() > 50 * 2**20
    con.close()


@pytest.mark.skipif(store._malloc_trim() is None, reason="not glibc")
def test_release_memory_trims_free_pages_inside_the_heap():
    """glibc returns only the top of a heap by itself: memory freed below a chunk still in
    use stays with the process until malloc_trim."""
    import ctypes

    import psutil

    libc = ctypes.CDLL(None)
    libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    rss = lambda: psutil.Process().memory_info().rss  # noqa: E731
    chunks = [libc.malloc(1024) for _ in range(100_000)]
    for chunk in chunks:
        ctypes.memset(chunk, 1, 1024)
    for chunk in chunks[:-1]:  # the last one holds the top of the heap
        libc.free(chunk)
    held = rss()
    store.release_memory()
    released = held - rss()
    libc.free(chunks[-1])
    assert released > 50 * 2**20


def test_store_duckdb_file_keeps_row_groups_small(tmp_path):
    """The DuckDB file is written a row group of DUCKDB_ROW_GROUP rows at a time, so that the
    write holds no more than that many new rows of a table, however large the archive."""
    rows = [{"doc_id": f"d{i}", "name": f"指标{i}", "char_start": i} for i in range(2 * store.DUCKDB_ROW_GROUP + 1)]
    store.write({"indicators": rows}, tmp_path)
    con = duckdb.connect(str(tmp_path / store.DUCKDB_FILE), read_only=True)
    assert con.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('indicators')").fetchone() == (3,)
    assert con.execute("SELECT count(*), max(char_start) FROM indicators").fetchone() == (len(rows), len(rows) - 1)


def test_store_duckdb_write_retries_under_a_larger_limit(tmp_path, monkeypatch):
    """A set that does not fit the write's small memory limit is written again under the
    assembly's limit: the run keeps its DuckDB file instead of failing at the end."""
    monkeypatch.setattr(store, "DUCKDB_WRITE_MIB", 1)
    limits, fill = [], store._fill_duckdb

    def spy(parquet, path, base_mib):
        limits.append(base_mib)
        return fill(parquet, path, base_mib)

    monkeypatch.setattr(store, "_fill_duckdb", spy)
    rows = [{"doc_id": f"d{i}", "name": "指标" * 20, "raw": "x" * 50, "char_start": i} for i in range(20_000)]
    store.write({"indicators": rows}, tmp_path)
    assert limits == [1, int(store.DUCKDB_MEMORY.removesuffix("MB"))]
    con = duckdb.connect(str(tmp_path / store.DUCKDB_FILE), read_only=True)
    assert con.execute("SELECT count(*) FROM indicators").fetchone() == (20_000,)
    assert not (tmp_path / (store.DUCKDB_FILE + ".wal")).exists()
