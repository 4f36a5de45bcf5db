"""`jixiao extract` at archive scale: throughput, memory, re-runs, resume, Dask.

    .venv/bin/python scripts/scale_benchmark.py [--sizes 200 1600 12800] [--jobs 2] [--skip-dask]

Builds archives of N distinct reports with the corpus generator (every copy of the sample
archive's 40 reports gets its own region and department, so its own bytes, phrasing and
doc_id; all .txt, so that reading is cheap and the pipeline's own cost shows), then runs the
command line as a user would and reports, per N: seconds, documents per second, cost per
document, peak RSS of the run (the kernel's count) and of the largest worker (polled), and
alignment time (from the manifest). At the middle size also: an unchanged re-run, a re-run
after one file changed (the whole set assembled again), a run killed with SIGKILL half-way
and resumed (its tables compared with the uninterrupted run's), and a run on a Dask
LocalCluster (`--executor dask`). Machines here are noisy: compare ratios.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
JIXIAO = Path(sys.executable).parent / "jixiao"


def build_archive(folder: Path, n: int) -> int:
    """N distinct .txt reports: copies of the sample archive, each in new places."""
    from corpus import render_txt
    from corpus.build import compose
    from corpus.story import all_facts
    from extractors.nlp import word_tags

    places = sorted(w for w, tag in word_tags().items() if tag == "ns" and len(w) in (3, 4) and w[-1] in "市县")
    base = all_facts()
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for copy in range(n // len(base) + 1):
        for facts in base:
            if written == n:
                return written
            dept = facts.department
            place = places[(copy * 4 + hash_slug(dept.slug)) % len(places)]
            moved = dataclasses.replace(
                dept, slug=f"{dept.slug}-{copy}", name=dept.name.replace(dept.region, place), region=place,
                finance=dept.finance.replace(dept.region, place), rule=dept.rule.replace(dept.region, place))
            report = compose(dataclasses.replace(facts, department=moved, fmt="txt", encoding="utf-8"))
            data, _ = render_txt.render(report)
            (folder / f"{copy:04d}_{report.name}").write_bytes(data)
            written += 1
    return written


def hash_slug(slug: str) -> int:
    return {"jiangmen-justice": 0, "huzhou-education": 1, "changxing-water": 2, "heshan-civil": 3}[slug]


def extract(archive: Path, out: Path, jobs: int, *extra: str, kill_at: int | None = None) -> dict:
    """Run `jixiao extract`; with `kill_at`, SIGKILL it once that many files sit in landed parts.

    `peak_mib` is the kernel's count of the largest resident set of the run's processes (the
    main one: wait4's ru_maxrss covers it and the children it reaped), exact however short
    the peak; a poll every 0.2 s missed the brief peak of a short run, which made a run of 200
    files look some 40 MiB lighter than it was. `worker_mib` is the largest child the poll saw."""
    cmd = [str(JIXIAO), "extract", str(archive), "--out", str(out), "--jobs", str(jobs), *extra]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    worker_peak = 0
    watched = psutil.Process(proc.pid)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        try:
            for child in watched.children(recursive=True):
                worker_peak = max(worker_peak, child.memory_info().rss)
        except psutil.Error:
            pass
        if kill_at is not None and landed(out) >= kill_at:
            os.killpg(proc.pid, signal.SIGKILL)
            os.wait4(proc.pid, 0)
            return {"killed_after": time.perf_counter() - started, "landed": landed(out)}
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stdout.read().decode()}")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {"seconds": seconds, "peak_mib": usage.ru_maxrss / 1024, "worker_mib": worker_peak / 2**20,
            "manifest": manifest}


def landed(out: Path) -> int:
    parts = out / ".jixiao" / "parts"
    if not parts.is_dir():
        return 0
    return sum(pq.ParquetFile(p / "files.parquet").metadata.num_rows for p in parts.iterdir()
               if p.suffix != ".tmp" and (p / "files.parquet").is_file())


def tables_equal(a: Path, b: Path) -> bool:
    from pipeline.core.schema import TABLES

    return all(pq.read_table(a / f"{name}.parquet").equals(pq.read_table(b / f"{name}.parquet")) for name in TABLES)


def row(label: str, n: int, result: dict) -> str:
    m = result["manifest"]
    return (f"{label:<22}{n:>7}{result['seconds']:>9.1f}{n / result['seconds']:>8.1f}"
            f"{1000 * result['seconds'] / n:>9.0f}{result['peak_mib']:>10.0f}{result['worker_mib']:>10.0f}"
            f"{m['seconds']['align']:>8.2f}{m['read']:>7}{m['reused']:>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1600, 12800])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    print(f"machine: {platform.machine()} cores={os.cpu_count()} "
          f"RAM={psutil.virtual_memory().total / 2**30:.0f} GiB python={platform.python_version()}; "
          f"jobs={args.jobs}; load average at start {os.getloadavg()[0]:.1f}")
    print(f"{'run':<22}{'docs':>7}{'s':>9}{'docs/s':>8}{'ms/doc':>9}{'peak MiB':>10}{'wrk MiB':>10}"
          f"{'align s':>8}{'read':>7}{'reused':>7}")
    middle = sorted(args.sizes)[len(args.sizes) // 2]
    with tempfile.TemporaryDirectory(prefix="jixiao-scale-") as tmp:
        tmp = Path(tmp)
        for n in sorted(args.sizes):
            archive = tmp / f"archive-{n}"
            build_archive(archive, n)
            first = extract(archive, tmp / f"out-{n}", args.jobs)
            print(row("first run", n, first), flush=True)
            if n != middle:
                continue
            again = extract(archive, tmp / f"out-{n}", args.jobs)
            print(row("unchanged re-run", n, again) + f"   {again['seconds'] / first['seconds']:.0%} of the first")
            # One file changed: read again, and the whole set assembled and aligned again.
            changed = sorted(archive.iterdir())[n // 2]
            changed.write_bytes(changed.read_bytes() + b"\n")
            one = extract(archive, tmp / f"out-{n}", args.jobs)
            print(row("one file changed", n, one) + f"   {one['seconds'] / first['seconds']:.0%} of the first")
            killed = extract(archive, tmp / f"killed-{n}", args.jobs, kill_at=n // 2)
            resumed = extract(archive, tmp / f"killed-{n}", args.jobs)
            same = tables_equal(tmp / f"out-{n}", tmp / f"killed-{n}")
            print(row("resumed after SIGKILL", n, resumed)
                  + f"   killed at {killed['landed']} files ({killed['killed_after']:.1f} s); resumed run "
                  f"{resumed['seconds'] / first['seconds']:.0%} of a full one; tables equal: {same}")
            if not args.skip_dask:
                dask = extract(archive, tmp / f"dask-{n}", args.jobs, "--executor", "dask")
                print(row("dask LocalCluster", n, dask)
                      + f"   tables equal: {tables_equal(tmp / f'out-{n}', tmp / f'dask-{n}')}")
            shutil.rmtree(tmp / f"killed-{n}")


if __name__ == "__main__":
    main()
