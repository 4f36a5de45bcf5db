"""The seed in the formats of issue 9, for the CI gates and the bundled corpus.

    python -m tests.build_renderings OUT      OUT/{doc,wps,html,mht}/000_3863e364cbd2cac6.EXT,
                                              one folder each: `jixiao eval --match-stem`
                                              scores one rendering of a report at a time
    python -m tests.build_renderings --corpus corpus/formats/seed.{doc,wps,html,mht}
"""
from __future__ import annotations

import sys
from pathlib import Path

from tests.build_docx import SEED_PATH
from tests.build_legacy import build_seed_doc, build_seed_wps
from tests.build_web import build_seed_html, build_seed_mht

BUILDERS = {"doc": build_seed_doc, "wps": build_seed_wps, "html": build_seed_html, "mht": build_seed_mht}
CORPUS_FORMATS = Path(__file__).resolve().parents[1] / "corpus" / "formats"


def build_all(out: Path) -> list[Path]:
    built = []
    for fmt, build in BUILDERS.items():
        (out / fmt).mkdir(parents=True, exist_ok=True)
        built.append(build(out / fmt / f"{SEED_PATH.stem}.{fmt}"))
    return built


def build_corpus(folder: Path = CORPUS_FORMATS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [build(folder / f"seed.{fmt}") for fmt, build in BUILDERS.items()]


def main(argv: list[str]) -> None:
    if argv == ["--corpus"]:
        paths = build_corpus()
    elif len(argv) == 1:
        paths = build_all(Path(argv[0]))
    else:
        sys.exit(__doc__)
    print("\n".join(str(p) for p in paths))


if __name__ == "__main__":
    main(sys.argv[1:])
