"""The seed's renderings in one .zip, as downloads arrive, with a gold file per member.

    python -m tests.build_bundle OUT        OUT/seed_bundle.zip and OUT/gold/*.json
    python -m tests.build_bundle --corpus   corpus/formats/seed_bundle.zip

Members: the seed as GB18030 text under a GBK-encoded name (what Windows' own zip writes),
and its Word, PDF and web-page renderings. Each member has its own name, and its gold is the
seed's gold under that name, so `jixiao eval --out` scores every member of one extraction.
The zip is deterministic (fixed timestamps), so the corpus copy regenerates byte for byte.
"""
from __future__ import annotations

import json
import sys
import tempfile
import zipfile
from pathlib import Path

from tests.build_docx import SEED_PATH, build_seed_docx
from tests.build_seed_pdf import build_seed_pdf
from tests.build_web import build_seed_html

REPO = Path(__file__).resolve().parents[1]
SHARED_GOLD = REPO.parent / "shared" / "gold" / f"{SEED_PATH.stem}.json"
CORPUS_GOLD = REPO / "corpus" / "seed-gold" / f"{SEED_PATH.stem}.json"
BUNDLE = "seed_bundle.zip"
TEXT_MEMBER = "江门市司法局2021年度自评报告.txt"
_WHEN = (2022, 3, 15, 9, 0, 0)


def build_bundle(folder: Path) -> Path:
    """The zip; members' names are what their gold files name."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        members = {
            "word/seed_docx.docx": build_seed_docx(work / "seed_docx.docx").read_bytes(),
            "pdf/seed_pdf.pdf": build_seed_pdf(work / "seed_pdf.pdf").read_bytes(),
            "web/seed_html.html": build_seed_html(work / "seed_html.html").read_bytes(),
        }
    path = folder / BUNDLE
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        # A GBK name without the UTF-8 flag: written under an ASCII stand-in of the same
        # length, whose bytes are swapped for the GBK ones below (zipfile would flag it).
        gbk = TEXT_MEMBER.encode("gbk")
        stand_in = "t" * (len(gbk) - 4) + ".txt"
        out.writestr(zipfile.ZipInfo(stand_in, _WHEN),
                     SEED_PATH.read_text(encoding="utf-8").encode("gb18030"), zipfile.ZIP_DEFLATED)
        for name, data in members.items():
            out.writestr(zipfile.ZipInfo(name, _WHEN), data, zipfile.ZIP_DEFLATED)
    path.write_bytes(path.read_bytes().replace(stand_in.encode(), gbk))
    return path


def write_gold(folder: Path) -> Path:
    """The seed's gold once per member, each under the member's name."""
    source = SHARED_GOLD if SHARED_GOLD.is_file() else CORPUS_GOLD
    gold = json.loads(source.read_text(encoding="utf-8"))
    out = folder / "gold"
    out.mkdir(parents=True, exist_ok=True)
    for member in (TEXT_MEMBER, "seed_docx.docx", "seed_pdf.pdf", "seed_html.html"):
        (out / f"{Path(member).stem}.json").write_text(
            json.dumps({**gold, "file": member}, ensure_ascii=False, indent=2), encoding="utf-8")
    return out


def main(argv: list[str]) -> None:
    if argv == ["--corpus"]:
        print(build_bundle(REPO / "corpus" / "formats"))
    elif len(argv) == 1:
        print(build_bundle(Path(argv[0])), write_gold(Path(argv[0])))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
