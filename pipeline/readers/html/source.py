"""The page's HTML as text: out of a web archive (.mht) if need be, in the right encoding."""
from __future__ import annotations

import codecs
import email
import email.policy
import re
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from pipeline.core.errors import ReadError
from pipeline.readers.txt import decode as decode_unlabelled

_MIME_HEAD = re.compile(rb"^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*?MIME-Version\s*:", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
# A page's declared code page is often the narrow one (gb2312) while it holds characters
# only the wider ones have; GB18030 is the superset of them all.
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030", "hz-gb-2312": "gb18030"}
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)


@dataclass(frozen=True)
class Page:
    html: str
    url: str | None = None


def load(path: Path) -> Page:
    data = path.read_bytes()
    if path.suffix.lower() in (".mht", ".mhtml") or _MIME_HEAD.match(data[:4096]):
        return _from_archive(data)
    html = decode(data)
    saved_from = _SAVED_FROM.search(html[:2048])
    return Page(html, saved_from.group(1) if saved_from else None)


def _from_archive(data: bytes) -> Page:
    """The HTML part of a MIME multipart/related web archive (RFC 2557), as browsers save them."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.get("MIME-Version") and not message.get_content_type().startswith("multipart/"):
        raise ReadError("not a web archive (no MIME header)")
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    if part is None:
        raise ReadError("the web archive holds no HTML page (damaged or cut short?)")
    payload = part.get_payload(decode=True)
    if not payload or not payload.strip():
        raise ReadError("the web archive's HTML page is empty")
    return Page(decode(payload, part.get_content_charset()), _location(part, message))


def _location(part: Message, message: Message) -> str | None:
    return part.get("Content-Location") or message.get("Snapshot-Content-Location")


def decode(data: bytes, declared: str | None = None) -> str:
    """BOM, then the charset the archive or the page declares, then a guess.

    A declared charset that does not decode the bytes is a lie pages often tell (a template
    saying gb2312 around UTF-8 text); the guess decides then.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_unlabelled(data)
    meta = _META_CHARSET.search(data[:4096])
    for label in (declared, meta.group(1).decode("ascii", "replace") if meta else None):
        encoding = _codec(label)
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    return decode_unlabelled(data)


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _WIDEN.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None
