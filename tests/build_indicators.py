"""Documents for the indicator tests, built by hand as the docx and PDF readers lay them out,
and the indicators extractor run on them as the pipeline runs it."""
from __future__ import annotations

from extractors import indicators
from extractors.context import Context
from extractors.records import IndicatorRecord
from pipeline import sections
from pipeline.core.document import Cell, Document, TextBuilder

MERGED_LEFT = "<"  # the cell is part of the one on its left (gridSpan)
COVERED = None  # the cell is covered by a merged cell above and absent (PDF)


def row_cells(row: list[str | None]) -> list[Cell]:
    cells: list[Cell] = []
    for col, text in enumerate(row):
        if text == MERGED_LEFT:
            cells[-1].colspan += 1
        elif text is not COVERED:
            cells.append(Cell(row=0, col=col, text=text, char_start=0, char_end=0))
    return cells


def build(*parts: str | list[list[str | None]]) -> Document:
    """Paragraphs (str) and tables (rows of cell texts), as the docx and PDF readers lay them out."""
    builder = TextBuilder()
    for part in parts:
        if isinstance(part, str):
            for line in part.split("\n"):
                builder.add_paragraph(line)
        else:
            builder.add_table([row_cells(row) for row in part])
    doc = Document(doc_id="t", source_path="t.docx", format="docx", text=builder.text(), tables=builder.tables)
    sections.build(doc)
    return doc


def run(doc: Document) -> list[IndicatorRecord]:
    records = indicators.extract(doc, Context())
    for record in records:
        assert isinstance(record, IndicatorRecord)
        assert doc.text[record.span.char_start:record.span.char_end] == record.raw
    return records


def goal_section(*lines: str) -> Document:
    return build("一、项目基本情况", "本项目由区司法局负责实施。", "二、绩效目标设置情况", *lines,
                 "三、存在问题", "宣传力度不够。")


def results_report(*result_lines: str) -> Document:
    """Goals listed, then a 绩效目标完成情况 section of these lines for prose actuals."""
    return build(
        "一、项目概况", "本项目预算安排资金120万元。",
        "二、绩效目标", "1、法律援助案件办理数量  ≥90件", "2、法律援助案件结案率  100%",
        "3、受援人满意度  ≥95%", "4、法律宣传资料发放  5000份",
        "三、绩效目标完成情况", *result_lines,
        "四、存在问题", "个别案件办理周期偏长，共3件。",
    )
