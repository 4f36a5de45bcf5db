"""What a PDF page holds for the reader, from PDFium (pypdfium2): its glyphs with their boxes
and sizes, the ruling lines drawn on it (rulings.py), and whether it shows an image.

Coordinates are pdfplumber's (points, x to the right and `top` down from the top of the
MediaBox, in the page's displayed orientation), and a glyph's box is pdfminer's: from its
origin to its advance width, and from the font's descent below the baseline to one font
size above that. The reader's layout rules were written and tuned on those boxes.
"""
from __future__ import annotations

import ctypes
from itertools import repeat
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

from pipeline.core.errors import ReadError
from pipeline.readers.pdf import pdfium
from pipeline.readers.pdf.rulings import Frame, IDENTITY, walk


@dataclass
class PageContent:
    """One page as PDFium gives it: glyphs and edges in pdfplumber's coordinates."""
    width: float
    height: float
    chars: list[dict]
    edges: list[dict]
    n_images: int


def open_pdf(path: Path) -> pypdfium2.PdfDocument:
    """The PDF, or a ReadError that says why it cannot be read."""
    try:
        pdf = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as exc:
        raise _open_error(path, exc) from exc
    if not len(pdf):
        pdf.close()
        raise ReadError("broken PDF: it has no pages")
    return pdf


def _open_error(path: Path, exc: pypdfium2.PdfiumError) -> ReadError:
    if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
        return ReadError("encrypted PDF: it needs a password; read an unprotected copy instead")
    if exc.err_code == pdfium_c.FPDF_ERR_FORMAT and _truncated(path):
        return ReadError("broken PDF: the file ends too early (truncated download?)")
    return ReadError(f"broken PDF: {exc}")


def _truncated(path: Path) -> bool:
    """A PDF that starts like one but lost its trailer (%%EOF) was cut off."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
        fh.seek(0, 2)
        fh.seek(max(0, fh.tell() - 2048))
        tail = fh.read()
    return b"%PDF-" in head and b"%%EOF" not in tail


def load_page(pdf: pypdfium2.PdfDocument, index: int) -> PageContent:
    """The glyphs, edges and image count of page `index` (0-based)."""
    page = pdf[index]
    try:
        frame = Frame(*page.get_mediabox(), page.get_rotation())
        raw = pdfium.handle(page.raw)
        textpage = pdfium.text_page(raw)
        if not textpage:
            raise ReadError("PDFium could not read the page's text")
        try:
            chars = _chars(textpage, frame)
        finally:
            pdfium.close_text_page(textpage)
        edges: list[dict] = []
        n = pdfium.count_objects(raw)
        objects = list(map(pdfium.page_object, repeat(raw, n), range(n)))
        n_images = walk(objects, IDENTITY, frame, edges)
        return PageContent(frame.width, frame.height, chars, edges, n_images)
    finally:
        page.close()


def _chars(textpage: pdfium.Handle, frame: Frame) -> list[dict]:
    n = pdfium.count_chars(textpage)
    if n <= 0:
        return []
    text = _page_text(textpage, n)
    box, m = pdfium.Rect(), pdfium.Matrix()
    box_ref, m_ref = ctypes.byref(box), ctypes.byref(m)
    loose_box, font_size, char_matrix = pdfium.loose_box, pdfium.font_size, pdfium.char_matrix
    # Unrotated page: x stays, y is counted down from `flip`.
    shift, flip = frame.matrix[4], frame.matrix[5]
    plain = frame.plain
    chars = []
    for i, ch in enumerate(text):
        if ch.isspace() and pdfium.is_generated(textpage, i):
            continue  # PDFium's own line breaks and word spaces, not glyphs of the page
        if not loose_box(textpage, i, box_ref):
            continue
        size = font_size(textpage, i)
        char_matrix(textpage, i, m_ref)
        d = m.d
        if plain and m.b == 0 and m.c == 0 and m.a > 0 and d > 0:
            # The loose box runs from the glyph's origin over its advance width, and its
            # bottom is pdfminer's (the font's descent); its top is not, for some fonts.
            size *= d
            bottom = flip - box.bottom
            chars.append({"text": ch, "x0": box.left + shift, "x1": box.right + shift, "top": bottom - size,
                          "bottom": bottom, "size": size, "upright": True})
        else:
            chars.append(_turned_char(textpage, i, ch, size, (m.a, m.b, m.c, d), frame))
    return chars


def _turned_char(textpage: pdfium.Handle, i: int, ch: str, font_size: float, matrix: tuple, frame: Frame) -> dict:
    """A glyph set at an angle, or on a rotated page: PDFium's loose box is not turned with
    it, so the glyph's own outline box stands in for pdfminer's."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium.glyph_box(textpage, i, *map(ctypes.byref, (left, right, bottom, top)))
    corners = [frame.point(x, y) for x in (left.value, right.value) for y in (bottom.value, top.value)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    a, b, c, d = frame.turn(matrix)
    upright = a * d > 0 and b * c <= 0
    size = font_size * (abs(d) if upright else abs(a) or abs(b))
    return {"text": ch, "x0": min(xs), "x1": max(xs), "top": min(ys), "bottom": max(ys),
            "size": size or max(ys) - min(ys), "upright": upright}


def _page_text(textpage: pdfium.Handle, n: int) -> str:
    """The page's characters, one per character index."""
    # The page's text in one call, when its text indices are its character indices: PDFium
    # leaves some characters out of the text (a NUL) and a character outside the BMP takes
    # two UTF-16 units. Otherwise each character is asked for by its index.
    if pdfium.text_index(textpage, n - 1) == n - 1:
        buffer = ctypes.create_string_buffer((n + 1) * 2)
        pdfium.page_text(textpage, 0, n, buffer)
        text = buffer.raw[:n * 2].decode("utf-16-le", errors="replace")
        if len(text) == n:
            return text
    return "".join(chr(pdfium.unicode(textpage, i)) for i in range(n))
