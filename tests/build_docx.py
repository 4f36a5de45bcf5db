"""Hand-built .docx files for the tests: python-docx, plus the numbering.xml definitions and
raw run XML that python-docx cannot write itself.

Everything here is deterministic: the same call writes the same bytes, so a document's
doc_id is stable across runs.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.text.paragraph import Paragraph

SEED_PATH = Path(__file__).resolve().parents[1] / "corpus" / "000_3863e364cbd2cac6.txt"
SEED_SECTIONS = (
    "项目概况", "项目组织实施情况", "项目绩效情况", "项目主要做法和经验", "存在问题及建议", "项目自评结论及得分",
)
SEED_TARGETS_HEADING = "目标设置情况"
INDICATOR_HEADER = ("序号", "指标名称", "指标值")

_CN_NUMBER = r"[一二三四五六七八九十]+|\d+"
_TOP_LINE = re.compile(rf"^\s*(?:{_CN_NUMBER})、\s*(?P<title>.+?)\s*$")
_SECOND_LINE = re.compile(rf"^\s*[（(](?:{_CN_NUMBER})[）)]\s*(?P<title>.+?)\s*$")
_INDICATOR_LINE = re.compile(r"^(?P<no>\d+)、(?P<name>\S+)\s{2,}(?P<value>.+?)。?$")
_BOOKMARK_DEBRIS = re.compile(r"^\[bookmark: (?P<name>[^\]]*)\]")
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Lvl:
    """One w:lvl of a list definition; None leaves the element out."""

    fmt: str
    text: str
    start: int | None = 1
    suffix: str | None = None
    restart: int | None = None
    style: str | None = None
    legal: bool = False


class Numbering:
    """Writes list definitions into a python-docx Document's numbering.xml."""

    def __init__(self, document: WordDocument) -> None:
        self._root = document.part.numbering_part.element
        self._next_abstract = 1 + max(
            (int(a.get(qn("w:abstractNumId"))) for a in self._root.iterchildren(qn("w:abstractNum"))),
            default=-1,
        )
        self._next_num = 1 + max(
            (int(n.get(qn("w:numId"))) for n in self._root.iterchildren(qn("w:num"))), default=0
        )

    def add_list(self, *levels: Lvl) -> str:
        """A new list definition (w:abstractNum) and one w:num using it; returns the numId."""
        abstract_id = self._add_abstract([_lvl_element(ilvl, level) for ilvl, level in enumerate(levels)])
        return self.add_instance(abstract_id)

    def _add_abstract(self, children: list) -> str:
        abstract_id = str(self._next_abstract)
        self._next_abstract += 1
        abstract = _element("w:abstractNum", {"w:abstractNumId": abstract_id})
        abstract.extend(children)
        first_num = next(self._root.iterchildren(qn("w:num")), None)
        if first_num is None:
            self._root.append(abstract)
        else:
            first_num.addprevious(abstract)  # the schema wants every abstractNum before any num
        return abstract_id

    def add_linked_list(self, numbering_style_id: str) -> str:
        """A list defined elsewhere: its w:abstractNum only names a numbering style
        (w:numStyleLink), as Word writes lists that use a list style."""
        abstract_id = self._add_abstract([_element("w:numStyleLink", {"w:val": numbering_style_id})])
        return self.add_instance(abstract_id)

    def add_instance(
        self, abstract_id: str, start_overrides: dict[int, int] | None = None,
        level_overrides: dict[int, Lvl] | None = None,
    ) -> str:
        """Another w:num over an existing list definition, optionally overriding levels."""
        num_id = str(self._next_num)
        self._next_num += 1
        num = _element("w:num", {"w:numId": num_id})
        num.append(_element("w:abstractNumId", {"w:val": abstract_id}))
        for ilvl in sorted({*(start_overrides or {}), *(level_overrides or {})}):
            override = _element("w:lvlOverride", {"w:ilvl": str(ilvl)})
            if start_overrides and ilvl in start_overrides:
                override.append(_element("w:startOverride", {"w:val": str(start_overrides[ilvl])}))
            if level_overrides and ilvl in level_overrides:
                override.append(_lvl_element(ilvl, level_overrides[ilvl]))
            num.append(override)
        self._root.append(num)
        return num_id

    def abstract_of(self, num_id: str) -> str:
        for num in self._root.iterchildren(qn("w:num")):
            if num.get(qn("w:numId")) == num_id:
                return num.find(qn("w:abstractNumId")).get(qn("w:val"))
        raise KeyError(num_id)


