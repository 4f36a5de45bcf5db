"""A report as document-sharing sites serve it: re-typeset from the original's text layer.

Such a site keeps each line of the original as one positioned run and sets the runs again on
its own, wider page. Where the original wrapped, a visible gap is left inside the new line,
often in the middle of a word ("项目资 金"); and the original's page numbers ("- 2 -") are
kept as lines of their own wherever they fell, in the middle of a paragraph. The site adds
its own footer. Lines are justified to the right margin, as the site's renderer does.

`python -m tests.build_mirror_pdf` writes every source in tests/data/redteam/sources/ to
tests/data/redteam/NAME.pdf (deterministic: reportlab's invariant mode).
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from corpus.pdf_canvas import PAGE_H, PAGE_W, draw_text, register_font, width

REDTEAM = Path(__file__).parent / "data" / "redteam"
LEFT, RIGHT = 60.0, PAGE_W - 60.0
TOP, BOTTOM = 70.0, PAGE_H - 70.0
BODY, TITLE = 12.0, 18.0
PITCH = 21.0
# The original's text width (its lines wrap here) and its lines per page.
ORIGINAL_WIDTH = 0.74 * (RIGHT - LEFT)
ORIGINAL_LINES_PER_PAGE = 9
# The gap left where the original wrapped, in font sizes: a visible space, narrower than a
# character; it varies with the original line's own justification.
SEAM_GAPS = (0.35, 0.6, 0.5)


def build_mirror_pdf(source: Path, out: Path) -> Path:
    register_font()
    canvas = Canvas(str(out), pagesize=A4, invariant=1)
    page, y = 1, TOP
    original_lines = 0

    def footer() -> None:
        label = f"第 {page} 页"
        draw_text(canvas, (PAGE_W - width(label, 9)) / 2, 40, label, 9)

    def need() -> None:
        nonlocal page, y
        if y + PITCH > BOTTOM:
            footer()
            canvas.showPage()
            page, y = page + 1, TOP

    def marker(number: int) -> None:
        nonlocal y
        need()
        label = f"- {number} -"
        draw_text(canvas, (PAGE_W - width(label, BODY)) / 2, PAGE_H - y - 0.8 * BODY, label, BODY)
        y += PITCH

    lines = [s.strip() for s in source.read_text(encoding="utf-8").splitlines() if s.strip()]
    for i, text in enumerate(lines):
        if i == 0:
            draw_text(canvas, (PAGE_W - width(text, TITLE)) / 2, PAGE_H - y - 0.8 * TITLE, text, TITLE)
            y += TITLE * 1.8
            continue
        indent = 2 * BODY
        seams = _wrap_points(text, ORIGINAL_WIDTH, BODY, indent)
        # The site's own lines: runs of the original's lines, a seam gap between two runs.
        rows = _mirror_rows(text, seams, RIGHT - LEFT, BODY, indent)
        for r, (start, end) in enumerate(rows):
            need()
            x = LEFT + (indent if r == 0 else 0.0)
            pieces = _pieces(text, start, end, seams)
            gaps = [SEAM_GAPS[(start + k) % len(SEAM_GAPS)] * BODY for k in range(len(pieces) - 1)] + [0.0]
            natural = sum(width(p, BODY) for p in pieces) + sum(gaps)
            n_gaps = max(1, end - start - len(pieces))
            spacing = (RIGHT - x - natural) / n_gaps if r < len(rows) - 1 else 0.0
            for p, piece in enumerate(pieces):
                draw_text(canvas, x, PAGE_H - y - 0.8 * BODY, piece, BODY, spacing)
                x += width(piece, BODY) + spacing * len(piece) + gaps[p]
            y += PITCH
            # The original's page ended inside this paragraph: its number follows.
            originals = sum(1 for s in seams if start < s <= end)
            for _ in range(originals):
                original_lines += 1
                if original_lines % ORIGINAL_LINES_PER_PAGE == 0:
                    marker(original_lines // ORIGINAL_LINES_PER_PAGE + 1)
    footer()
    canvas.save()
    return out


def _wrap_points(text: str, room: float, size: float, indent: float) -> list[int]:
    """Offsets where the original's lines end (not the last one)."""
    points, line_start, avail = [], 0, room - indent
    for i in range(1, len(text) + 1):
        if width(text[line_start:i], size) > avail:
            points.append(i - 1)
            line_start, avail = i - 1, room
    return points


def _mirror_rows(text: str, seams: list[int], room: float, size: float, indent: float) -> list[tuple[int, int]]:
    rows, start, avail = [], 0, room - indent
    end = start
    while end < len(text):
        nxt = end + 1
        gaps = sum(1 for s in seams if start < s < nxt)
        if width(text[start:nxt], size) + gaps * max(SEAM_GAPS) * size > avail and end > start:
            rows.append((start, end))
            start, avail = end, room
        end = nxt
    rows.append((start, len(text)))
    return rows


def _pieces(text: str, start: int, end: int, seams: list[int]) -> list[str]:
    cuts = [start, *(s for s in seams if start < s < end), end]
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]


if __name__ == "__main__":
    for src in sorted((REDTEAM / "sources").glob("*.txt")):
        print(build_mirror_pdf(src, REDTEAM / f"{src.stem}.pdf"))
