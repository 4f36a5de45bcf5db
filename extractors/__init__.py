"""One subpackage per kind of fact; registry.py lists them in the order they run.

An extractor is `extract(doc, ctx) -> list[Record]`: `ctx` (context.py) holds what the
extractors before it found (counts skip what indicators already took, for one). Importing
this package loads nothing heavy: spaCy and jieba are imported on first use (nlp.py).
Extractors never import the store or the command line.
"""
