"""`jixiao report`: registered in cli.py with `app.command()(report)`.

Kept apart from cli.py (and not importing it) so that cli.py can import this module at the top.
"""
from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from pipeline.core.errors import JixiaoError
from pipeline.report.build import REPORT_FILE, write_report

_console = Console(soft_wrap=True)
_err_console = Console(stderr=True, soft_wrap=True)


def _fail(message: str) -> None:
    _err_console.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    raise typer.Exit(1)


def report(
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Folder holding the tables of `jixiao extract`."),
    html: Path | None = typer.Option(None, "--html", help=f"Report file to write (default: OUT/{REPORT_FILE})."),
) -> None:
    """Write one self-contained HTML report: archive overview, trends per department and project,
    indicator tables, recurring problems, and the source sentence behind every figure."""
    try:
        path = write_report(out, html)
    except JixiaoError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write the report: {exc}")
    _console.print(f"report → {path}", highlight=False, markup=False)
