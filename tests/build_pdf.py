"""PDF fixtures drawn with reportlab at explicit positions, so each hard wrap is ours to place
(font, widths and text runs from corpus/pdf_canvas.py, as the sample archive's PDFs).

Body lines are justified to the right margin the way word processors do it: a line that does
not end a paragraph is filled up to the margin (`…` in a line stands for filler text), so the
reader sees the same layout signals it sees in published reports.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from corpus.model import MERGE_LEFT, MERGE_UP, span
from corpus.pdf_canvas import PAGE_H, PAGE_W, draw_text, register_font, width

LEFT, RIGHT = 72.0, PAGE_W - 72.0
BODY = 12.0
PITCH = 1.5 * BODY
FILL = "…"
_FILLER = "按照年度绩效目标要求组织实施项目各项工作有序推进"

RUNNING_HEADER = "万里街道2024年度项目支出绩效自评报告"


def fill(line: str, room: float, size: float = BODY) -> str:
    """`line` with its `…` replaced by as much filler as fits in `room` points."""
    head, tail = line.split(FILL)
    filler = ""
    for ch in itertools.cycle(_FILLER):
        if width(head + filler + ch + tail, size) > room:
            return head + filler + tail
        filler += ch


@dataclass
class Sheet:
    """One page drawn top-down: `y` is the distance from the top edge of the next line."""

    canvas: Canvas
    y: float = 80.0

    def text(self, x: float, s: str, size: float = BODY, top: float | None = None,
             char_space: float = 0.0) -> None:
        top = self.y if top is None else top
        draw_text(self.canvas, x, PAGE_H - top - 0.8 * size, s, size, char_space)

    def centered(self, s: str, size: float = BODY, top: float | None = None) -> None:
        self.text((PAGE_W - width(s, size)) / 2, s, size, top)

    def right_aligned(self, s: str, size: float = BODY) -> None:
        self.text(RIGHT - width(s, size), s, size)

    def line(self, s: str, size: float = BODY, bold: bool = False) -> None:
        """`bold` overprints the text a hair to the right, as office software fakes bold."""
        self.text(LEFT, s, size)
        if bold:
            self.text(LEFT + 0.3, s, size)
        self.y += PITCH

    def paragraph(self, lines: list[str], indent: bool = True, size: float = BODY,
                  ends: bool = True) -> None:
        """Lines justified to the right margin, as in a wrapped paragraph; the last line of a
        paragraph that `ends` here keeps its natural width."""
        for i, line in enumerate(lines):
            x = LEFT + (2 * size if indent and i == 0 else 0.0)
            if FILL in line:
                line = fill(line, RIGHT - x, size)
            spacing = 0.0
            if i < len(lines) - 1 or not ends:
                slack = RIGHT - x - width(line, size)
                assert 0 <= slack < 2 * size, f"line does not fill the width: {line!r}"
                spacing = slack / (len(line) - 1)
            self.text(x, line, size, char_space=spacing)
            self.y += size * 1.5

    def short_line(self, line: str, next_word: str, size: float = BODY) -> None:
        """The indented first line of a paragraph, stopping short of the margin because
        `next_word`, which starts the next line, did not fit in the room left."""
        x = LEFT + 2 * size
        self.text(x, fill(line, RIGHT - x - width(next_word, size) + 1, size), size)
        self.y += size * 1.5

    def boxed(self, lines: list[str]) -> None:
        """Short lines, each in a ruled box of a one-column grid: a frame, not a table."""
        for line in lines:
            self.canvas.rect(LEFT, PAGE_H - self.y - PITCH, RIGHT - LEFT, PITCH)
            self.text(LEFT + 6, line, top=self.y + 3)
            self.y += PITCH
        self.y += PITCH

    def table(self, rows: list[list[str]], col_widths: list[float], row_h: float = 24.0,
              size: float = 10.5) -> None:
        """A ruled grid; a cell's `\\n` starts a second line inside the cell."""
        xs = [LEFT]
        for w in col_widths:
            xs.append(xs[-1] + w)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value in (MERGE_LEFT, MERGE_UP):
                    continue
                colspan = span(row[c + 1:], MERGE_LEFT)
                rowspan = span([later[c] for later in rows[r + 1:]], MERGE_UP)
                top, height = self.y + r * row_h, rowspan * row_h
                self.canvas.rect(xs[c], PAGE_H - top - height, xs[c + colspan] - xs[c], height)
                cell_lines = value.split("\n")
                first = top + (height - len(cell_lines) * size * 1.2) / 2
                for k, cell_line in enumerate(cell_lines):
                    self.text(xs[c] + 4, cell_line, size, top=first + k * size * 1.2)
        self.y += len(rows) * row_h + PITCH


def _draw_pages(path: Path, pages: list[Callable[[Sheet], None] | None], *, furniture: bool = True,
                page_number: str = "- {n} -", number_at_top: bool = False,
                encrypt: str | None = None) -> Path:
    """`None` in `pages` is a blank page, without header or page number."""
    register_font()
    canvas = Canvas(str(path), pagesize=A4, encrypt=encrypt)
    total = len(pages)
    for n, draw in enumerate(pages, start=1):
        sheet = Sheet(canvas)
        if draw is None:
            canvas.showPage()
            continue
        if furniture:
            sheet.centered(RUNNING_HEADER, size=9, top=36)
            sheet.centered(page_number.format(n=n, total=total), size=9,
                           top=52 if number_at_top else PAGE_H - 48)
        draw(sheet)
        canvas.showPage()
    canvas.save()
    return path


# ---- the multi-page report ------------------------------------------------------------

