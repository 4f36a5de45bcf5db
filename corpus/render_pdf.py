"""PDFs as a word processor prints them: text laid out line by line at a fixed width (so
lines break mid-sentence, sometimes between "52.24万" and "元"), justified to the margin,
ruled tables with merged cells, the indicator table running over a page break, a running
header and a page number on every page.

reportlab with invariant=1 and the wqy-microhei TTF embedded, so the bytes never change.
The gold's text_contains lists strings that cross the hard line breaks: a reader that joins
wrapped lines back into paragraphs finds them.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from corpus.model import MERGE_LEFT, MERGE_UP, Heading, ListItem, PageBreak, Para, Report, Table, span
from corpus.pdf_canvas import PAGE_H, PAGE_W, draw_text, register_font, width

# Characters a line may not start with (they hang at the end of the previous line instead).
NO_LINE_START = set("，。、；：？！）》」』”’%％")
_TOKEN = re.compile(r"[0-9A-Za-z.,%％]+|.", re.S)
_NUMBER_CELL = re.compile(r"^[\d.,%％]+$")
_UNIT_STARTS = set("万亿元件人个次户名座所处条套间场期份项家公平小%％")


@dataclass(frozen=True)
class Look:
    """Page geometry and type sizes of one document."""

    margin_x: float = 80.0
    margin_top: float = 76.0
    margin_bottom: float = 76.0
    size: float = 12.0
    leading: float = 1.6
    indent: float = 2.0  # first-line indent in characters
    heading_indent: bool = False
    header_rule: bool = True
    page_format: str = "- {n} -"
    table_size: float = 10.0
    table_pad: float = 4.0  # left and right inside a cell
    row_pad: float = 5.0  # above and below the text of a row

    @property
    def text_width(self) -> float:
        return PAGE_W - 2 * self.margin_x

    @property
    def bottom(self) -> float:
        return PAGE_H - self.margin_bottom


@dataclass
class Layout:
    look: Look
    pages: list[list[tuple]] = field(default_factory=lambda: [[]])
    y: float = 0.0
    breaks: list[tuple[str, int]] = field(default_factory=list)  # (paragraph text, break offset)
    indicator_pages: int = 0

    def __post_init__(self) -> None:
        self.y = self.look.margin_top

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.look.margin_top

    def room(self, height: float) -> None:
        if self.y + height > self.look.bottom:
            self.new_page()

    def text(self, x: float, top: float, s: str, size: float, char_space: float = 0.0,
             bold: bool = False) -> None:
        self.pages[-1].append(("text", x, PAGE_H - top - 0.82 * size, s, size, char_space, bold))

    def rect(self, x: float, top: float, w: float, h: float) -> None:
        self.pages[-1].append(("rect", x, PAGE_H - top - h, w, h))


def wrap(text: str, first: float, rest: float, size: float) -> list[str]:
    """Greedy line filling at the given widths, as a word processor does it: a run of Latin
    letters and digits ("30,158,900.00", "98.73%") stays on one line, any CJK character may
    end a line, and closing punctuation hangs at the end of the line instead of starting one."""
    lines, current, used, room = [], "", 0.0, first
    for token in _TOKEN.findall(text):
        w = width(token, size)
        if current and used + w > room + 0.01 and token[0] not in NO_LINE_START:
            if w > rest:  # longer than a line: break it anywhere
                for ch in token:
                    cw = width(ch, size)
                    if current and used + cw > room + 0.01:
                        lines.append(current)
                        current, used, room = "", 0.0, rest
                    current += ch
                    used += cw
                continue
            lines.append(current)
            current, used, room = token, w, rest
        else:
            current += token
            used += w
    lines.append(current)
    return lines


def _paragraph(lay: Layout, text: str, size: float, indent_chars: float, bold: bool = False,
               align: str = "justify", record: bool = True, space_after: float = 0.0) -> None:
    look = lay.look
    lead = size * look.leading
    first_indent = indent_chars * size
    lines = wrap(text, look.text_width - first_indent, look.text_width, size)
    offset = 0
    for i, line in enumerate(lines):
        lay.room(lead)
        x = look.margin_x + (first_indent if i == 0 else 0.0)
        room = look.text_width - (first_indent if i == 0 else 0.0)
        natural = width(line, size)
        spacing = 0.0
        if align == "center":
            x = look.margin_x + (look.text_width - natural) / 2
        elif align == "right":
            x = look.margin_x + look.text_width - natural - 2 * size
        elif i < len(lines) - 1 and len(line) > 1:
            spacing = (room - natural) / (len(line) - 1)
        lay.text(x, lay.y, line, size, spacing, bold)
        lay.y += lead
        offset += len(line)
        if record and i < len(lines) - 1:
            lay.breaks.append((text, offset))
    lay.y += space_after


def _table(lay: Layout, block: Table) -> None:
    look = lay.look
    size, pad, vpad = look.table_size, look.table_pad, look.row_pad
    lead = size * 1.3
    total = sum(block.widths)
    xs = [look.margin_x]
    for w in block.widths:
        xs.append(xs[-1] + look.text_width * w / total)
    rows = block.rows
    n_rows, n_cols = len(rows), len(rows[0])
    spans: dict[tuple[int, int], tuple[int, int, list[str]]] = {}
    anchor_of: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value == MERGE_LEFT:
                anchor_of[(r, c)] = anchor_of[(r, c - 1)]
                continue
            if value == MERGE_UP:
                anchor_of[(r, c)] = anchor_of[(r - 1, c)]
                continue
            colspan = span(row[c + 1:], MERGE_LEFT)
            rowspan = span([later[c] for later in rows[r + 1:]], MERGE_UP)
            cell_w = xs[c + colspan] - xs[c] - 2 * pad
            lines = wrap(value, cell_w, cell_w, size) if value else []
            if len(lines) > 1 and _NUMBER_CELL.match(value):
                raise ValueError(f"number {value!r} does not fit its {cell_w:.0f}pt cell")
            spans[(r, c)] = (rowspan, colspan, lines)
            anchor_of[(r, c)] = (r, c)
    heights = [size + 2 * vpad + 6.0] * n_rows
    for (r, c), (rowspan, _, lines) in spans.items():
        if rowspan == 1:
            heights[r] = max(heights[r], len(lines) * lead + 2 * vpad)
    for (r, c), (rowspan, _, lines) in spans.items():
        need = len(lines) * lead + 2 * vpad
        have = sum(heights[r:r + rowspan])
        if have < need:
            heights[r + rowspan - 1] += need - have
    header = list(range(block.header_rows))
    groups: list[list[int]] = [[]]
    lay.room(sum(heights[r] for r in header) + (heights[len(header)] if len(header) < n_rows else 0))
    top = lay.y
    y = top
    page_tops = [top]
    for r in range(n_rows):
        if y + heights[r] > look.bottom and groups[-1] and r >= len(header):
            groups.append([])
            y = look.margin_top
            page_tops.append(y)
            if block.repeat_header:
                groups[-1].extend(header)
                y += sum(heights[h] for h in header)
        groups[-1].append(r)
        y += heights[r]
    for index, group in enumerate(groups):
        if index:
            lay.new_page()
        y0 = page_tops[index]
        row_top = {}
        y = y0
        for r in group:
            row_top[r] = y
            y += heights[r]
        in_group = set(group)
        drawn = set()
        for r in group:
            for c in range(n_cols):
                ar, ac = anchor_of[(r, c)]
                if (ar, ac) in drawn:
                    continue
                rowspan, colspan, lines = spans[(ar, ac)]
                span_rows = [x for x in range(ar, ar + rowspan) if x in in_group]
                if span_rows[0] != r:
                    continue
                drawn.add((ar, ac))
                frag_top = row_top[span_rows[0]]
                frag_h = sum(heights[x] for x in span_rows)
                lay.rect(xs[ac], frag_top, xs[ac + colspan] - xs[ac], frag_h)
                if ar != r or not lines:
                    continue  # a merged cell carried over a page break shows its text only once
                text_h = len(lines) * lead
                first = frag_top + max(vpad, (frag_h - text_h) / 2)
                for k, line in enumerate(lines):
                    lay.text(xs[ac] + pad, first + k * lead + (lead - size) / 2, line, size)
        lay.y = y + size
    if block.role == "indicator":
        lay.indicator_pages = len(groups)


def layout(report: Report, look: Look) -> Layout:
    lay = Layout(look)
    size = look.size
    for block in report.blocks:
        if isinstance(block, Heading):
            lay.room(size * look.leading * 2)
            indent = 2.0 if look.heading_indent else 0.0
            _paragraph(lay, f"{block.label}{block.title}", size, indent, bold=block.level == 0, record=False)
        elif isinstance(block, Para):
            if block.role == "title":
                lay.y += size * 0.5
                _paragraph(lay, block.text, size + 7, 0, bold=True, align="center", record=False,
                           space_after=size * 0.6)
            elif block.role == "subtitle":
                _paragraph(lay, block.text, size + 2, 0, align="center", record=False, space_after=size * 0.6)
            elif block.role == "signature":
                _paragraph(lay, block.text, size, 0, align="right", record=False)
            elif block.role == "plain":
                _paragraph(lay, block.text, size, 0)
            else:
                _paragraph(lay, block.text, size, look.indent)
        elif isinstance(block, ListItem):
            _paragraph(lay, f"{block.label}{block.sep}{block.text}", size, look.indent)
        elif isinstance(block, Table):
            _table(lay, block)
        elif isinstance(block, PageBreak):
            lay.new_page()
    return lay


def _number_breaks(lay: Layout) -> list[tuple[str, int]]:
    found = []
    for text, at in lay.breaks:
        left, right = text[:at], text[at:]
        if not left or not right:
            continue
        if left[-1].isdigit() and (right[0].isdigit() or right[0] in _UNIT_STARTS or right[0] == "."):
            found.append((text, at))
        elif len(left) > 1 and left[-1] in "万亿" and left[-2].isdigit():
            found.append((text, at))
    return found


def _snippet(text: str, at: int, reach: int = 8) -> str:
    return text[max(0, at - reach):at + reach]


def _wan_yuan_breaks(lay: Layout) -> list[tuple[str, int]]:
    return [(t, a) for t, a in _number_breaks(lay) if t[a - 1] == "万" and t[a:a + 1] == "元"]


def _looks(base: Look):
    """The document's own look first, then small variations of it (as another printer
    driver or template would make), in a fixed order."""
    for size in (base.size, base.size - 0.5, base.size + 0.5):
        for shift in (0.0, 4.0, -4.0, 8.0, -8.0, 2.0, -2.0, 6.0, -6.0, 10.0, -10.0, 12.0, -12.0):
            for indent in (base.indent, 0.0 if base.indent else 2.0):
                yield replace(base, size=size, margin_x=base.margin_x + shift, indent=indent)


def render(report: Report) -> tuple[bytes, dict]:
    register_font()
    base = Look(**report.style["pdf_look"])
    chosen, best = None, -1
    for look in _looks(base):
        for pad in (look.row_pad, look.row_pad + 2, look.row_pad + 4, look.row_pad + 7):
            lay = layout(report, replace(look, row_pad=pad))
            if lay.indicator_pages > 1:
                break
        else:
            continue
        rank = 2 if _wan_yuan_breaks(lay) else 1 if _number_breaks(lay) else 0
        if rank > best:
            chosen, best = lay, rank
        if best == 2 or (best == 1 and not report.style.get("want_wan_yuan")):
            break
    if chosen is None:
        raise RuntimeError(f"{report.name}: could not lay the indicator table over a page break")
    contains = [_snippet(t, a) for t, a in _number_breaks(chosen)[:4]]
    long_breaks = [(t, a) for t, a in chosen.breaks if len(t) > 60]
    step = max(1, len(long_breaks) // 3)
    for t, a in long_breaks[::step][:3]:
        snippet = _snippet(t, a)
        if snippet not in contains:
            contains.append(snippet)
    return _draw(report, chosen), {"text_contains": contains}


def _draw(report: Report, lay: Layout) -> bytes:
    look = lay.look
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(report.style["running_header"])
    canvas.setAuthor(report.gold["metadata"]["department"])
    canvas.setCreator(report.style.get("pdf_creator", "Microsoft® Word 2016"))
    canvas.setSubject("")
    total = len(lay.pages)
    header = report.style["running_header"]
    for n, ops in enumerate(lay.pages, start=1):
        canvas.setLineWidth(0.6)
        draw_text(canvas, (PAGE_W - width(header, 9)) / 2, PAGE_H - 44, header, 9)
        if look.header_rule:
            canvas.line(look.margin_x, PAGE_H - 50, PAGE_W - look.margin_x, PAGE_H - 50)
        number = look.page_format.format(n=n, total=total)
        draw_text(canvas, (PAGE_W - width(number, 9)) / 2, 40, number, 9)
        for op in ops:
            if op[0] == "text":
                _, x, y, s, size, spacing, bold = op
                draw_text(canvas, x, y, s, size, spacing, bold)
            else:
                _, x, y, w, h = op
                canvas.setLineWidth(0.6)
                canvas.rect(x, y, w, h)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()

