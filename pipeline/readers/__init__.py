"""One reader per format, chosen by file suffix from READERS.

A reader is a module with `read(path) -> Document`. Modules are imported on first use, so
that a run over text files never loads the PDF or Word libraries.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

from pipeline.core.document import Document
from pipeline.core.errors import ReadError, UnsupportedFormat

READERS: dict[str, str] = {
    ".txt": "pipeline.readers.txt",
    ".docx": "pipeline.readers.docx",
    ".pdf": "pipeline.readers.pdf",
    ".doc": "pipeline.readers.legacy",
    ".wps": "pipeline.readers.legacy",
    ".html": "pipeline.readers.html",
    ".htm": "pipeline.readers.html",
    ".mht": "pipeline.readers.html",
    ".mhtml": "pipeline.readers.html",
}


def can_read(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read(path: Path | str) -> Document:
    """Read one file into a Document; every failure is a ReadError with a one-line message."""
    path = Path(path)
    module = READERS.get(path.suffix.lower())
    if module is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(f"no reader for '{path.suffix or path.name}' files (jixiao reads {known})")
    if not path.is_file():
        raise ReadError(f"not a file: {path}")
    if path.stat().st_size == 0:
        raise ReadError("file is empty")
    doc = import_module(module).read(path)
    if not doc.text.strip():
        raise ReadError("no text found in the file")
    return doc
