"""Plain text in any of the encodings Chinese archives use (UTF-8 ± BOM, GB18030/GBK, UTF-16).

Text that is almost right is read, not rejected: an interrupted copy cuts the last character
in half, a disk error spoils a few bytes. Each run of such bytes becomes one U+FFFD and a
warning says how many bytes there were; a file is refused only when most of what is not ASCII decodes in no
encoding. Text copied from a document-sharing site carries the original's page numbers on
lines of their own, often in the middle of a sentence; they are dropped and the sentence
joined. Text wrapped at a fixed width has its paragraphs put back together (hardwrap.py).
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.core.document import Document, new_document
from pipeline.core.errors import ReadError
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions
from pipeline.readers.cleanup import clean_text
from pipeline.readers.hardwrap import SENTENCE_END, join_hard_wraps

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# charset-normalizer names several legacy Chinese code pages; GB18030 is the superset of
# them all, so decoding with it never loses a character the narrower guess would keep.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# Bytes an encoding could not decode, as "surrogateescape" leaves them: one per byte.
_UNDECODED = re.compile("[\udc80-\udcff]+")
# In UTF-8 damaged by a few bad bytes, nearly every multi-byte character is intact; text in
# another encoding (GBK) read as UTF-8 has most of its non-ASCII bytes bad.
DAMAGED_UTF8_SHARE = 0.1
# A file with a larger share of undecodable non-ASCII bytes in every encoding is not text.
MOST = 0.5
UNREADABLE = "cannot tell the text encoding (not UTF-8, GB18030 or UTF-16)"

# A page number on a line of its own: "- 3 -", "— 3 —", "第 3 页", "第3页 共12页".
_GAP = "[ \t\u3000]*"
_PAGE_MARKER_LINE = re.compile(
    rf"\n{_GAP}(?:[-—–－]+{_GAP}\d{{1,4}}{_GAP}[-—–－]+"
    rf"|第{_GAP}\d{{1,4}}{_GAP}页(?:{_GAP}[,，]?{_GAP}共{_GAP}\d{{1,4}}{_GAP}页)?){_GAP}(?=\n)"
)
# A line that ends without closing its sentence and reads as running text (a clause mark,
# or too long for a heading) is cut by the page number after it.
_CLAUSE = re.compile(r"[，,；;]")
HEADING_CHARS = 25


def read(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    data = path.read_bytes()
    if not data.strip():
        raise ReadError("file is empty")
    decoded, warnings = decode_reporting(data)
    text = join_hard_wraps(_drop_page_markers(clean_text(decoded)))
    if len(_CONTROL.findall(text)) > max(3, len(text) // 100):
        raise ReadError("file is binary, not text")
    doc = new_document(path, "txt", text)
    doc.warnings = warnings
    return doc


def decode(data: bytes) -> str:
    return decode_reporting(data)[0]


def decode_reporting(data: bytes) -> tuple[str, list[str]]:
    """The text, and a warning when bytes had to be replaced."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _replaced(data, encoding)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    non_ascii = sum(1 for b in data if b >= 0x80)
    as_utf8 = data.decode("utf-8", "surrogateescape")
    if _bad_bytes(as_utf8) <= DAMAGED_UTF8_SHARE * non_ascii:
        return _replaced(data, "utf-8")
    best = from_bytes(data).best()
    if best is not None:
        encoding = best.encoding.replace("_", "").lower()
        if encoding in _GB_FAMILY or encoding.startswith("gb"):
            return _replaced(data, "gb18030")
        return str(best), []
    # No encoding is recognised: UTF-8 with its damage replaced, unless most of the file is
    # no UTF-8. (GB18030 decodes nearly any bytes, so it says nothing here without a guess.)
    if _bad_bytes(as_utf8) > MOST * non_ascii:
        raise ReadError(UNREADABLE)
    return _replaced(data, "utf-8")


def _replaced(data: bytes, encoding: str) -> tuple[str, list[str]]:
    text = data.decode(encoding, "surrogateescape")
    bad = _bad_bytes(text)
    if not bad:
        return text, []
    name = {"utf-8-sig": "UTF-8"}.get(encoding, encoding.upper())
    warning = (f"{bad} byte{'s' if bad > 1 else ''} could not be decoded as {name} "
               "(a damaged or cut-off file?) and read as U+FFFD")
    return _UNDECODED.sub("\ufffd", text), [warning]


def _bad_bytes(text: str) -> int:
    return sum(len(m.group()) for m in _UNDECODED.finditer(text))


def _drop_page_markers(text: str) -> str:
    """Page-number lines go; where one stood inside a sentence, the sentence is joined."""
    def drop(hit: re.Match) -> str:
        line = text[text.rfind("\n", 0, hit.start()) + 1:hit.start()].rstrip(" \t\u3000")
        running = bool(_CLAUSE.search(line)) or len(line) > HEADING_CHARS
        cut = running and not line.endswith(tuple(SENTENCE_END))
        following = text[hit.end() + 1:hit.end() + 2]
        return "\x00" if cut and following.strip() else ""
    # The newline after a cut marker goes too; \x00 marks it (clean_text removed any before).
    return _PAGE_MARKER_LINE.sub(drop, text).replace("\x00\n", "")
