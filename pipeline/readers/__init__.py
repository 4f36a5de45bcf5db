"""One reader per format, chosen by file suffix from READERS."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from pipeline.core.document import Document
from pipeline.core.errors import ReadError, UnsupportedFormat
from pipeline.readers import docx, pdf, txt

Reader = Callable[[Path], Document]

READERS: dict[str, Reader] = {
    ".txt": txt.read,
    ".docx": docx.read,
    ".pdf": pdf.read,
}


def can_read(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read(path: Path | str) -> Document:
    """Read one file into a Document; every failure is a ReadError with a one-line message."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(f"no reader for '{path.suffix or path.name}' files (jixiao reads {known})")
    if not path.is_file():
        raise ReadError(f"not a file: {path}")
    if path.stat().st_size == 0:
        raise ReadError("file is empty")
    doc = reader(path)
    if not doc.text.strip():
        raise ReadError("no text found in the file")
    return doc
