"""Scanned PDFs: every page an image and no text layer, as a scanner or a "print to image"
makes them, built from PDFs that have one (the seed's PDF rendering by default).

Run as a script it writes the scanned seed for the `make test` gate:
    python -m tests.build_scanned_pdf OUT_DIR
"""
from __future__ import annotations

import sys
from pathlib import Path

# The scanner's resolution: an office scanner's usual setting for text.
SCAN_DPI = 200


def page_images(pdf_path: Path, dpi: int = SCAN_DPI) -> list:
    """The pages of `pdf_path` as greyscale PIL images."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(pdf_path)
    try:
        return [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in pdf]
    finally:
        pdf.close()


def images_to_pdf(images: list, path: Path, dpi: int = SCAN_DPI) -> Path:
    """One PDF page per image, each page the image's size at `dpi`, with nothing else on it."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pageCompression=1)
    for image in images:
        width, height = image.width * 72 / dpi, image.height * 72 / dpi
        canvas.setPageSize((width, height))
        canvas.drawImage(ImageReader(image), 0, 0, width, height)
        canvas.showPage()
    canvas.save()
    return path


def scan_pdf(source: Path, path: Path, pages: list[int] | None = None) -> Path:
    """`source` (a PDF with a text layer) scanned into `path`; `pages` (1-based) picks pages."""
    images = page_images(source)
    if pages is not None:
        images = [images[n - 1] for n in pages]
    return images_to_pdf(images, path)


def merge_pdfs(parts: list[tuple[Path, list[int]]], path: Path) -> Path:
    """One PDF of the given (source PDF, 1-based page numbers), in that order."""
    import pypdfium2

    out = pypdfium2.PdfDocument.new()
    sources = []
    try:
        for source, pages in parts:
            sources.append(pypdfium2.PdfDocument(source))
            out.import_pages(sources[-1], [n - 1 for n in pages])
        out.save(path)
    finally:
        for pdf in [out, *sources]:
            pdf.close()
    return path


def build_scanned_seed_pdf(path: Path) -> Path:
    """The seed's PDF rendering, scanned."""
    from tests.build_seed_pdf import build_seed_pdf

    printed = path.with_name(path.stem + ".printed.tmp")
    try:
        return scan_pdf(build_seed_pdf(printed), path)
    finally:
        printed.unlink(missing_ok=True)


def main(out_dir: str) -> None:
    from tests.build_docx import SEED_PATH

    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    print(build_scanned_seed_pdf(folder / f"{SEED_PATH.stem}.pdf"))


if __name__ == "__main__":
    main(*sys.argv[1:])
