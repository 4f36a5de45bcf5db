"""Which files a run reads: files named on the command line always, in folders only reports."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pipeline import readers
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions

# Files a folder walk passes over without comment: editor locks, OS litter, hidden files.
_LITTER_PREFIXES = ("~$", ".~lock", "._", ".")


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def discover(paths: Iterable[Path | str], options: ReadOptions = DEFAULT_OPTIONS) -> Discovery:
    """Files named on the command line are always taken; folders yield only readable reports."""
    found = Discovery()
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        candidates = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key in seen:
                continue
            seen.add(key)
            named = not path.is_dir()
            if named or (readers.can_read(candidate, options) and not _is_litter(candidate, path)):
                found.files.append(candidate)
            else:
                found.skipped.append(candidate)
    return found


def _is_litter(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return any(part.startswith(_LITTER_PREFIXES) for part in parts)
