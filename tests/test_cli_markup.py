"""Paths and messages print as they are: square brackets in a file name or an error message
are text, never rich markup (which would drop `[终稿]` or fail on `[/x]`)."""
from __future__ import annotations

import shutil

import pytest
import typer
from typer.testing import CliRunner

from pipeline import store
from pipeline.cli import app
from pipeline.cli.console import fail
from tests.conftest import SEED

cli = CliRunner()
# "a[/x]b.txt" is the file "x]b.txt" in the folder "a[": the path holds a closing tag.
NAMES = ["报告[终稿].txt", "a[/x]b.txt", "c[bold]d.txt"]


def _place(path, data: bytes | None = None):
    path.parent.mkdir(parents=True, exist_ok=True)
    if data is None:
        shutil.copy(SEED, path)
    else:
        path.write_bytes(data)
    return path


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "in"
    _place(folder / NAMES[0])
    _place(folder / NAMES[1], b"")  # empty: fails
    return folder


def test_cli_markup_extract_failure_line_and_summary(folder, tmp_path):
    out = tmp_path / "out[/x]"
    result = cli.invoke(app, ["extract", str(folder), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"failed {folder / NAMES[1]}: " in result.output
    assert "read 1 of 2 files (1 failed" in result.output and f"→ {out}/" in result.output
    paths = set(store.load(out)["documents"].source_path)
    assert paths == {str(folder / NAMES[0]), str(folder / NAMES[1])}


def test_cli_markup_extract_missing_path(tmp_path):
    missing = tmp_path / "nothing[/x]"
    result = cli.invoke(app, ["extract", str(missing), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert f"error: no such file or folder: {missing}" in result.output


@pytest.mark.parametrize("name", NAMES)
def test_cli_markup_show_header(tmp_path, name):
    path = _place(tmp_path / name)
    result = cli.invoke(app, ["show", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith(f"{path}  doc_id=")


@pytest.mark.parametrize("name", NAMES)
def test_cli_markup_show_error_names_the_file(tmp_path, name):
    bad = _place(tmp_path / name.replace(".txt", ".docx"), b"not a zip")
    result = cli.invoke(app, ["show", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {bad}: ")


def test_cli_markup_library_message_with_brackets(folder, tmp_path):
    out = tmp_path / "out"
    cli.invoke(app, ["extract", str(folder), "--out", str(out), "--jobs", "1"])
    result = cli.invoke(app, ["query", 'SELECT "[/x]", "[bold]y" FROM documents', "--out", str(out)])
    assert result.exit_code == 1
    assert "[/x]" in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("message", ["报告[终稿].pdf: 无法读取", "closing [/x] and [bold]open", "a\\[b]"])
def test_cli_markup_fail_prints_the_message_as_written(capsys, message):
    with pytest.raises(typer.Exit) as raised:
        fail(message)
    assert raised.value.exit_code == 1
    assert capsys.readouterr().err == f"error: {message}\n"


def test_cli_markup_query_cells_are_text(folder, tmp_path):
    out = tmp_path / "out"
    cli.invoke(app, ["extract", str(folder), "--out", str(out), "--jobs", "1"])
    result = cli.invoke(app, ["query", "SELECT '[bold]x[/bold] [/y]' AS v", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "[bold]x[/bold] [/y]" in result.output
