"""Find report files, read and extract each one (in parallel processes), collect table rows.

One file's failure never stops the batch: a file that cannot be read becomes a documents
row with status 'error' plus an errors row; an extractor that fails leaves the document
'partial' with what the other extractors found.
"""
from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from extractors.context import Context
from extractors.records import DocFacts, to_row
from extractors.registry import EXTRACTORS
from pipeline import checks, readers, sections, store
from pipeline.align.compare import align
from pipeline.core.document import Document, file_sha256
from pipeline.core.errors import JixiaoError
from pipeline.core.schema import TABLES, columns
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions, Unreadable

# Files a folder walk passes over without comment: editor locks, OS litter, hidden files.
_LITTER_PREFIXES = ("~$", ".~lock", "._", ".")


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


@dataclass
class FileResult:
    source_path: str
    status: str
    rows: dict[str, list[dict]]


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
    n_files: int
    n_failed: int
    n_partial: int
    n_skipped: int
    seconds: float
    rows: dict[str, int]  # rows written per table, in the order of the schema
    failures: list[Failure]  # sorted by path


def discover(paths: Iterable[Path | str], options: ReadOptions = DEFAULT_OPTIONS) -> Discovery:
    """Files named on the command line are always taken; folders yield only readable reports."""
    found = Discovery()
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        candidates = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key in seen:
                continue
            seen.add(key)
            named = not path.is_dir()
            if named or (readers.can_read(candidate, options) and not _is_litter(candidate, path)):
                found.files.append(candidate)
            else:
                found.skipped.append(candidate)
    return found


