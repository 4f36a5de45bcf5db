"""Legacy Word .doc and WPS .wps through LibreOffice: read as the Word rendering they came
from, under their own path, format and doc_id; every failure one error row."""
from __future__ import annotations

import hashlib
import shutil
import stat
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import olefile
import pytest

from pipeline import run as runner
from pipeline.core.errors import ReadError
from pipeline.readers import legacy, read
from pipeline.evaluate import score
from pipeline.evaluate.formatting import format_findings
from pipeline.evaluate.gold import load_gold
from pipeline.evaluate.predictions import predictions_from_tables
from tests.build_docx import build_seed_docx
from tests.build_legacy import build_seed_doc, build_seed_wps, soffice_convert
from tests.build_renderings import CORPUS_FORMATS
from tests.conftest import CORPUS, SEED, SHARED

SEED_DOC = CORPUS_FORMATS / "seed.doc"  # committed, for the tests that need no LibreOffice
GOLD = SHARED / "gold" if (SHARED / "gold").is_dir() else CORPUS / "seed-gold"
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (make sysdeps)")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("legacy")
    return {
        "docx": build_seed_docx(folder / "seed.docx"),
        "doc": build_seed_doc(folder / "seed.doc"),
        "wps": build_seed_wps(folder / "seed.wps"),
    }


