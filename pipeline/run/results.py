"""What reading one file gives back, and the rows of a file that failed: the part of the
per-file work the parent process needs too, kept apart from the extractors so that the parent
(which only collects results) does not import them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import JixiaoError
from pipeline.core.schema import TABLES, columns

# About 5,000 pages of Chinese text. Extraction is linear in the length of a text (about
# 10 s per million characters, BENCHMARKS.md), but a file far past any report is usually a
# data dump that would hold a worker for minutes: it fails alone unless the user raises it.
MAX_CHARS = 10_000_000


class TextTooLarge(JixiaoError):
    """A document's text is longer than the size guard allows."""


@dataclass
class FileResult:
    source_path: str
    status: str
    rows: dict[str, list[dict]]


def failed(path: Path, stage: str, exc: BaseException, sha256: str | None) -> FileResult:
    doc_id = sha256[:16] if sha256 else None
    error = error_row(str(path), stage, exc, doc_id)
    document = dict.fromkeys(columns("documents"))
    document.update(
        doc_id=doc_id, source_path=str(path), format=path.suffix.lower().lstrip(".") or None,
        sha256=sha256, status="error", error=error["message"],
    )
    rows = {name: [] for name in TABLES}
    rows["documents"] = [document]
    rows["errors"] = [error]
    return FileResult(source_path=str(path), status="error", rows=rows)


def error_row(source_path: str, stage: str, exc: BaseException, doc_id: str | None) -> dict:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return {
        "source_path": source_path,
        "stage": stage,
        "error_type": type(exc).__name__,
        "message": message,
        "doc_id": doc_id,
    }
