"""One reader per format, chosen by file suffix from READERS.

A reader is a module with `read(path, options) -> Document`, or — for a file that holds
several documents (a workbook of one form per sheet, a zip of reports) — with
`read_all(path, options)` yielding a Document or an `Unreadable` per part, so that one bad
part fails alone. Modules are imported on first use: a run over text files never loads the
PDF, Word or spreadsheet libraries, nor the OCR models.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Iterator

from pipeline.core.document import Document
from pipeline.core.errors import ReadError, UnsupportedFormat

READERS: dict[str, str] = {
    ".txt": "pipeline.readers.txt",
    ".docx": "pipeline.readers.docx",
    ".pdf": "pipeline.readers.pdf",
    ".xlsx": "pipeline.readers.sheet",
    ".xlsm": "pipeline.readers.sheet",
    ".xls": "pipeline.readers.sheet",
    ".et": "pipeline.readers.sheet",
    ".ods": "pipeline.readers.sheet",
    ".zip": "pipeline.readers.archive",
    ".7z": "pipeline.readers.archive",
    ".rar": "pipeline.readers.archive",
    ".doc": "pipeline.readers.legacy",
    ".wps": "pipeline.readers.legacy",
    ".html": "pipeline.readers.html",
    ".htm": "pipeline.readers.html",
    ".mht": "pipeline.readers.html",
    ".mhtml": "pipeline.readers.html",
    ".png": "pipeline.readers.image",
    ".jpg": "pipeline.readers.image",
    ".jpeg": "pipeline.readers.image",
    ".tif": "pipeline.readers.image",
    ".tiff": "pipeline.readers.image",
}
# Read only by OCR, which is slow, and photos sit beside reports in most archives: a folder
# walk takes them only when asked to (--images); a file named on the command line is read.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})


@dataclass(frozen=True)
class ReadOptions:
    ocr: bool = True  # pages without a text layer are OCR'd
    images: bool = False  # a folder walk takes image files too


DEFAULT_OPTIONS = ReadOptions()


@dataclass(frozen=True)
class Unreadable:
    """A file, or a part of one, that could not be read: it becomes one error row."""

    source_path: str
    error: Exception
    sha256: str | None = None


def can_read(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> bool:
    suffix = path.suffix.lower()
    return suffix in READERS and (options.images or suffix not in IMAGE_SUFFIXES)


def read(path: Path | str, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Read a one-document file; every failure is a ReadError with a one-line message."""
    path = Path(path)
    module = _module(path)
    if hasattr(module, "read_all"):
        raise ReadError(f"{path.name} holds several documents: read it with read_all")
    return _checked(module.read(path, options))


def read_all(path: Path | str, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Document | Unreadable]:
    """Every document a file holds, or an Unreadable for each part (or the whole file) that
    could not be read. Never raises for a bad file."""
    path = Path(path)
    try:
        module = _module(path)
        if not hasattr(module, "read_all"):
            yield _checked(module.read(path, options))
            return
        for part in module.read_all(path, options):
            yield part if isinstance(part, Unreadable) else _checked_part(part)
    except Exception as exc:  # noqa: BLE001 - a bad file or a reader bug fails this file, not the batch
        yield Unreadable(str(path), exc)


def _module(path: Path):
    name = READERS.get(path.suffix.lower())
    if name is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(f"no reader for '{path.suffix or path.name}' files (jixiao reads {known})")
    if not path.is_file():
        raise ReadError(f"not a file: {path}")
    if path.stat().st_size == 0:
        raise ReadError("file is empty")
    return import_module(name)


def _checked(doc: Document) -> Document:
    if not doc.text.strip():
        raise ReadError("no text found in the file")
    return doc


def _checked_part(doc: Document) -> Document | Unreadable:
    try:
        return _checked(doc)
    except ReadError as exc:
        return Unreadable(doc.source_path, exc, doc.sha256 or None)
