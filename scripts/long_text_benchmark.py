"""One long text: CPU seconds of reading, sectioning and extracting a single .txt of 1, 2 and 6 MB.

    .venv/bin/python scripts/long_text_benchmark.py [--sizes 1 2 6] [--repeats 3]

Each text is the sample archive's reports (corpus/archive/*.txt, in whatever encoding) concatenated until it holds
the size in MB of UTF-8; spaCy, jieba and the extractors are loaded before the clock starts,
so the figures are the per-character cost of one document, which must stay linear in its
length (issue 11). Prints the median over --repeats of CPU seconds (user + system) per size.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from pipeline.readers.txt import decode
from pipeline.run.process import process_file

ARCHIVE = Path(__file__).resolve().parent.parent / "corpus" / "archive"
MB = 1_000_000


def long_text(size_mb: float) -> str:
    reports = [decode(p.read_bytes()) for p in sorted(ARCHIVE.glob("*.txt"))]
    parts, size, i = [], 0, 0
    while size < size_mb * MB:
        report = reports[i % len(reports)]
        parts.append(report)
        size += len(report.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 6])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_text(long_text(0.05), encoding="utf-8")
        process_file(warm)  # loads jieba, the vocabularies and the extractors
        print(f"{'size':>6} {'characters':>12} {'CPU s (median)':>15} {'CPU s per MB':>13}")
        for size in args.sizes:
            path = Path(tmp) / f"long_{size}.txt"
            text = long_text(size)
            path.write_text(text, encoding="utf-8")
            cpus = []
            for _ in range(args.repeats):
                start = time.process_time()
                [result] = process_file(path)
                cpus.append(time.process_time() - start)
                assert result.status == "ok", result.rows.get("errors")
            cpu = statistics.median(cpus)
            mb = path.stat().st_size / MB
            print(f"{mb:5.1f}M {len(text):12,} {cpu:15.2f} {cpu / mb:13.2f}")


if __name__ == "__main__":
    main()
