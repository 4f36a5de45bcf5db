"""Legacy Word .doc and WPS .wps: converted to .docx by LibreOffice, then read as Word.

Choices a reader of the output should know about:
- The Document is the original file's: its path, its format ('doc' or 'wps') and a doc_id
  from its own bytes. Only the text comes from the converted .docx.
- The file is sniffed before LibreOffice sees it, because LibreOffice imports any file it
  cannot recognise as plain text and "converts" it without complaint: a compound file must
  hold a WordDocument stream (Word 97–2003, and what WPS Office writes), otherwise the file
  must be RTF or a web page saved as .doc, which LibreOffice reads. A .docx named .doc is
  read directly. Microsoft Works files, which also end in .wps, are not read.
- Each conversion gets its own LibreOffice profile (-env:UserInstallation) in its own temp
  folder, so that parallel workers never share one (LibreOffice locks its profile and a
  second process would hand its work to the first or fail), and a time limit after which
  the whole process group is killed. The temp folder goes whatever happens.
- Cost: LibreOffice starts afresh for every file: reading the seed as .doc takes 1.4 s
  (median of 8, 2-core machine) against 0.03 s as .docx; a private profile adds 0.1 s.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

import olefile

from pipeline.core.document import Document
from pipeline.core.errors import ReadError
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions
from pipeline.readers import docx as word

TIMEOUT_SECONDS = 120
INSTALL_HINT = (
    "reading .doc and .wps files needs LibreOffice: install it with "
    "`apt-get install libreoffice-writer-nogui` (`make demo` and `make test` do it)"
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MARKUP = (b"<", b"MIME-Version", b"\xef\xbb\xbf<")  # web pages and Word 2003 XML saved as .doc
_RTF = b"{\\rtf"
# FIB flags (MS-DOC 2.5.2): fEncrypted is bit 8 of the 16-bit word at offset 0x0A.
_FIB_FLAGS, _F_ENCRYPTED = 0x0A, 0x0100


def read(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    fmt = path.suffix.lower().lstrip(".")
    kind = _sniff(path)
    if kind == "docx":
        return word.read(path, source=path, fmt=fmt)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ReadError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="jixiao-soffice-") as tmp:
        converted = convert(Path(soffice), path, Path(tmp))
        return word.read(converted, source=path, fmt=fmt)


def _sniff(path: Path) -> str:
    """What the bytes are: 'ole' (Word binary), 'docx', 'rtf' or 'markup'; else a ReadError."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise ReadError(f"cannot open the file: {exc.strerror}") from exc
    if head.startswith(_OLE_MAGIC):
        _check_word_binary(path)
        return "ole"
    if zipfile.is_zipfile(path):
        return "docx"
    if head.startswith(_RTF):
        return "rtf"
    if head.lstrip().startswith(_MARKUP):
        return "markup"
    raise ReadError("not a Word document (neither Word 97–2003, WPS, RTF nor a web page saved as .doc)")


def _check_word_binary(path: Path) -> None:
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("WordDocument"):
                raise ReadError("not a Word document (a compound file without Word text: Excel, PowerPoint or Works?)")
            fib = ole.openstream("WordDocument").read(_FIB_FLAGS + 2)
    except ReadError:
        raise
    # olefile reports damage as OleFileError (an OSError) or as ValueError/IndexError from
    # the sector arithmetic on garbage.
    except (OSError, ValueError, IndexError) as exc:
        raise ReadError("damaged Word file (its compound-file structure is broken)") from exc
    if len(fib) == _FIB_FLAGS + 2 and int.from_bytes(fib[_FIB_FLAGS:], "little") & _F_ENCRYPTED:
        raise ReadError("password-protected Word file: open it in Word or WPS and save it without a password")


def convert(soffice: Path, path: Path, tmp: Path) -> Path:
    """`path` converted to .docx inside `tmp`, with a private LibreOffice profile there."""
    # LibreOffice names its output after the input; a plain copy also keeps it away from
    # names with spaces, leading dashes or characters the shell-less call still trips on.
    source = tmp / f"source{path.suffix.lower()}"
    shutil.copyfile(path, source)
    out = tmp / "out"
    command = [
        str(soffice), "--headless", "--norestore", "--nolockcheck", "--nodefault",
        f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
        "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source),
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: soffice starts soffice.bin below it
    )
    try:
        _, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise ReadError(f"LibreOffice did not convert the file within {TIMEOUT_SECONDS} s") from None
    converted = out / "source.docx"
    if not converted.is_file():
        # LibreOffice exits 0 even when it cannot load a file; its reason is on stderr.
        reason = _last_error(stderr.decode("utf-8", "replace")) or f"exit status {process.returncode}"
        raise ReadError(f"LibreOffice could not convert the file ({reason})")
    return converted


def _last_error(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip() and "javaldx" not in line]
    errors = [line for line in lines if line.lower().startswith("error")]
    return (errors or lines or [""])[-1]
