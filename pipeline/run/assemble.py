"""The output tables from the parts of the files that are live in this run, without holding
them in Python: DuckDB reads the parts, keeps the facts of byte-identical copies once, puts
the rows in the order of a one-shot run (by source path, then as extracted) and hands Arrow
batches to a Parquet writer. Alignment then reads only the columns it needs.
"""
from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import checks, store
from pipeline.align.compare import document_keys
from pipeline.align.keys import align_indicator_group, group_order, read_aliases
from pipeline.align.problems import recurrence_of, sort_recurring
from pipeline.core.schema import TABLES, columns
from pipeline.run.parts import PER_DOCUMENT, Entry, Parts

BATCH_ROWS = 2048
# Rows of a table of whole texts taken, and written as one row group, at a time: a row group
# of 2,048 reports held some 100 MiB, in this process and in every reader of the file.
TEXT_BATCH_ROWS = 64
# Parts whose rows of one table are kept while gathering: parts are written in about the
# order of the paths, so rows in that order come from one or two parts at a time.
_PARTS_CACHED = 8
# What alignment reads of each table.
ALIGN_COLUMNS = {
    "documents": ["doc_id", "department", "region", "project", "year"],
    "indicators": ["doc_id", "name", "target_unit", "actual_unit", "char_start"],
    "problems": ["doc_id", "text", "category", "char_start", "char_end"],
}
# Copies of one report keep their documents and errors rows; every other row is listed once.
_KEPT_FOR_COPIES = ("documents", "errors")
_NOTE = "'same content as ' || dup.first || ': its facts are listed once, under that file'"


def assemble(parts: Parts, live: list[Entry], folder: Path, aliases: Path | str | None = None) -> float:
    """Write every table of the contract into the staging `folder`; return the seconds that
    alignment took."""
    # One connection for every query of the run: each new one is a database of its own,
    # tens of milliseconds to set up.
    con = duckdb.connect()
    try:
        con.execute(f"SET memory_limit = '{store.DUCKDB_MEMORY}'")
        con.execute("SET threads = 1")
        con.execute("SET temp_directory = ?", [str(folder / ".duckdb-spill")])
        con.register("live", pa.table({"_part": [e.part for e in live], "_file": [e.file for e in live]}))
        used = {e.part for e in live}
        for table in PER_DOCUMENT:
            files = [str(p) for p in parts.files(table, used)]
            # Only the documents are matched against the live entries: every other row is
            # one of a live document's when its (part, source, file) is in `rank`, and a
            # sort behind two joins could not spill (it ran out of memory at 12,800 files
            # under a quarter of the limit).
            live_only = " SEMI JOIN live USING (_part, _file)" if table == "documents" else ""
            source = (f"(SELECT * FROM read_parquet({files!r}, file_row_number = true){live_only})"
                      if files else _empty(table))
            con.execute(f'CREATE TEMP VIEW "raw_{table}" AS SELECT * FROM {source}')
        con.execute("""
            CREATE TEMP TABLE dup AS
            SELECT source_path AS _source, first FROM (
                SELECT source_path, min(source_path) OVER (PARTITION BY sha256) AS first
                FROM raw_documents WHERE status <> 'error' AND sha256 IS NOT NULL)
            WHERE source_path <> first""")
        # Every live result has one documents row: its rank orders the rows of every table,
        # so that sorting them compares integers, not paths.
        con.execute("""
            CREATE TEMP TABLE rank AS
            SELECT _part, _source, _file, row_number() OVER (ORDER BY _source, _file) AS _rank
            FROM raw_documents""")
        for table in PER_DOCUMENT:
            store.release_memory()  # each table's reading of the parts leaves freed memory behind
            path = folder / f"{table}.parquet"
            if table == "documents":
                _write(con, table, _documents_query(), path)
            else:
                _gather(con, parts, table, path)
        # Alignment reads the staged tables: the copies' and ranks' tables (a row per input
        # file) would only hold memory through its sorts.
        con.execute("DROP TABLE dup; DROP TABLE rank")
        store.release_memory()
        started = time.perf_counter()
        _align(con, folder, aliases)
        return time.perf_counter() - started
    finally:
        con.close()
        store.release_memory()


