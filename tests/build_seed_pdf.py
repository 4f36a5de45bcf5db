"""The seed report as a printed PDF: hard line wraps, a running header, page numbers, and
its five target indicators in a ruled table that runs over a page break.

Built with the sample archive's own PDF renderer (corpus/render_pdf.py), so the seed is
printed exactly as the generated reports are.
"""
from __future__ import annotations

from pathlib import Path

from corpus import render_pdf
from corpus.model import Heading, Para, Report, Table
from tests.build_docx import (
    BOOKMARK_DEBRIS, INDICATOR_HEADER, INDICATOR_LINE, SECOND_LINE, SEED_PATH, SEED_SECTIONS,
    SEED_TARGETS_HEADING, TOP_LINE,
)

_CN = "一二三四五六七八九十"


def seed_report(text: str) -> Report:
    header = "江门市司法局项目支出绩效自评报告"
    report = Report(name="seed.pdf", fmt="pdf", encoding=None, newline="\n", running_header=header,
                    style={"pdf_look": {}, "running_header": header},
                    gold={"metadata": {"department": "江门市司法局"}})  # the PDF's author field
    rows: list[list[str]] = []
    in_targets, top, second = False, 0, 0
    for line in text.splitlines():
        line = BOOKMARK_DEBRIS.sub("", line).strip()
        indicator = INDICATOR_LINE.match(line) if in_targets else None
        if indicator:
            rows.append([indicator["no"], indicator["name"], indicator["value"]])
            continue
        if rows:
            report.blocks.append(Table([list(INDICATOR_HEADER), *rows], [1, 5, 3], role="indicator"))
            rows = []
        top_match, second_match = TOP_LINE.match(line), SECOND_LINE.match(line)
        if top_match and top_match["title"] in SEED_SECTIONS:
            top, second = top + 1, 0
            report.blocks.append(Heading(0, top_match["title"], f"{_CN[top - 1]}、"))
            in_targets = False
        elif second_match:
            second += 1
            report.blocks.append(Heading(1, second_match["title"], f"（{_CN[second - 1]}）"))
            in_targets = second_match["title"] == SEED_TARGETS_HEADING
        elif line:
            report.blocks.append(Para(line))
    return report


def build_seed_pdf(path: Path) -> Path:
    data, _ = render_pdf.render(seed_report(SEED_PATH.read_text(encoding="utf-8")))
    path.write_bytes(data)
    return path
