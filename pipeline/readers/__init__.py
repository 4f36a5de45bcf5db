"""One reader per format, chosen by file suffix from READERS.

A reader is a module with `read(path) -> Document`. Modules are imported on first use, so
that a run over text files never loads the PDF or Word libraries, nor the OCR models.
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
    ".png": "pipeline.readers.image",
    ".jpg": "pipeline.readers.image",
    ".jpeg": "pipeline.readers.image",
    ".tif": "pipeline.readers.image",
    ".tiff": "pipeline.readers.image",
}
# Read only by OCR, which is slow: a folder walk takes them only when asked to (--images);
# a file named on the command line is always read.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
# Readers whose read() takes `ocr`: whether to OCR what has no text (--no-ocr turns it off).
OCR_SUFFIXES = frozenset({".pdf", *IMAGE_SUFFIXES})


def can_read(path: Path, images: bool = False) -> bool:
    """Whether a folder walk takes `path`: a known suffix, and an image only with `images`."""
    suffix = path.suffix.lower()
    return suffix in READERS and (images or suffix not in IMAGE_SUFFIXES)


def read(path: Path | str, ocr: bool = True) -> Document:
    """Read one file into a Document; every failure is a ReadError with a one-line message.
    With `ocr` off, a scanned page or an image is an error instead of seconds of OCR."""
    path = Path(path)
    suffix = path.suffix.lower()
    module = READERS.get(suffix)
    if module is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(f"no reader for '{path.suffix or path.name}' files (jixiao reads {known})")
    if not path.is_file():
        raise ReadError(f"not a file: {path}")
    if path.stat().st_size == 0:
        raise ReadError("file is empty")
    reader = import_module(module)
    doc = reader.read(path, ocr=ocr) if suffix in OCR_SUFFIXES else reader.read(path)
    if not doc.text.strip():
        raise ReadError("no text found in the file")
    return doc
