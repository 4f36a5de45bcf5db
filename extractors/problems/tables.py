"""Problems and measures set out in a table: a column headed 存在的问题 (主要问题, 问题描述 …)
and one headed 改进措施 (整改措施, 建议, 下一步措施 …) side by side, one item a row.

Only a header cell that is the name of such a column, whole, counts: a 自评表's
"偏差原因分析及改进措施" explains one indicator's shortfall and a 问题整改情况 column reports what
was done — neither is a list of the report's problems or plans.
"""
from __future__ import annotations

import re

from extractors.problems.items import NOTHING, PROBLEM, SUGGESTION, ItemSpan
from pipeline.core.document import Document, Table

HEADERS = {
    PROBLEM: {"问题", "存在问题", "存在的问题", "主要问题", "存在的主要问题", "发现问题", "发现的问题",
              "问题描述", "问题表现", "具体问题", "问题及原因", "存在问题及原因", "存在的问题及原因"},
    SUGGESTION: {"建议", "措施", "对策", "改进措施", "整改措施", "改进建议", "整改建议", "改进意见", "整改意见",
                 "对策建议", "意见建议", "工作建议", "措施建议", "下一步措施", "下一步工作措施", "下一步改进措施",
                 "改进方向", "下一步工作计划", "下一步打算"},
}
_NOISE = re.compile(r"[\s:：()（）]")
# The header is the first or second row (a title row may stand above it).
HEADER_ROWS = 2


def table_items(doc: Document) -> list[ItemSpan]:
    return [item for table in doc.tables for item in _items(doc, table)]


def _items(doc: Document, table: Table) -> list[ItemSpan]:
    grid = table.grid()
    for r, row in enumerate(grid[:HEADER_ROWS]):
        columns = {c: kind for c, cell in enumerate(row) if cell and (kind := _kind(cell.text))}
        if columns:
            return [ItemSpan(kind, start, end)
                    for below in grid[r + 1:] for c, kind in columns.items()
                    if (span := _content(doc, below[c])) for start, end in [span]]
    return []


def _kind(header: str) -> str | None:
    name = _NOISE.sub("", header)
    return next((kind for kind, names in HEADERS.items() if name in names), None)


def _content(doc: Document, cell) -> tuple[int, int] | None:
    """The cell's text without surrounding blanks; None for an empty cell or "无"."""
    if cell is None:
        return None
    text = doc.text[cell.char_start:cell.char_end]
    stripped = text.strip()
    if not stripped or NOTHING.search(stripped):
        return None
    start = cell.char_start + text.index(stripped)
    return start, start + len(stripped)