def _align(con: duckdb.DuckDBPyConnection, folder: Path, aliases: Path | str | None) -> None:
    """Alignment tables from the staged ones, one department and project at a time: the
    documents' few columns are held whole, indicators and problems one group at a time."""
    docs = [d for d in store.read_rows(folder / "documents.parquet", ALIGN_COLUMNS["documents"]) if d["doc_id"]]
    departments, projects, doc_keys = document_keys(docs, read_aliases(aliases))
    del docs
    for name, rows in (("department_keys", departments), ("project_keys", projects)):
        pq.write_table(store.to_arrow(name, rows), folder / f"{name}.parquet")
    # A row per document each: freed before the groups' sorts, not held through them.
    del departments, projects, rows
    store.release_memory()
    with _Rows(folder / "indicator_keys.parquet", "indicator_keys") as out:
        for (dept, project), rows in _groups(con, folder / "indicators.parquet", "indicators", doc_keys):
            out.extend(align_indicator_group(dept, project, rows, doc_keys))
    store.release_memory()
    recurring, repeated = [], []
    with _Rows(folder / "problem_keys.parquet", "problem_keys") as out:
        for (dept, project), rows in _groups(con, folder / "problems.parquet", "problems", doc_keys):
            keys, found = recurrence_of(dept, project, rows, doc_keys)
            out.extend(keys)
            recurring += found  # one row per recurring problem: few
            repeated += checks.recurring_in_group(rows, keys)
    store.release_memory()
    pq.write_table(store.to_arrow("problem_recurrence", sort_recurring(recurring)),
                   folder / "problem_recurrence.parquet")
    _append(folder / "checks.parquet", checks.rows_of_findings(repeated, lambda ids: _rows_of_docs(con, folder, ids)))


_DOC_TABLES = ("documents", "doc_text", "sections")


def _rows_of_docs(con: duckdb.DuckDBPyConnection, folder: Path,
                  doc_ids: list[str]) -> Iterator[tuple[str, dict[str, list[dict]]]]:
    """The documents, doc_text and sections rows of some documents (those with a finding
    across years), one document at a time by doc_id: DuckDB sorts those documents' rows, and
    spills them past its memory limit; Python holds one document's rows and text at a time,
    however many of an archive's reports repeat a problem."""
    wanted = pa.table({"doc_id": doc_ids})
    cursors = [con.cursor() for _ in _DOC_TABLES]  # one open result each
    try:
        streams = []
        for cursor, table in zip(cursors, _DOC_TABLES):
            cursor.register("wanted", wanted)
            streams.append(_by_doc(cursor, folder / f"{table}.parquet"))
        heads = [next(stream, None) for stream in streams]
        while heads[0] is not None:
            doc_id, rows = heads[0][0], {}
            for k, table in enumerate(_DOC_TABLES):
                while heads[k] is not None and heads[k][0] < doc_id:
                    heads[k] = next(streams[k], None)
                if heads[k] is not None and heads[k][0] == doc_id:
                    rows[table] = heads[k][1]
                    heads[k] = next(streams[k], None)
            yield doc_id, rows
    finally:
        for cursor in cursors:
            cursor.close()


def _by_doc(cursor: duckdb.DuckDBPyConnection, path: Path) -> Iterator[tuple[str, list[dict]]]:
    """(doc_id, its rows in the table's order) of the wanted documents, by doc_id."""
    reader = cursor.sql("SELECT t.* EXCLUDE (file_row_number) FROM read_parquet(?, file_row_number = true) t "
                        "SEMI JOIN wanted USING (doc_id) ORDER BY t.doc_id, t.file_row_number",
                        params=[str(path)]).to_arrow_reader(TEXT_BATCH_ROWS)
    for doc_id, rows in groupby(_rows(reader), key=itemgetter("doc_id")):
        yield doc_id, list(rows)


def _rows(reader: pa.RecordBatchReader) -> Iterator[dict]:
    for batch in reader:
        yield from batch.to_pylist()


def _append(path: Path, rows: list[dict]) -> None:
    """Rows added at the end of a staged table (few: findings across years)."""
    if rows:
        table = path.stem
        schema = store.arrow_schema(table)
        pq.write_table(pa.concat_tables([pq.read_table(path).cast(schema), store.to_arrow(table, rows).cast(schema)]), path)


