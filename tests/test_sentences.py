"""The one sentence splitter (pipeline/core/document.py): record evidence, the report's
evidence view and the prose reader of indicators all cut sentences with it."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from pipeline.core.document import FULL_STOPS, SENTENCE_ENDS, sentence_bounds, sentences

TEXT = "一、项目概况\n\u3000\u3000本年度预算100万元。一是资金到位；二是进度滞后！其余正常"


def _cut(text: str, needle: str, ends: str = SENTENCE_ENDS) -> str:
    start = text.index(needle)
    return text[slice(*sentence_bounds(text, start, start + len(needle), ends))]


@pytest.mark.parametrize("needle, ends, sentence", [
    ("项目概况", SENTENCE_ENDS, "一、项目概况"),                   # a line break ends it, and is left out
    ("预算", SENTENCE_ENDS, "本年度预算100万元。"),                # leading spaces out, the full stop in
    ("进度", SENTENCE_ENDS, "二是进度滞后！"),                     # a semicolon ends a sentence
    ("进度", FULL_STOPS, "一是资金到位；二是进度滞后！"),          # ... unless the caller asks for full stops
    ("到位；二是", SENTENCE_ENDS, "一是资金到位；二是进度滞后！"),  # a span across an end gets both
    ("其余", SENTENCE_ENDS, "其余正常"),                           # the text's end ends the last one
])
def test_document_sentence_bounds(needle, ends, sentence):
    assert _cut(TEXT, needle, ends) == sentence


@pytest.mark.parametrize("ends, expected", [
    (SENTENCE_ENDS, ["本年度预算100万元。", "一是资金到位；", "二是进度滞后！", "其余"]),
    (FULL_STOPS, ["本年度预算100万元。", "一是资金到位；二是进度滞后！", "其余"]),
])
def test_document_sentences_of_a_range(ends, expected):
    end = TEXT.index("正常")  # the last sentence is clipped at the range's end
    assert [TEXT[lo:hi] for lo, hi in sentences(TEXT, TEXT.index("\n"), end, ends)] == expected


@given(st.text(alphabet="字数 \u3000。；;！!？?\n", max_size=40), st.sampled_from([SENTENCE_ENDS, FULL_STOPS]))
def test_document_sentences_are_cut_as_sentence_bounds_cuts(text, ends):
    for lo, hi in sentences(text, ends=ends):
        assert sentence_bounds(text, lo, lo, ends) == (lo, hi)
        assert text[lo:hi].strip()
