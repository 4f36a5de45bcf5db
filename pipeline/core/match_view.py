"""The view of a text that vocabulary is matched on: `Document.match_text`.

Reports reach us in more than one writing of the same words. The view evens the differences
out character by character, so that it keeps the length of the text and an offset found in
it is an offset into the text:
- full-width ASCII reads half-width ("（一）" reads "(一)", "：" reads ":");
- traditional characters read simplified (績效 reads 绩效, 萬元 reads 万元), with OpenCC's
  character table (and its Hong Kong and Taiwan variant tables) restricted to characters that
  map to exactly one character; a phrase-level conversion would change lengths;
- pinyin a converter left in brackets after a character ("平陽縣(xiàn)") reads as spaces,
  so that what surrounds it still reads as one run of words once spaces are skipped.
"""
from __future__ import annotations

import importlib.resources
import re
from functools import lru_cache

from pipeline.core.recent import LONG, Recent

_FULLWIDTH_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH_FOLD[0x3000] = 0x20

# OpenCC's tables: traditional -> simplified, and the regional variants -> OpenCC's standard
# traditional form (閲 -> 閱, 啟 -> 啓), which the first table then takes to simplified.
_TO_SIMPLIFIED = "TSCharacters.txt"
_VARIANTS = ("HKVariantsRev.txt", "TWVariantsRev.txt")

_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = rf"[a-zü{_TONE_VOWELS}]{{1,6}}[1-5]?"
# One or more syllables in brackets right after a CJK character, carrying a tone (a marked
# vowel or a tone digit), which keeps "(a)" and "(PPP)" out.
PINYIN_NOTE = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（](?=[^)）]*(?:[{_TONE_VOWELS}]|[a-zü][1-5]))"
    rf"{_SYLLABLE}(?: {_SYLLABLE})*[)）]"
)


# A document's whole text is viewed by several readers (its match_text, find_money, the
# quantities).
_views: Recent[str, str] = Recent()


def match_view(text: str) -> str:
    """`text` as vocabulary is matched on it; always the same length as `text`."""
    if len(text) < LONG:
        return _view(text)
    return _views.get(text, lambda: _view(text))


def _view(text: str) -> str:
    view = text.translate(_table())
    if "(" in view:
        view = PINYIN_NOTE.sub(lambda m: " " * len(m.group()), view)
    return view


@lru_cache(maxsize=1)
def _table() -> dict[int, int]:
    simplified = _one_to_one(_TO_SIMPLIFIED)
    table = dict(simplified)
    for name in _VARIANTS:
        for variant, standard in _one_to_one(name).items():
            table.setdefault(variant, simplified.get(standard, standard))
    folded = {ord(a): ord(b) for a, b in table.items() if a != b}
    folded.update(_FULLWIDTH_FOLD)
    return folded


def _one_to_one(name: str) -> dict[str, str]:
    """A table's entries whose source and first candidate are one character each."""
    path = importlib.resources.files("opencc") / "dictionary" / name
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1:
            pairs[source] = target
    return pairs
