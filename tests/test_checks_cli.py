"""`jixiao checks` and the findings in `jixiao show`."""
from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.run import extract_to
from tests.conftest import CORPUS

cli = CliRunner()
FILES = ["2022_huzhou-education_school-repair.txt", "2023_jiangmen-justice_mediation.txt",
         "2022_heshan-civil_relief.txt", "2019_jiangmen-justice_legal-aid.txt"]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("out")
    extract_to([CORPUS / "archive" / name for name in FILES], folder, jobs=1)
    return folder


def test_checks_cli_lists_every_finding(out):
    result = cli.invoke(app, ["checks", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "rate_mismatch" in result.output and "overspend_unexplained" in result.output
    assert "unlisted_points" in result.output
    assert "3 findings: 1 error, 1 warning, 1 info" in result.output
    # errors first
    assert result.output.index("rate_mismatch") < result.output.index("overspend_unexplained")


@pytest.mark.parametrize("options, rules", [
    (["--rule", "rate_mismatch"], {"rate_mismatch"}),
    (["--severity", "warning"], {"overspend_unexplained"}),
    (["--severity", "info", "--rule", "rate_mismatch"], set()),
])
def test_checks_cli_filters_and_csv(out, tmp_path, options, rules):
    csv = tmp_path / "findings.csv"
    result = cli.invoke(app, ["checks", "--out", str(out), *options, "--csv", str(csv)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(csv, encoding="utf-8-sig")
    assert set(frame["rule"]) == rules
    assert "source_path" in frame.columns and "evidence" in frame.columns
    if not rules:
        assert "no findings for these filters" in result.output


@pytest.mark.parametrize("options, message", [
    (["--rule", "no_such_rule"], "no rule 'no_such_rule'; the rules are rate_mismatch,"),
    (["--severity", "fatal"], "no severity 'fatal'; the severities are error, warning, info"),
])
def test_checks_cli_unknown_rule_or_severity(out, options, message):
    result = cli.invoke(app, ["checks", "--out", str(out), *options])
    assert result.exit_code == 1 and message in result.output


def test_checks_cli_without_tables(tmp_path):
    result = cli.invoke(app, ["checks", "--out", str(tmp_path)])
    assert result.exit_code == 1 and "run `jixiao extract" in result.output


def test_show_prints_a_documents_findings():
    result = cli.invoke(app, ["show", str(CORPUS / "archive" / "2022_huzhou-education_school-repair.txt")])
    assert result.exit_code == 0, result.output
    checks = result.output[result.output.index("checks (1)"):]
    assert "error   rate_mismatch: 预算执行率写为95.1%，执行数/预算数为95.01%" in checks
