"""The one spaCy pipeline of a process: `spacy.blank("zh")` with the jieba segmenter.

No pretrained Chinese model can be downloaded here, so the pipeline has no statistical
components. Numbers are found with regexes on the raw text: jieba splits "-3480.83万元" and
"1,234.5元" into several tokens.

spaCy and jieba are imported on first use, not at import: `import extractors` (a test, a
notebook, `jixiao query`) must not pay for loading them.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def nlp() -> Language:
    """Built once per process (each worker of a parallel run builds its own)."""
    import jieba
    import spacy

    # jieba announces every dictionary load on stderr; a batch run should stay quiet.
    jieba.setLogLevel(logging.WARNING)
    pipeline = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    jieba.initialize()
    return pipeline


def tokenize(text: str) -> Doc:
    """Tokens with `idx` offsets into `text` (spaCy keeps the text unchanged)."""
    return nlp().make_doc(text)


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of every word in its dictionary."""
    nlp()  # jieba quiet and initialised
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab
