"""Page images (.png, .jpg, .tif; a multi-page TIFF is one page per frame) read by OCR, with
the PDF reader's rules for lines, paragraphs, page furniture and tables."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from pipeline.core.document import Document
from pipeline.core.errors import ReadError
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions

# Points across the shorter side of a page: A4, the size of nearly every report. An image's
# own dots-per-inch setting is often a camera's or an editor's default and says nothing.
PAGE_SHORT_SIDE = 595.0
OCR_OFF = "an image is read only by OCR, which is switched off"


def read(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    from pipeline.readers.pdf import document_of, read_scans
    from pipeline.readers.pdf.scanned import failure, warnings_for

    if not options.ocr:
        raise ReadError(OCR_OFF)
    pages: list = []
    scans = read_scans(_frames(path), pages)
    if not any(page.n_chars for page in pages):
        raise failure(scans)
    return document_of(path, "image", pages, warnings_for(scans))


def _frames(path: Path) -> Iterator[tuple[int, Any, float]]:
    """(page number, image, points per pixel) of every frame of the image file."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(path)
    except Image.DecompressionBombError as exc:
        raise ReadError(f"image too large to read: {exc}") from exc
    except (UnidentifiedImageError, OSError) as exc:
        raise ReadError(f"broken image: {exc}") from exc
    with image:
        try:
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                frame = frame.convert("RGB")
                yield number, frame, PAGE_SHORT_SIDE / min(frame.width, frame.height)
        except OSError as exc:  # a truncated file fails when its pixels are decoded
            raise ReadError(f"broken image: {exc}") from exc
