"""What every PDF we write is drawn with: the embedded CJK font, its string widths, and one
run of text on a reportlab canvas.

The one home of these primitives: the sample archive's renderer (render_pdf.py) and the
hand-drawn test PDFs (tests/build_pdf.py, tests/build_redteam_pdf.py) both draw with them.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FONT = "WQY"
PAGE_W, PAGE_H = A4


def register_font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        if not FONT_PATH.is_file():
            raise FileNotFoundError(
                f"{FONT_PATH} is missing; the PDFs embed a CJK font: install the Debian package "
                "fonts-wqy-microhei (make sysdeps, or apt-get install fonts-wqy-microhei)")
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_PATH), subfontIndex=0))
    return FONT


def width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def draw_text(canvas: Canvas, x: float, y: float, s: str, size: float, spacing: float = 0.0,
              bold: bool = False) -> None:
    """One run of text with its baseline at `y`. Bold is drawn as fill-and-stroke (how office
    software fakes bold for a font without a bold face); the text state lives in the graphics
    state, so a bold run is wrapped in q/Q to keep its render mode from leaking into later text."""
    if bold:
        canvas.saveState()
        canvas.setLineWidth(0.35)
    obj = canvas.beginText(x, y)
    obj.setFont(FONT, size)
    obj.setCharSpace(spacing)
    if bold:
        obj.setTextRenderMode(2)
    obj.textOut(s)
    canvas.drawText(obj)
    if bold:
        canvas.restoreState()
