"""`jixiao report` on the command line: default and named file, one-line errors, help."""
from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from pipeline.cli.report import report
from tests.test_report import write_tables

cli = CliRunner()
app = typer.Typer()
app.command("report")(report)


@app.callback()
def _group() -> None:
    """Keeps `report` a named subcommand, as in the real `jixiao` app."""


def test_report_cli_writes_default_and_named_file(tmp_path):
    out = write_tables(tmp_path / "out")
    result = cli.invoke(app, ["report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "report.html").is_file() and str(out / "report.html") in result.output
    target = tmp_path / "elsewhere" / "r.html"
    result = cli.invoke(app, ["report", "--out", str(out), "--html", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("damage, message", [("missing", "run `jixiao extract"), ("corrupt", "cannot read")])
def test_report_cli_missing_or_broken_tables_is_one_line_error(tmp_path, damage, message):
    out = tmp_path / "out"
    if damage == "corrupt":
        write_tables(out)
        (out / "budgets.parquet").write_bytes(b"not parquet")
    result = cli.invoke(app, ["report", "--out", str(out)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert not (out / "report.html").exists()


def test_report_cli_has_help():
    result = cli.invoke(app, ["report", "--help"])
    assert result.exit_code == 0 and "--html" in result.output
