"""OCR cost per page: the seed's PDF rendering, scanned, each page rendered at the reader's
200 dpi and recognised by the engine jixiao uses (pipeline/readers/ocr.py).

    .venv/bin/python scripts/ocr_benchmark.py [--repeats 3] [--arena-off]

Prints seconds per page (wall and CPU, median over pages and repeats), the engine's load
time, and the whole scanned seed read by the PDF reader. --arena-off also times RapidOCR's
own session settings (memory arena off), which jixiao overrides.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.readers import ocr  # noqa: E402
from pipeline.readers.pdf import read as read_pdf  # noqa: E402
from pipeline.readers.pdf.scanned import render  # noqa: E402
from tests.build_scanned_pdf import build_scanned_seed_pdf  # noqa: E402


def _time(engine, images, repeats: int) -> tuple[list[float], list[float]]:
    import numpy as np

    walls, cpus = [], []
    for _ in range(repeats):
        for image in images:
            pixels = np.asarray(image.convert("RGB"))
            wall, cpu = time.perf_counter(), time.process_time()
            engine(pixels)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
    return walls, cpus


def _line(name: str, walls: list[float], cpus: list[float]) -> str:
    return (f"{name:<22} median {statistics.median(walls):5.2f} s/page wall "
            f"(min {min(walls):.2f}, max {max(walls):.2f}), {statistics.median(cpus):5.2f} s/page CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--arena-off", action="store_true")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}  cores={os.cpu_count()} python={platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        scanned = build_scanned_seed_pdf(Path(tmp) / "seed_scanned.pdf")
        images = [image for _, image, _ in render(scanned, [1, 2, 3, 4, 5])]
        started = time.perf_counter()
        engine = ocr._engine()
        print(f"engine load            {time.perf_counter() - started:5.2f} s (once per process)")
        print(f"pages: {len(images)} at {ocr.DPI} dpi ({images[0].width}x{images[0].height} px); "
              f"median over pages x {args.repeats} repeats")
        print(_line("jixiao engine", *_time(engine, images, args.repeats)))
        if args.arena_off:
            from rapidocr_onnxruntime import RapidOCR

            stock = RapidOCR(text_score=ocr.MIN_BOX_SCORE, max_side_len=4000, use_cls=False)
            print(_line("memory arena off", *_time(stock, images, args.repeats)))
        started = time.perf_counter()
        doc = read_pdf(scanned)
        print(f"whole read (5 pages)   {time.perf_counter() - started:5.2f} s: {'; '.join(doc.warnings)}")


if __name__ == "__main__":
    main()
