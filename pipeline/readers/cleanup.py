"""Text clean-up that every reader applies before the text becomes a Document's."""
from __future__ import annotations

import re

# Debris that converters (pandoc, Word's "save as text") leave in running text.
_DEBRIS = re.compile(r"\[bookmark: [^\]]*\]|\{#_[A-Za-z0-9_]+\}")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\x00"), None)


# Anything clean_text changes; most paragraphs hold none of it and are returned as they are.
_NEEDS_CLEANING = re.compile(r"[\r\f\u2028\u2029\ufeff\u200b\u200c\u200d\u2060\x00]|\[bookmark: |\{#_")


def clean_text(text: str) -> str:
    if not _NEEDS_CLEANING.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _DEBRIS.sub("", text)
    return text.translate(_INVISIBLE)
