from __future__ import annotations

import codecs

import pytest

from pipeline.core.errors import ReadError
from pipeline.readers import read
from tests.conftest import SEED


@pytest.mark.parametrize(
    "encoding,prefix",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("gb18030", b""),
        ("gbk", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
def test_txt_any_encoding_reads_to_the_same_text(tmp_path, seed_text, encoding, prefix):
    original = SEED.read_text(encoding="utf-8")
    path = tmp_path / f"seed-{encoding}.txt"
    path.write_bytes(prefix + original.encode(encoding))
    assert read(path).text == seed_text


def test_txt_gbk_without_bom_short_text(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("项目自评得分为96分，年度预算69.8万元。".encode("gbk"))
    assert read(path).text == "项目自评得分为96分，年度预算69.8万元。"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("一、项目概况\r\n（一）投入\r\n", "一、项目概况\n（一）投入\n"),
        ("[bookmark: _GoBack]一是高度重视", "一是高度重视"),
        ("第一行\r第二行", "第一行\n第二行"),
        ("零宽\u200b字符", "零宽字符"),
    ],
)
def test_txt_cleanup(tmp_path, raw, expected):
    path = tmp_path / "c.txt"
    path.write_text(raw, encoding="utf-8", newline="")
    assert read(path).text == expected


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "empty"),
        (b"   \n\r\n ", "empty"),
        (bytes(range(256)) * 40, "binary|encoding"),
    ],
)
def test_txt_bad_input_is_a_read_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=message):
        read(path)


def test_txt_doc_id_is_stable_and_content_derived(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("同一内容", encoding="utf-8")
    b.write_text("同一内容", encoding="utf-8")
    assert read(a).doc_id == read(b).doc_id
    assert len(read(a).doc_id) == 16
