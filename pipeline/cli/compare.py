"""`jixiao compare`: the wide year-by-year table of one metric."""
from __future__ import annotations

from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.align.metrics import DOCUMENT_METRICS, INDICATOR_METRICS, LEVELS
from pipeline.cli.console import DEFAULT_OUT, fail
from pipeline.core.errors import JixiaoError

# The choices come from the library's own tables; which metric goes with which --by is the
# library's check, with its message naming the metrics that do.
By = Enum("By", [(level, level) for level in LEVELS], type=str)
Metric = Enum("Metric", [(name, name) for name in dict.fromkeys(
    [*DOCUMENT_METRICS, *INDICATOR_METRICS])], type=str)


def compare(
    by: By = typer.Option(By.department, "--by", help="What one row is."),
    metric: Metric = typer.Option(
        Metric.budget, "--metric",
        help="department/project: budget | actual (yuan) | rate (execution %) | score; "
             "indicator: target | actual | score | weight"),
    year_from: Optional[int] = typer.Option(None, "--from", help="First year to show."),
    year_to: Optional[int] = typer.Option(None, "--to", help="Last year to show."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Folder holding the tables of `jixiao extract`."),
    csv_file: Optional[Path] = typer.Option(None, "--csv", help="Also write the table as CSV (UTF-8 with BOM)."),
    xlsx_file: Optional[Path] = typer.Option(None, "--xlsx", help="Also write the table as an Excel workbook."),
    aliases: Optional[Path] = typer.Option(
        None, "--aliases", help="CSV kind,name,key pinning or splitting department/project names."),
) -> None:
    """One row per department, project or indicator; one column per year; then the changes."""
    from pipeline import store
    from pipeline.align import compare as comparing
    
    by, metric = by.value, metric.value
    try:
        tables = store.load(out)
        frame = comparing.compare_table(tables, by=by, metric=metric, year_from=year_from,
                                        year_to=year_to, aliases=aliases)
    except JixiaoError as exc:
        fail(str(exc))
    if frame.empty:
        fail(f"no {metric} figures for --by {by} in {out}" + _range_text(year_from, year_to))
    try:
        if csv_file:
            # utf-8-sig: the BOM makes Excel open Chinese text as UTF-8.
            frame.to_csv(csv_file, index=False, encoding="utf-8-sig")
        if xlsx_file:
            frame.to_excel(xlsx_file, index=False, sheet_name=f"{by} {metric}"[:31], engine="openpyxl")
    except OSError as exc:
        fail(f"cannot write {exc.filename}: {exc.strerror}")
    _print(frame, title=f"{metric} by {by}")


def _range_text(year_from: int | None, year_to: int | None) -> str:
    if year_from is None and year_to is None:
        return ""
    return f" for years {year_from or '…'}–{year_to or '…'}"


def _print(frame, title: str) -> None:
    # A pipe or a test runner has no width: print the whole table rather than squeeze it.
    console = Console(soft_wrap=True)
    if not console.is_terminal:
        console = Console(width=10_000)
    table = Table(title=title, title_justify="left")
    for column in frame.columns:
        numeric = column[:1].isdigit() or column.startswith("Δ")
        table.add_column(column, justify="right" if numeric else "left", no_wrap=numeric)
    for row in frame.itertuples(index=False):
        table.add_row(*[Text(_cell(v)) for v in row])  # data, never markup
    console.print(table, highlight=False)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)
