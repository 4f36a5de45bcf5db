"""What a PDF page holds for the reader, from PDFium (pypdfium2): its glyphs with their boxes
and sizes, the ruling lines drawn on it, and whether it shows an image.

Coordinates are pdfplumber's (points, x to the right and `top` down from the top of the
MediaBox, in the page's displayed orientation), and a glyph's box is pdfminer's: from its
origin to its advance width, and from the font's descent below the baseline to one font
size above that. The reader's layout rules were written and tuned on those boxes.

A path is read as pdfminer reads it: each subpath alone; one segment is a line, a closed
axis-aligned four-sided path is a rectangle (its four sides are edges), anything else a
curve whose straight pieces between its points are edges.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

from pipeline.core.errors import ReadError

# Subpath operators as pdfminer names them.
_MOVE, _LINE, _CURVE, _CLOSE = "m", "l", "c", "h"
_SEGMENT_OPS = {pdfium_c.FPDF_SEGMENT_MOVETO: _MOVE, pdfium_c.FPDF_SEGMENT_LINETO: _LINE,
                pdfium_c.FPDF_SEGMENT_BEZIERTO: _CURVE}
_TEXT, _PATH, _IMAGE, _FORM = (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH,
                               pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# PDFium computes in single precision: positions are rounded to a thousandth of a point, so
# that glyphs and rules set at equal steps measure equal, as they do in the PDF's numbers.
_DIGITS = 3


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
        frame = _Frame(page)
        textpage = pdfium_c.FPDFText_LoadPage(page.raw)
        if not textpage:
            raise ReadError("PDFium could not read the page's text")
        try:
            chars = _chars(textpage, frame)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
        edges: list[dict] = []
        n_images = _walk(_page_objects(page.raw), _IDENTITY, frame, edges)
        return PageContent(frame.width, frame.height, chars, edges, n_images)
    finally:
        page.close()


class _Frame:
    """From PDF user space to pdfplumber's page coordinates, as pdfminer and pdfplumber place
    a page: relative to its MediaBox, turned by its /Rotate, y counted down from the top."""

    def __init__(self, page: pypdfium2.PdfPage):
        x0, y0, x1, y1 = page.get_mediabox()
        rotation = page.get_rotation() % 360
        # pdfminer's device matrix for the rotation (pdfinterp.process_page), y up.
        device = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
                  270: (0, 1, -1, 0, y1, -x0)}.get(rotation, (1, 0, 0, 1, -x0, -y0))
        lo_x, hi_x = sorted((x0, x1))
        lo_y, hi_y = sorted((y0, y1))
        if rotation in (90, 270):
            lo_x, lo_y, hi_x, hi_y = lo_y, lo_x, hi_y, hi_x
        self.width, self.height = hi_x - lo_x, hi_y - lo_y
        # pdfplumber then shifts x by the MediaBox's left edge and flips y (page.process_object).
        a, b, c, d, e, f = device
        self.device = (a, b, c, d)
        self.matrix = (a, -b, c, -d, e + lo_x, self.height - f + (self.height - hi_y))
        self.plain = rotation == 0

    def point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.matrix
        return a * x + c * y + e, b * x + d * y + f


def _chars(textpage, frame: _Frame) -> list[dict]:
    n = pdfium_c.FPDFText_CountChars(textpage)
    if n <= 0:
        return []
    text = _page_text(textpage, n)
    get_box, get_size, get_matrix = (pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontSize,
                                     pdfium_c.FPDFText_GetMatrix)
    is_generated = pdfium_c.FPDFText_IsGenerated
    rect, m = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    rect_ref, m_ref = ctypes.byref(rect), ctypes.byref(m)
    ma, mb, mc, md, me, mf = frame.matrix
    plain = frame.plain
    chars = []
    for i, ch in enumerate(text):
        if ch.isspace() and is_generated(textpage, i):
            continue  # PDFium's own line breaks and word spaces, not glyphs of the page
        if not get_box(textpage, i, rect_ref):
            continue
        size = get_size(textpage, i)
        get_matrix(textpage, i, m_ref)
        if plain and m.b == 0 and m.c == 0 and m.a > 0 and m.d > 0:
            size = round(size * m.d, _DIGITS)
            bottom = round(mb * rect.left + md * rect.bottom + mf, _DIGITS)
            chars.append({"text": ch, "x0": round(ma * rect.left + me, _DIGITS),
                          "x1": round(ma * rect.right + me, _DIGITS), "top": round(bottom - size, _DIGITS),
                          "bottom": bottom, "size": size, "upright": True})
        else:
            chars.append(_turned_char(textpage, i, ch, size, (m.a, m.b, m.c, m.d), frame))
    return chars


def _turned_char(textpage, i: int, ch: str, font_size: float, matrix: tuple, frame: _Frame) -> dict:
    """A glyph set at an angle, or on a rotated page: PDFium's loose box is not turned with
    it, so the glyph's own outline box stands in for pdfminer's."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(textpage, i, left, right, bottom, top)
    corners = [frame.point(x, y) for x in (left.value, right.value) for y in (bottom.value, top.value)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    a, b, c, d = _multiply(matrix, frame.device)
    upright = a * d > 0 and b * c <= 0
    size = font_size * (abs(d) if upright else abs(a) or abs(b))
    x0, x1, top, bottom = (round(v, _DIGITS) for v in (min(xs), max(xs), min(ys), max(ys)))
    return {"text": ch, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "size": round(size, _DIGITS) or bottom - top, "upright": upright}


def _multiply(m: tuple, n: tuple) -> tuple[float, float, float, float]:
    """The linear part of m × n, matrices as (a, b, c, d) acting on row vectors."""
    a, b, c, d = m
    p, q, r, s = n
    return a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s


def _page_text(textpage, n: int) -> str:
    """The page's characters, one per character index."""
    # The page's text in one call, when its text indices are its character indices: PDFium
    # leaves some characters out of the text (a NUL) and a character outside the BMP takes
    # two UTF-16 units. Otherwise each character is asked for by its index.
    if pdfium_c.FPDFText_GetTextIndexFromCharIndex(textpage, n - 1) == n - 1:
        buffer = ctypes.create_string_buffer((n + 1) * 2)
        pdfium_c.FPDFText_GetText(textpage, 0, n, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
        text = buffer.raw[:n * 2].decode("utf-16-le", errors="replace")
        if len(text) == n:
            return text
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(n))


def _page_objects(page_raw):
    count = pdfium_c.FPDFPage_CountObjects(page_raw)
    return (pdfium_c.FPDFPage_GetObject(page_raw, i) for i in range(count))


def _form_objects(form):
    count = pdfium_c.FPDFFormObj_CountObjects(form)
    return (pdfium_c.FPDFFormObj_GetObject(form, i) for i in range(count))


def _walk(objects, outer: tuple, frame: _Frame, edges: list[dict]) -> int:
    """Edges of the paths among `objects` (into `edges`, form XObjects included); the
    number of images."""
    n_images = 0
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == _TEXT:
            continue
        if kind == _IMAGE:
            n_images += 1
        elif kind == _PATH:
            edges.extend(_path_edges(obj, _compose(_object_matrix(obj), outer), frame))
        elif kind == _FORM:
            n_images += _walk(_form_objects(obj), _compose(_object_matrix(obj), outer), frame, edges)
    return n_images


def _object_matrix(obj) -> tuple:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: tuple, outer: tuple) -> tuple:
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def _path_edges(path, matrix: tuple, frame: _Frame) -> list[dict]:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if pdfium_c.FPDFPath_GetDrawMode(path, fill, stroke) and not fill.value and not stroke.value:
        return []  # neither filled nor stroked: nothing is drawn
    a, b, c, d, e, f = _compose(matrix, frame.matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[str, tuple[float, float]]]] = []
    pending_curve = 0
    for k in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, k)
        op = _SEGMENT_OPS.get(pdfium_c.FPDFPathSegment_GetType(segment))
        if op is None or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if op == _MOVE or not subpaths:
            subpaths.append([(_MOVE, point)])
        elif op == _CURVE:
            # A Bézier curve is three points (two control points and its end); pdfminer
            # keeps its end only.
            pending_curve = (pending_curve + 1) % 3
            if pending_curve:
                continue
            subpaths[-1].append((_CURVE, point))
        else:
            subpaths[-1].append((_LINE, point))
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            subpaths[-1].append((_CLOSE, subpaths[-1][0][1]))
    return [edge for subpath in subpaths for edge in _subpath_edges(subpath)]


def _subpath_edges(subpath: list[tuple[str, tuple[float, float]]]) -> list[dict]:
    """pdfminer's reading of one subpath (PDFLayoutAnalyzer.paint_path) as edges."""
    shape = "".join(op for op, _ in subpath)
    pts = [point for _, point in subpath]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("ml", "mlh"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        top, bottom = min(y0, y1), max(y0, y1)
        return [_edge("h" if top == bottom else "v", min(x0, x1), max(x0, x1), top, bottom)]
    if shape in ("mlllh", "mllll") and pts[0] == pts[4]:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[:4]
        if (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0):
            left, right = min(x0, x2), max(x0, x2)
            top, bottom = min(y0, y2), max(y0, y2)
            return [_edge("h", left, right, top, top), _edge("h", left, right, bottom, bottom),
                    _edge("v", left, left, top, bottom), _edge("v", right, right, top, bottom)]
    if len(pts) < 2 or shape.count(_MOVE) != 1:
        return []
    edges = []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        orientation = "v" if x0 == x1 else "h" if y0 == y1 else None
        if orientation:
            edges.append(_edge(orientation, min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)))
    return edges


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    x0, x1, top, bottom = (round(v, _DIGITS) for v in (x0, x1, top, bottom))
    return {"orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top}