def _groups(con: duckdb.DuckDBPyConnection, path: Path, table: str,
            doc_keys: dict) -> Iterator[tuple[tuple, list[dict]]]:
    """Rows of a staged table by (department_key, project_key) of their document, groups in
    the order of group_order (a key of None before an empty one), rows in the table's order
    within a group. DuckDB sorts the rows by their group's number, not by the keys' text.
    The connection serves nothing else until the last group is taken."""
    of_doc = [(k[0], k[1]) for k in doc_keys.values()]
    groups = sorted({*of_doc, (None, None)}, key=lambda g: (*group_order(g), g[0] is not None, g[1] is not None))
    number = {group: i for i, group in enumerate(groups)}
    keys = pa.table({"doc_id": list(doc_keys), "_group": [number[g] for g in of_doc]})
    cols = ", ".join(f't."{c}"' for c in ALIGN_COLUMNS[table])
    con.register("doc_keys", keys)
    try:
        reader = con.sql(f"""
            SELECT {cols}, coalesce(k._group, {number[None, None]}) AS _group
            FROM read_parquet(?, file_row_number = true) t LEFT JOIN doc_keys k USING (doc_id)
            ORDER BY _group, t.file_row_number""", params=[str(path)]).to_arrow_reader(BATCH_ROWS)
        for group, run in groupby(_rows(reader), key=itemgetter("_group")):
            rows = list(run)
            for row in rows:
                del row["_group"]
            yield groups[group], rows
    finally:
        con.unregister("doc_keys")


class _Rows:
    """Rows of one table written to Parquet a batch at a time."""

    def __init__(self, path: Path, table: str) -> None:
        self.table, self.rows = table, []
        self.writer = pq.ParquetWriter(path, store.arrow_schema(table))

    def extend(self, rows: list[dict]) -> None:
        self.rows += rows
        if len(self.rows) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        self.writer.write_table(store.to_arrow(self.table, self.rows))
        self.rows = []

    def __enter__(self) -> _Rows:
        return self

    def __exit__(self, *exc) -> None:
        self._flush()
        self.writer.close()


def _empty(table: str) -> str:
    """A typed source without rows, for a table no part has (a run over no files)."""
    cols = ", ".join(f'NULL::{kind} AS "{name}"' for name, kind in TABLES[table])
    return f"(SELECT {cols}, NULL::VARCHAR AS _part, NULL::VARCHAR AS _file, NULL::VARCHAR AS _source, " \
           f"NULL::INTEGER AS _row, NULL::BIGINT AS file_row_number WHERE false)"


def _documents_query() -> str:
    """The live documents in path order, a copy's warnings saying where its facts are."""
    cols = [f't."{c}"' for c in columns("documents")]
    cols[columns("documents").index("warnings")] = f"""CASE WHEN dup.first IS NULL THEN t.warnings
        WHEN coalesce(t.warnings, '') = '' THEN {_NOTE}
        ELSE t.warnings || '; ' || {_NOTE} END AS warnings"""
    return (f'SELECT {", ".join(cols)} FROM raw_documents t LEFT JOIN dup ON t.source_path = dup._source '
            f'ORDER BY t._source, t._file, t._row')


def _gather(con: duckdb.DuckDBPyConnection, parts: Parts, table: str, path: Path) -> None:
    """A table whose rows may be wide (doc_text): DuckDB orders only (part, row) pairs, and
    the rows are taken from the parts a stretch at a time, so that no sort holds the text."""
    join = "" if table in _KEPT_FOR_COPIES else "ANTI JOIN dup ON t._source = dup._source"
    order = con.sql(f"""
        SELECT t._part, t.file_row_number FROM "raw_{table}" t JOIN rank USING (_part, _source, _file) {join}
        ORDER BY rank._rank, t._row""").to_arrow_reader(TEXT_BATCH_ROWS if table == "doc_text" else BATCH_ROWS)
    schema, cols = store.arrow_schema(table), columns(table)
    cache: OrderedDict[str, pa.Table] = OrderedDict()

    def rows_of(part: str) -> pa.Table:
        if part not in cache:
            cache[part] = pq.read_table(parts.root / part / f"{table}.parquet", columns=cols)
            if len(cache) > _PARTS_CACHED:
                cache.popitem(last=False)
        cache.move_to_end(part)
        return cache[part]

    with pq.ParquetWriter(path, schema) as writer:
        for batch in order:
            part_of, row_of = batch.column(0).to_pylist(), batch.column(1).to_numpy()
            pieces, start = [], 0
            for end in range(1, len(part_of) + 1):
                if end == len(part_of) or part_of[end] != part_of[start]:
                    pieces.append(rows_of(part_of[start]).take(row_of[start:end]))
                    start = end
            if pieces:
                writer.write_table(pa.concat_tables(pieces).cast(schema))


def _write(con: duckdb.DuckDBPyConnection, table: str, query: str, path: Path) -> None:
    schema = store.arrow_schema(table)
    reader = con.sql(query).to_arrow_reader(BATCH_ROWS)
    with pq.ParquetWriter(path, schema) as writer:
        for batch in reader:
            writer.write_table(pa.Table.from_batches([batch]).cast(schema))
