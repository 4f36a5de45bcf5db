"""`jixiao report`: the HTML report of an output folder."""
from __future__ import annotations

from pathlib import Path

import typer

from pipeline.cli.console import DEFAULT_OUT, console, fail
from pipeline.core.errors import JixiaoError
from pipeline.report import REPORT_FILE


def report(
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Folder holding the tables of `jixiao extract`."),
    html: Path | None = typer.Option(None, "--html", help=f"Report file to write (default: OUT/{REPORT_FILE})."),
) -> None:
    """Write one self-contained HTML report: archive overview, trends per department and project,
    indicator tables, recurring problems, and the source sentence behind every figure."""
    from pipeline.report.build import write_report
    
    try:
        path = write_report(out, html)
    except JixiaoError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write the report: {exc}")
    console.print(f"report → {path}", highlight=False, markup=False)
