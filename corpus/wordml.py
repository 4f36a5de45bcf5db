"""What python-docx cannot write itself: list definitions in numbering.xml, numbering and
outline levels on paragraphs and styles, raw WordprocessingML, and a zip with fixed
timestamps so that the same document is always the same bytes (and the same doc_id).

The one home of these primitives: the sample archive's renderer (render_docx.py) and the
hand-built test documents (tests/build_docx.py and friends) both write with them.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as WordDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.text.paragraph import Paragraph

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


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
    justify: str | None = None


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

    def add_list(self, *levels: Lvl, multilevel: bool | None = None) -> str:
        """A new list definition (w:abstractNum) and one w:num using it; returns the numId.
        `multilevel` writes w:multiLevelType (multilevel or singleLevel), as Word does."""
        children = [] if multilevel is None else [
            element("w:multiLevelType", {"w:val": "multilevel" if multilevel else "singleLevel"})]
        abstract_id = self._add_abstract(children + [lvl_element(ilvl, level) for ilvl, level in enumerate(levels)])
        return self.add_instance(abstract_id)

    def _add_abstract(self, children: list) -> str:
        abstract_id = str(self._next_abstract)
        self._next_abstract += 1
        abstract = element("w:abstractNum", {"w:abstractNumId": abstract_id})
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
        abstract_id = self._add_abstract([element("w:numStyleLink", {"w:val": numbering_style_id})])
        return self.add_instance(abstract_id)

    def add_instance(
        self, abstract_id: str, start_overrides: dict[int, int] | None = None,
        level_overrides: dict[int, Lvl] | None = None,
    ) -> str:
        """Another w:num over an existing list definition, optionally overriding levels."""
        num_id = str(self._next_num)
        self._next_num += 1
        num = element("w:num", {"w:numId": num_id})
        num.append(element("w:abstractNumId", {"w:val": abstract_id}))
        for ilvl in sorted({*(start_overrides or {}), *(level_overrides or {})}):
            override = element("w:lvlOverride", {"w:ilvl": str(ilvl)})
            if start_overrides and ilvl in start_overrides:
                override.append(element("w:startOverride", {"w:val": str(start_overrides[ilvl])}))
            if level_overrides and ilvl in level_overrides:
                override.append(lvl_element(ilvl, level_overrides[ilvl]))
            num.append(override)
        self._root.append(num)
        return num_id

    def abstract_of(self, num_id: str) -> str:
        for num in self._root.iterchildren(qn("w:num")):
            if num.get(qn("w:numId")) == num_id:
                return num.find(qn("w:abstractNumId")).get(qn("w:val"))
        raise KeyError(num_id)


def lvl_element(ilvl: int, level: Lvl):
    lvl = element("w:lvl", {"w:ilvl": str(ilvl)})
    if level.start is not None:
        lvl.append(element("w:start", {"w:val": str(level.start)}))
    lvl.append(element("w:numFmt", {"w:val": level.fmt}))
    if level.restart is not None:
        lvl.append(element("w:lvlRestart", {"w:val": str(level.restart)}))
    if level.style is not None:
        lvl.append(element("w:pStyle", {"w:val": level.style}))
    if level.legal:
        lvl.append(element("w:isLgl"))
    if level.suffix is not None:
        lvl.append(element("w:suff", {"w:val": level.suffix}))
    lvl.append(element("w:lvlText", {"w:val": level.text}))
    if level.justify is not None:
        lvl.append(element("w:lvlJc", {"w:val": level.justify}))
    return lvl


def number(paragraph: Paragraph, num_id: str | None = None, ilvl: int | None = None) -> Paragraph:
    """Direct numbering on a paragraph (either part may be left to the style)."""
    _set_num_pr(paragraph._p.get_or_add_pPr(), num_id, ilvl)
    return paragraph


def number_style(style: BaseStyle, num_id: str, ilvl: int | None = None) -> BaseStyle:
    _set_num_pr(style.element.get_or_add_pPr(), num_id, ilvl)
    return style


def set_outline_level(target: Paragraph | ParagraphStyle, outline: int) -> None:
    node = target._p if isinstance(target, Paragraph) else target.element
    ppr = node.get_or_add_pPr()
    for old in ppr.findall(qn("w:outlineLvl")):
        ppr.remove(old)
    ppr.append(element("w:outlineLvl", {"w:val": str(outline)}))


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


def to_bytes(document: WordDocument) -> bytes:
    """The .docx package with fixed zip timestamps, so the bytes never change."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in entries:
            target.writestr(zipfile.ZipInfo(name, date_time=ZIP_EPOCH), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def save(document: WordDocument, path: Path) -> Path:
    """`to_bytes` written to `path`."""
    path = Path(path)
    path.write_bytes(to_bytes(document))
    return path


def element(tag: str, attrs: dict[str, str] | None = None):
    node = OxmlElement(tag)
    for name, value in (attrs or {}).items():
        node.set(qn(name), value)
    return node


def _set_num_pr(ppr, num_id: str | None, ilvl: int | None) -> None:
    num_pr = ppr.get_or_add_numPr()
    if ilvl is not None:
        num_pr.get_or_add_ilvl().val = ilvl
    if num_id is not None:
        num_pr.get_or_add_numId().val = int(num_id)
