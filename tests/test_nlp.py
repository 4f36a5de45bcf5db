"""extractors/nlp.py: jieba's words with spaCy's offsets, and jieba's dictionary from our cache."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from extractors import nlp
from extractors.wordtable import Frequencies
from pipeline import readers

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "corpus" / "archive").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "redteam").glob("*.txt"))


def spacy_tokens(text: str) -> list[tuple[str, int, bool]]:
    return [(t.text, t.idx, t.is_space) for t in nlp.nlp().make_doc(text)]


def our_tokens(text: str) -> list[tuple[str, int, bool]]:
    return [(t.text, t.idx, t.is_space) for t in nlp.tokenize(text)]


@pytest.mark.parametrize("text", [
    "", " ", "\n", "中文", " 开头", "结尾 ", "中 文", "中  文", "a b  c\n d", "\t\t制表\t", "2024年 12月",
    "项目名称：农村供水保障工程\n主管部门：县水利局", "-3480.83万元", "1,234.5元 ",
])
def test_nlp_tokens_are_spacys_on_edge_cases(text):
    assert our_tokens(text) == spacy_tokens(text)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_nlp_tokens_are_spacys_on_reports(path):
    text = readers.read(path).text
    pieces = [text, *text.split("\n"), *(text[i:i + 40] for i in range(0, len(text), 97))]
    assert [our_tokens(p) for p in pieces] == [spacy_tokens(p) for p in pieces]


def test_nlp_long_text_is_tokenized_without_the_cache():
    text = "项目资金实行专账管理，按季度根据考核结果拨付。" * 200
    assert len(text) > nlp.CACHED_CHARS
    assert our_tokens(text) == spacy_tokens(text)


def test_nlp_dictionary_is_jiebas():
    import jieba

    freq, total = jieba.Tokenizer.gen_pfdict(jieba.get_module_res(jieba.DEFAULT_DICT_NAME))
    ours, our_total, _ = nlp._dictionary()
    assert (our_total, ours.all()) == (total, freq)


def test_nlp_word_tags_are_jiebas():
    import jieba.posseg

    expected = jieba.posseg.dt.word_tag_tab
    tags = nlp.word_tags()
    assert len(tags) == len(expected) and dict(tags.items()) == expected
    assert all(tags.get(word) == tag for word, tag in list(expected.items())[::97])
    assert tags.get("不是一个词的字串") is None and tags.get("") is None


def test_nlp_dictionary_cache_round_trip(tmp_path):
    freq, total, tags = {"一": 3, "一二": 0, "一二三": 5}, 8, {"一": "m", "一二三": "m"}
    nlp._save(tmp_path / "d.bin", Frequencies.of(freq), total, nlp.Tags.of(tags))
    loaded_freq, loaded_total, loaded_tags = nlp._load(tmp_path / "d.bin")
    assert (loaded_freq.all(), loaded_total, dict(loaded_tags.items())) == (freq, total, tags)


def summary(found) -> tuple:
    freq, total, tags = found
    return freq.all(), total, dict(tags.items())


def test_nlp_broken_cache_is_rebuilt_with_a_warning(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    expected = nlp._dictionary()
    nlp._dictionary.cache_clear()
    try:
        import jieba

        source = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
        cache = nlp._cache_path(source, jieba.__version__)
        assert cache.parent == tmp_path / "jixiao"
        cache.write_bytes(nlp._CACHE_FORMAT + b"12 3 4\nabc")
        with caplog.at_level(logging.WARNING, logger="extractors.nlp"):
            assert summary(nlp._dictionary()) == summary(expected)
        assert "unreadable" in caplog.text
        assert summary(nlp._load(cache)) == summary(expected)  # rebuilt in place
    finally:
        nlp._dictionary.cache_clear()