def _is_litter(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return any(part.startswith(_LITTER_PREFIXES) for part in parts)


def run(
    paths: Iterable[Path | str],
    jobs: int | None = None,
    on_file_done: Callable[[Path, list[FileResult]], None] | None = None,
    options: ReadOptions = DEFAULT_OPTIONS,
) -> RunResult:
    """Read and extract every file under `paths`; `on_file_done` hears each input file with
    the results of the documents it held, as it is done."""
    started = time.perf_counter()
    found = discover(paths, options)
    jobs = max(1, jobs or os.cpu_count() or 1)
    results: list[FileResult] = []

    def collect(path: Path, done: list[FileResult]) -> None:
        results.extend(done)
        if on_file_done:
            on_file_done(path, done)

    if jobs == 1 or len(found.files) <= 1:
        for path in found.files:
            collect(path, process_file(path, options))
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, len(found.files))) as pool:
            futures = {pool.submit(process_file, path, options): path for path in found.files}
            for future in as_completed(futures):
                collect(futures[future], _result_or_crash(future, futures[future]))
    results.sort(key=lambda r: r.source_path)
    _keep_facts_once(results)
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for result in results:
        for name, rows in result.rows.items():
            tables[name].extend(rows)
    return RunResult(
        tables=tables,
        n_files=len(results),
        n_failed=sum(r.status == "error" for r in results),
        n_skipped=len(found.skipped),
        seconds=time.perf_counter() - started,
    )


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
) -> Extraction:
    """Read every report under `paths`, link them across years and write the tables to `out`.

    `on_start` hears how many files will be read, `on_file_done` each file as it is done (with
    the results of the documents it held). `options` reach the readers (OCR, images).
    Raises JixiaoError when a path does not exist, the aliases file is wrong or the tables
    cannot be written; a file that cannot be read is a failure row, never an exception.
    """
    started = time.perf_counter()
    paths = [Path(p) for p in paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise JixiaoError(f"no such file or folder: {', '.join(missing)}")
    found = discover(paths, options)
    if on_start:
        on_start(len(found.files))
    failures: list[Failure] = []

    def done(path: Path, results: list[FileResult]) -> None:
        failures.extend(Failure(r.source_path, r.rows["errors"][0]["message"])
                        for r in results if r.status == "error")
        if on_file_done:
            on_file_done(path, results)

    result = run(found.files, jobs=jobs, on_file_done=done, options=options)
    # Cross-year links (same department, project, indicator; recurring problems) of this batch.
    result.tables.update(align(result.tables, aliases=aliases))
    result.tables["checks"].extend(checks.across_documents(result.tables))
    out = Path(out)
    summary = {"files": result.n_files, "failed": result.n_failed, "skipped": len(found.skipped)}
    try:
        store.write(result.tables, out, csv=csv, xlsx=xlsx, summary=summary)
    except (OSError, JixiaoError) as exc:
        raise JixiaoError(f"cannot write tables to {out}: {exc}") from exc
    return Extraction(
        out=out, n_files=result.n_files, n_failed=result.n_failed,
        n_partial=sum(row["status"] == "partial" for row in result.tables["documents"]),
        n_skipped=len(found.skipped), seconds=time.perf_counter() - started,
        rows={name: len(result.tables.get(name, [])) for name in TABLES},
        failures=sorted(failures, key=lambda f: f.source_path),
    )


def _keep_facts_once(results: list[FileResult]) -> None:
    """Byte-identical copies of one report share a doc_id; their facts are listed once, under
    the first copy, so that sums over an archive do not count a copied report twice."""
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


def _result_or_crash(future, path: Path) -> list[FileResult]:
    """A worker that died (out of memory, a crash in a C library) fails its file only."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - the batch must go on; the error becomes a row
        return [_failed(path, "worker", exc, sha256=None)]


def process_file(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> list[FileResult]:
    """Read, section and extract one file: one result per document it holds (a workbook of
    forms, a zip of reports hold several). Never raises for a bad file."""
    results = []
    for part in readers.read_all(Path(path), options):
        if isinstance(part, Unreadable):
            results.append(_failed(Path(part.source_path), "read", part.error, _sha_or_none(part)))
        else:
            results.append(extract_document(part))
    return results


def _sha_or_none(part: Unreadable) -> str | None:
    """The failed part's own hash, else the file's (None for a member of a file)."""
    if part.sha256:
        return part.sha256
    try:
        return file_sha256(Path(part.source_path))
    except OSError:
        return None


def extract_document(doc: Document) -> FileResult:
    """Sections plus every extractor; a failing step is recorded and the others still run."""
    errors: list[dict] = []
    try:
        sections.build(doc)
    except Exception as exc:  # noqa: BLE001 - records still get offsets without sections
        doc.sections = []
        errors.append(_error_row(doc.source_path, "sections", exc, doc.doc_id))

    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    ctx = Context()
    for extractor in EXTRACTORS:
        try:
            records = extractor.extract(doc, ctx)
        except Exception as exc:  # noqa: BLE001 - one extractor's bug must not lose the others' facts
            errors.append(_error_row(doc.source_path, f"extract:{extractor.name}", exc, doc.doc_id))
            records = []
        ctx.absorb(records)
        for record in records:
            if not isinstance(record, DocFacts):
                rows[record.TABLE].append({"doc_id": doc.doc_id, **to_row(record)})

    document = _document_row(doc, ctx.facts, status="partial" if errors else "ok")
    if errors:
        document["error"] = "; ".join(e["message"] for e in errors)
    rows["documents"] = [document]
    rows["doc_text"] = [{"doc_id": doc.doc_id, "text": doc.text, "page_starts": doc.pages}]
    rows["sections"] = [{"doc_id": doc.doc_id, **s.__dict__} for s in doc.sections]
    rows["errors"] = errors
    try:
        rows["checks"] = checks.for_document(doc, rows)
    except Exception as exc:  # noqa: BLE001 - a failing review rule must not lose the facts
        errors.append(_error_row(doc.source_path, "checks", exc, doc.doc_id))
        document.update(status="partial", error="; ".join(e["message"] for e in errors))
    return FileResult(source_path=doc.source_path, status=document["status"], rows=rows)


def _document_row(doc: Document, facts: DocFacts, status: str) -> dict:
    """The document's own columns plus its facts (merged by the Context); the reader's
    warnings first, each warning once."""
    row = dict.fromkeys(columns("documents"))
    row.update(to_row(facts))
    row.update(
        doc_id=doc.doc_id, source_path=doc.source_path, format=doc.format, sha256=doc.sha256,
        n_pages=doc.n_pages or None, n_chars=len(doc.text), status=status,
        warnings="; ".join(dict.fromkeys([*doc.warnings, *facts.warnings])) or None,
    )
    return row


def _failed(path: Path, stage: str, exc: BaseException, sha256: str | None) -> FileResult:
    doc_id = sha256[:16] if sha256 else None
    error = _error_row(str(path), stage, exc, doc_id)
    document = dict.fromkeys(columns("documents"))
    document.update(
        doc_id=doc_id, source_path=str(path), format=path.suffix.lower().lstrip(".") or None,
        sha256=sha256, status="error", error=error["message"],
    )
    rows = {name: [] for name in TABLES}
    rows["documents"] = [document]
    rows["errors"] = [error]
    return FileResult(source_path=str(path), status="error", rows=rows)


def _error_row(source_path: str, stage: str, exc: BaseException, doc_id: str | None) -> dict:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return {
        "source_path": source_path,
        "stage": stage,
        "error_type": type(exc).__name__,
        "message": message,
        "doc_id": doc_id,
    }
