"""Speed of `jixiao extract` against the bare libraries reading the same files (issue 12):
every figure is a whole process, one job, the median of --repeats runs.

    .venv/bin/python scripts/speed_benchmark.py [--repeats 5] [--copies 5] [--archive-copies 10]
                                                [--before DIR]

Cases, each against its baselines in the same run:
  pdf      the real budget PDFs of ../shared/real copied --copies times: jixiao extract;
           pypdfium2 text of every page; pdfplumber text of every page
  start    jixiao --help; jixiao extract of one small .txt
  txt      jixiao extract of one and of --archive-copies copies of the sample archive's .txt
           files; plain decoding (UTF-8, else GB18030) of the same files
  docx     the same for its .docx files; python-docx paragraphs (and table cells)
With --before, jixiao from another checkout of the code (DIR, run with this venv through
PYTHONPATH) is timed beside this one: the figures before and after a change in one run.
Documents per second "after start-up" are (n - 1) / (t(n) - t(1)): the cost of one more
document once the process is running.

The machines here are shared and often busy: wall time moves with their load, CPU time
(user + system) much less. Both are printed; compare ratios inside one run.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from copies import copies  # scripts/copies.py

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
JIXIAO = str(Path(sys.executable).parent / "jixiao")
# The console script imports its entry from the installed code; a --before checkout may name
# it differently (pipeline.cli:app before the command left through os._exit): its own entry.
_BEFORE_ENTRY = ("import sys, pipeline.cli as cli; sys.argv[0] = 'jixiao'; "
                 "(getattr(cli, 'main', None) or cli.app)()")

PYPDFIUM2_TEXT = """
import sys, pypdfium2
for f in sys.argv[1:]:
    pdf = pypdfium2.PdfDocument(f)
    for page in pdf:
        text = page.get_textpage().get_text_range()
"""
PDFPLUMBER_TEXT = """
import sys, pdfplumber
for f in sys.argv[1:]:
    with pdfplumber.open(f) as pdf:
        for page in pdf.pages:
            text = page.extract_text()
"""
PLAIN_DECODING = """
import sys
for f in sys.argv[1:]:
    data = open(f, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030", "replace")
"""
PYTHON_DOCX = """
import sys, docx
for f in sys.argv[1:]:
    d = docx.Document(f)
    text = [p.text for p in d.paragraphs]
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
"""


@dataclass
class Timing:
    wall: float
    cpu: float


def timed(command: list[str], repeats: int, code: Path | None = None) -> Timing:
    """Median wall and CPU (user + system) seconds of `command` as a process of its own;
    with `code`, the pipeline is imported from that checkout."""
    env = None if code is None else {**os.environ, "PYTHONPATH": str(code)}
    if code is not None and command[0] == JIXIAO:
        command = [sys.executable, "-c", _BEFORE_ENTRY, *command[1:]]
    walls, cpus = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        # Not from a checkout: the child that reads files runs `python -m`, which puts the
        # working folder first on its path, and would read with the working folder's code.
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                       cwd=tempfile.gettempdir())
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return Timing(statistics.median(walls), statistics.median(cpus))


def extract(files: list[Path], out: Path) -> list[str]:
    # --full: every repeat reads every file (into the same `out`, a re-run would reuse them).
    return [JIXIAO, "extract", *map(str, files), "--out", str(out), "--jobs", "1", "--full"]


def python(code: str, files: list[Path]) -> list[str]:
    return [sys.executable, "-c", code, *map(str, files)]


def row(label: str, t: Timing, base: Timing | None = None) -> None:
    ratio = "" if base is None else f"{t.wall / base.wall:>9.1f}x {t.cpu / base.cpu:>7.1f}x"
    print(f"  {label:<44}{t.wall:>8.2f}{t.cpu:>8.2f}   {ratio}")


def per_doc(label: str, one: Timing, many: Timing, n: int) -> None:
    wall = (n - 1) / (many.wall - one.wall)
    cpu = (n - 1) / (many.cpu - one.cpu)
    print(f"  {label:<44}{wall:>8.1f}{cpu:>8.1f}   documents/s after start-up (wall, cpu)")


def header(title: str) -> None:
    print(f"\n{title}\n  {'':<44}{'wall s':>8}{'cpu s':>8}   {'x baseline (wall, cpu)':>20}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--copies", type=int, default=5, help="copies of the real PDFs")
    parser.add_argument("--archive-copies", type=int, default=10, help="copies of the sample archive")
    parser.add_argument("--before", type=Path, help="another checkout of the code, timed beside this one")
    args = parser.parse_args()
    before = args.before.resolve() if args.before else None
    print(f"machine: {platform.machine()} cores={os.cpu_count()} python={platform.python_version()} "
          f"load={os.getloadavg()[0]:.1f}; medians of {args.repeats} runs, whole processes, one job")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        out = tmp_path / "out"
        real = sorted((SHARED / "real").glob("*.pdf"))
        if real:
            pdfs = copies(real, tmp_path / "pdf", args.copies)
            header(f"pdf: {len(pdfs)} files, {args.copies} copies of ../shared/real")
            bare = timed(python(PYPDFIUM2_TEXT, pdfs), args.repeats)
            row("pypdfium2 text (baseline)", bare)
            row("pdfplumber text", timed(python(PDFPLUMBER_TEXT, pdfs), args.repeats), bare)
            row("jixiao extract", timed(extract(pdfs, out), args.repeats), bare)
            if before:
                row("jixiao extract, --before", timed(extract(pdfs, out), args.repeats, before), bare)
        archive = REPO / "corpus" / "archive"
        txts = sorted(archive.glob("*.txt"))
        header("start-up")
        row("jixiao --help", timed([JIXIAO, "--help"], args.repeats))
        row("jixiao extract of one .txt", timed(extract(txts[:1], out), args.repeats))
        if before:
            row("jixiao --help, --before", timed([JIXIAO, "--help"], args.repeats, before))
            row("jixiao extract of one .txt, --before", timed(extract(txts[:1], out), args.repeats, before))
        for suffix, code, name in [(".txt", PLAIN_DECODING, "plain decoding"),
                                   (".docx", PYTHON_DOCX, "python-docx paragraphs")]:
            sources = sorted(archive.glob(f"*{suffix}"))
            many = copies(sources, tmp_path / suffix[1:], args.archive_copies)
            header(f"{suffix[1:]}: 1 and {len(many)} files ({args.archive_copies} copies of the sample archive)")
            base_one = timed(python(code, many[:1]), args.repeats)
            base_many = timed(python(code, many), args.repeats)
            row(f"{name}, 1 file (baseline)", base_one)
            row(f"{name}, {len(many)} files (baseline)", base_many)
            one = timed(extract(many[:1], out), args.repeats)
            all_ = timed(extract(many, out), args.repeats)
            row("jixiao extract, 1 file", one, base_one)
            row(f"jixiao extract, {len(many)} files", all_, base_many)
            per_doc(name, base_one, base_many, len(many))
            per_doc("jixiao extract", one, all_, len(many))
            if before:
                old_one = timed(extract(many[:1], out), args.repeats, before)
                old_all = timed(extract(many, out), args.repeats, before)
                row(f"jixiao extract, {len(many)} files, --before", old_all, base_many)
                per_doc("jixiao extract, --before", old_one, old_all, len(many))


if __name__ == "__main__":
    main()
