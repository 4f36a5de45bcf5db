"""Words of Chinese text: jieba's segmentation, with the offsets spaCy gives its tokens.

`tokenize` is the one interface every word-boundary check goes through. Its tokens are the
tokens of the pipeline the design names, `spacy.blank("zh")` with the jieba segmenter
(`nlp()`, kept for whoever wants a spaCy Doc): jieba's words, each at its offset in the text,
a single space after a word folded into that word as spaCy folds it, any other run of
whitespace a token of its own. They are built here without spaCy, whose import alone cost
more than reading a short report (BENCHMARKS.md, "Speed"); tests/test_nlp.py holds the two
to the same tokens.

No pretrained Chinese model can be downloaded here, so the pipeline has no statistical
components. Numbers are found with regexes on the raw text: jieba splits "-3480.83万元" and
"1,234.5元" into several tokens.

jieba's dictionary (a prefix table of half a million entries) comes from a cache of our own,
as sorted lines in which a word is looked up when first asked for (wordtable.py): jieba's
own cache is a marshal dump of a dict, a fifth of a second to load in every process.
Nothing heavy is imported before first use: `import extractors` (a test, a notebook,
`jixiao query`) must not pay for it.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
from array import array
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from extractors.wordtable import Frequencies, SortedLines, Tags

if TYPE_CHECKING:
    import jieba
    from spacy.language import Language

log = logging.getLogger(__name__)

_CACHE_FORMAT = b"jixiao-jieba-dict 3\n"


class Token(NamedTuple):
    text: str
    idx: int  # offset of the token in the text
    is_space: bool


# Texts are short (a name, a clause: a few hundred characters at most) and half of them are
# asked for again by another extractor; a longer one is not kept.
CACHED_CHARS = 2000


def tokenize(text: str) -> tuple[Token, ...]:
    """The words of `text` with their offsets."""
    return _tokenize(text) if len(text) <= CACHED_CHARS else _tokenize.__wrapped__(text)


@lru_cache(maxsize=4096)
def _tokenize(text: str) -> tuple[Token, ...]:
    words = [w for w in _segmenter().cut(text, cut_all=False) if w]
    return tuple(_aligned(words, text))


def _aligned(words: list[str], text: str) -> list[Token]:
    """Words placed in the text as spaCy places them (util.get_words_and_spaces)."""
    tokens: list[Token] = []
    pos = 0
    for word in words:
        if word.isspace():
            continue
        start = text.index(word, pos)
        if start > pos:
            gap = text[pos:start]
            tokens.append(Token(gap, pos, gap.isspace()))
        tokens.append(Token(word, start, False))
        pos = start + len(word)
        if pos < len(text) and text[pos] == " ":
            pos += 1
    if pos < len(text):
        rest = text[pos:]
        tokens.append(Token(rest, pos, rest.isspace()))
    return tokens


@lru_cache(maxsize=1)
def word_tags() -> Tags:
    """jieba's part-of-speech tag of every word in its dictionary (as jieba.posseg reads it)."""
    return _dictionary()[2]


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The spaCy pipeline whose tokens `tokenize` gives, built once per process."""
    import spacy

    _segmenter()  # jieba quiet, its dictionary loaded
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


@lru_cache(maxsize=1)
def _segmenter() -> jieba.Tokenizer:
    """jieba's default tokenizer, with its dictionary in place."""
    jieba = _jieba()
    # jieba announces every dictionary load on stderr; a batch run should stay quiet.
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    with tokenizer.lock:
        if not tokenizer.initialized:
            tokenizer.FREQ, tokenizer.total, _ = _dictionary()
            tokenizer.initialized = True
    return tokenizer


def _jieba():
    """jieba, imported without pkg_resources: it imports setuptools' old resource API (a
    quarter of a second) only to open its dictionary, and falls back to open() without it."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # `import` raises ImportError
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def _dictionary() -> tuple[Frequencies, int, Tags]:
    """jieba's prefix table (word or prefix → frequency), the frequencies' total, and the
    tags of its words, from our cache when it holds them."""
    jieba = _jieba()
    source = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    cache = _cache_path(source, jieba.__version__)
    if cache is not None and cache.is_file():
        try:
            return _load(cache)
        except (OSError, ValueError) as exc:
            log.warning("jieba dictionary cache %s unreadable (%s); rebuilding it", cache, exc)
    found = _parse(source)
    if cache is not None:
        try:
            _save(cache, *found)
        except OSError as exc:
            log.warning("jieba dictionary cache %s not written: %s", cache, exc)
    return found


def _cache_path(source: Path, version: str) -> Path | None:
    """A per-user cache file named for the dictionary's version and bytes."""
    stat = source.stat()
    key = f"{_CACHE_FORMAT!r} {version} {source} {stat.st_size} {stat.st_mtime_ns}"
    digest = hashlib.sha1(key.encode()).hexdigest()[:16]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    for folder in (Path(base) / "jixiao", Path(tempfile.gettempdir()) / f"jixiao-{os.getuid()}"):
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder / f"jieba-dict-{digest}.bin"
    log.warning("no writable cache folder for jieba's dictionary: it is parsed in every process")
    return None


def _parse(source: Path) -> tuple[Frequencies, int, Tags]:
    """jieba's own reading of dict.txt: Tokenizer.gen_pfdict for the prefix table,
    POSTokenizer.load_word_tag for the tags."""
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    with open(source, "rb") as fh:
        for raw in fh:
            line = raw.strip().decode("utf-8")
            if not line:
                continue
            word, count, tag = line.split(" ")
            freq[word] = int(count)
            total += int(count)
            tags[word] = tag
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
    return Frequencies.of(freq), total, Tags.of(tags)


def _save(path: Path, freq: Frequencies, total: int, tags: Tags) -> None:
    blocks = [freq.lines.data, freq.lines.starts.tobytes(), tags.lines.data, tags.lines.starts.tobytes()]
    header = _CACHE_FORMAT + " ".join(map(str, [total, *map(len, blocks)])).encode() + b"\n"
    fd, temp = tempfile.mkstemp(dir=path.parent)
    with os.fdopen(fd, "wb") as fh:
        fh.write(header)
        for block in blocks:
            fh.write(block)
    os.replace(temp, path)  # whole or not at all: parallel workers may write it at once


def _load(path: Path) -> tuple[Frequencies, int, Tags]:
    data = path.read_bytes()
    if not data.startswith(_CACHE_FORMAT):
        raise ValueError("not a cache of this format")
    end = data.index(b"\n", len(_CACHE_FORMAT))
    total, *sizes = map(int, data[len(_CACHE_FORMAT):end].split())
    blocks, at = [], end + 1
    for size in sizes:
        blocks.append(data[at:at + size])
        at += size
    if len(blocks) != 4 or at != len(data):
        raise ValueError("truncated")
    tables = []
    for lines, starts in (blocks[:2], blocks[2:]):
        offsets = array("I")
        offsets.frombytes(starts)
        if offsets and (offsets[-1] >= len(lines) or not lines.endswith(b"\n")):
            raise ValueError("lines and their offsets differ")
        tables.append(SortedLines(lines, offsets))
    return Frequencies(tables[0]), total, Tags(tables[1])
