"""pipeline/readers/archive.py: members as documents, GBK names, guards, damaged members."""
from __future__ import annotations

import io
import zipfile

import py7zr
import pytest

from pipeline.readers import Unreadable, read_all
from pipeline.readers import archive
from pipeline.run import process_file, run
from tests.conftest import SEED


def _zip(path, members: dict[str, bytes], gbk_names: bool = False):
    placeholders = {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for n, (name, data) in enumerate(members.items()):
            if gbk_names:
                # What Windows' built-in zip and many Chinese tools write: GBK bytes and no UTF-8
                # flag. zipfile would flag a non-ASCII name, so an ASCII one of the same length
                # is written and its bytes swapped afterwards.
                raw = name.encode("gbk")
                placeholders[f"{n:0{len(raw)}d}".encode()] = raw
                name = f"{n:0{len(raw)}d}"
            out.writestr(name, data)
    if gbk_names:
        data = path.read_bytes()
        for placeholder, raw in placeholders.items():
            data = data.replace(placeholder, raw)
        path.write_bytes(data)
    return path


def test_reader_archive_members_are_documents_with_their_path(tmp_path):
    path = _zip(tmp_path / "下载.zip", {"2021/seed.txt": SEED.read_bytes(), "2021/notes.json": b"{}",
                                         "__MACOSX/2021/._seed.txt": b"junk"})
    (doc,) = read_all(path)
    assert doc.source_path == f"{path}!/2021/seed.txt"
    assert doc.format == "txt" and "依法治市" in doc.text


def test_reader_archive_gbk_member_names_are_decoded(tmp_path):
    path = _zip(tmp_path / "a.zip", {"江门市司法局自评报告.txt": SEED.read_bytes()}, gbk_names=True)
    (doc,) = read_all(path)
    assert doc.source_path.endswith("!/江门市司法局自评报告.txt")


def test_reader_archive_damaged_member_fails_alone(tmp_path):
    path = _zip(tmp_path / "a.zip", {"a.txt": SEED.read_bytes(), "b.txt": SEED.read_bytes() + b"x"})
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("b.txt")
    start = info.header_offset + 30 + len("b.txt") + 10
    raw[start:start + 40] = b"\xff" * 40  # corrupt b.txt's deflate stream
    path.write_bytes(bytes(raw))
    results = process_file(path)
    by_name = {r.source_path.rsplit("!/", 1)[1]: r for r in results}
    assert by_name["a.txt"].status == "ok"
    assert by_name["b.txt"].status == "error"
    assert "damaged member" in by_name["b.txt"].rows["errors"][0]["message"]


@pytest.mark.parametrize("members,message", [
    ({"inner.zip": b"PK\x05\x06" + b"\0" * 18}, "archive inside an archive"),
    ({"bomb.txt": b"0" * 5_000_000}, "possibly an archive bomb"),
])
def test_reader_archive_guards_fail_as_one_row(tmp_path, members, message):
    path = _zip(tmp_path / "a.zip", members)
    (part,) = read_all(path)
    assert isinstance(part, Unreadable) and message in str(part.error)


def test_reader_archive_total_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", len(SEED.read_bytes()) + 10)
    path = _zip(tmp_path / "a.zip", {"a.txt": SEED.read_bytes(), "b.txt": SEED.read_bytes() + b" "})
    first, second = read_all(path)
    assert not isinstance(first, Unreadable)
    assert isinstance(second, Unreadable) and "more than" in str(second.error)


@pytest.mark.parametrize("data,message", [
    (b"PK\x03\x04 not really", "not a readable zip archive"),
    (b"7z\xbc\xaf\x27\x1c broken", "not a readable 7z archive"),
])
def test_reader_archive_damaged_archive_is_one_error_row(tmp_path, data, message):
    path = tmp_path / ("a.zip" if data.startswith(b"PK") else "a.7z")
    path.write_bytes(data)
    (result,) = process_file(path)
    assert result.status == "error" and message in result.rows["errors"][0]["message"]


def test_reader_archive_7z_members(tmp_path):
    path = tmp_path / "a.7z"
    with py7zr.SevenZipFile(path, "w") as out:
        out.writef(io.BytesIO(SEED.read_bytes()), "报告/seed.txt")
    (doc,) = read_all(path)
    assert doc.source_path == f"{path}!/报告/seed.txt" and "依法治市" in doc.text


def test_reader_archive_in_a_folder_walk_keeps_every_member(tmp_path):
    _zip(tmp_path / "bundle.zip", {"one.txt": SEED.read_bytes(), "two.txt": SEED.read_bytes() + b"\n"})
    result = run([tmp_path], jobs=1)
    paths = sorted(d["source_path"] for d in result.tables["documents"])
    assert paths == [f"{tmp_path / 'bundle.zip'}!/one.txt", f"{tmp_path / 'bundle.zip'}!/two.txt"]
    assert all(d["status"] == "ok" for d in result.tables["documents"])


def test_reader_archive_seed_bundle_scores_every_member(tmp_path):
    """The seed's txt (GBK name), Word, PDF and web renderings in one zip, each member
    scored against the seed's gold under its own name (the CI gate runs the same)."""
    from pipeline.evaluate import score
    from pipeline.evaluate.formatting import format_findings
    from pipeline.evaluate.gold import load_gold
    from pipeline.evaluate.predictions import predictions_from_tables
    from tests.build_bundle import build_bundle, write_gold

    tables = run([build_bundle(tmp_path)], jobs=1).tables
    scores = score(load_gold(write_gold(tmp_path)), predictions_from_tables(tables))
    assert len(tables["documents"]) == 4 and not scores.unreadable
    assert scores.micro.f1 >= 0.90, format_findings(scores)
