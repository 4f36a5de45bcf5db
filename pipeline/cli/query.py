"""`jixiao query`: SQL over the tables of an earlier extraction."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from pipeline.cli.console import DEFAULT_OUT, console, fail
from pipeline.core.errors import JixiaoError


def query(
    sql: str = typer.Argument(..., help='SQL over the tables, e.g. "SELECT * FROM budgets".'),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Folder holding the tables."),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV instead of a table."),
    limit: int = typer.Option(200, help="Rows to print in table mode (CSV prints all)."),
) -> None:
    """Run SQL on the tables of an earlier `jixiao extract`."""
    import duckdb
    
    from pipeline import store
    
    try:
        con = store.connect(out)
        cursor = con.execute(sql)
        header = [d[0] for d in cursor.description or []]
        # fetchall, not fetchdf: pandas would turn DECIMAL money into floats.
        rows = cursor.fetchall()
    except JixiaoError as exc:
        fail(str(exc))
    except duckdb.Error as exc:  # its first line tells the user what is wrong with the SQL
        fail(str(exc).splitlines()[0])
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return
    # Text cells: a value is data, never rich markup.
    table = Table()
    for name in header:
        table.add_column(Text(name))
    for row in rows[:limit]:
        table.add_row(*[Text("" if v is None else str(v)) for v in row])
    console.print(table)
    if len(rows) > limit:
        console.print(f"… {len(rows) - limit} more rows (use --limit or --csv)")
