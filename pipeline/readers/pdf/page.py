"""A PDF page as the reader's line and table rules see it: glyphs (dicts with text, x0, x1,
top, bottom, size), ruling edges, and the few pdfplumber page methods those rules call. An
OCR'd page (readers.ocr.OcrPage) offers the same members."""
from __future__ import annotations

from typing import Callable

from pipeline.readers.pdf.grid import Grid, find_tables
from pipeline.readers.pdf.words import dedupe, text_lines


class GlyphPage:
    def __init__(self, width: float, height: float, chars: list[dict], edges: list[dict]):
        self.width = width
        self.height = height
        self.chars = chars
        self.edges = edges
        self._lines: list[dict] | None = None

    def dedupe_chars(self) -> GlyphPage:
        return GlyphPage(self.width, self.height, dedupe(self.chars), self.edges)

    def filter(self, keep: Callable[[dict], bool]) -> GlyphPage:
        """The page with only the glyphs `keep` accepts (its edges stay)."""
        return GlyphPage(self.width, self.height, [ch for ch in self.chars if keep(ch)], self.edges)

    def find_tables(self) -> list[Grid]:
        return find_tables(self.edges, self.chars) if self.edges else []

    def extract_text_lines(self, return_chars: bool = True, strip: bool = True) -> list[dict]:
        """Each text line as {"text", "chars"}, top to bottom; computed once per page."""
        if self._lines is None:
            self._lines = [{"text": "".join(ch["text"] for ch in chars), "chars": chars}
                           for chars in text_lines(self.chars)]
        return self._lines
