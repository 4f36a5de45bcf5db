"""Throughput of `jixiao extract` on the bundled corpus, against baselines run in the same process.

    .venv/bin/python scripts/benchmark.py [--copies 5] [--repeats 3]

Builds an archive of `--copies` copies of every corpus document (plus the real PDFs of
../shared/real when present), then times, `--repeats` times each:
  read-only   readers alone, one process (the floor: parsing the files)
  jobs=1      the whole pipeline in one process
  jobs=N      the whole pipeline on every core
and prints medians, files per second, ratios to the read-only baseline, and peak RSS.
Machines here are noisy: compare ratios, not seconds, across runs.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from copies import copies as distinct_copies  # noqa: E402 - scripts/copies.py
from pipeline import readers, run as runner  # noqa: E402

SUFFIXES = {".txt", ".docx", ".pdf"}


def build_archive(folder: Path, copies: int) -> list[Path]:
    sources = [p for p in (REPO / "corpus").rglob("*") if p.suffix in SUFFIXES]
    sources += sorted((REPO.parent / "shared" / "real").glob("*.pdf"))
    distinct_copies(sources, folder, copies)
    return sorted(folder.rglob("*.*"))


def timed(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        files = build_archive(Path(tmp), args.copies)
        n = len(files)
        mib = sum(f.stat().st_size for f in files) / 2**20
        print(f"machine: {platform.machine()} {platform.processor() or ''} cores={cores} "
              f"python={platform.python_version()}")
        print(f"archive: {n} files, {mib:.1f} MiB ({args.copies} copies of the corpus + real PDFs); "
              f"median of {args.repeats} runs")
        runner.run(files[:3], jobs=1)  # warm-up: imports, jieba's dictionary, file cache
        read_only = timed(lambda: [readers.read(f) for f in files], args.repeats)
        one = timed(lambda: runner.run(files, jobs=1), args.repeats)
        many = timed(lambda: runner.run(files, jobs=cores), args.repeats)
        print(f"{'run':<12}{'median s':>10}{'files/s':>10}{'x read-only':>13}")
        for label, seconds in [("read-only", read_only), ("jobs=1", one), (f"jobs={cores}", many)]:
            print(f"{label:<12}{seconds:>10.2f}{n / seconds:>10.1f}{seconds / read_only:>13.2f}")
        print(f"speed-up jobs={cores} vs jobs=1: {one / many:.2f}x")
        own, children = peak_rss_mib()
        print(f"peak RSS: main process {own:.0f} MiB, largest worker {children:.0f} MiB")


if __name__ == "__main__":
    main()
