"""The three parts of a .docx package the reader uses — the main document, its styles and its
numbering — read straight from the zip and parsed with lxml as python-docx parses them.

python-docx opens every part of the package and builds its object tree over them (themes,
settings, fonts, properties) before the first paragraph is read: about half the time of
reading a report. The parts are found through the package's relationships, as Word finds them.
"""
from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree
from lxml.etree import XMLSyntaxError, _Element

from pipeline.core.errors import ReadError
from pipeline.readers.docx.xml import W

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and legacy .doc
# python-docx's parser settings (docx.oxml.parser).
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT, STYLES, NUMBERING = (_RELATION + name for name in ("officeDocument", "styles", "numbering"))
NO_DOCUMENT = "not a valid .docx (no Word document inside the zip package)"


@dataclass
class Package:
    document: _Element  # w:document
    styles: _Element | None
    numbering: _Element | None


def open_package(path: Path) -> Package:
    """The package's parts, or a ReadError that says why it cannot be read."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_OLE_MAGIC))
    except OSError as exc:
        raise ReadError(f"cannot open the file: {exc.strerror}") from exc
    if head == _OLE_MAGIC:
        raise ReadError("encrypted or legacy Word file: save it as .docx without a password")
    if not zipfile.is_zipfile(path):
        raise ReadError("not a valid .docx (not a zip package)")
    try:
        with zipfile.ZipFile(path) as z:
            return _parts(z)
    except XMLSyntaxError as exc:
        raise ReadError(f"not a valid .docx (damaged XML: {exc.msg})") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ReadError("not a valid .docx (damaged zip package)") from exc


def _parts(z: zipfile.ZipFile) -> Package:
    names = set(z.namelist())
    main = next(iter(_related(z, names, "", OFFICE_DOCUMENT)), None)
    if main is None or main not in names:
        raise ReadError(NO_DOCUMENT)
    document = _parse(z, main)
    if document.tag != W + "document":
        raise ReadError(NO_DOCUMENT)

    def related(kind: str) -> _Element | None:
        target = next((t for t in _related(z, names, main, kind) if t in names), None)
        if target is None:
            return None
        return _parse_shared(z.read(target))

    return Package(document, related(STYLES), related(NUMBERING))


def _related(z: zipfile.ZipFile, names: set[str], part: str, kind: str) -> list[str]:
    """Zip names of the parts `part` ("" for the package) relates to with relationship `kind`."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in names:
        return []
    targets = []
    for rel in _parse(z, rels).iter(_RELS):
        if rel.get("Type") == kind and rel.get("TargetMode") != "External":
            target = rel.get("Target") or ""
            full = target[1:] if target.startswith("/") else posixpath.join(folder, target)
            targets.append(posixpath.normpath(full))
    return targets


def _parse(z: zipfile.ZipFile, name: str) -> _Element:
    return etree.fromstring(z.read(name), _PARSER)


@lru_cache(maxsize=32)
def _parse_shared(data: bytes) -> _Element:
    """styles.xml and numbering.xml, parsed once per process for each distinct content:
    documents made from one template share a styles.xml of up to a third of a megabyte, most
    of the time it took to parse a .docx, and its numbering. The readers only read these
    trees, never change them."""
    return etree.fromstring(data, _PARSER)
