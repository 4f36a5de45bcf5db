"""Pages without a text layer: rendered to images and read by OCR, and what the reader tells
the user about them (which pages, how confidently, which were left out)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from pipeline.core.errors import ReadError
from pipeline.readers.ocr import DPI, MIN_PAGE_CONFIDENCE


@dataclass(frozen=True)
class Scan:
    """What OCR made of one page."""
    number: int
    confidence: float | None  # None: nothing recognised
    n_chars: int

    @property
    def blank(self) -> bool:
        return self.confidence is None

    @property
    def kept(self) -> bool:
        return self.confidence is not None and self.confidence >= MIN_PAGE_CONFIDENCE


def render(path: Path, numbers: list[int]) -> Iterator[tuple[int, Any, float]]:
    """(page number, PIL image at DPI, points per pixel) of the pages `numbers` of the PDF
    at `path`."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as exc:
        raise ReadError(f"broken PDF: its pages cannot be rendered for OCR ({exc})") from exc
    try:
        for number in numbers:
            page = pdf[number - 1]
            try:
                yield number, page.render(scale=DPI / 72).to_pil(), 72 / DPI
            finally:
                page.close()
    finally:
        pdf.close()


def warnings_for(scans: list[Scan]) -> list[str]:
    """One warning naming the pages read by OCR with their mean confidence, then one for each
    page left out."""
    kept = [s for s in scans if s.kept]
    warnings = []
    if kept:
        warnings.append(f"{page_list([s.number for s in kept])} read by OCR, "
                        f"mean confidence {mean_confidence(kept):.2f}")
    for scan in scans:
        if scan.blank:
            warnings.append(f"page {scan.number} is blank: OCR found no text on it")
        elif not scan.kept:
            warnings.append(f"page {scan.number} left out: OCR confidence too low "
                            f"({scan.confidence:.2f}, below {MIN_PAGE_CONFIDENCE})")
    return warnings


def failure(scans: list[Scan]) -> ReadError:
    """The error for a document whose pages all had to be read by OCR and none gave text."""
    read = [s for s in scans if not s.blank]
    if not read:
        return ReadError("OCR confidence too low: no text recognised on any page (blank or unreadable scan)")
    return ReadError(f"OCR confidence too low: {mean_confidence(read):.2f} on {page_list([s.number for s in read])}, "
                     f"below {MIN_PAGE_CONFIDENCE} (unreadable scan?)")


def mean_confidence(scans: list[Scan]) -> float:
    total = sum(s.n_chars for s in scans)
    return sum((s.confidence or 0.0) * s.n_chars for s in scans) / total if total else 0.0


def page_list(numbers: list[int]) -> str:
    """"page 2", "pages 1–3, 5"."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs]
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(parts)
