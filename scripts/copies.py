"""Distinct copies of sample files for the benchmark scripts."""
from __future__ import annotations

import shutil
from pathlib import Path


def copies(sources: list[Path], folder: Path, n: int) -> list[Path]:
    """`n` copies of `sources` in folder/c0 … c{n-1}; a .txt or .pdf copy gets i + 1 trailing
    newlines (after a PDF's %%EOF, where readers ignore them), so each is its own document (its
    own doc_id) rather than a byte-identical copy whose facts a run would list once."""
    made = []
    for i in range(n):
        for src in sources:
            target = folder / f"c{i}" / src.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, target)
            if src.suffix in (".txt", ".pdf"):
                with open(target, "ab") as fh:
                    fh.write(b"\n" * (i + 1))
            made.append(target)
    return made
