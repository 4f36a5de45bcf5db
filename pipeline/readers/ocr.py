"""Text of page images by OCR: RapidOCR's PP-OCR models, which ship inside its wheel and run
on the CPU through onnxruntime, so nothing is downloaded when a scan is read.

The recogniser returns boxes of text. They are laid out as the glyphs of a PDF page, one
glyph per character spread over its box and in page points, so that the PDF reader's own
rules for lines, paragraphs, page furniture and unruled tables read a scan exactly as they
read a printed page: boxes level with each other form a line, left to right; a wide gap
between two boxes of a line parts two pieces of text or two cells; rows whose cells line up
in columns become a table. The page's ruling lines, traced in the image (scan_lines.py), are
its edges: a ruled table is read cell by cell, as on the printed page.
"""
from __future__ import annotations

import functools
import re
import statistics
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Callable

# Pages are rendered at this resolution: body text (10.5-12 pt) comes out about 30 pixels
# high, enough for the recogniser (which scales each line to 48), and an A4 page takes
# seconds (BENCHMARKS.md, "OCR of scanned pages").
DPI = 200
# The recogniser's own floor: a box read with less confidence is noise and is not returned.
MIN_BOX_SCORE = 0.5
# A page read with less mean confidence is left out: its numbers cannot be trusted. Clean
# scans and renderings read at 0.97-1.00.
MIN_PAGE_CONFIDENCE = 0.75
# Two boxes are on one line when their middles are closer than this share of the lower box.
SAME_LINE = 0.5
# The detector frames glyphs of one size a few pixels taller or shorter from box to box; a
# line this close to the page's usual height is text of the usual size. Boxes of a few
# characters ("1", "12人", "表。") come out up to a third taller than long ones, so a line
# of such boxes only (a table row, the end of a paragraph) is given more room.
SAME_SIZE = 0.25
SAME_SIZE_SHORT = 0.5
SHORT_BOX = 6  # characters


# A decimal point speckled or blurred in a scan reads as a colon: "171:12万元". Before an amount's
# unit no colon stands between two digits (a time, 10:30, has none after it).
_MISREAD_POINT = re.compile(r"(?<=\d)[:：](?=\d+\s*(?:万元|亿元|元|万|亿|%|％))")


@dataclass(frozen=True)
class Box:
    """One box of recognised text, in page points."""
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    score: float


@dataclass
class OcrPage:
    """A page image read by OCR, standing in for a pdfplumber page: the PDF reader's line and
    table rules use only the members below."""
    width: float
    height: float
    chars: list[dict]
    # Character-weighted mean score of the boxes; None when nothing was recognised.
    confidence: float | None
    n_chars: int
    # Ruling lines traced in the image (scan_lines.py), as a printed page's edges.
    edges: list[dict] = field(default_factory=list)

    def dedupe_chars(self) -> OcrPage:
        return self

    def find_tables(self) -> list:
        from pipeline.readers.pdf.grid import find_tables
        return find_tables(self.edges, self.chars) if self.edges else []

    def filter(self, keep: Callable[[dict], bool]) -> OcrPage:
        return replace(self, chars=[ch for ch in self.chars if keep(ch)])

    def extract_text_lines(self, return_chars: bool = True, strip: bool = True) -> list[dict]:
        lines: dict[int, list[dict]] = {}
        for ch in self.chars:
            lines.setdefault(ch["line"], []).append(ch)
        return [{"text": "".join(ch["text"] for ch in chars), "chars": chars,
                 "x0": chars[0]["x0"], "x1": chars[-1]["x1"],
                 "top": min(ch["top"] for ch in chars), "bottom": max(ch["bottom"] for ch in chars)}
                for _, chars in sorted(lines.items())]

    def close(self) -> None:
        pass


def read_image(image, scale: float) -> list[Box]:
    """The boxes of text on one page image (a PIL image) whose pixels are `scale` points wide."""
    return [Box(text, x0 * scale, top * scale, x1 * scale, bottom * scale, score)
            for text, x0, top, x1, bottom, score in recognize(image)]


