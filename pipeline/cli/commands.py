"""The typer application: every command of `jixiao`, registered."""
from __future__ import annotations

import typer

from pipeline.cli.checks import checks
from pipeline.cli.compare import compare
from pipeline.cli.eval import eval_
from pipeline.cli.extract import extract
from pipeline.cli.query import query
from pipeline.cli.report import report
from pipeline.cli.show import show

app = typer.Typer(
    help="Turn Chinese performance self-evaluation reports into tables analysts can query.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command()(extract)
app.command()(query)
app.command("eval")(eval_)
app.command()(show)
app.command()(compare)
app.command()(report)
app.command()(checks)
