"""The library entry: find report files, read each one in isolation, collect or store the rows.

- `extract_to(paths, out)` is `jixiao extract`: results stream to Parquet parts in `out` as
  files finish, files read by an earlier run into the same `out` are not read again, and the
  tables are assembled from the parts and committed in one step (parts.py, assemble.py).
- `run(paths)` returns the rows in memory: for tests, `jixiao eval` and small batches.
- `process_file(path)` reads one file in this process (`jixiao show`).

One file's failure never stops the batch: it becomes a documents row with status 'error'
plus an errors row (stage read, size, timeout, crash, …).
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from typing import TYPE_CHECKING

from pipeline.core.document import file_sha256
from pipeline.core.errors import JixiaoError
from pipeline.core.schema import TABLES
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions
from pipeline.run.discover import Discovery, discover
from pipeline.run.executors import map_files
from pipeline.run.isolate import FILE_TIMEOUT, Work
from pipeline.run.results import MAX_CHARS, FileResult
from pipeline.run.version import reading_version

# The child process that reads files imports this package too: what only the parent needs
# (DuckDB, pyarrow, the alignment) and what only the child needs (the extractors) is imported
# where it is used, so that neither pays a second or so for the other's imports.
if TYPE_CHECKING:
    from pipeline.run.parts import Entry

__all__ = ["Discovery", "Extraction", "Failure", "FileResult", "RunResult", "discover", "extract_to",
           "process_file", "run"]


@dataclass
class RunResult:
    tables: dict[str, list[dict]]
    n_files: int
    n_failed: int
    n_skipped: int
    seconds: float


@dataclass(frozen=True)
class Failure:
    source_path: str
    message: str


@dataclass(frozen=True)
class Extraction:
    """What `extract_to` wrote: counts of files and rows, and one line per failed file."""

    out: Path
    n_files: int  # documents in the output (a workbook of forms holds several)
    n_failed: int
    n_partial: int
    n_skipped: int
    seconds: float
    rows: dict[str, int]  # rows written per table, in the order of the schema
    failures: list[Failure]  # sorted by path
    n_read: int = 0  # input files read by this run
    n_reused: int = 0  # input files whose rows an earlier run left in `out`
    assembled: bool = True  # False: nothing had changed, the tables in `out` were kept


def run(
    paths: Iterable[Path | str],
    jobs: int | None = None,
    on_file_done: Callable[[Path, list[FileResult]], None] | None = None,
    options: ReadOptions = DEFAULT_OPTIONS,
    *,
    file_timeout: float | None = FILE_TIMEOUT,
    max_chars: int = MAX_CHARS,
    executor: str = "process",
    scheduler: str | None = None,
) -> RunResult:
    """Read and extract every file under `paths`, rows in memory; `on_file_done` hears each
    input file with the results of the documents it held, as it is done."""
    started = time.perf_counter()
    found = discover(paths, options)
    results: list[FileResult] = []
    work = Work(options, max_chars, file_timeout or None)
    for path, done in map_files(found.files, work, jobs, executor, scheduler):
        results.extend(done)
        if on_file_done:
            on_file_done(path, done)
    results.sort(key=lambda r: r.source_path)
    _keep_facts_once(results)
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for result in results:
        for name, rows in result.rows.items():
            tables[name].extend(rows)
    return RunResult(tables=tables, n_files=len(results), n_failed=sum(r.status == "error" for r in results),
                     n_skipped=len(found.skipped), seconds=time.perf_counter() - started)


def extract_to(
    paths: Iterable[Path | str],
    out: Path | str,
    *,
    jobs: int | None = None,
    csv: bool = False,
    xlsx: bool = False,
    aliases: Path | str | None = None,
    on_start: Callable[[int], None] | None = None,
    on_file_done: Callable[[Path, list[FileResult]], None] | None = None,
    options: ReadOptions = DEFAULT_OPTIONS,
    full: bool = False,
    file_timeout: float | None = FILE_TIMEOUT,
    max_chars: int = MAX_CHARS,
    executor: str = "process",
    scheduler: str | None = None,
) -> Extraction:
    """Read the reports under `paths` that `out` does not hold yet, link all of them across
    years and write the tables to `out`.

    Files whose content (sha256) and reading version (version.py) match rows left in `out`
    by an earlier run, finished or killed, are not read again; `full` forgets those rows.
    `on_start` hears how many files will be read, `on_file_done` each file as it is done
    (with the results of the documents it held). `options` reach the readers (OCR, images).
    Raises JixiaoError when a path does not exist, the aliases file is wrong or the tables
    cannot be written; a file that cannot be read is a failure row, never an exception.
    """
    from pipeline.align.keys import read_aliases
    from pipeline.run import preload
    from pipeline.run.parts import PartWriter, Parts

    loading = preload.start()
    started = time.perf_counter()
    paths, out = [Path(p) for p in paths], Path(out)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise JixiaoError(f"no such file or folder: {', '.join(missing)}")
    read_aliases(aliases)  # a wrong aliases file fails now, not after hours of reading
    if out.exists() and not out.is_dir():
        raise JixiaoError(f"cannot write tables to {out}: it is a file, not a folder")
    found = discover(paths, options)
    work = Work(options, max_chars, file_timeout or None)
    version = reading_version((work.options, work.max_chars))
    try:
        parts = Parts(out)
        if full:
            parts.clear()
        reused, to_read, shas = _plan(found.files, parts.entries(), version)
        if on_start:
            on_start(len(to_read))
        # The memory pool must be set before a part is written; results are buffered meanwhile.
        writer = PartWriter(parts, version, before_write=loading.join)
        for path, results in map_files(to_read, work, jobs, executor, scheduler):
            writer.add(path, shas.get(path), results)
            if on_file_done:
                on_file_done(path, results)
        loading.join()
        writer.flush()
        read_seconds = time.perf_counter() - started
        # The reading's bookkeeping (a path, a hash, an entry per file) is not the assembly's:
        # freed here, its memory serves the assembly instead of adding to its peak.
        n_read, n_skipped = len(to_read), len(found.skipped)
        del found, to_read, shas
        from pipeline import store
        from pipeline.run.assemble import assemble

        live = reused + writer.written
        inputs = _inputs_key(live, aliases, csv, xlsx)
        summary = {"skipped": n_skipped, "read": n_read, "reused": len(reused), "version": version,
                   "inputs": inputs}
        assembled = not (n_read == 0 and store.is_current(out, inputs))
        if not assembled:
            # Nothing read, nothing gone, the same code: the tables in `out` are what the
            # assembly would write again (it is deterministic); only the manifest is new.
            n_files, n_partial, failed = _outcome(out / "documents.parquet")
            summary |= {"files": n_files, "failed": len(failed),
                        "seconds": {"read": round(read_seconds, 2), "align": 0.0,
                                    "assemble": round(time.perf_counter() - started - read_seconds, 2)}}
            store.update_manifest(out, summary)
        else:
            with store.staged(out) as folder:
                align_seconds = assemble(parts, live, folder, aliases)
                n_files, n_partial, failed = _outcome(folder / "documents.parquet")
                summary |= {"files": n_files, "failed": len(failed),
                            "seconds": {"read": round(read_seconds, 2), "align": round(align_seconds, 2),
                                        "assemble": round(time.perf_counter() - started - read_seconds, 2)}}
                store.commit(folder, out, csv=csv, xlsx=xlsx, summary=summary)
        parts.keep_only({e.part for e in live})
    except OSError as exc:
        raise JixiaoError(f"cannot write tables to {out}: {exc}") from exc
    rows = store.row_counts(out)
    return Extraction(
        out=out, n_files=summary["files"], n_failed=summary["failed"],
        n_partial=n_partial, n_skipped=n_skipped,
        seconds=time.perf_counter() - started, rows=rows,
        failures=sorted((Failure(d["source_path"], d["error"]) for d in failed), key=lambda f: f.source_path),
        n_read=n_read, n_reused=len(reused), assembled=assembled,
    )


def __getattr__(name: str):
    if name == "process_file":  # `jixiao show` reads in this process: the extractors come with it
        from pipeline.run.process import process_file

        return process_file
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _inputs_key(live: list[Entry], aliases: Path | str | None, csv: bool, xlsx: bool) -> str:
    """What a set of output tables is made from: the parts and files live in the run, the
    code that assembles them, the aliases and the formats asked for."""
    from pipeline.run.version import assembly_version

    digest = hashlib.sha256(f"{assembly_version()}\0{csv}\0{xlsx}\0".encode())
    digest.update(Path(aliases).read_bytes() if aliases else b"")
    for entry in sorted(live, key=lambda e: (e.part, e.file)):
        digest.update(f"\0{entry.part}\0{entry.file}".encode())
    return digest.hexdigest()


def _outcome(documents: Path) -> tuple[int, int, list[dict]]:
    """(documents, partial ones, the failed ones' source_path and error) of a staged
    documents table, counted in Arrow: rows of every document, held in Python through the
    write of the DuckDB file, were 4 MiB of a 12,800-file run's peak."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(documents, columns=["source_path", "status", "error"])
    status = table.column("status")
    failed = table.filter(pc.equal(status, "error")).select(["source_path", "error"]).to_pylist()
    return table.num_rows, pc.sum(pc.equal(status, "partial")).as_py() or 0, failed


def _plan(files: list[Path], entries: list[Entry], version: str) -> tuple[list[Entry], list[Path], dict[Path, str | None]]:
    """(entries reused, files to read, sha256 of every file): a file is reused when a final
    entry of the same path, content and version is in a part (the latest part wins)."""
    latest: dict[tuple[str, str | None], Entry] = {}
    for entry in entries:
        if entry.final and entry.version == version:
            key = (entry.file, entry.sha256)
            if key not in latest or entry.part > latest[key].part:
                latest[key] = entry
    reused, to_read, shas = [], [], {}
    for path in files:
        try:
            # Not a regular file (a named pipe): never cached, and never read here, where it could block.
            shas[path] = file_sha256(path) if path.is_file() else None
        except OSError:
            shas[path] = None  # read anyway: the reader reports why the file cannot be read
        entry = latest.get((str(path), shas[path])) if shas[path] else None
        if entry is None:
            to_read.append(path)
        else:
            reused.append(entry)
    return reused, to_read, shas


def _keep_facts_once(results: list[FileResult]) -> None:
    """Byte-identical copies of one report share a doc_id; their facts are listed once, under
    the first copy, so that sums over an archive do not count a copied report twice.
    (assemble.py does the same over parts, in SQL.)"""
    first_path: dict[str, str] = {}
    for result in results:
        (document,) = result.rows["documents"]
        sha = document["sha256"]
        if result.status == "error" or sha is None:
            continue
        if sha not in first_path:
            first_path[sha] = result.source_path
            continue
        note = f"same content as {first_path[sha]}: its facts are listed once, under that file"
        document["warnings"] = "; ".join(filter(None, [document["warnings"], note]))
        for name in result.rows:
            if name not in ("documents", "errors"):
                result.rows[name] = []
