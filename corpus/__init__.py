"""The sample archive: a deterministic generator of multi-year report documents and their gold.

`python -m corpus.build` rewrites `corpus/archive/` and `corpus/gold/`; see corpus/README.md.
"""
