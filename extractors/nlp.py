"""The one spaCy pipeline of a process: `spacy.blank("zh")` with the jieba segmenter.

No pretrained Chinese model can be downloaded here, so the pipeline has no statistical
components; extractors add rule components (Matcher, PhraseMatcher, SpanRuler) where
token patterns read more clearly than regexes. Numbers are still found with regexes on
the raw text: jieba splits "-3480.83万元" and "1,234.5元" into several tokens.
"""
from __future__ import annotations

import logging
from functools import lru_cache

import jieba
import spacy
from spacy.language import Language
from spacy.tokens import Doc

# jieba announces every dictionary load on stderr; a batch run should stay quiet.
jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=1)
def nlp() -> Language:
    """Built once per process (each worker of a parallel run builds its own)."""
    pipeline = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    jieba.initialize()
    return pipeline


def tokenize(text: str) -> Doc:
    """Tokens with `idx` offsets into `text` (spaCy keeps the text unchanged)."""
    return nlp().make_doc(text)