def _lvl_element(ilvl: int, level: Lvl):
    lvl = _element("w:lvl", {"w:ilvl": str(ilvl)})
    if level.start is not None:
        lvl.append(_element("w:start", {"w:val": str(level.start)}))
    lvl.append(_element("w:numFmt", {"w:val": level.fmt}))
    if level.restart is not None:
        lvl.append(_element("w:lvlRestart", {"w:val": str(level.restart)}))
    if level.style is not None:
        lvl.append(_element("w:pStyle", {"w:val": level.style}))
    if level.legal:
        lvl.append(_element("w:isLgl"))
    if level.suffix is not None:
        lvl.append(_element("w:suff", {"w:val": level.suffix}))
    lvl.append(_element("w:lvlText", {"w:val": level.text}))
    return lvl


def number(paragraph: Paragraph, num_id: str | None = None, ilvl: int | None = None) -> Paragraph:
    """Direct numbering on a paragraph (either part may be left to the style)."""
    _set_num_pr(paragraph._p.get_or_add_pPr(), num_id, ilvl)
    return paragraph


def number_style(style: BaseStyle, num_id: str, ilvl: int | None = None) -> BaseStyle:
    _set_num_pr(style.element.get_or_add_pPr(), num_id, ilvl)
    return style


def set_outline_level(target: Paragraph | ParagraphStyle, outline: int) -> None:
    element = target._p if isinstance(target, Paragraph) else target.element
    ppr = element.get_or_add_pPr()
    for old in ppr.findall(qn("w:outlineLvl")):
        ppr.remove(old)
    ppr.append(_element("w:outlineLvl", {"w:val": str(outline)}))


def add_paragraph_xml(document: WordDocument, inner_xml: str) -> Paragraph:
    """A paragraph whose content is raw WordprocessingML (runs, w:del, w:ins, fields…)."""
    paragraph = document.add_paragraph()
    for child in parse_xml(f"<w:p {nsdecls('w')}>{inner_xml}</w:p>"):
        paragraph._p.append(child)
    return paragraph


def add_body_xml(document: WordDocument, blocks_xml: str) -> None:
    """Raw body blocks (e.g. a w:sdt content control) at the end of the body."""
    sect_pr = document.element.body.sectPr
    for child in parse_xml(f"<w:body {nsdecls('w')}>{blocks_xml}</w:body>"):
        sect_pr.addprevious(child)


def save(document: WordDocument, path: Path) -> Path:
    """Save with fixed zip timestamps, so the bytes (and the doc_id) never change."""
    document.save(str(path))
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            target.writestr(zipfile.ZipInfo(info.filename, date_time=_ZIP_EPOCH), data, zipfile.ZIP_DEFLATED)
    return path


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
        indicator = _INDICATOR_LINE.match(line) if in_targets else None
        if indicator:
            indicators.append((indicator["no"], indicator["name"], indicator["value"]))
            continue
        if indicators:
            _add_table(document, [INDICATOR_HEADER, *indicators])
            indicators = []
        top, second = _TOP_LINE.match(line), _SECOND_LINE.match(line)
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
    debris = _BOOKMARK_DEBRIS.match(line)
    if debris:
        paragraph._p.append(_element("w:bookmarkStart", {"w:id": "0", "w:name": debris["name"]}))
        paragraph._p.append(_element("w:bookmarkEnd", {"w:id": "0"}))
        line = line[debris.end():]
    if line:
        paragraph.add_run(line)


def _set_num_pr(ppr, num_id: str | None, ilvl: int | None) -> None:
    num_pr = ppr.get_or_add_numPr()
    if ilvl is not None:
        num_pr.get_or_add_ilvl().val = ilvl
    if num_id is not None:
        num_pr.get_or_add_numId().val = int(num_id)


def _element(tag: str, attrs: dict[str, str] | None = None):
    element = OxmlElement(tag)
    for name, value in (attrs or {}).items():
        element.set(qn(name), value)
    return element
