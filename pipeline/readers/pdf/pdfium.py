"""The PDFium functions the reader calls once per glyph or per page object, with plain C
prototypes (handles as void pointers).

pypdfium2's bindings type every handle, and ctypes checks those types on each call; with
plain prototypes over the same functions a call costs about a third less, and a page of a
budget report makes thousands of them (one text object per glyph is common).
"""
from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

Rect, Matrix = pdfium_c.FS_RECTF, pdfium_c.FS_MATRIX  # their fields read faster than an array's items

_HANDLE, _INT, _FLOAT = ctypes.c_void_p, ctypes.c_int, ctypes.c_float
_INT_REF, _FLOAT_REF = ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_float)


def _plain(function, restype, *argtypes):
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


text_page = _plain(pdfium_c.FPDFText_LoadPage, _HANDLE, _HANDLE)
close_text_page = _plain(pdfium_c.FPDFText_ClosePage, None, _HANDLE)
count_chars = _plain(pdfium_c.FPDFText_CountChars, _INT, _HANDLE)
text_index = _plain(pdfium_c.FPDFText_GetTextIndexFromCharIndex, _INT, _HANDLE, _INT)
page_text = _plain(pdfium_c.FPDFText_GetText, _INT, _HANDLE, _INT, _INT, ctypes.c_char_p)
unicode = _plain(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _HANDLE, _INT)
is_generated = _plain(pdfium_c.FPDFText_IsGenerated, _INT, _HANDLE, _INT)
loose_box = _plain(pdfium_c.FPDFText_GetLooseCharBox, _INT, _HANDLE, _INT, ctypes.POINTER(Rect))
font_size = _plain(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _HANDLE, _INT)
char_matrix = _plain(pdfium_c.FPDFText_GetMatrix, _INT, _HANDLE, _INT, ctypes.POINTER(Matrix))
glyph_box = _plain(pdfium_c.FPDFText_GetCharBox, _INT, _HANDLE, _INT, *[ctypes.POINTER(ctypes.c_double)] * 4)

count_objects = _plain(pdfium_c.FPDFPage_CountObjects, _INT, _HANDLE)
page_object = _plain(pdfium_c.FPDFPage_GetObject, _HANDLE, _HANDLE, _INT)
count_form_objects = _plain(pdfium_c.FPDFFormObj_CountObjects, _INT, _HANDLE)
form_object = _plain(pdfium_c.FPDFFormObj_GetObject, _HANDLE, _HANDLE, ctypes.c_ulong)
object_type = _plain(pdfium_c.FPDFPageObj_GetType, _INT, _HANDLE)
object_matrix = _plain(pdfium_c.FPDFPageObj_GetMatrix, _INT, _HANDLE, ctypes.POINTER(Matrix))
draw_mode = _plain(pdfium_c.FPDFPath_GetDrawMode, _INT, _HANDLE, _INT_REF, _INT_REF)
count_segments = _plain(pdfium_c.FPDFPath_CountSegments, _INT, _HANDLE)
path_segment = _plain(pdfium_c.FPDFPath_GetPathSegment, _HANDLE, _HANDLE, _INT)
segment_type = _plain(pdfium_c.FPDFPathSegment_GetType, _INT, _HANDLE)
segment_point = _plain(pdfium_c.FPDFPathSegment_GetPoint, _INT, _HANDLE, _FLOAT_REF, _FLOAT_REF)
segment_closes = _plain(pdfium_c.FPDFPathSegment_GetClose, _INT, _HANDLE)

TEXT, PATH, IMAGE, FORM = (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH,
                           pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
MOVETO, LINETO, BEZIERTO = (pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO,
                            pdfium_c.FPDF_SEGMENT_BEZIERTO)


def handle(pointer) -> int | None:
    """The address behind one of pypdfium2's typed handles."""
    return ctypes.cast(pointer, ctypes.c_void_p).value
