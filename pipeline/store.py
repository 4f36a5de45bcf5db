"""The tables on disk: `write` them (one Parquet file each, one DuckDB file holding them all,
CSV/XLSX on request) and `load` them back as DataFrames.

A new set is first written in full into a staging folder inside the output folder (by
`write` from rows, or by the runner from Parquet parts, table by table), then committed: a
marker file says the set is complete, and its files are moved over the old ones, one atomic
rename each, the manifest last. A crash before the marker leaves the previous set as it was;
a crash after it is finished by the next `write`, `load` or `connect` (`recover`), so a
reader never sees tables of two runs side by side.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.core.errors import JixiaoError
from pipeline.core.schema import TABLES

if TYPE_CHECKING:  # pandas costs a third of a second to import; only Excel and load() need it
    import pandas as pd

DUCKDB_FILE = "jixiao.duckdb"
XLSX_FILE = "jixiao.xlsx"
MANIFEST = "manifest.json"
STAGING_PREFIX = ".staging-"
COMMITTED = "COMMITTED"  # in a staging folder: its set is complete and moves in
CSV_BATCH_ROWS = 2000
# DuckDB's buffer limits (it spills to disk beyond them): its default, most of the
# machine's memory, would let the peak memory of a run grow with the archive. Writing the
# DuckDB file needs room for the longest text of the set, a few times over.
DUCKDB_MEMORY = "128MB"
DUCKDB_WRITE_MIB = 16
# Rows of a row group in the DuckDB file (DuckDB's default 122,880): at 8,192 a write of
# 12,800 reports peaked 15 MiB lower, its file 19 % larger (BENCHMARKS.md, "Archives at
# scale"): at 122,880 rows the widest table needed more than 16 MB, at 8,192 less than 8.
DUCKDB_ROW_GROUP = 8192
_FEN = Decimal("0.01")
# jemalloc's "all arenas" index (MALLCTL_ARENAS_ALL).
_ALL_ARENAS = 4096
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
    with staged(out) as folder:
        for name in TABLES:
            pq.write_table(to_arrow(name, tables.get(name, [])), folder / f"{name}.parquet")
        return commit(folder, out, csv=csv, xlsx=xlsx, summary=summary)


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A new staging folder in `out`, for the Parquet file of every table; removed afterwards
    unless its set was committed and could not be moved in (then `recover` finishes it)."""
    out = Path(out)
    recover(out)
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    try:
        yield folder
    finally:
        if not (folder / COMMITTED).exists():
            shutil.rmtree(folder, ignore_errors=True)


def commit(folder: Path, out: Path, csv: bool = False, xlsx: bool = False,
           summary: dict | None = None) -> list[Path]:
    """Build the DuckDB file (and CSV/XLSX) from the staged Parquet files, then move the set
    into `out`."""
    parquet = {name: folder / f"{name}.parquet" for name in TABLES}
    names = [path.name for path in parquet.values()]
    _write_duckdb(parquet, folder / DUCKDB_FILE)
    names.append(DUCKDB_FILE)
    if csv:
        for name, path in parquet.items():
            _write_csv(path, folder / f"{name}.csv")
            names.append(f"{name}.csv")
    if xlsx:
        _write_xlsx({name: pq.read_table(path) for name, path in parquet.items()}, folder / XLSX_FILE)
        names.append(XLSX_FILE)
    rows = {name: pq.ParquetFile(path).metadata.num_rows for name, path in parquet.items()}
    # The manifest lists the files of the set (is_current checks they are all there).
    (folder / MANIFEST).write_text(json.dumps({"tables": rows, "set_files": names, **(summary or {})},
                                              ensure_ascii=False, indent=2), encoding="utf-8")
    names.append(MANIFEST)  # last: its presence says the set before it is complete
    (folder / COMMITTED).write_text(json.dumps({"files": names, "csv": csv}), encoding="utf-8")
    _move_in(folder, Path(out))
    return [Path(out) / name for name in names]


def is_current(out: Path, inputs: str) -> bool:
    """Whether `out` holds a complete set (every table, the DuckDB file, the CSV/XLSX files
    its run wrote) made from `inputs`, the key its manifest records."""
    out = Path(out)
    recover(out)
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        plan = manifest.get("set_files") or []
    except (OSError, ValueError, AttributeError):
        return False
    return manifest.get("inputs") == inputs and bool(plan) and all((out / name).is_file() for name in plan)


def update_manifest(out: Path, summary: dict) -> None:
    """A new summary in the manifest of the set in `out`, its tables kept (atomic)."""
    path = Path(out) / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8")) | summary
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(temp, path)


def recover(out: Path) -> None:
    """Finish the move of a committed set that a crash interrupted; drop uncommitted ones."""
    out = Path(out)
    if not out.is_dir():
        return
    for folder in sorted(out.glob(STAGING_PREFIX + "*")):
        if (folder / COMMITTED).is_file():
            _move_in(folder, out)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _move_in(folder: Path, out: Path) -> None:
    plan = json.loads((folder / COMMITTED).read_text(encoding="utf-8"))
    for name in plan["files"]:
        if (folder / name).exists():  # moved already when a crash interrupted an earlier move
            os.replace(folder / name, out / name)
    _remove_stale(out, plan["files"], csv=plan["csv"])
    shutil.rmtree(folder)


