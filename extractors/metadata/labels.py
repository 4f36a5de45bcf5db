"""Where a report names itself: the title block and the signature above the closing date.
Label cells and lines (主管部门：…) are the form's: extractors/form/labels.py."""
from __future__ import annotations

import re

from extractors.form.labels import LocatedValue, stripped, trimmed
from pipeline.core.document import Document

TITLE_CUE = re.compile(r"报告|预算|决算|自评|评价|绩效|情况说明|自评表")
# Lines above a title that are not part of it ("附件2", "目录"), and an attachment number
# written on the title's own line ("附件1：2021年度…自评报告").
_SKIPPED_LINE = re.compile(r"(?:附件\s*[\d一二三四五六七八九十]*\s*[:：、]?|目\s*录|公开)")
_ATTACHMENT_PREFIX = re.compile(r"附件\s*[\d一二三四五六七八九十]*\s*[:：、]\s*")
# The head of an official document (公文) above its title: copy number, secrecy and urgency,
# the issuer's "…文件", the document number with 签发人, a line in another script.
_DOCUMENT_HEAD = re.compile(
    r"\d{1,8}|(?:密级|紧急程度|保密期限|份号|签发人)\s*[:：].*|\S{2,30}文件|.*〔(?:19|20)\d\d〕\s*\d+\s*号.*"
    r"|[^\u4e00-\u9fff]+")
# A line that ends a title block: prose, a table row, a "label：value" line, the salutation
# of a report written as a letter ("县财政局：").
_NOT_TITLE_LINE = re.compile(r"[。；;，,:：]$|\t|[:：]\s*\S")
_LINE = re.compile(r"^.*$", re.M)
_TITLE_MAX_LINES = 4
_TITLE_LINE_MAX_CHARS = 60
_HEAD_LINES = 12  # a title sits among the first lines or not at all

# The closing date of a signature ("2022年3月15日"), on a line of its own.
DATE_LINE = re.compile(
    r"(?P<year>[\d〇零一二三四五六七八九]{4})\s*年\s*(?P<month>[\d]{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?"
)
_CLOSING_LINES = 4  # non-empty lines at the end looked at for a signature
_SIGNATURE_MAX_CHARS = 40


def title_block(doc: Document) -> LocatedValue | None:
    """The short lines that open the document and name it (title, subtitle, issuer)."""
    section_starts = {s.char_start for s in doc.sections}
    lines: list[tuple[int, int]] = []
    for n, line in enumerate(_LINE.finditer(doc.text)):
        if n >= _HEAD_LINES and not lines or len(lines) == _TITLE_MAX_LINES:
            break
        first, end = stripped(doc.text, line.start(), line.end())
        if first == end or _SKIPPED_LINE.fullmatch(doc.text, first, end) \
                or not lines and _DOCUMENT_HEAD.fullmatch(doc.text, first, end):
            if lines:
                break
            continue
        attachment = _ATTACHMENT_PREFIX.match(doc.text, first, end) if not lines else None
        first = attachment.end() if attachment else first
        title_line = doc.text[first:end]
        opens_section = first in section_starts or line.start() in section_starts
        if opens_section and not TITLE_CUE.search(title_line) or len(title_line) > _TITLE_LINE_MAX_CHARS \
                or _NOT_TITLE_LINE.search(doc.match_text, first, end):
            break
        lines.append((first, end))
    if not any(TITLE_CUE.search(doc.text, a, b) for a, b in lines):
        return None
    return LocatedValue("".join(doc.text[a:b] for a, b in lines), lines[0][0], lines[-1][1], "title")


def closing_lines(doc: Document) -> list[tuple[int, int]]:
    """The last non-empty lines, stripped: where a signature and its date stand."""
    lines = [stripped(doc.text, m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", doc.text)]
    return lines[-_CLOSING_LINES:]


def signature(doc: Document) -> LocatedValue | None:
    """The short line above a closing date: who signed the report."""
    lines = closing_lines(doc)
    for (a, b), (c, d) in zip(lines, lines[1:]):
        if DATE_LINE.fullmatch(doc.text, c, d) and b - a <= _SIGNATURE_MAX_CHARS:
            return trimmed(doc, a, b, "signature")
    return None