def recognize(image) -> list[tuple[str, float, float, float, float, float]]:
    """(text, x0, top, x1, bottom, score) of every box the recogniser finds, in pixels."""
    import numpy as np

    result, _ = _engine()(np.asarray(image.convert("RGB")))
    boxes = []
    for points, text, score in result or []:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if text.strip():
            boxes.append((_MISREAD_POINT.sub(".", text), min(xs), min(ys), max(xs), max(ys), float(score)))
    return boxes


@functools.cache
def _engine():
    """One recogniser per process: loading the models takes about a third of a second."""
    from rapidocr_onnxruntime import RapidOCR
    from rapidocr_onnxruntime.utils.infer_engine import OrtInferSession

    # RapidOCR builds its onnxruntime sessions with the memory arena off: every run then maps
    # fresh memory for each tensor and faults it in page by page, which doubled the time per
    # page (BENCHMARKS.md, "OCR of scanned pages"). Its sessions are built with the arena on.
    default_options = OrtInferSession.__dict__["_init_sess_opts"]

    def with_arena(config):
        options = default_options.__func__(config)
        options.enable_cpu_mem_arena = True
        return options

    OrtInferSession._init_sess_opts = staticmethod(with_arena)
    try:
        # Its default downscales anything over 2,000 pixels; a page at 200 dpi is 2,339
        # high, and small print is read better at full size. The angle classifier is left
        # out: pages are upright, and it turns lines that start with digits ("2018、2019、…")
        # upside down, which then read as nothing.
        return RapidOCR(text_score=MIN_BOX_SCORE, max_side_len=4000, use_cls=False)
    finally:
        OrtInferSession._init_sess_opts = default_options


def page_of(boxes: list[Box], width: float, height: float, usual: float | None = None,
            edges: list[dict] | None = None) -> OcrPage:
    """The page of glyphs that `boxes` make, lines top to bottom. Text about `usual` high
    (by default the median height of the page's characters; better, the document's) is
    given that one size, as one size of type is on the printed page."""
    usual = median_height(boxes) if usual is None else usual
    chars = [glyph for number, line in enumerate(group_lines(boxes))
             for box in line for glyph in glyphs(box, number, _size(line, usual))]
    n = sum(len(box.text) for box in boxes)
    confidence = sum(box.score * len(box.text) for box in boxes) / n if n else None
    return OcrPage(width, height, chars, confidence, n, edges or [])


def group_lines(boxes: list[Box]) -> list[list[Box]]:
    """Boxes gathered into lines (each left to right), the lines top to bottom."""
    lines: list[list[Box]] = []
    for box in sorted(boxes, key=_middle):
        line = lines[-1] if lines else None
        if line and abs(_middle(box) - statistics.median(map(_middle, line))) < SAME_LINE * _height(box):
            line.append(box)
        else:
            lines.append([box])
    return [sorted(line, key=lambda b: b.x0) for line in lines]


def _middle(box: Box) -> float:
    return (box.top + box.bottom) / 2


def _height(box: Box) -> float:
    return box.bottom - box.top


def median_height(boxes: list[Box]) -> float:
    """The median height of the characters of `boxes`."""
    heights = sorted((_height(box), len(box.text)) for box in boxes)
    half, seen = sum(n for _, n in heights) / 2, 0
    for height, n in heights:
        seen += n
        if seen >= half:
            return height
    return 0.0


def _size(line: list[Box], usual: float) -> float:
    """The font size of a line of boxes. The detector frames glyphs closely, so a box is about
    one em high, give or take a few pixels, and a short box ("1", "12人") the most: a line
    takes the height of most of its characters, and the page's usual height if close to it."""
    height = median_height(line)
    slack = SAME_SIZE if max(len(box.text) for box in line) >= SHORT_BOX else SAME_SIZE_SHORT
    return usual if abs(height - usual) <= slack * usual else height


def glyphs(box: Box, line: int, size: float) -> list[dict]:
    """The characters of `box` as pdfplumber-like glyphs in `size`, spread over its width: a
    CJK or other wide character takes a full em, anything else half of one."""
    weights = [1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in box.text]
    step = (box.x1 - box.x0) / sum(weights)
    out, x = [], box.x0
    for ch, weight in zip(box.text, weights):
        out.append({"object_type": "char", "text": ch, "x0": x, "x1": x + weight * step,
                    "top": box.top, "bottom": box.bottom, "size": size, "line": line, "upright": True})
        x += weight * step
    return out
