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


def test_txt_utf8_cut_off_in_its_last_character_is_read_with_a_warning(tmp_path, seed_text):
    path = tmp_path / "cut.txt"
    data = seed_text.rstrip().encode("utf-8")
    path.write_bytes(data[:-1])  # the last character loses its last byte
    doc = read(path)
    assert doc.text[:-1] == seed_text.rstrip()[:-1]
    assert doc.text.endswith("\ufffd")
    assert doc.warnings == [
        "2 bytes could not be decoded as UTF-8 (a damaged or cut-off file?) and read as U+FFFD"]


def test_txt_utf8_with_a_handful_of_bad_bytes_keeps_the_rest(tmp_path, seed_text):
    data = bytearray(seed_text.encode("utf-8"))
    spoiled = [len(data) // 7 * k for k in range(1, 7)]
    for at in spoiled:
        data[at] = 0xFF  # never valid in UTF-8
    path = tmp_path / "damaged.txt"
    path.write_bytes(bytes(data))
    doc = read(path)
    # A spoiled byte inside a character leaves the whole character undecodable.
    offsets = [0]
    for ch in seed_text:
        offsets.append(offsets[-1] + len(ch.encode("utf-8")))
    char_of = {b: i for i in range(len(seed_text)) for b in range(offsets[i], offsets[i + 1])}
    undecodable = sum(len(seed_text[char_of[at]].encode("utf-8")) for at in spoiled)
    assert doc.text.count("\ufffd") == len(spoiled)
    assert doc.warnings == [
        f"{undecodable} bytes could not be decoded as UTF-8 (a damaged or cut-off file?) and read as U+FFFD"]
    # Away from the damage the text is the seed's.
    assert seed_text[:spoiled[0] // 3] == doc.text[:spoiled[0] // 3]


def test_txt_mostly_undecodable_is_still_a_read_error(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes("项目概况".encode("utf-8") + bytes([0xFF, 0xFE, 0x80, 0x81]) * 200)
    with pytest.raises(ReadError, match="encoding|binary"):
        read(path)


@pytest.mark.parametrize("raw,expected", [
    # A copy's page number inside a sentence: the sentence is joined across it.
    ("共开展非遗展演23场，发放宣传手册\n- 2 -\n5,000册。\n",
     "共开展非遗展演23场，发放宣传手册5,000册。\n"),
    ("（一）活动宣传时间较短，外地游客\n第 3 页 共 4 页\n参与比例偏低。\n",
     "（一）活动宣传时间较短，外地游客参与比例偏低。\n"),
    # Between a heading and its paragraph, or after a full stop, it only goes.
    ("三、绩效目标完成情况\n— 4 —\n全年完成。\n", "三、绩效目标完成情况\n全年完成。\n"),
    ("全年完成。\n- 5 -\n四、存在的问题\n", "全年完成。\n四、存在的问题\n"),
])
def test_txt_page_numbers_of_a_copied_text_are_dropped(tmp_path, raw, expected):
    path = tmp_path / "mirror.txt"
    path.write_text(raw, encoding="utf-8")
    assert read(path).text == expected
