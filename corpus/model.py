"""The format-free shape of one generated report: a list of blocks the renderers draw.

A report is composed once (corpus/compose.py) and then written as .txt, .docx or .pdf;
the gold file is assembled alongside from the same story facts, never by reading the output.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# In a table row: MERGE_LEFT continues the cell to the left, MERGE_UP the cell above.
MERGE_LEFT, MERGE_UP = "<", "^"


def span(following: list[str], marker: str) -> int:
    """How many cells a cell covers: itself and the `marker` cells right after it
    (MERGE_LEFT in the rest of its row, MERGE_UP in the rest of its column)."""
    n = 1
    for value in following:
        if value != marker:
            break
        n += 1
    return n


@dataclass
class Heading:
    """A section heading. `label` is the number as a txt/pdf writes it ("一、", "第二部分 ");
    a .docx leaves it out of the text and numbers the heading automatically instead."""

    level: int  # 0 = top-level section
    title: str
    label: str = ""


@dataclass
class Para:
    """A paragraph. role: body | title | subtitle | plain (no first-line indent) | signature."""

    text: str
    role: str = "body"


@dataclass
class ListItem:
    """One numbered item (a problem, a suggestion, an indicator line). `label` is the literal
    number ("1.", "（2）", "一是"); `auto` names a Word list to number it automatically."""

    text: str
    label: str
    auto: str | None = None  # "decimal-dot" | "decimal-paren" | None (label stays literal)
    sep: str = ""  # text between label and item in txt/pdf ("" or " ")


@dataclass
class Table:
    """A ruled table; cells hold text, MERGE_LEFT or MERGE_UP."""

    rows: list[list[str]]
    widths: list[float]  # relative column widths
    header_rows: int = 1
    repeat_header: bool = True  # repeat the header rows after a page break (pdf)
    role: str = "other"  # budget | indicator


@dataclass
class PageBreak:
    pass


Block = Heading | Para | ListItem | Table | PageBreak


@dataclass
class Report:
    name: str  # file name with extension
    fmt: str  # txt | docx | pdf
    encoding: str | None  # txt only: utf-8 | utf-8-sig | gbk
    newline: str  # txt only
    running_header: str
    blocks: list[Block] = field(default_factory=list)
    gold: dict = field(default_factory=dict)
    style: dict = field(default_factory=dict)  # rendering knobs picked per document
