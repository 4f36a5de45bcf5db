"""The tables on disk: `write` them (one Parquet file each, one DuckDB file holding them all,
CSV/XLSX on request) and `load` them back as DataFrames.

The new set is written in full into a staging folder inside the output folder and only then
moved over the old files, one atomic rename per file, so a crash while writing leaves the
previous set as it was.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Iterable

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.core.errors import JixiaoError
from pipeline.core.schema import TABLES

DUCKDB_FILE = "jixiao.duckdb"
XLSX_FILE = "jixiao.xlsx"
MANIFEST = "manifest.json"
_FEN = Decimal("0.01")
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DECIMAL(18,2)": pa.decimal128(18, 2),
    "INTEGER[]": pa.list_(pa.int32()),
}
# Excel refuses these control characters and cells longer than 32767 characters.
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_CELL_MAX = 32000  # Excel holds 32767; stay clear of how libraries count


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in TABLES[table]])


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    schema = arrow_schema(table)
    columns = {}
    for fld in schema:
        values = [row.get(fld.name) for row in rows]
        if pa.types.is_decimal(fld.type):
            values = [_to_fen(v) for v in values]
        elif pa.types.is_floating(fld.type):
            # DOUBLE columns hold rates, scores and counted values — never money.
            values = [None if v is None else float(v) for v in values]
        columns[fld.name] = pa.array(values, type=fld.type)
    return pa.table(columns, schema=schema)


def _to_fen(value) -> Decimal | None:
    if value is None:
        return None
    return Decimal(value).quantize(_FEN, rounding=ROUND_HALF_EVEN)


def write(tables: dict[str, list[dict]], out: Path, csv: bool = False, xlsx: bool = False,
          summary: dict | None = None) -> list[Path]:
    """Write every table of the contract (empty ones too) into `out`; return the files written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    arrow = {name: to_arrow(name, tables.get(name, [])) for name in TABLES}
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        names = _write_set(arrow, staging, csv=csv, xlsx=xlsx)
        (staging / MANIFEST).write_text(
            json.dumps({"tables": {n: t.num_rows for n, t in arrow.items()}, **(summary or {})},
                       ensure_ascii=False, indent=2),
            encoding="utf-8",
        )
        names.append(MANIFEST)  # last: its presence says the set before it is complete
        for name in names:
            os.replace(staging / name, out / name)
        _remove_stale(out, names, csv=csv)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in names]


def _write_set(arrow: dict[str, pa.Table], folder: Path, csv: bool, xlsx: bool) -> list[str]:
    names = []
    for name, table in arrow.items():
        pq.write_table(table, folder / f"{name}.parquet")
        names.append(f"{name}.parquet")
    _write_duckdb(arrow, folder / DUCKDB_FILE)
    names.append(DUCKDB_FILE)
    if csv:
        for name, table in arrow.items():
            # utf-8-sig: the BOM makes Excel open Chinese text as UTF-8 instead of the ANSI code page.
            _cell_frame(table).to_csv(folder / f"{name}.csv", index=False, encoding="utf-8-sig")
            names.append(f"{name}.csv")
    if xlsx:
        _write_xlsx(arrow, folder / XLSX_FILE)
        names.append(XLSX_FILE)
    return names


def _write_duckdb(arrow: dict[str, pa.Table], path: Path) -> None:
    con = duckdb.connect(str(path))
    try:
        for name, table in arrow.items():
            cols = ", ".join(f'"{col}" {kind}' for col, kind in TABLES[name])
            con.execute(f'CREATE TABLE "{name}" ({cols})')
            con.register("incoming", table)
            con.execute(f'INSERT INTO "{name}" SELECT * FROM incoming')
            con.unregister("incoming")
    finally:
        con.close()


def _write_xlsx(arrow: dict[str, pa.Table], path: Path) -> None:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, table in arrow.items():
            frame = _cell_frame(table).map(_xlsx_safe)
            frame.to_excel(writer, sheet_name=name, index=False)


def _cell_frame(table: pa.Table) -> pd.DataFrame:
    """The table for CSV and Excel, whose cells hold no lists: a list is written as JSON text,
    `[0, 1873, 3902]`."""
    frame = table.to_pandas()
    for fld in table.schema:
        if pa.types.is_list(fld.type):
            frame[fld.name] = [None if v is None else json.dumps(v) for v in table.column(fld.name).to_pylist()]
    return frame


def _xlsx_safe(value):
    if not isinstance(value, str):
        return value
    value = _XLSX_ILLEGAL.sub(" ", value)
    if len(value) > _XLSX_CELL_MAX:
        marker = "…[cut: Excel cells hold 32767 characters; the full text is in doc_text.parquet]"
        value = value[: _XLSX_CELL_MAX - len(marker)] + marker
    return value


def _remove_stale(out: Path, written: list[str], csv: bool) -> None:
    """CSV/XLSX files of an earlier run would otherwise sit beside tables they no longer match."""
    stale = [] if csv else [out / f"{name}.csv" for name in TABLES]
    if XLSX_FILE not in written:
        stale.append(out / XLSX_FILE)
    for path in stale:
        path.unlink(missing_ok=True)


def connect(out: Path) -> duckdb.DuckDBPyConnection:
    """Read-only connection to the tables of an earlier `jixiao extract`."""
    path = Path(out) / DUCKDB_FILE
    if not path.is_file():
        raise _no_tables(out)
    return duckdb.connect(str(path), read_only=True)


class Tables(dict):
    """Table name -> DataFrame, also readable as attributes: `t.budgets`, `t["budgets"]`."""

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no table {name!r}; tables: {', '.join(self)}") from None


def load(out: Path | str = "outputs", tables: Iterable[str] = tuple(TABLES)) -> Tables:
    """The named tables (default: all) of an output folder as pandas DataFrames, read from the
    Parquet files; every one of them must be there.

    Money columns hold exact `decimal.Decimal` values; doc_text.page_starts holds numpy arrays."""
    out, names = Path(out), list(tables)
    missing = [f"{name}.parquet" for name in names if not (out / f"{name}.parquet").is_file()]
    if missing:
        raise _no_tables(out, missing if len(missing) < len(names) else ())
    return Tables({name: _read(out / f"{name}.parquet") for name in names})


def _read(path: Path) -> pd.DataFrame:
    try:
        return pq.read_table(path).to_pandas()
    except (OSError, pa.ArrowException) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise JixiaoError(f"cannot read {path}: {reason}") from exc


def _no_tables(out: Path | str, missing: Iterable[str] = ()) -> JixiaoError:
    what = f" (missing {', '.join(missing)})" if missing else ""
    return JixiaoError(f"no tables in {out}{what}: run `jixiao extract PATH --out {out}` first")