T1 = [
    ["项目", "预算数", MERGE_LEFT, "执行率"],
    [MERGE_UP, "年初预算", "调整后\n预算", MERGE_UP],
    ["社区服务", "465.49", "480.00", "96.98%"],
    ["公共安全", "133.30", "133.30", "100%"],
]
T1_WIDTHS = [120.0, 110.0, 110.0, 100.0]
T2_HEAD = ["序号", "指标名称", "完成值"]
T2_PAGE2 = [["1", "社区活动场次", "48场"], ["2", "服务居民人次", "12,000人次"],
            ["3", "居民满意度", "95%"]]
T2_PAGE3 = [["合计", MERGE_LEFT, "3项"]]
T2_WIDTHS = [80.0, 220.0, 140.0]
T3_HEAD = ["一级指标", "二级指标", "指标值", "得分"]
T3_PAGE4 = [["产出指标", "数量指标", "48场", "20"], ["产出指标", "质量指标", "100%", "20"],
            ["效益指标", "社会效益", "明显提升", "28"]]
T3_PAGE5 = [["满意度指标", "服务对象满意度", "95%", "10"], ["总分", MERGE_LEFT, MERGE_LEFT, "78"]]
T3_WIDTHS = [110.0, 130.0, 110.0, 90.0]


def _report_page1(s: Sheet) -> None:
    s.centered("万里街道社区服务项目支出绩效自评报告", size=18, top=80)
    s.y = 120
    s.line("一、项目基本情况", bold=True)
    s.paragraph([
        "…年初预算为465.49万",
        "元，调整后预算为480.00万元…比2024年预算增加",
        "3,355.65万元，主要用于…社区",
        "公共服务设施日常运行维护。",
    ])
    s.paragraph(["项目资金实行专账管理…主要原因是：", "项目调整及人员经费增加。"])
    s.line("（一）项目概况")
    s.paragraph(["项目由街道社区服务办公室负责实施。"])
    s.text(LEFT, "编制单位：万里街道办事处")
    s.right_aligned("单位：万元")
    s.y += PITCH
    s.table(T1, T1_WIDTHS)
    s.paragraph(["表中执行率按实际支出除以调整后预算计算。"])


def _report_page2(s: Sheet) -> None:
    s.paragraph(["关于万里街道社区服务项目…总体说明"], indent=False, size=14)
    s.paragraph(["…资金使用总体规范", "项目管理制度健全。"], indent=False)
    s.paragraph(["项目各项建设任务…“均已按期完成。”"], indent=False, ends=False)
    s.paragraph(["本年度共开展社区活动48场。"], indent=False)
    s.line("二、绩效指标完成情况")
    s.right_aligned("单位：元")
    s.y = 640.0
    s.table([T2_HEAD, *T2_PAGE2], T2_WIDTHS)


def _report_page3(s: Sheet) -> None:
    s.table(T2_PAGE3, T2_WIDTHS)
    s.line("三、项目资金使用情况")
    s.short_line("…本年预算执行数为", next_word="156,211,123.00")
    s.paragraph(["156,211,123.00元，执行率100%。"], indent=False)
    s.paragraph(["项目实施…全面完成年度目标。"], ends=False)
    s.paragraph(["下一步将继续加强项目管理。"])
    s.paragraph(["…项目绩效自评得分"], indent=False, ends=False)
    s.y += 2 * PITCH
    s.paragraph(["自评等级为良。"], indent=False)
    s.y = 740.0
    s.paragraph(["…共发放补贴1,234.56万"], ends=False)


def _report_page4(s: Sheet) -> None:
    s.paragraph(["元，惠及居民3,200户。"], indent=False)
    s.line("四、绩效指标评分")
    s.boxed(["注1：指标得分由评价小组评定。", "注2：满分为100分。"])
    s.y = 660.0
    s.table([T3_HEAD, *T3_PAGE4], T3_WIDTHS)


def _report_page5(s: Sheet, repeat_header: bool) -> None:
    s.table([T3_HEAD, *T3_PAGE5] if repeat_header else T3_PAGE5, T3_WIDTHS)
    s.line("五、存在问题")
    s.paragraph(["（1）部分活动宣传不够充分。"])
    s.paragraph(["①居民参与度有待提高。"])
    s.paragraph(["针对上述问题…整改情况如下。"], ends=False)
    s.line("六、下一步工作计划")


def build_report_pdf(path: Path, page_number: str = "- {n} -", number_at_top: bool = False,
                     repeat_header: bool = True) -> Path:
    """Five report pages and a blank sixth, with a running header and a page number.

    `page_number` is a format string with `{n}` (this page) and `{total}`.
    """
    return _draw_pages(path, [
        _report_page1, _report_page2, _report_page3, _report_page4,
        lambda s: _report_page5(s, repeat_header), None,
    ], page_number=page_number, number_at_top=number_at_top)


def build_one_page_pdf(path: Path, page_number: str = "- {n} -") -> Path:
    """The report's first page alone, where a page number is not repeated anywhere."""
    return _draw_pages(path, [_report_page1], page_number=page_number)


def build_blank_pdf(path: Path) -> Path:
    """Two pages with a drawn box but no text, as a scan without OCR looks to a text reader."""
    return _draw_pages(path, [_draw_box, _draw_box], furniture=False)


def _draw_box(s: Sheet) -> None:
    s.canvas.rect(LEFT, 100, RIGHT - LEFT, 600, fill=1)


def build_encrypted_pdf(path: Path) -> Path:
    """Opening it needs the user password "secret"."""
    return _draw_pages(path, [_report_page1], encrypt="secret")


def build_truncated_pdf(path: Path) -> Path:
    """A valid report cut in half, as an interrupted download leaves it."""
    build_report_pdf(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path
