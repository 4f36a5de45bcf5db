"""One file in, its rows out: read it, build sections, run every extractor.

A file that cannot be read becomes a documents row with status 'error' plus an errors row;
an extractor that fails leaves the document 'partial' with what the other extractors found.
This is the work a child process does (isolate.py); it never raises for a bad file.
"""
from __future__ import annotations

from pathlib import Path

from extractors.context import Context
from extractors.records import DocFacts, to_row
from extractors.registry import EXTRACTORS
from pipeline import checks, readers, sections
from pipeline.core.document import Document, file_sha256
from pipeline.core.schema import TABLES, columns
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions, Unreadable
from pipeline.run.results import MAX_CHARS, FileResult, TextTooLarge, error_row, failed

__all__ = ["MAX_CHARS", "FileResult", "TextTooLarge", "error_row", "extract_document", "failed", "process_file"]


def process_file(path: Path | str, options: ReadOptions = DEFAULT_OPTIONS,
                 max_chars: int = MAX_CHARS) -> list[FileResult]:
    """Read, section and extract one file: one result per document it holds (a workbook of
    forms, a zip of reports hold several). Never raises for a bad file."""
    results = []
    for part in readers.read_all(Path(path), options):
        if isinstance(part, Unreadable):
            results.append(failed(Path(part.source_path), "read", part.error, _sha_or_none(part)))
        elif len(part.text) > max_chars:
            too_large = TextTooLarge(f"{len(part.text):,} characters of text, over the limit of "
                                     f"{max_chars:,}: raise it (--max-chars) to read this file")
            results.append(failed(Path(part.source_path), "size", too_large, part.sha256))
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
        errors.append(error_row(doc.source_path, "sections", exc, doc.doc_id))

    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    ctx = Context()
    for extractor in EXTRACTORS:
        try:
            records = extractor.extract(doc, ctx)
        except Exception as exc:  # noqa: BLE001 - one extractor's bug must not lose the others' facts
            errors.append(error_row(doc.source_path, f"extract:{extractor.name}", exc, doc.doc_id))
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
        errors.append(error_row(doc.source_path, "checks", exc, doc.doc_id))
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
