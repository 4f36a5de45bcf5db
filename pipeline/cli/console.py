"""Where the `jixiao` commands print, and the one way they fail.

Paths and messages come from the user's files and the library, so they may hold square
brackets: everything not written here is escaped before rich reads its markup, or printed
with markup off.
"""
from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

DEFAULT_OUT = Path("outputs")

# soft_wrap: a message stays one line however narrow the terminal (or a pipe) is.
console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


def fail(message: str) -> NoReturn:
    """One line on stderr, exit code 1."""
    err_console.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    raise typer.Exit(1)
