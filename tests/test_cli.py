from __future__ import annotations

import subprocess
import sys
import shutil

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import SEED

cli = CliRunner()


COMMANDS = ["extract", "query", "show", "eval", "compare", "report", "checks"]


def test_cli_commands_are_the_registered_ones():
    assert sorted(c.name or c.callback.__name__ for c in app.registered_commands) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help(command):
    (registered,) = [c for c in app.registered_commands if (c.name or c.callback.__name__) == command]
    assert (registered.callback.__doc__ or "").strip()
    result = cli.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output.splitlines()) > 4


@pytest.mark.parametrize("option,value", [("--by", "region"), ("--metric", "total")])
def test_cli_compare_choices_are_checked_before_reading(tmp_path, option, value):
    result = cli.invoke(app, ["compare", option, value, "--out", str(tmp_path)])
    assert result.exit_code == 2  # a usage error, not "no tables in …"
    assert "Invalid value" in result.output and "jixiao extract" not in result.output


@pytest.mark.parametrize("option,value", [
    *[("--by", by) for by in ("department", "project", "indicator")],
    *[("--metric", metric) for metric in ("budget", "actual", "rate", "score", "target", "weight")],
])
def test_cli_compare_choices_are_accepted(tmp_path, option, value):
    result = cli.invoke(app, ["compare", option, value, "--out", str(tmp_path)])
    assert result.exit_code == 1 and "run `jixiao extract" in result.output


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_cli_extract_exit_codes_and_strict(archive, tmp_path):
    out = tmp_path / "out"
    ok = cli.invoke(app, ["extract", str(archive), "--out", str(out), "--jobs", "1"])
    assert ok.exit_code == 0, ok.output
    assert "read 1 of 2 files (1 failed" in ok.output
    assert (out / "jixiao.duckdb").is_file() and (out / "budgets.parquet").is_file()
    strict = cli.invoke(app, ["extract", str(archive), "--out", str(out), "--jobs", "1", "--strict"])
    assert strict.exit_code == 1


def test_cli_extract_missing_path_is_one_line_error(tmp_path):
    result = cli.invoke(app, ["extract", str(tmp_path / "nothing"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_cli_query_prints_rows_and_csv(archive, tmp_path):
    out = tmp_path / "out"
    cli.invoke(app, ["extract", str(archive), "--out", str(out), "--jobs", "1", "--csv"])
    table = cli.invoke(app, ["query", "SELECT role, amount_yuan FROM budgets ORDER BY amount_yuan DESC",
                             "--out", str(out)])
    assert table.exit_code == 0, table.output
    assert "698000.00" in table.output
    as_csv = cli.invoke(app, ["query", "SELECT status, count(*) AS n FROM documents GROUP BY status ORDER BY status",
                              "--out", str(out), "--csv"])
    assert as_csv.output.splitlines() == ["status,n", "error,1", "ok,1"]


@pytest.mark.parametrize(
    "sql,message",
    [("SELEC nonsense", "syntax"), ("SELECT * FROM no_such_table", "no_such_table")],
)
def test_cli_query_bad_sql_is_one_line_error(archive, tmp_path, sql, message):
    out = tmp_path / "out"
    cli.invoke(app, ["extract", str(archive), "--out", str(out), "--jobs", "1"])
    result = cli.invoke(app, ["query", sql, "--out", str(out)])
    assert result.exit_code == 1
    assert message in result.output.lower()


def test_cli_query_without_tables_says_to_extract(tmp_path):
    result = cli.invoke(app, ["query", "SELECT 1", "--out", str(tmp_path)])
    assert result.exit_code == 1 and "jixiao extract" in result.output


def test_cli_show_prints_tree_and_evidence():
    result = cli.invoke(app, ["show", str(SEED)])
    assert result.exit_code == 0, result.output
    for expected in ["项目组织实施情况", "（一）投入", "698000.00", "部门预算安排财政资金69.8万元", "350余份"]:
        assert expected in result.output


def test_cli_show_bad_file_fails_cleanly(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    result = cli.invoke(app, ["show", str(bad)])
    assert result.exit_code == 1 and "error" in result.output


def _seed_gold(folder):
    gold = folder / "gold"
    gold.mkdir()
    (gold / "seed.json").write_text(
        '{"file": "seed.txt", "score": 96, "budget": {"budget_yuan": 698000, "actual_yuan": 522400}}',
        encoding="utf-8")
    return gold


@pytest.mark.parametrize("threshold,code", [("0.5", 0), ("1.01", 1)])
def test_cli_eval_docs_and_fail_under(archive, tmp_path, threshold, code):
    gold = _seed_gold(tmp_path)
    result = cli.invoke(app, ["eval", "--gold", str(gold), "--docs", str(archive), "--jobs", "1",
                              "--fail-under", threshold])
    assert result.exit_code == code, result.output
    assert "micro" in result.output and "1.000" in result.output


def test_cli_eval_scores_an_output_folder_with_explain(archive, tmp_path):
    out = tmp_path / "out"
    cli.invoke(app, ["extract", str(archive), "--out", str(out), "--jobs", "1"])
    gold = _seed_gold(tmp_path)
    (gold / "seed.json").write_text('{"file": "seed.txt", "score": 90}', encoding="utf-8")
    result = cli.invoke(app, ["eval", "--gold", str(gold), "--out", str(out), "--explain"])
    assert result.exit_code == 0, result.output
    assert "gold=90" in result.output


def test_cli_eval_needs_exactly_one_source(tmp_path):
    gold = _seed_gold(tmp_path)
    result = cli.invoke(app, ["eval", "--gold", str(gold)])
    assert result.exit_code == 1 and "exactly one" in result.output


def test_cli_import_loads_no_library_heavyweights():
    """`jixiao --help` pays for typer and rich only; each command loads what it needs."""
    code = ("import sys, pipeline.cli.commands; "
            "print(sorted(m for m in ('pandas', 'pyarrow', 'duckdb', 'spacy', 'jieba', 'pdfplumber', "
            "'docx', 'extractors', 'pipeline.run', 'pipeline.store') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"
