"""PDFs: paragraphs rebuilt from hard-wrapped lines, ruled tables as Tables.

Reading goes page by page (glyphs and rulings from PDFium, glyphs.py; lines; tables), then
over the whole document: page furniture is dropped, tables carried over a page break are put
back together, wrapped lines are joined into paragraphs (also across a page break), and
everything lands in one text through TextBuilder, which records where each page starts. A
page without a text layer (a scan) is rendered and read by OCR, whose boxes are laid out as
glyphs and go the same way. Numbered headings set larger than the body text give heading
levels (headings.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from pipeline.core.document import Document, TextBuilder, new_document
from pipeline.core.errors import ReadError
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions
from pipeline.readers.cleanup import clean_text
from pipeline.readers.ocr import OcrPage, median_height, page_of, read_image
from pipeline.readers.scan_lines import ruling_edges, straighten
from pipeline.readers.pdf.furniture import strip_furniture
from pipeline.readers.pdf.glyphs import load_page, open_pdf
from pipeline.readers.pdf.headings import heading_levels
from pipeline.readers.pdf.page import GlyphPage
from pipeline.readers.pdf.lines import Line, group_paragraphs, join_lines, page_lines, page_margins
from pipeline.readers.pdf.scanned import Scan, failure, render, warnings_for
from pipeline.readers.pdf.tables import (
    PageTable, cell_runs, continue_table, continue_unruled, page_tables, run_bbox, table_rows,
    unruled_head, unruled_tables,
)

NO_TEXT_LAYER = "no text layer (scanned PDF?) and OCR is switched off"
NO_TEXT = "no text in the PDF: its pages hold neither a text layer nor a scanned image"


@dataclass
class PageContent:
    number: int
    width: float
    height: float
    n_chars: int = 0
    lines: list[Line] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    # Rows of cells at the head of the page too few for a table of their own (tables._Row).
    head: list = field(default_factory=list)
    # No text layer but an image: a scan, for OCR. A page with neither is blank (or drawn).
    scan: bool = False


def read(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """The PDF's Document; with `options.ocr`, pages without a text layer are read by OCR."""
    ocr = options.ocr
    pdf = open_pdf(path)
    try:
        pages, warnings = _load_pages(pdf)
    finally:
        pdf.close()
    unread = [page.number for page in pages if page.scan]
    scans = read_scans(render(path, unread), pages) if ocr and unread else []
    if not any(page.n_chars for page in pages):
        if scans:
            raise failure(scans)
        if warnings:
            raise ReadError(f"broken PDF: no page could be read ({warnings[0]})")
        raise ReadError(NO_TEXT if ocr else NO_TEXT_LAYER)
    return document_of(path, "pdf", pages, [*warnings, *warnings_for(scans)])


def read_scans(images: Iterable[tuple[int, Any, float]], pages: list[PageContent]) -> list[Scan]:
    """Page images, given as (page number, PIL image, points per pixel), read by OCR into
    `pages` (in place of the page of that number, or appended); what OCR made of each. A
    page read with too little confidence stays empty."""
    found = []
    for number, image, scale in images:
        image, _ = straighten(image)  # a sheet fed askew: its lines and rules set level first
        found.append((number, read_image(image, scale), image.width * scale, image.height * scale,
                      ruling_edges(image, scale)))
    # One size of type across pages, as on the printed document: a line carried over to
    # the next page must find the same size there.
    usual = median_height([box for _, boxes, _, _, _ in found for box in boxes])
    scans = []
    for number, boxes, width, height, edges in found:
        ocr_page = page_of(boxes, width, height, usual, edges)
        scan = Scan(number, ocr_page.confidence, ocr_page.n_chars)
        scans.append(scan)
        content = _load_page(ocr_page, number) if scan.kept else _empty(ocr_page, number)
        if number <= len(pages):
            pages[number - 1] = content
        else:
            pages.append(content)
    return scans


def document_of(path: Path, fmt: str, pages: list[PageContent], warnings: list[str]) -> Document:
    builder = TextBuilder()
    page_starts = _build(builder, pages)
    doc = new_document(path, fmt, builder.text())
    doc.pages = page_starts
    doc.tables, doc.heading_levels = builder.tables, builder.heading_levels
    doc.warnings = warnings
    return doc


def _empty(page: OcrPage, number: int) -> PageContent:
    return PageContent(number, page.width, page.height)


def _load_pages(pdf) -> tuple[list[PageContent], list[str]]:
    """Every page's content; a page that fails is kept empty and noted in the warnings."""
    pages, warnings = [], []
    for number in range(1, len(pdf) + 1):
        try:
            found = load_page(pdf, number - 1)
        except Exception as exc:  # one bad page must not lose the others
            pages.append(_failed(pdf, number, exc, warnings))
            continue
        try:
            content = _load_page(GlyphPage(found.width, found.height, found.chars, found.edges), number)
            content.scan = not content.n_chars and found.n_images > 0
        except Exception as exc:  # one bad page must not lose the others
            content = _failed(pdf, number, exc, warnings, found.width, found.height)
        pages.append(content)
    return pages, warnings


