from __future__ import annotations

from decimal import Decimal

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline import store
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
    from pipeline.core.errors import JixiaoError

    with pytest.raises(JixiaoError, match="jixiao extract"):
        store.load(tmp_path)
