"""Plain text as offices save it: one paragraph a line, headings with typed numbers,
tables pasted as tab-separated rows, in UTF-8 (with or without BOM) or GBK."""
from __future__ import annotations

from corpus.model import MERGE_LEFT, MERGE_UP, Heading, ListItem, PageBreak, Para, Report, Table

# What Word's "save as text" leaves where a bookmark was (the seed report has one).
DEBRIS = "[bookmark: _GoBack]"


def render(report: Report) -> tuple[bytes, dict]:
    style = report.style
    lines: list[str] = []
    for index, block in enumerate(report.blocks):
        block_lines = _lines(block, style)
        if index == style.get("debris_block") and block_lines:
            block_lines[0] = DEBRIS + block_lines[0]
        lines.extend(block_lines)
        if style.get("blank_lines") and block_lines and not isinstance(block, Table):
            lines.append("")
    text = report.newline.join(lines).rstrip("\r\n") + report.newline
    return text.encode(report.encoding or "utf-8"), {}


def _lines(block, style: dict) -> list[str]:
    if isinstance(block, Heading):
        return [f"{block.label}{block.title}"]
    if isinstance(block, Para):
        if block.role in ("title", "subtitle"):
            return [style.get("title_pad", "") + block.text]
        if block.role == "body":
            return [style.get("indent", "") + block.text]
        return [block.text]
    if isinstance(block, ListItem):
        return [f"{block.label}{block.sep}{block.text}"]
    if isinstance(block, Table):
        return ["\t".join("" if cell in (MERGE_LEFT, MERGE_UP) else cell for cell in row) for row in block.rows]
    if isinstance(block, PageBreak):
        return []
    raise TypeError(block)
