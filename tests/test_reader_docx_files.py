"""The .docx reader on whole files: input it must refuse with one readable error, and the
seed report rendered as a Word file with automatic numbering."""
from __future__ import annotations

import random
import zipfile
from pathlib import Path

import docx
import pytest

from corpus.wordml import save
from pipeline.core.document import Document
from pipeline.core.errors import ReadError
from pipeline.readers import docx as docx_reader
from pipeline.readers import read as read_any
from tests.build_docx import SEED_PATH, SEED_SECTIONS, build_seed_docx
from tests.test_reader_docx import assert_cell_offsets, lines_of


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(4096))


def _zip_without_word(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "not a word document")


def _spreadsheet_package(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')


def _ole_compound_file(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))


def _truncated_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("正文")
    data = save(document, path).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _corrupt_entry(path: Path) -> None:
    """Intact zip directory, damaged compressed bytes inside word/document.xml."""
    document = docx.Document()
    document.add_paragraph("正文" * 200)
    save(document, path)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 10:start + 60] = bytes(50)
    path.write_bytes(bytes(data))


def _damaged_xml(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("正文")
    save(document, path)
    with zipfile.ZipFile(path) as z:
        entries = {name: z.read(name) for name in z.namelist()}
    entries["word/document.xml"] = b"<w:document"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)


@pytest.mark.parametrize(
    "make, message",
    [
        (_random_bytes, "not a valid .docx (not a zip package)"),
        (_zip_without_word, "not a valid .docx (no Word document inside the zip package)"),
        (_spreadsheet_package, "not a valid .docx (no Word document inside the zip package)"),
        (_ole_compound_file, "encrypted or legacy Word file: save it as .docx without a password"),
        (_truncated_docx, "not a valid .docx (not a zip package)"),
        (_corrupt_entry, "not a valid .docx (damaged"),
        (_damaged_xml, "not a valid .docx (damaged XML"),
    ],
)
def test_docx_bad_input_raises_read_error(tmp_path, make, message):
    path = tmp_path / "bad.docx"
    make(path)
    with pytest.raises(ReadError) as caught:
        docx_reader.read(path)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_docx_empty_file_rejected_by_registry(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    with pytest.raises(ReadError, match="file is empty"):
        read_any(path)


@pytest.fixture(scope="module")
def seed_doc(tmp_path_factory) -> Document:
    return docx_reader.read(build_seed_docx(tmp_path_factory.mktemp("seed") / "seed.docx"))


def _heading_lines(doc: Document, level: int) -> list[str]:
    return [doc.text[start:].split("\n", 1)[0]
            for start, found in sorted(doc.heading_levels.items()) if found == level]


def test_docx_seed_top_level_headings(seed_doc):
    expected = [f"{n}、{title}" for n, title in zip("一二三四五六", SEED_SECTIONS)]
    assert [line for line in lines_of(seed_doc) if line in expected] == expected
    assert _heading_lines(seed_doc, 1) == expected


def test_docx_seed_second_level_numbering_is_corrected(seed_doc):
    second = _heading_lines(seed_doc, 2)
    assert len(second) == 11
    assert second[:6] == [
        "（一）项目立项背景和依据", "（二）项目完成情况", "（一）投入", "（二）过程",
        "（一）目标设置情况", "（二）绩效完成情况",
    ]
    assert second[-1] == "（五）关于扎实开展法治建设督察调研的有关工作"


def test_docx_seed_indicator_table(seed_doc):
    [table] = seed_doc.tables
    rows = table.row_texts()
    assert rows[0] == ["序号", "指标名称", "指标值"]
    assert rows[1] == ["1", "依法治市咨询专家库专家人数", "12人"]
    assert [row[0] for row in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert seed_doc.text.index("（一）目标设置情况") < table.char_start < seed_doc.text.index("（二）绩效完成情况")
    assert_cell_offsets(seed_doc)


def test_docx_seed_body_paragraphs_kept(seed_doc):
    lines = set(lines_of(seed_doc))
    seed_lines = SEED_PATH.read_text(encoding="utf-8").splitlines()
    prose = [line.replace("[bookmark: _GoBack]", "") for line in seed_lines
             if len(line) > 40]  # longer than any heading or indicator line
    assert prose and all(line in lines for line in prose)
    assert "" not in lines and "[bookmark" not in seed_doc.text


def test_docx_seed_builder_is_deterministic(tmp_path):
    first = build_seed_docx(tmp_path / "a.docx").read_bytes()
    second = build_seed_docx(tmp_path / "b.docx").read_bytes()
    assert first == second
