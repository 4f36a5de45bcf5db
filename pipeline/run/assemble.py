"""The output tables from the parts of the files that are live in this run, without holding
them in Python: DuckDB reads the parts, keeps the facts of byte-identical copies once, puts
the rows in the order of a one-shot run (by source path, then as extracted) and hands Arrow
batches to a Parquet writer. Alignment then reads only the columns it needs.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import store
from pipeline.align.compare import align
from pipeline.core.schema import TABLES, columns
from pipeline.run.parts import PER_DOCUMENT, Entry, Parts

# DuckDB spills to disk beyond this (the sort of doc_text is the largest piece of work).
MEMORY_LIMIT = "256MB"
BATCH_ROWS = 2048
# What alignment reads of each table.
ALIGN_COLUMNS = {
    "documents": ["doc_id", "department", "region", "project", "year"],
    "indicators": ["doc_id", "name", "target_unit", "actual_unit", "char_start"],
    "problems": ["doc_id", "text", "category", "char_start"],
}
# Copies of one report keep their documents and errors rows; every other row is listed once.
_KEPT_FOR_COPIES = ("documents", "errors")
_NOTE = "'same content as ' || dup.first || ': its facts are listed once, under that file'"


def assemble(parts: Parts, live: list[Entry], folder: Path, aliases: Path | str | None = None) -> None:
    """Write every table of the contract into the staging `folder`."""
    con = duckdb.connect()
    try:
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        con.execute("SET temp_directory = ?", [str(folder / ".duckdb-spill")])
        con.register("live", pa.table({"_part": [e.part for e in live], "_file": [e.file for e in live]}))
        used = {e.part for e in live}
        for table in PER_DOCUMENT:
            files = [str(p) for p in parts.files(table, used)]
            source = (f"(SELECT * FROM read_parquet({files!r}) SEMI JOIN live USING (_part, _file))" if files
                      else _empty(table))
            con.execute(f'CREATE TEMP VIEW "raw_{table}" AS SELECT * FROM {source}')
        con.execute("""
            CREATE TEMP TABLE dup AS
            SELECT source_path AS _source, first FROM (
                SELECT source_path, min(source_path) OVER (PARTITION BY sha256) AS first
                FROM raw_documents WHERE status <> 'error' AND sha256 IS NOT NULL)
            WHERE source_path <> first""")
        for table in PER_DOCUMENT:
            _write(con, table, _select(table), folder / f"{table}.parquet")
    finally:
        con.close()
    needed = {name: pq.read_table(folder / f"{name}.parquet", columns=cols).to_pylist()
              for name, cols in ALIGN_COLUMNS.items()}
    for name, rows in align(needed, aliases=aliases).items():
        pq.write_table(store.to_arrow(name, rows), folder / f"{name}.parquet")


def _empty(table: str) -> str:
    """A typed source without rows, for a table no part has (a run over no files)."""
    cols = ", ".join(f'NULL::{kind} AS "{name}"' for name, kind in TABLES[table])
    return f"(SELECT {cols}, NULL::VARCHAR AS _part, NULL::VARCHAR AS _file, NULL::VARCHAR AS _source, " \
           f"NULL::INTEGER AS _row WHERE false)"


def _select(table: str) -> str:
    cols = [f't."{c}"' for c in columns(table)]
    if table == "documents":
        cols[columns(table).index("warnings")] = f"""CASE WHEN dup.first IS NULL THEN t.warnings
            WHEN coalesce(t.warnings, '') = '' THEN {_NOTE}
            ELSE t.warnings || '; ' || {_NOTE} END AS warnings"""
        join = "LEFT JOIN dup ON t.source_path = dup._source"
    else:
        join = "" if table in _KEPT_FOR_COPIES else "ANTI JOIN dup ON t._source = dup._source"
    return f'SELECT {", ".join(cols)} FROM "raw_{table}" t {join} ORDER BY t._source, t._file, t._row'


def _write(con: duckdb.DuckDBPyConnection, table: str, query: str, path: Path) -> None:
    schema = store.arrow_schema(table)
    reader = con.sql(query).to_arrow_reader(BATCH_ROWS)
    with pq.ParquetWriter(path, schema) as writer:
        for batch in reader:
            writer.write_table(pa.Table.from_batches([batch]).cast(schema))
