"""Does spaCy's PhraseMatcher earn a place as the matcher of our vocabularies? A measurement.

    .venv/bin/python scripts/spacy_matchers.py [--repeats 5]

Over every short line (≤ 40 characters) of the bundled corpus, the red-team set and the real
PDFs, the canonical-section vocabulary (pipeline/sections/names.py LEXICON, matched today
as substrings) is matched three ways, and the answers and times compared:
  substring        what jixiao does
  jieba phrases    spaCy PhraseMatcher over the jieba tokens of spacy.blank("zh")
  char phrases     spaCy PhraseMatcher over single-character tokens (the "char" segmenter)
Then the tokenizer itself: spacy.blank("zh") with jieba against jieba.tokenize, on whole
documents and on the short chunks the extractors tokenise. Results go to BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import jieba  # noqa: E402
import spacy  # noqa: E402
from spacy.matcher import PhraseMatcher  # noqa: E402

from extractors.nlp import nlp, tokenize  # noqa: E402
from pipeline.core.errors import JixiaoError  # noqa: E402
from pipeline.readers import read  # noqa: E402
from pipeline.sections.names import LEXICON, OTHER, canonical_name  # noqa: E402

SHORT_LINE = 40
CHUNK = 12  # characters: the size of the place names and organ endings metadata tokenises


def documents() -> list[str]:
    paths = sorted((REPO / "corpus" / "archive").glob("*")) + [REPO / "corpus" / "000_3863e364cbd2cac6.txt"]
    paths += sorted((REPO / "tests" / "data" / "redteam").glob("*.*"))
    paths += sorted((REPO.parent / "shared").glob("real*/*.pdf"))
    texts = []
    for path in paths:
        try:
            texts.append(read(path).text)
        except JixiaoError:
            continue
    return texts


def phrase_canonical(language, matcher):
    def canonical(title: str) -> str:
        doc = language.make_doc("".join(title.split()))
        entries = sorted({int(language.vocab.strings[match_id]) for match_id, _, _ in matcher(doc)})
        return LEXICON[entries[0]].canonical if entries else OTHER
    return canonical


def matcher_for(language) -> PhraseMatcher:
    matcher = PhraseMatcher(language.vocab)
    for index, entry in enumerate(LEXICON):
        matcher.add(str(index), [language.make_doc(keyword) for keyword in entry.keywords])
    return matcher


def median_seconds(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    texts = documents()
    titles = [line.strip() for text in texts for line in text.split("\n") if 0 < len(line.strip()) <= SHORT_LINE]
    print(f"{len(texts)} documents, {sum(map(len, texts))} characters, {len(titles)} short lines")

    jieba_zh, char_zh = nlp(), spacy.blank("zh")
    ways = {
        "substring": canonical_name,
        "jieba phrases": phrase_canonical(jieba_zh, matcher_for(jieba_zh)),
        "char phrases": phrase_canonical(char_zh, matcher_for(char_zh)),
    }
    print(f"{'vocabulary match':<16} {'disagree':>8} {'median ms':>10}  example of a disagreement")
    for name, way in ways.items():
        wrong = [(t, canonical_name(t), way(t)) for t in titles if way(t) != canonical_name(t)]
        ms = median_seconds(lambda: [way(t) for t in titles], args.repeats) * 1000
        example = f"{wrong[0][0][:24]} → {wrong[0][2]} (substring: {wrong[0][1]})" if wrong else ""
        print(f"{name:<16} {len(wrong):>8} {ms:>10.1f}  {example}")

    jieba.initialize()
    chunks = [text[i:i + CHUNK] for text in texts for i in range(0, len(text), 50)]
    print(f"{'tokenizer':<16} {'docs ms':>8} {f'{len(chunks)} chunks ms':>18}")
    for name, cut in (("spaCy + jieba", lambda t: [(w.idx, w.text) for w in tokenize(t)]),
                      ("jieba.tokenize", lambda t: [(s, w) for w, s, _ in jieba.tokenize(t)])):
        whole = median_seconds(lambda: [cut(t) for t in texts], args.repeats) * 1000
        small = median_seconds(lambda: [cut(c) for c in chunks], args.repeats) * 1000
        print(f"{name:<16} {whole:>8.1f} {small:>18.1f}")
    same_words = sum(
        [w.text for w in tokenize(t) if not w.is_space] == [w for w, _, _ in jieba.tokenize(t) if w.strip()]
        for t in texts)
    print(f"same words (spaces aside) in {same_words} of {len(texts)} documents")


if __name__ == "__main__":
    main()