def _failed(pdf, number: int, exc: Exception, warnings: list[str], width: float | None = None,
            height: float | None = None) -> PageContent:
    if width is None or height is None:
        width, height = pdf.get_page_size(number - 1)
    reason = str(exc) or type(exc).__name__
    warnings.append(f"page {number} could not be read and is left out: {reason}")
    return PageContent(number, float(width), float(height))


def _load_page(page, number: int) -> PageContent:
    content = PageContent(number, float(page.width), float(page.height))
    page = page.dedupe_chars()
    content.n_chars = len(page.chars)
    if not content.n_chars:
        return content
    content.tables = page_tables(page, number)
    page = _without_tables(page, content.tables)
    # Looked for only outside ruled tables, whose cells may hold column-like text of their own.
    runs = cell_runs(page)
    unruled = unruled_tables(runs, number)
    if unruled:
        content.tables = sorted([*content.tables, *unruled], key=lambda t: t.top)
        page = _without_tables(page, unruled)
        runs = cell_runs(page)
    content.head = unruled_head(runs)
    content.lines = page_lines(page, number)
    return content


def _without_tables(page, tables: list[PageTable]):
    # A table's text is the table's; it must not come out a second time as paragraphs.
    boxes = [table.bbox for table in tables]
    if not boxes:
        return page

    def outside(ch: dict) -> bool:  # _inside, spelt out: it runs for every glyph of the page
        x, y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for x0, top, x1, bottom in boxes:
            if x0 <= x <= x1 and top <= y <= bottom:
                return False
        return True

    return page.filter(outside)


def _line_in(line: Line, box: tuple[float, float, float, float]) -> bool:
    return _inside({"x0": line.x0, "x1": line.x1, "top": line.top, "bottom": line.bottom}, [box])


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _build(builder: TextBuilder, pages: list[PageContent]) -> list[int]:
    """Fill `builder` with the document's text and tables; return where each page starts."""
    bodies = strip_furniture([(page.height, page.lines) for page in pages])
    margins = page_margins([(page.width, lines) for page, lines in zip(pages, bodies)])
    stream = _reading_order(pages, bodies)
    starts: dict[int, int] = {}
    blocks = group_paragraphs(stream, margins)
    texts = {i: join_lines([clean_text(line.text) for line in block]) for i, block in enumerate(blocks)
             if not isinstance(block, PageTable)}
    levels = heading_levels([blocks[i] for i in texts], [text for text, _ in texts.values()])
    level_of = {i: levels[k] for k, i in enumerate(texts) if k in levels}
    for i, block in enumerate(blocks):
        if isinstance(block, PageTable):
            _add_table(builder, block, starts)
        else:
            _add_paragraph(builder, block, texts[i], level_of.get(i), starts)
    end = len(builder.text())
    offsets = []
    for number in range(len(pages), 0, -1):
        end = starts.get(number, end)  # a page without text starts where the next one does
        offsets.append(end)
    return offsets[::-1]


def _reading_order(pages: list[PageContent], bodies: list[list[Line]]) -> list[Line | PageTable]:
    """Lines and tables top to bottom, page after page; a table whose continuation opens the
    next page absorbs it."""
    stream: list[Line | PageTable] = []
    carried: PageTable | None = None
    for page, lines in zip(pages, bodies):
        elements = sorted([*lines, *page.tables], key=lambda e: e.top)
        if carried and page.head and elements and isinstance(elements[0], Line):
            # An unruled table whose last rows fall alone on this page: they are read as
            # lines, and only the table before them can tell that they are its rows.
            box = run_bbox(page.head)
            n = next((k for k, e in enumerate(elements) if not (isinstance(e, Line) and _line_in(e, box))),
                     len(elements))
            inside = sum(1 for e in elements if isinstance(e, Line) and _line_in(e, box))
            if n and n == inside and continue_unruled(carried, page.head, page.number):
                elements = elements[n:]
                if not elements:
                    continue
        if carried and elements and isinstance(elements[0], PageTable):
            if continue_table(carried, elements[0]):
                elements = elements[1:]
                if not elements:
                    continue  # the whole page continues the table, which may go on further
        stream.extend(elements)
        carried = elements[-1] if elements and isinstance(elements[-1], PageTable) else None
    return stream


def _add_paragraph(builder: TextBuilder, lines: list[Line], joined: tuple[str, list[int]],
                   level: int | None, starts: dict[int, int]) -> None:
    text, line_starts = joined
    if not text.strip():
        return
    start = builder.add_paragraph(text, level)
    for line, offset in zip(lines, line_starts):
        starts.setdefault(line.page, start + offset)


def _add_table(builder: TextBuilder, table: PageTable, starts: dict[int, int]) -> None:
    rows, row_pages = table_rows(table)
    if builder.add_table(rows, page=table.page) is None:
        return
    for row, page in zip(rows, row_pages):
        starts.setdefault(page, row[0].char_start)
