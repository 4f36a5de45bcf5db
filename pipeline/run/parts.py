"""The rows of files already read, kept on disk between runs: `OUT/.jixiao/parts/`.

Results are written as they arrive, a few dozen files at a time, into a part: a folder with
one Parquet file per per-document table (the contract's columns plus `_part`, `_file`,
`_source`, `_row`, which say where a row came from and keep its order) and `files.parquet`,
the index of what the part holds (input file, its sha256, the version that read it, whether
its result is final). A part is written under a temporary name and renamed when complete, so
a run killed at any moment leaves whole parts or none: the next run reuses every file whose
part landed. Files that timed out or crashed are not final: the next run tries them again.
"""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from pipeline.core.schema import ALIGNMENT_TABLES, TABLES
from pipeline.run.results import FileResult

# pyarrow (and the store, which imports it and DuckDB) are imported where parts are read or
# written: a fresh run plans its work without them and sends the first file to the reading
# child while they load (preload.py).
if TYPE_CHECKING:
    import pyarrow as pa

STATE_DIR = ".jixiao"
INDEX = "files.parquet"
# The tables a file's results fill; alignment is computed over all of them afterwards.
PER_DOCUMENT = tuple(name for name in TABLES if name not in ALIGNMENT_TABLES)
# A part is written every FLUSH_FILES files, FLUSH_CHARS characters of text or FLUSH_SECONDS
# seconds, whichever comes first: what the main process holds at most, and what a killed run
# loses at most (slow files: OCR of a long scan takes minutes).
FLUSH_FILES = 64
FLUSH_CHARS = 4_000_000
FLUSH_SECONDS = 60.0
# Stages of an error that says nothing about the file itself (the machine was busy, a worker died).
RETRY_STAGES = frozenset({"timeout", "crash", "worker"})


@lru_cache(maxsize=1)
def _schemas() -> tuple[pa.Schema, pa.Schema]:
    """The hidden columns of a part's tables, and the schema of its index."""
    import pyarrow as pa

    hidden = pa.schema([("_part", pa.string()), ("_file", pa.string()), ("_source", pa.string()),
                        ("_row", pa.int32())])
    index = pa.schema([("file", pa.string()), ("sha256", pa.string()), ("version", pa.string()),
                       ("final", pa.bool_())])
    return hidden, index


@dataclass(frozen=True, slots=True)  # one per input file, held through the assembly
class Entry:
    part: str
    file: str
    sha256: str | None
    version: str
    final: bool


class Parts:
    def __init__(self, out: Path) -> None:
        self.root = Path(out) / STATE_DIR / "parts"

    def entries(self) -> list[Entry]:
        """What the complete parts hold; parts a killed run left half-written are removed."""
        if not self.root.is_dir():
            return []
        import pyarrow.parquet as pq

        found, versions = [], {}
        for folder in sorted(self.root.iterdir()):
            if folder.suffix == ".tmp":
                shutil.rmtree(folder)
                continue
            index = pq.read_table(folder / INDEX).to_pylist()
            # One string per version, not one per file of an archive.
            found += [Entry(folder.name, **(row | {"version": versions.setdefault(row["version"], row["version"])}))
                      for row in index]
        return found

    def files(self, table: str, parts: set[str]) -> list[Path]:
        return [self.root / part / f"{table}.parquet" for part in sorted(parts)]

    def keep_only(self, parts: set[str]) -> None:
        """Remove every part but `parts` (after a run, those whose files are no longer live)."""
        if self.root.is_dir():
            for folder in self.root.iterdir():
                if folder.name not in parts:
                    shutil.rmtree(folder)

    def clear(self) -> None:
        if self.root.parent.exists():
            shutil.rmtree(self.root.parent)


class PartWriter:
    """Buffers results and writes them a part at a time (FLUSH_FILES, FLUSH_CHARS): memory
    stays bounded whatever the size of the archive."""

    def __init__(self, parts: Parts, version: str, before_write: Callable[[], None] = lambda: None) -> None:
        # `before_write`: waits for what a part needs loaded (preload.py), so that results
        # are taken (and more files sent to read) while it loads.
        self.parts, self.version, self.before_write = parts, version, before_write
        self.written: list[Entry] = []
        self._pending: list[tuple[str, str | None, list[FileResult]]] = []
        self._chars = 0
        self._since = 0.0
        self._serial = 0

    def add(self, file: Path, sha256: str | None, results: list[FileResult]) -> None:
        if not self._pending:
            self._since = time.monotonic()
        self._pending.append((str(file), sha256, results))
        self._chars += sum(len(row["text"] or "") for r in results for row in r.rows.get("doc_text", []))
        if (len(self._pending) >= FLUSH_FILES or self._chars >= FLUSH_CHARS
                or time.monotonic() - self._since >= FLUSH_SECONDS):
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        self.before_write()
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._serial += 1
        # Sortable by time: of two parts holding one file, the later one wins.
        name = f"{time.time_ns():020d}-{os.getpid()}-{self._serial:05d}"
        temp = self.parts.root / f"{name}.tmp"
        temp.mkdir(parents=True)
        for table in PER_DOCUMENT:
            pq.write_table(self._table(name, table), temp / f"{table}.parquet")
        entries = [Entry(name, file, sha, self.version, _final(results)) for file, sha, results in self._pending]
        index_schema = _schemas()[1]
        index = pa.Table.from_pylist([{k: getattr(e, k) for k in index_schema.names} for e in entries],
                                     schema=index_schema)
        pq.write_table(index, temp / INDEX)
        os.replace(temp, self.parts.root / name)
        self.written += entries
        self._pending, self._chars = [], 0

    def _table(self, part: str, table: str) -> pa.Table:
        import pyarrow as pa

        from pipeline import store

        hidden_schema = _schemas()[0]
        rows, hidden = [], {name: [] for name in hidden_schema.names}
        for file, _, results in self._pending:
            for result in results:
                these = result.rows.get(table, [])
                rows += these
                hidden["_file"] += [file] * len(these)
                hidden["_source"] += [result.source_path] * len(these)
                hidden["_row"] += range(len(these))
        hidden["_part"] = [part] * len(rows)
        public = store.to_arrow(table, rows)
        for field in hidden_schema:
            public = public.append_column(field, pa.array(hidden[field.name], type=field.type))
        return public


def _final(results: list[FileResult]) -> bool:
    return not any(row["stage"] in RETRY_STAGES for r in results for row in r.rows.get("errors", []))
