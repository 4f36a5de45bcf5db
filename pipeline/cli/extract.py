"""`jixiao extract`: arguments and progress around pipeline.run.extract_to."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline.cli.console import DEFAULT_OUT, console, err_console, fail
from pipeline.core.errors import JixiaoError

# The defaults of pipeline/run (isolate.FILE_TIMEOUT, process.MAX_CHARS), repeated here so
# that `jixiao --help` does not import the runner.
FILE_TIMEOUT = 600.0
MAX_CHARS = 10_000_000

if TYPE_CHECKING:
    from pipeline.run import Extraction, FileResult


def extract(
    paths: list[Path] = typer.Argument(..., help="Report files and folders (searched recursively)."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Folder for the tables."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Parallel processes (0: one per core)."),
    strict: bool = typer.Option(False, help="Exit 1 when any file failed."),
    write_csv: bool = typer.Option(False, "--csv", help="Also write UTF-8 (with BOM) CSV files."),
    write_xlsx: bool = typer.Option(False, "--xlsx", help="Also write one Excel workbook."),
    aliases: Optional[Path] = typer.Option(
        None, "--aliases", help="CSV kind,name,key pinning or splitting department/project names."),
    no_ocr: bool = typer.Option(False, "--no-ocr", help="Do not OCR pages without a text layer (faster)."),
    images: bool = typer.Option(False, "--images", help="Also read .png/.jpg/.tif files found in folders (by OCR)."),
    full: bool = typer.Option(False, "--full", help="Read every file again, ignoring the rows of earlier runs in --out."),
    file_timeout: float = typer.Option(
        FILE_TIMEOUT, "--file-timeout", metavar="S", help="Stop a file after S seconds: one error row (0: no limit)."),
    max_chars: int = typer.Option(
        MAX_CHARS, "--max-chars", metavar="N", help="Refuse a document of more than N characters of text: one error row."),
    executor: str = typer.Option(
        "process", "--executor", help="Where files are read: process (this machine) or dask (a Dask LocalCluster)."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", metavar="tcp://HOST:PORT",
        help="Read files on an existing Dask cluster; its workers must see the files at the same paths."),
) -> None:
    """Read every report under PATHS and write the tables to --out.

    Files already read into --out by an earlier run (same content, same jixiao) are not read
    again; a run that was stopped goes on where it stopped."""
    if executor == "process" and not scheduler:
        from pipeline.run.isolate import CHILDREN

        CHILDREN.prestart()
    from pipeline.readers import ReadOptions
    from pipeline.run import extract_to

    try:
        with _progress() as progress:
            task = progress.add_task("", total=None)

            def done(path: Path, results: list[FileResult]) -> None:
                progress.update(task, advance=1, description=escape(path.name))

            extraction = extract_to(paths, out, jobs=jobs or None, csv=write_csv, xlsx=write_xlsx,
                                    aliases=aliases, on_start=lambda n: progress.update(task, total=n),
                                    on_file_done=done, options=ReadOptions(ocr=not no_ocr, images=images),
                                    full=full, file_timeout=file_timeout or None, max_chars=max_chars,
                                    executor=executor, scheduler=scheduler)
    except JixiaoError as exc:
        fail(str(exc))
    for failure in extraction.failures:
        err_console.print(f"[red]failed[/red] {escape(failure.source_path)}: {escape(failure.message)}",
                          highlight=False)
    _print_summary(extraction)
    if strict and extraction.n_failed:
        raise typer.Exit(1)


def _progress() -> Progress:
    """On stderr and gone when done: the summary on stdout is what stays."""
    return Progress(
        TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err_console, transient=True,
    )


def _print_summary(extraction: Extraction) -> None:
    e = extraction
    console.print(
        f"read {e.n_files - e.n_failed} of {e.n_files} files ({e.n_failed} failed, {e.n_partial} partial, "
        f"{e.n_skipped} skipped as not reports) in {e.seconds:.1f} s → {e.out}/",
        highlight=False, markup=False,
    )
    if e.n_reused:
        console.print(f"{e.n_reused} files unchanged since an earlier run were not read again "
                      f"({e.n_read} read; --full reads all)", highlight=False, markup=False)
    if not e.assembled:
        console.print("no file new, changed or gone: the tables were kept as they were", highlight=False,
                      markup=False)
    counts = Table("table", "rows", box=None)
    for name, n_rows in e.rows.items():
        counts.add_row(name, str(n_rows))
    console.print(counts)
