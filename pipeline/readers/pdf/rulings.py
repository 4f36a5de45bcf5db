"""The ruling lines of a PDF page, from PDFium's page objects, as the edges pdfplumber makes
of pdfminer's lines, rectangles and curves; and the page's frame of coordinates.

A path is read as pdfminer reads it (PDFLayoutAnalyzer.paint_path): each subpath alone; one
segment is a line, a closed axis-aligned four-sided path is a rectangle (its four sides are
edges), anything else a curve whose straight pieces between its points are edges. Paths
neither filled nor stroked (clipping paths) draw nothing.
"""
from __future__ import annotations

import ctypes
from itertools import repeat

from pipeline.readers.pdf import pdfium

# Subpath operators as pdfminer names them.
_MOVE, _LINE, _CURVE, _CLOSE = "m", "l", "c", "h"
_SEGMENT_OPS = {pdfium.MOVETO: _MOVE, pdfium.LINETO: _LINE, pdfium.BEZIERTO: _CURVE}
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

Matrix = tuple[float, float, float, float, float, float]  # (a, b, c, d, e, f), row vectors


class Frame:
    """From PDF user space to pdfplumber's page coordinates, as pdfminer and pdfplumber place
    a page: relative to its MediaBox, turned by its /Rotate, y counted down from the top."""

    def __init__(self, x0: float, y0: float, x1: float, y1: float, rotation: int):
        rotation %= 360
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
        self.matrix: Matrix = (a, -b, c, -d, e + lo_x, self.height - f + (self.height - hi_y))
        self.plain = rotation == 0

    def point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.matrix
        return a * x + c * y + e, b * x + d * y + f

    def turn(self, linear: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """A glyph's matrix (its linear part) as pdfminer sees it on the turned page."""
        a, b, c, d = linear
        p, q, r, s = self.device
        return a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s


def walk(objects: list[pdfium.Handle], outer: Matrix, frame: Frame, edges: list[dict]) -> int:
    """Edges of the paths among `objects` (into `edges`, form XObjects included); the
    number of images."""
    n_images = 0
    # Most objects are text (often one per glyph): their types are asked for in one pass
    # that never enters Python per object, and only the others are looked at.
    for obj, kind in zip(objects, map(pdfium.object_type, objects)):
        if kind == pdfium.TEXT:
            continue
        if kind == pdfium.IMAGE:
            n_images += 1
        elif kind == pdfium.PATH:
            edges.extend(_path_edges(obj, compose(_object_matrix(obj), outer), frame))
        elif kind == pdfium.FORM:
            n = pdfium.count_form_objects(obj)
            inner = list(map(pdfium.form_object, repeat(obj, n), range(n)))
            n_images += walk(inner, compose(_object_matrix(obj), outer), frame, edges)
    return n_images


def _object_matrix(obj: pdfium.Handle) -> Matrix:
    m = pdfium.Matrix()
    if not pdfium.object_matrix(obj, ctypes.byref(m)):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def _path_edges(path: pdfium.Handle, matrix: Matrix, frame: Frame) -> list[dict]:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if pdfium.draw_mode(path, ctypes.byref(fill), ctypes.byref(stroke)) and not fill.value and not stroke.value:
        return []
    a, b, c, d, e, f = compose(matrix, frame.matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    subpaths: list[list[tuple[str, tuple[float, float]]]] = []
    pending_curve = 0
    n = pdfium.count_segments(path)
    segments = list(map(pdfium.path_segment, repeat(path, n), range(n)))
    for segment, kind in zip(segments, map(pdfium.segment_type, segments)):
        op = _SEGMENT_OPS.get(kind)
        if op is None or not pdfium.segment_point(segment, x_ref, y_ref):
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
        if pdfium.segment_closes(segment):
            subpaths[-1].append((_CLOSE, subpaths[-1][0][1]))
    return [edge for subpath in subpaths for edge in _subpath_edges(subpath)]


def _subpath_edges(subpath: list[tuple[str, tuple[float, float]]]) -> list[dict]:
    shape = "".join(op for op, _ in subpath)
    pts = [point for _, point in subpath]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"  # a redundant line back to the start of a closed path
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
    edges = []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        orientation = "v" if x0 == x1 else "h" if y0 == y1 else None
        if orientation:
            edges.append(_edge(orientation, min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)))
    return edges


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    return {"orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top}
