"""Archives (.zip, .7z, .rar): every member jixiao reads is a document of its own, with
`source_path` `archive.zip!/folder/member.pdf` (and `…!/book.xlsx#Sheet` for a form sheet).

Downloads arrive zipped, often by Windows tools that write member names in GBK without
saying so: a name not flagged UTF-8 is decoded as UTF-8 when it is valid, else as GB18030.
Members that are not reports (images unless asked for, .json, lock files, __MACOSX/) are
passed over as a folder walk passes them. Guards against archive bombs — a limit on the
total uncompressed size, on the ratio of a member's size to its compressed size, on the
number of members — and an archive inside an archive (nesting depth 1) each fail as one
error row; a damaged member fails alone and the others are read.
"""
from __future__ import annotations

import io
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

from pipeline.core.document import Document
from pipeline.core.errors import ReadError
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions, Unreadable, can_read, read_all as read_any

ARCHIVE_SUFFIXES = (".zip", ".7z", ".rar")
MAX_TOTAL_BYTES = 2 * 1024**3  # uncompressed, over all members read
MAX_RATIO = 200  # uncompressed / compressed size of one member; text compresses ~5-20×
MAX_MEMBERS = 20_000
_LITTER = ("__MACOSX/", "~$", ".~lock", "._", ".DS_Store", "Thumbs.db")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Member:
    name: str  # the path inside the archive, decoded
    size: int  # uncompressed, as the archive declares it
    packed: int  # compressed
    open: Callable[[], object]  # a binary file object of its bytes


def read_all(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Document | Unreadable]:
    members = _members(path)
    if len(members) > MAX_MEMBERS:
        raise ReadError(f"archive lists {len(members)} members (more than {MAX_MEMBERS}): possibly an archive bomb")
    budget = MAX_TOTAL_BYTES
    for member in members:
        inner = PurePosixPath(member.name)
        source = f"{path}!/{member.name}"
        if _is_litter(member.name) or not can_read(Path(inner.name), options):
            continue
        if inner.suffix.lower() in ARCHIVE_SUFFIXES:
            yield Unreadable(source, ReadError("an archive inside an archive: extract the outer one first"))
            continue
        if member.packed and member.size / member.packed > MAX_RATIO:
            yield Unreadable(source, ReadError(
                f"member expands {member.size // member.packed}× (more than {MAX_RATIO}×): possibly an archive bomb"))
            continue
        if member.size > budget:
            yield Unreadable(source, ReadError(
                f"the archive expands to more than {MAX_TOTAL_BYTES // 1024**3} GiB: the rest is not read"))
            return
        budget -= member.size
        yield from _read_member(member, source, options)


def _read_member(member: Member, source: str, options: ReadOptions) -> Iterator[Document | Unreadable]:
    with tempfile.TemporaryDirectory(prefix="jixiao-member-") as folder:
        local = Path(folder) / PurePosixPath(member.name).name
        try:
            _copy(member, local)
        except (OSError, zipfile.BadZipFile, zlib.error, ReadError, RuntimeError, EOFError) as exc:
            yield Unreadable(source, ReadError(f"damaged member ({_first_line(exc)})"))
            return
        for part in read_any(local, options):
            yield _renamed(part, str(local), source)


def _copy(member: Member, target: Path) -> None:
    """The member's bytes, never more than it declared: a lying header is a bomb too."""
    written = 0
    with member.open() as src, open(target, "wb") as dst:
        while block := src.read(_CHUNK):
            written += len(block)
            if written > member.size:
                raise ReadError("member is larger than the archive says")
            dst.write(block)


def _renamed(part: Document | Unreadable, local: str, source: str):
    if isinstance(part, Unreadable):
        return Unreadable(source + part.source_path[len(local):], part.error, part.sha256)
    part.source_path = source + part.source_path[len(local):]
    return part


def _members(path: Path) -> list[Member]:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return _zip_members(path)
    if suffix == ".7z":
        return _7z_members(path)
    return _rar_members(path)


def _zip_members(path: Path) -> list[Member]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReadError(f"not a readable zip archive ({_first_line(exc)})") from None
    members = []
    for info in archive.infolist():
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise ReadError("the zip archive is password-protected: extract it with the password first")
        members.append(Member(_zip_name(info), info.file_size, info.compress_size,
                              lambda info=info: archive.open(info)))
    return members


def _zip_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")  # how zipfile decoded a name without the UTF-8 flag
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _7z_members(path: Path) -> list[Member]:
    import py7zr

    try:
        archive = py7zr.SevenZipFile(path)
        if archive.needs_password():
            raise ReadError("the 7z archive is password-protected: extract it with the password first")
        infos = [info for info in archive.list() if not info.is_directory]
    except (py7zr.exceptions.ArchiveError, OSError, EOFError) as exc:
        raise ReadError(f"not a readable 7z archive ({_first_line(exc)})") from None

    def opener(name: str):
        def open_member():
            with tempfile.TemporaryDirectory(prefix="jixiao-7z-") as folder:
                archive.reset()
                archive.extract(path=folder, targets=[name])
                extracted = Path(folder) / name
                if not extracted.is_file():
                    raise ReadError("member missing from the archive")
                return io.BytesIO(extracted.read_bytes())
        return open_member

    # A solid 7z may give no compressed size per member; the archive's own ratio stands in.
    packed = max(1, path.stat().st_size)
    total = sum(info.uncompressed for info in infos) or 1
    return [Member(info.filename, info.uncompressed,
                   info.compressed or max(1, packed * info.uncompressed // total), opener(info.filename))
            for info in infos]


def _rar_members(path: Path) -> list[Member]:
    import rarfile

    try:
        archive = rarfile.RarFile(path)
        if archive.needs_password():
            raise ReadError("the rar archive is password-protected: extract it with the password first")
        infos = [info for info in archive.infolist() if not info.is_dir()]
    except (rarfile.Error, OSError) as exc:
        raise ReadError(f"not a readable rar archive ({_first_line(exc)})") from None
    try:
        rarfile.tool_setup()
    except rarfile.RarCannotExec:
        raise ReadError("reading .rar needs the unrar, unar or bsdtar program "
                        "(apt-get install unar); or extract the archive first") from None
    return [Member(info.filename, info.file_size, info.compress_size, lambda info=info: archive.open(info))
            for info in infos]


def _is_litter(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return name.startswith("__MACOSX/") or any(part.startswith(_LITTER) for part in parts)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__