def release_memory() -> None:
    """Give back to the system the memory that this process has freed but its allocators
    keep for later. DuckDB's allocator (jemalloc, linked into the duckdb module) lets go only
    after a query that used more than allocator_flush_threshold (128 MiB): the assembly's
    many smaller queries left a main process of 12,800 files 50 MiB larger than one of 200
    (BENCHMARKS.md, "Archives at scale"). glibc's malloc (behind pyarrow's system pool and
    Python's larger objects) returns only the top of its heaps by itself; malloc_trim also
    returns the free pages inside them. Where neither allocator is present this does nothing."""
    mallctl = _jemalloc_mallctl()
    if mallctl is not None:
        mallctl(f"arena.{_ALL_ARENAS}.purge".encode(), None, None, None, 0)
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _jemalloc_mallctl():
    """jemalloc's mallctl inside the duckdb module, typed once; None where it has none."""
    import ctypes

    try:
        import _duckdb

        mallctl = ctypes.CDLL(_duckdb.__file__).duckdb_je_mallctl
    except (ImportError, OSError, AttributeError):
        return None
    mallctl.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]
    return mallctl


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's malloc_trim, typed once; None under another C library (musl, macOS)."""
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def _write_duckdb(parquet: dict[str, Path], path: Path) -> None:
    """The DuckDB file of the set, under a small memory limit; a set that needs more (rows far
    wider than a report's) is written again under the assembly's limit rather than lost."""
    try:
        _fill_duckdb(parquet, path, DUCKDB_WRITE_MIB)
    except (duckdb.OutOfMemoryException, duckdb.TransactionException):
        # A commit that could not pin a block is a TransactionException; any other cause
        # fails again below and is raised from there.
        for leftover in (path, path.with_name(path.name + ".wal")):
            leftover.unlink(missing_ok=True)
        _fill_duckdb(parquet, path, int(DUCKDB_MEMORY.removesuffix("MB")))


def _fill_duckdb(parquet: dict[str, Path], path: Path, base_mib: int) -> None:
    con = duckdb.connect()
    try:
        con.execute("SET threads = 1")
        # DuckDB holds a table's new rows in memory until a row group is full: at its default
        # of 122,880 rows the write's peak grew with the archive (BENCHMARKS.md, "Archives
        # at scale").
        con.execute(f"ATTACH ? AS tables (ROW_GROUP_SIZE {DUCKDB_ROW_GROUP})", [str(path)])
        con.execute("USE tables")
        # The longest text sets the memory a row group of doc_text needs; DuckDB measures it
        # streaming (pyarrow, batch by batch, kept tens of MiB of a large archive's texts).
        longest = con.execute("SELECT coalesce(max(strlen(text)), 0) FROM read_parquet(?)",
                              [str(parquet["doc_text"])]).fetchall()[0][0]
        con.execute(f"SET memory_limit = '{base_mib + 8 * longest // 2**20}MB'")
        # One transaction: a commit per statement would write (and sync) the log each time.
        con.execute("BEGIN")
        for name, source in parquet.items():
            cols = ", ".join(f'"{col}" {kind}' for col, kind in TABLES[name])
            con.execute(f'CREATE TABLE "{name}" ({cols})')
            con.execute(f'INSERT INTO "{name}" SELECT * FROM read_parquet(?)', [str(source)])
        con.execute("COMMIT")
    finally:
        con.close()
        release_memory()


def _write_csv(source: Path, path: Path) -> None:
    """Batch by batch, so that a large table is never whole in memory."""
    # utf-8-sig: the BOM makes Excel open Chinese text as UTF-8 instead of the ANSI code page.
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        parquet = pq.ParquetFile(source)
        header = True
        for batch in parquet.iter_batches(batch_size=CSV_BATCH_ROWS):
            _cell_frame(pa.Table.from_batches([batch])).to_csv(fh, index=False, header=header)
            header = False
        if header:  # no rows: the header alone
            _cell_frame(parquet.schema_arrow.empty_table()).to_csv(fh, index=False)


def _write_xlsx(arrow: dict[str, pa.Table], path: Path) -> None:
    import pandas as pd

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, table in arrow.items():
            frame = _cell_frame(table).map(_xlsx_safe)
            frame.to_excel(writer, sheet_name=name, index=False)


def _cell_frame(table: pa.Table) -> pd.DataFrame:
    """The table for CSV and Excel, whose cells hold no lists: a list is written as JSON text,
    `[0, 1873, 3902]`."""
    # Whole numbers stay whole in a column with empty cells (pandas would write 3.0).
    frame = table.to_pandas(integer_object_nulls=True)
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
    recover(out)
    if not path.is_file():
        raise _no_tables(out)
    return duckdb.connect(str(path), read_only=True)


def read_rows(path: Path, columns: list[str]) -> list[dict]:
    """The named columns of one Parquet file as rows (for the few columns a caller needs)."""
    return pq.read_table(path, columns=columns).to_pylist()


def row_counts(out: Path) -> dict[str, int]:
    """Rows per table of the set in `out`, from the Parquet footers."""
    return {name: pq.ParquetFile(Path(out) / f"{name}.parquet").metadata.num_rows for name in TABLES}


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
    recover(out)
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