def _no_soffice(monkeypatch, tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    monkeypatch.setenv("PATH", str(empty))


def _with_word_stream(source: Path, target: Path, change) -> Path:
    """A copy of `source` whose WordDocument stream is rewritten in place (same size)."""
    shutil.copyfile(source, target)
    with olefile.OleFileIO(str(target), write_mode=True) as ole:
        data = bytearray(ole.openstream("WordDocument").read())
        change(data)
        ole.write_stream("WordDocument", bytes(data))
    return target


@needs_soffice
@pytest.mark.parametrize("fmt", ["doc", "wps"])
def test_legacy_reads_as_the_word_rendering_it_came_from(built, fmt):
    doc, word = read(built[fmt]), read(built["docx"])
    assert doc.text == word.text
    assert doc.heading_levels == word.heading_levels
    assert [t.row_texts() for t in doc.tables] == [t.row_texts() for t in word.tables]
    assert doc.text.startswith("一、项目概况\n（一）项目立项背景和依据\n")  # LibreOffice's Chinese numbering
    assert (doc.format, doc.source_path) == (fmt, str(built[fmt]))
    assert doc.sha256 == hashlib.sha256(built[fmt].read_bytes()).hexdigest() and doc.doc_id == doc.sha256[:16]


@needs_soffice
def test_legacy_wps_is_what_libreoffice_writes_for_word_97(built):
    """LibreOffice's "wps" is its Word 97 filter: the same bytes as the .doc."""
    assert built["wps"].read_bytes() == built["doc"].read_bytes()
    with olefile.OleFileIO(str(built["wps"])) as ole:
        assert ole.exists("WordDocument")


@needs_soffice
def test_legacy_libreoffice_output_is_reproducible(built, tmp_path):
    assert build_seed_doc(tmp_path / "again.doc").read_bytes() == built["doc"].read_bytes()


@needs_soffice
@pytest.mark.parametrize("fmt", ["doc", "wps"])
def test_legacy_corpus_examples_read_like_a_fresh_build(built, fmt):
    assert read(CORPUS_FORMATS / f"seed.{fmt}").text == read(built[fmt]).text


@needs_soffice
@pytest.mark.parametrize("fmt", ["doc", "wps"])
def test_legacy_seed_rendering_scores_like_the_text(built, tmp_path, fmt):
    path = shutil.copyfile(built[fmt], tmp_path / f"{SEED.stem}.{fmt}")
    tables = runner.run([path], jobs=1).tables
    scores = score(load_gold(GOLD), predictions_from_tables(tables), match_stem=True)
    assert scores.micro.f1 >= 0.90, format_findings(scores)


@needs_soffice
def test_legacy_rtf_saved_as_doc(built, tmp_path):
    rtf = soffice_convert(built["docx"], "rtf", tmp_path / "seed.rtf")
    doc = read(shutil.copyfile(rtf, tmp_path / "seed.doc"))
    assert "根据项目绩效自评指标评分标准，该项目自评得分为96分" in doc.text and doc.format == "doc"


@needs_soffice
def test_legacy_parallel_conversions_do_not_collide(built):
    with ThreadPoolExecutor(max_workers=3) as pool:
        texts = list(pool.map(lambda p: read(p).text, [built["doc"], built["wps"], built["doc"]]))
    assert texts[0] == texts[1] == texts[2] == read(built["docx"]).text


@needs_soffice
def test_legacy_word_stream_libreoffice_cannot_load_is_one_error_row(built, tmp_path):
    def scramble(data: bytearray) -> None:
        for i in range(len(data)):
            data[i] = (i * 131 + 7) % 256

    broken = _with_word_stream(built["doc"], tmp_path / "broken.doc", scramble)
    shutil.copyfile(built["doc"], tmp_path / "fine.doc")
    result = runner.run([tmp_path], jobs=1)
    status = {Path(r["source_path"]).name: r["status"] for r in result.tables["documents"]}
    assert status == {"broken.doc": "error", "fine.doc": "ok"}
    (error,) = result.tables["errors"]
    assert error["source_path"] == str(broken)
    assert error["message"] == "LibreOffice could not convert the file (Error: source file could not be loaded)"


@needs_soffice
def test_legacy_temp_folder_is_removed(built, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    read(built["doc"])
    assert list(tmp_path.iterdir()) == []


def test_legacy_time_limit_kills_libreoffice_and_cleans_up(tmp_path, monkeypatch):
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    # LibreOffice's launcher starts soffice.bin below it: so does this one, with `sleep`.
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {tmp_path / 'pid'}\nwait\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake.parent}:/bin:/usr/bin")
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr(legacy, "TIMEOUT_SECONDS", 0.5)
    started = time.monotonic()
    with pytest.raises(ReadError, match=r"did not convert the file within 0.5 s"):
        read(SEED_DOC)
    assert time.monotonic() - started < 10, "waited for a child that should have been killed"
    assert list(temp.iterdir()) == []
    assert not _running(int((tmp_path / "pid").read_text())), "the child outlived the time limit"


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for its (re)parent to reap it."""
    for _ in range(50):
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return False
        if state == "Z":
            return False
        time.sleep(0.02)
    return True


def test_legacy_without_libreoffice_says_how_to_install_it(tmp_path, monkeypatch):
    _no_soffice(monkeypatch, tmp_path)
    with pytest.raises(ReadError) as caught:
        read(SEED_DOC)
    assert "apt-get install libreoffice-writer-nogui" in str(caught.value)
    result = runner.run([SEED_DOC, build_seed_docx(tmp_path / "seed.docx")], jobs=1)
    (error,) = result.tables["errors"]
    assert error["message"] == legacy.INSTALL_HINT and "\n" not in error["message"]
    assert sorted(r["status"] for r in result.tables["documents"]) == ["error", "ok"]


def test_legacy_docx_named_doc_needs_no_libreoffice(tmp_path, monkeypatch):
    word = build_seed_docx(tmp_path / "seed.docx")
    _no_soffice(monkeypatch, tmp_path)
    doc = read(shutil.copyfile(word, tmp_path / "misnamed.doc"))
    assert doc.text == read(word).text and doc.format == "doc"


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: bytes(range(256)) * 40, "not a Word document"),
        (lambda: SEED_DOC.read_bytes()[:6000], "damaged Word file"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(5000), "damaged Word file"),
    ],
    ids=["not-word", "truncated", "ole-magic-then-zeros"],
)
def test_legacy_bad_bytes_fail_before_libreoffice(tmp_path, monkeypatch, make, message):
    data = make()
    _no_soffice(monkeypatch, tmp_path)  # never reached: these fail on sight
    with pytest.raises(ReadError, match=message):
        read(_write_bytes(tmp_path / "bad.doc", data))


def test_legacy_password_protected_doc(tmp_path, monkeypatch):
    def encrypt(data: bytearray) -> None:
        data[0x0B] |= 0x01  # FIB fEncrypted

    locked = _with_word_stream(SEED_DOC, tmp_path / "locked.doc", encrypt)
    _no_soffice(monkeypatch, tmp_path)
    with pytest.raises(ReadError, match="password-protected"):
        read(locked)


def test_legacy_compound_file_without_word_text(tmp_path, monkeypatch):
    other = tmp_path / "sheet.doc"
    shutil.copyfile(SEED_DOC, other)
    raw = bytearray(other.read_bytes())
    name = "WordDocument".encode("utf-16-le")
    raw[raw.index(name):raw.index(name) + len(name)] = "WorkDocument".encode("utf-16-le")
    other.write_bytes(raw)
    _no_soffice(monkeypatch, tmp_path)
    with pytest.raises(ReadError, match="compound file without Word text"):
        read(other)


def _write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
