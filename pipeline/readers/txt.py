"""Plain text in any of the encodings Chinese archives use (UTF-8 ± BOM, GB18030/GBK, UTF-16)."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.core.document import Document, new_document
from pipeline.core.errors import ReadError
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions
from pipeline.readers.cleanup import clean_text

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


def read(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    data = path.read_bytes()
    if not data.strip():
        raise ReadError("file is empty")
    text = clean_text(decode(data))
    if len(_CONTROL.findall(text)) > max(3, len(text) // 100):
        raise ReadError("file is binary, not text")
    return new_document(path, "txt", text)


def decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ReadError("cannot tell the text encoding (not UTF-8, GB18030 or UTF-16)")
    encoding = best.encoding.replace("_", "").lower()
    if encoding in _GB_FAMILY or encoding.startswith("gb"):
        return data.decode("gb18030", errors="replace")
    return str(best)
