"""extractors/wordtable.py: jieba's dictionary looked up in sorted lines gives jieba's words."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import nlp
from extractors.wordtable import Frequencies, SortedLines, Tags
from pipeline import readers

ROOT = Path(__file__).resolve().parents[1]


def test_wordtable_finds_every_word_and_nothing_else():
    values = {"中国": "ns", "一": "m", "预算": "n", "z": "x", "预算执行率": "n", "𠀀字": "x"}
    lines = SortedLines.of(values)
    assert len(lines) == len(values) and dict(lines.items()) == values
    assert all(lines.find(word) == tag for word, tag in values.items())
    assert [lines.find(w) for w in ("", "中", "预算执", "预算执行率高", "a", "zz", "𠀀")] == [None] * 7


def test_wordtable_frequencies_read_as_jiebas_dict():
    freq = Frequencies.of({"一": 3, "一二": 0, "一二三": 5})
    assert "一二" in freq and freq["一二"] == 0 and freq.get("一二") == 0
    assert "一二三" in freq and freq["一二三"] == 5 and freq.get("一二三", 1) == 5
    assert "二" not in freq and freq.get("二") is None and freq.get("二", 1) == 1
    with pytest.raises(KeyError):
        freq["二"]
    freq["二"] = 7  # jieba's add_word writes into the table
    assert "二" in freq and freq["二"] == 7
    assert freq.all() == {"一": 3, "一二": 0, "一二三": 5}


def test_wordtable_tags_of_a_few_words():
    tags = Tags.of({"中国": "ns", "一": "m", "预算": "n", "z": "x"})
    assert [tags.get(w) for w in ("一", "中国", "预算", "z", "中", "预算表", "a")] == ["m", "ns", "n", "x", None, None, None]
    assert tags.get("中", "?") == "?"


def test_wordtable_segments_as_jieba_with_its_own_dictionary():
    """A pristine jieba tokenizer (its own dict of dict.txt) and one reading our table cut the
    sample archive's reports into the same words."""
    import jieba

    pristine = jieba.Tokenizer()
    pristine.FREQ, pristine.total = jieba.Tokenizer.gen_pfdict(jieba.get_module_res(jieba.DEFAULT_DICT_NAME))
    pristine.initialized = True
    ours = nlp._segmenter()
    assert isinstance(ours.FREQ, Frequencies)
    texts = [readers.read(p).text for p in sorted((ROOT / "corpus" / "archive").glob("*.txt"))[:6]]
    assert texts
    for text in texts:
        for hmm in (True, False):
            assert list(ours.cut(text, HMM=hmm)) == list(pristine.cut(text, HMM=hmm))
