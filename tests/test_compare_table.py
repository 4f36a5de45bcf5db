"""The `jixiao compare` wide table and command: one row per entity, one column per year, the
changes; stored alignment used unless aliases are given."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
import typer
from typer.testing import CliRunner

from pipeline import store
from pipeline.align.compare import align, alignment_for, compare_table
from pipeline.cli.compare import compare
from pipeline.core.errors import JixiaoError
from tests.test_compare import _doc, _tables


# ---------------------------------------------------------------- the wide table

def test_compare_wide_table_sums_projects_and_keeps_money_exact():
    docs = [_doc("a19", 2019, "法律援助经费", budget="800000.10", actual="753600", score=94.42),
            _doc("b19", 2019, "人民调解工作经费", budget="450000", actual="412680", score=96.17),
            _doc("a20", 2020, "法律援助经费", budget="826000", actual="801200", score=94.7),
            _doc("b20", 2020, "人民调解工作经费", budget="450000.20", actual="398400", score=94.55)]
    tables = _tables(docs)
    budget = compare_table(tables, by="department", metric="budget")
    assert list(budget.columns) == ["department", "region", "2019", "2020", "Δ2020", "Δ2020%"]
    row = budget.iloc[0]
    assert row["2019"] == Decimal("1250000.10") and isinstance(row["2019"], Decimal)
    assert row["Δ2020"] == Decimal("26000.10") and row["Δ2020%"] == 2.08
    rate = compare_table(tables, by="department", metric="rate").iloc[0]
    assert rate["2019"] == round(1166280 / 1250000.10 * 100, 2)  # the rate of the sums
    score = compare_table(tables, by="department", metric="score").iloc[0]
    assert score["2020"] == round((94.7 + 94.55) / 2, 2)
    projects = compare_table(tables, by="project", metric="budget")
    assert list(projects["project"]) == ["人民调解工作经费", "法律援助经费"]


def test_compare_year_with_a_missing_budget_stays_empty_not_partial():
    docs = [_doc("a", 2019, "甲项目资金", budget="100"), _doc("b", 2019, "乙项目资金", budget=None),
            _doc("c", 2020, "甲项目资金", budget="120"), _doc("d", 2020, "乙项目资金", budget="80")]
    row = compare_table(_tables(docs), by="department", metric="budget").iloc[0]
    assert row["2019"] is None and row["2020"] == Decimal("200.00") and row["Δ2020"] is None


@pytest.mark.parametrize("year_from, year_to, columns", [
    (2020, None, ["2020", "2021"]), (None, 2020, ["2019", "2020"]), (2020, 2020, ["2020"])])
def test_compare_year_range(year_from, year_to, columns):
    docs = [_doc(f"d{y}", y, "法律援助经费", budget=str(y)) for y in (2019, 2020, 2021)]
    frame = compare_table(_tables(docs), by="project", metric="budget", year_from=year_from, year_to=year_to)
    assert [c for c in frame.columns if c[:1].isdigit()] == columns


@pytest.mark.parametrize("by, metric, message", [
    ("region", "budget", "--by must be one of"), ("indicator", "budget", "--metric for --by indicator"),
    ("department", "target", "--metric for --by department")])
def test_compare_rejects_unknown_level_or_metric(by, metric, message):
    with pytest.raises(JixiaoError, match=message):
        compare_table(_tables([_doc("a", 2020, "法律援助经费")]), by=by, metric=metric)


def test_compare_uses_stored_alignment_unless_aliases_are_given(tmp_path):
    docs = [_doc("a", 2020, "城乡环境整治资金", budget="1"), _doc("b", 2021, "人居环境提升经费", budget="2")]
    tables = {**_tables(docs), **align(_tables(docs))}
    assert alignment_for(tables)["project_keys"] is not None
    assert len(compare_table(tables, by="project", metric="budget")) == 2
    path = tmp_path / "aliases.csv"
    path.write_text("kind,name,key\nproject,城乡环境整治资金,人居环境\nproject,人居环境提升经费,人居环境\n",
                    encoding="utf-8")
    assert len(compare_table(tables, by="project", metric="budget", aliases=path)) == 1


# ---------------------------------------------------------------- the command

cli = CliRunner()


@pytest.fixture
def app():
    app = typer.Typer(add_completion=False)
    app.command()(compare)
    app.command("noop")(lambda: None)  # a second command, so `compare` is a subcommand as in cli.py
    return app


@pytest.fixture
def out(tmp_path):
    docs = [_doc("a19", 2019, "法律援助专项经费", budget="800000", actual="753600"),
            _doc("b19", 2019, "人民调解工作经费", budget="450000", actual="412680"),
            _doc("a20", 2020, "法律援助经费", budget="826000", actual="801200"),
            _doc("b20", 2020, "人民调解工作经费", budget="450000", actual="398400")]
    folder = tmp_path / "out"
    store.write({"documents": docs}, folder)
    return folder


def test_compare_cli_prints_the_wide_table(app, out):
    result = cli.invoke(app, ["compare", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "江门市司法局" in result.output and "1,250,000.00" in result.output
    assert "Δ2020%" in result.output and "2.08" in result.output


def test_compare_cli_writes_csv_with_bom_and_exact_money(app, out, tmp_path):
    path = tmp_path / "budget.csv"
    result = cli.invoke(app, ["compare", "--out", str(out), "--by", "project", "--csv", str(path)])
    assert result.exit_code == 0, result.output
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "department,region,project,2019,2020,Δ2020,Δ2020%"
    # one name per year: the tie goes to the longer name
    assert "江门市司法局,江门市,法律援助专项经费,800000.00,826000.00,26000.00,3.25" in lines


def test_compare_cli_writes_xlsx(app, out, tmp_path):
    path = tmp_path / "budget.xlsx"
    result = cli.invoke(app, ["compare", "--out", str(out), "--metric", "actual", "--xlsx", str(path)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("department", "region", "2019", "2020")
    assert rows[1][:4] == ("江门市司法局", "江门市", 1166280, 1199600)


@pytest.mark.parametrize("args, message", [
    (["--metric", "target"], "--metric for --by department must be one of"),
    (["--from", "2030"], "no budget figures for --by department"),
])
def test_compare_cli_errors_are_one_line(app, out, args, message):
    result = cli.invoke(app, ["compare", "--out", str(out), *args])
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_compare_cli_without_tables_says_to_extract(app, tmp_path):
    result = cli.invoke(app, ["compare", "--out", str(tmp_path)])
    assert result.exit_code == 1 and "run `jixiao extract" in result.output


def test_compare_cli_has_help(app):
    result = cli.invoke(app, ["compare", "--help"])
    assert result.exit_code == 0 and "--aliases" in result.output and "--from" in result.output
