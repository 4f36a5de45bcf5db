"""Red-team round 7: scans as a county office makes them — 150 dpi, the sheet a little askew,
speckled, softened, with a round seal stamped on the last page — of two red-team reports
(the letter rt37 as our PDF renderer prints it, and LibreOffice's print of rt42 with its
自评表). The gold is that of the report scanned, under the scan's name.

    python -m tests.build_redteam_scans     # rewrites rt37s_*.pdf, rt42s_*.pdf and their gold
"""
from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

from tests.build_redteam_pdf import build_redteam_pdf
from tests.build_scanned_pdf import images_to_pdf, page_images

REDTEAM = Path(__file__).parent / "data" / "redteam"
DPI = 150
SKEW_DEGREES = 0.8
SPECKLES_PER_PAGE = 1500
SEED = 20261205


def degrade(image, rng: random.Random, seal: bool):
    from PIL import ImageDraw, ImageFilter

    image = image.convert("L").rotate(SKEW_DEGREES, fillcolor=255, resample=3)
    draw = ImageDraw.Draw(image)
    for _ in range(SPECKLES_PER_PAGE):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        draw.point((x, y), fill=rng.choice((0, 90, 160)))
    if seal:
        # A seal in the lower half of the last page, where offices stamp it.
        cx, cy, r = int(image.width * 0.72), int(image.height * 0.62), int(DPI * 0.8)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=150, width=6)
        draw.regular_polygon((cx, cy, r // 3), 5, fill=170)
    return image.filter(ImageFilter.GaussianBlur(0.6))


def scan(source: Path, target: Path, seal_on_last_page: bool = True) -> Path:
    rng = random.Random(SEED)
    pages = page_images(source, DPI)
    images = [degrade(page, rng, seal_on_last_page and i == len(pages) - 1) for i, page in enumerate(pages)]
    return images_to_pdf(images, target, DPI)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        letter = build_redteam_pdf(REDTEAM / "rt37_hebei_zhengding_letter_combined.txt",
                                   Path(tmp) / "rt37.pdf", "ruled", None)
        jobs = [(letter, "rt37_hebei_zhengding_letter_combined", "rt37s_hebei_zhengding_letter_combined"),
                (REDTEAM / "rt42p_fujian_jiaocheng_farmland_autonumber.pdf",
                 "rt42p_fujian_jiaocheng_farmland_autonumber", "rt42s_fujian_jiaocheng_farmland_autonumber")]
        for source, gold_stem, stem in jobs:
            scan(source, REDTEAM / f"{stem}.pdf")
            gold = json.loads((REDTEAM / "gold" / f"{gold_stem}.json").read_text(encoding="utf-8"))
            gold["file"] = f"{stem}.pdf"
            gold["notes"] = f"Round 7: a degraded scan (no text layer) of {gold_stem}. " + gold.get("notes", "")
            (REDTEAM / "gold" / f"{stem}.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
