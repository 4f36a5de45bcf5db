"""`jixiao checks`: the review findings of an earlier extraction."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.cli.console import DEFAULT_OUT, console, fail
from pipeline.core.errors import JixiaoError

EVIDENCE_WIDTH = 60


def checks(
    rule: Optional[str] = typer.Option(None, "--rule", help="Only this rule (e.g. rate_mismatch, score_sum)."),
    severity: Optional[str] = typer.Option(None, "--severity", help="Only this severity: error | warning | info."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Folder holding the tables of `jixiao extract`."),
    csv_file: Optional[Path] = typer.Option(None, "--csv", help="Also write the findings as CSV (UTF-8 with BOM)."),
) -> None:
    """List what a finance bureau's reviewer would question: rates that do not match spend and
    budget, scores that do not add up, results marked met that miss their targets, missing
    parts of a report, problems copied from last year — with the sentence each is read from."""
    from pipeline.checks.listing import load_findings

    try:
        frame = load_findings(out, rule=rule, severity=severity)
    except JixiaoError as exc:
        fail(str(exc))
    try:
        if csv_file:
            # utf-8-sig: the BOM makes Excel open Chinese text as UTF-8.
            frame.to_csv(csv_file, index=False, encoding="utf-8-sig")
    except OSError as exc:
        fail(f"cannot write {exc.filename}: {exc.strerror}")
    if frame.empty:
        console.print("no findings" + (" for these filters" if rule or severity else ""), highlight=False)
        return
    _print(frame)


def _print(frame) -> None:
    # A pipe or a test runner has no width: print the whole table rather than squeeze it.
    out = Console(soft_wrap=True)
    if not out.is_terminal:
        out = Console(width=10_000)
    table = Table(title="复核提示 review findings", title_justify="left")
    for name in ("severity", "rule", "file", "page", "message", "stated", "expected", "evidence"):
        table.add_column(name, no_wrap=name in ("severity", "rule", "page"))
    for row in frame.itertuples(index=False):
        evidence = re.sub(r"\s+", " ", row.evidence or "")  # a table row's cells on one line
        table.add_row(*[Text(_cell(v)) for v in (  # data, never markup
            row.severity, row.rule, Path(row.source_path or "?").name, row.page, row.message,
            row.value_stated, row.value_expected,
            evidence if len(evidence) <= EVIDENCE_WIDTH else evidence[:EVIDENCE_WIDTH] + "…")])
    out.print(table, highlight=False)
    counts = Counter(frame["severity"])
    console.print(f"{len(frame)} findings: " + ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info")),
                  highlight=False, markup=False)


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
