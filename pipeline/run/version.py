"""The version that read a file, as the incremental cache knows it.

A file's rows are reused by a later run only when that run would read it the same way: the
same jixiao package version, the same code of the stages that read and extract (a hash of
every source file of pipeline/core, readers, sections, run/process.py and extractors/), and
the same settings of the reading (reader options, size limit). Editing an extractor thus
re-reads the archive on the next run, as a new jixiao release does.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from pipeline import __version__

_ROOT = Path(__file__).resolve().parents[2]
_SOURCES = ("pipeline/core", "pipeline/readers", "pipeline/sections", "pipeline/run/process.py", "pipeline/run/results.py", "extractors")


@lru_cache(maxsize=1)
def code_version() -> str:
    """`0.1.0+3f2a9c1d0b7e`: the package version and a hash of the reading code."""
    return f"{__version__}+{_digest(_SOURCES)}"


@lru_cache(maxsize=1)
def assembly_version() -> str:
    """The package version and a hash of all of its code (alignment, checks and the store
    too): output tables are kept as they are only by a run of the same code."""
    return f"{__version__}+{_digest(('pipeline', 'extractors'))}"


def _digest(sources: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for source in sources:
        path = _ROOT / source
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*")
                                                      if p.is_file() and "__pycache__" not in p.parts)
        for file in files:
            digest.update(file.relative_to(_ROOT).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def reading_version(settings: object) -> str:
    """`code_version()` plus a hash of the settings every file is read with (their repr)."""
    return f"{code_version()}-{hashlib.sha256(repr(settings).encode()).hexdigest()[:8]}"
