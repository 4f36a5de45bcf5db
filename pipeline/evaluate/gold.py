"""Gold files: one JSON per report, in the format of ../shared/gold/README.md.

Loading checks each file's shape, so a malformed gold file is one readable JixiaoError
naming the file, never a KeyError in the middle of scoring.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from pipeline.core.errors import JixiaoError


# The JSON type each known gold field may have (None = the field may be null).
_GOLD_SHAPE: dict[str, tuple[type, ...]] = {
    "file": (str,),
    "metadata": (dict, type(None)),
    "sections_top": (list, type(None)),
    "budget": (dict, type(None)),
    "score": (int, float, type(None)),
    "indicators": (list, type(None)),
    "counts": (list, type(None)),
    "counts_optional": (list, type(None)),
    "problems": (list, type(None)),
    "suggestions": (list, type(None)),
    "text_contains": (list, type(None)),
    "checks": (list, type(None)),
}
_GOLD_ITEM: dict[str, type] = {
    "sections_top": str, "indicators": dict, "counts": dict, "counts_optional": str,
    "problems": str, "suggestions": str, "text_contains": str, "checks": dict,
}


@dataclass(frozen=True)
class Gold:
    """One gold file. `fields` is the JSON as written: a key that is absent is not scored."""

    file: str
    source: str
    fields: dict[str, Any]


def parse_gold(data: Any, source: str) -> Gold:
    """Check a gold file's shape; a wrong type becomes one readable JixiaoError."""
    if not isinstance(data, dict):
        raise JixiaoError(f"{source}: a gold file must be a JSON object")
    if not isinstance(data.get("file"), str) or not data["file"]:
        raise JixiaoError(f'{source}: no "file" field naming the report it is the gold for')
    for key, allowed in _GOLD_SHAPE.items():
        value = data.get(key)
        if key in data and (not isinstance(value, allowed) or isinstance(value, bool)):
            raise JixiaoError(f'{source}: "{key}" must be {" or ".join(t.__name__ for t in allowed)}')
        item_type = _GOLD_ITEM.get(key)
        if item_type and value and not all(isinstance(item, item_type) for item in value):
            raise JixiaoError(f'{source}: every item of "{key}" must be a {item_type.__name__}')
    return Gold(file=data["file"], source=source, fields=data)


def load_gold(gold_dir: Path | str) -> list[Gold]:
    """Every `*.json` gold file of a folder (README.md, PDFs and the like are skipped)."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise JixiaoError(f"no gold folder at {gold_dir}")
    golds = [_read_gold(path) for path in sorted(gold_dir.glob("*.json")) if path.is_file()]
    if not golds:
        raise JixiaoError(f"no gold files (*.json) in {gold_dir}")
    seen: dict[str, str] = {}
    for gold in golds:
        if gold.file in seen:
            raise JixiaoError(f'{gold.source} and {seen[gold.file]} are both the gold for "{gold.file}"')
        seen[gold.file] = gold.source
    return golds


def documents_for(golds: list[Gold], docs_dir: Path | str, match_stem: bool = False) -> list[Path]:
    """The report files of `docs_dir` (searched recursively) that the gold files name.

    With match_stem, a gold "NAME.txt" also takes NAME.docx / NAME.pdf: the renderings of
    one report in other formats are scored against its one gold file.
    """
    docs_dir = Path(docs_dir)
    if not docs_dir.is_dir():
        raise JixiaoError(f"no documents folder at {docs_dir}")
    wanted_names = {g.file for g in golds}
    wanted_stems = {PurePath(g.file).stem for g in golds} if match_stem else set()
    return sorted(
        path for path in docs_dir.rglob("*")
        if path.is_file() and path.suffix.lower() != ".json"
        and (path.name in wanted_names or path.stem in wanted_stems)
    )


def _read_gold(path: Path) -> Gold:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise JixiaoError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise JixiaoError(f"{path}: cannot be read ({exc})") from None
    return parse_gold(data, str(path))
