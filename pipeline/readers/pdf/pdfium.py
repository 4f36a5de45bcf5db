"""The PDFium functions the reader calls once per glyph or per page object, as bare C
function pointers.

pypdfium2's bindings type every handle, and ctypes checks those types on each call; a page
of a budget report makes thousands of calls (one text object per glyph is common), so the
hot functions here have no argument types at all, which halves what a call costs: handles
are passed as `Handle` objects (returned as such, never turned into ints), indices as
Python ints (a C int), out-parameters through ctypes.byref. A Python int passed as a handle
would be cut to a C int: only a Handle may go where the C function takes a pointer.
"""
from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

Rect, Matrix = pdfium_c.FS_RECTF, pdfium_c.FS_MATRIX  # their fields read faster than an array's items


class Handle(ctypes.c_void_p):
    """An opaque PDFium pointer; as a subclass of c_void_p it is returned as itself."""


_INT, _UINT, _DOUBLE = ctypes.c_int, ctypes.c_uint, ctypes.c_double


def _bare(function, restype):
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)


def _typed(function, restype, *argtypes):
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


text_page = _bare(pdfium_c.FPDFText_LoadPage, Handle)
close_text_page = _bare(pdfium_c.FPDFText_ClosePage, None)
count_chars = _bare(pdfium_c.FPDFText_CountChars, _INT)
text_index = _bare(pdfium_c.FPDFText_GetTextIndexFromCharIndex, _INT)
page_text = _bare(pdfium_c.FPDFText_GetText, _INT)  # (text page, start, count, buffer)
unicode = _bare(pdfium_c.FPDFText_GetUnicode, _UINT)
is_generated = _bare(pdfium_c.FPDFText_IsGenerated, _INT)
loose_box = _bare(pdfium_c.FPDFText_GetLooseCharBox, _INT)  # (text page, index, byref(Rect))
font_size = _bare(pdfium_c.FPDFText_GetFontSize, _DOUBLE)
char_matrix = _bare(pdfium_c.FPDFText_GetMatrix, _INT)  # (text page, index, byref(Matrix))
glyph_box = _bare(pdfium_c.FPDFText_GetCharBox, _INT)  # (text page, index, byref(c_double) x4)

count_objects = _bare(pdfium_c.FPDFPage_CountObjects, _INT)
page_object = _bare(pdfium_c.FPDFPage_GetObject, Handle)
count_form_objects = _bare(pdfium_c.FPDFFormObj_CountObjects, _INT)
# Its index is an unsigned long: typed, so that it is passed as one (a form is rare).
form_object = _typed(pdfium_c.FPDFFormObj_GetObject, Handle, Handle, ctypes.c_ulong)
object_type = _bare(pdfium_c.FPDFPageObj_GetType, _INT)
object_matrix = _bare(pdfium_c.FPDFPageObj_GetMatrix, _INT)  # (object, byref(Matrix))
draw_mode = _bare(pdfium_c.FPDFPath_GetDrawMode, _INT)  # (path, byref(c_int), byref(c_int))
count_segments = _bare(pdfium_c.FPDFPath_CountSegments, _INT)
path_segment = _bare(pdfium_c.FPDFPath_GetPathSegment, Handle)
segment_type = _bare(pdfium_c.FPDFPathSegment_GetType, _INT)
segment_point = _bare(pdfium_c.FPDFPathSegment_GetPoint, _INT)  # (segment, byref(c_float) x2)
segment_closes = _bare(pdfium_c.FPDFPathSegment_GetClose, _INT)

TEXT, PATH, IMAGE, FORM = (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH,
                           pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
MOVETO, LINETO, BEZIERTO = (pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO,
                            pdfium_c.FPDF_SEGMENT_BEZIERTO)


def handle(pointer) -> Handle:
    """The address behind one of pypdfium2's typed handles, as a Handle."""
    return Handle(ctypes.cast(pointer, ctypes.c_void_p).value)
