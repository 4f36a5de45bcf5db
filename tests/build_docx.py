"""The seed report as a hand-built .docx, written with python-docx and the WordprocessingML
primitives of corpus/wordml.py (numbering.xml lists, fixed zip timestamps).

Deterministic: the same call writes the same bytes, so the document's doc_id is stable.
"""
from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.document import Document as WordDocument

from corpus.wordml import Lvl, Numbering, element, number_style, save

SEED_PATH = Path(__file__).resolve().parents[1] / "corpus" / "000_3863e364cbd2cac6.txt"
SEED_SECTIONS = (
    "项目概况", "项目组织实施情况", "项目绩效情况", "项目主要做法和经验", "存在问题及建议", "项目自评结论及得分",
)
SEED_TARGETS_HEADING = "目标设置情况"
INDICATOR_HEADER = ("序号", "指标名称", "指标值")

_CN_NUMBER = r"[一二三四五六七八九十]+|\d+"
TOP_LINE = re.compile(rf"^\s*(?:{_CN_NUMBER})、\s*(?P<title>.+?)\s*$")
SECOND_LINE = re.compile(rf"^\s*[（(](?:{_CN_NUMBER})[）)]\s*(?P<title>.+?)\s*$")
INDICATOR_LINE = re.compile(r"^(?P<no>\d+)、(?P<name>\S+)\s{2,}(?P<value>.+?)。?$")
BOOKMARK_DEBRIS = re.compile(r"^\[bookmark: (?P<name>[^\]]*)\]")


def build_seed_docx(path: Path, seed_text: str | None = None) -> Path:
    """The seed report as a Word file whose section numbers come from Word's numbering.

    The seed's own labels are inconsistent (1、 二、 2、 四、 …, and (2) beside (一)); the
    rendering numbers the sections 一、…六、 and （一）… automatically instead, keeps only
    the titles in the heading text, and puts the five target indicators under
    （一）目标设置情况 into a 序号 | 指标名称 | 指标值 table.
    """
    text = SEED_PATH.read_text(encoding="utf-8") if seed_text is None else seed_text
    document = docx.Document()
    num_id = Numbering(document).add_list(
        Lvl("chineseCounting", "%1、", style="Heading1"),
        Lvl("chineseCounting", "（%2）", style="Heading2"),
    )
    number_style(document.styles["Heading 1"], num_id, 0)
    number_style(document.styles["Heading 2"], num_id, 1)
    indicators: list[tuple[str, str, str]] = []
    in_targets = False
    for line in text.splitlines():
        indicator = INDICATOR_LINE.match(line) if in_targets else None
        if indicator:
            indicators.append((indicator["no"], indicator["name"], indicator["value"]))
            continue
        if indicators:
            _add_table(document, [INDICATOR_HEADER, *indicators])
            indicators = []
        top, second = TOP_LINE.match(line), SECOND_LINE.match(line)
        if top and top["title"] in SEED_SECTIONS:
            document.add_paragraph(top["title"], style="Heading 1")
            in_targets = False
        elif second:
            document.add_paragraph(second["title"], style="Heading 2")
            in_targets = second["title"] == SEED_TARGETS_HEADING
        else:
            _add_body_paragraph(document, line)
    if indicators:
        _add_table(document, [INDICATOR_HEADER, *indicators])
    return save(document, path)


def _add_table(document: WordDocument, rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value


def _add_body_paragraph(document: WordDocument, line: str) -> None:
    """A body line as is, except that converter debris "[bookmark: X]" becomes a real bookmark."""
    paragraph = document.add_paragraph()
    debris = BOOKMARK_DEBRIS.match(line)
    if debris:
        paragraph._p.append(element("w:bookmarkStart", {"w:id": "0", "w:name": debris["name"]}))
        paragraph._p.append(element("w:bookmarkEnd", {"w:id": "0"}))
        line = line[debris.end():]
    if line:
        paragraph.add_run(line)

