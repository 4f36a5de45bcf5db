"""The `jixiao` command: parses arguments, calls the library, turns errors into one-line messages."""
from __future__ import annotations

import csv
import os
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.tree import Tree

from pipeline import evaluate, run as runner, store
from pipeline.cli.compare import compare
from pipeline.cli.report import report
from pipeline.align.compare import align
from pipeline.core.errors import JixiaoError
from pipeline.core.schema import TABLES

app = typer.Typer(
    help="Turn Chinese performance self-evaluation reports into tables analysts can query.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# soft_wrap: a message stays one line however narrow the terminal (or a pipe) is.
console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)

DEFAULT_OUT = Path("outputs")


def _fail(message: str) -> None:
    err_console.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(1)


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Report files and folders (searched recursively)."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Folder for the tables."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Parallel processes (0: one per core)."),
    strict: bool = typer.Option(False, help="Exit 1 when any file failed."),
    write_csv: bool = typer.Option(False, "--csv", help="Also write UTF-8 (with BOM) CSV files."),
    write_xlsx: bool = typer.Option(False, "--xlsx", help="Also write one Excel workbook."),
    aliases: Optional[Path] = typer.Option(
        None, "--aliases", help="CSV kind,name,key pinning or splitting department/project names."),
) -> None:
    """Read every report under PATHS and write the tables to --out."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")
    found = runner.discover(paths)
    failures: list[runner.FileResult] = []
    with Progress(
        TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err_console, transient=True,
    ) as progress:
        task = progress.add_task("", total=len(found.files))

        def done(result: runner.FileResult) -> None:
            progress.update(task, advance=1, description=Path(result.source_path).name)
            if result.status == "error":
                failures.append(result)

        result = runner.run(paths, jobs=jobs or os.cpu_count(), on_file_done=done)
    # Cross-year links (same department, project, indicator; recurring problems) of this batch.
    try:
        result.tables.update(align(result.tables, aliases=aliases))
    except JixiaoError as exc:
        _fail(str(exc))
    for failure in sorted(failures, key=lambda f: f.source_path):
        message = failure.rows["errors"][0]["message"]
        err_console.print(f"[red]failed[/red] {failure.source_path}: {message}", highlight=False)
    try:
        store.write(result.tables, out, csv=write_csv, xlsx=write_xlsx, summary={
            "files": result.n_files, "failed": result.n_failed, "skipped": result.n_skipped,
        })
    except (OSError, JixiaoError) as exc:
        _fail(f"cannot write tables to {out}: {exc}")
    _print_summary(result, out)
    if strict and result.n_failed:
        raise typer.Exit(1)


def _print_summary(result: runner.RunResult, out: Path) -> None:
    partial = sum(row["status"] == "partial" for row in result.tables["documents"])
    console.print(
        f"read {result.n_files - result.n_failed} of {result.n_files} files "
        f"({result.n_failed} failed, {partial} partial, {result.n_skipped} skipped as not reports) "
        f"in {result.seconds:.1f} s → {out}/",
        highlight=False,
    )
    counts = Table("table", "rows", box=None)
    for name in TABLES:
        counts.add_row(name, str(len(result.tables[name])))
    console.print(counts)


@app.command()
def query(
    sql: str = typer.Argument(..., help='SQL over the tables, e.g. "SELECT * FROM budgets".'),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Folder holding the tables."),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV instead of a table."),
    limit: int = typer.Option(200, help="Rows to print in table mode (CSV prints all)."),
) -> None:
    """Run SQL on the tables of an earlier `jixiao extract`."""
    try:
        con = store.connect(out)
        cursor = con.execute(sql)
        header = [d[0] for d in cursor.description or []]
        # fetchall, not fetchdf: pandas would turn DECIMAL money into floats.
        rows = cursor.fetchall()
    except JixiaoError as exc:
        _fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - duckdb's own error text tells the user what is wrong with the SQL
        _fail(str(exc).splitlines()[0])
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return
    table = Table(*header)
    for row in rows[:limit]:
        table.add_row(*["" if v is None else str(v) for v in row])
    console.print(table)
    if len(rows) > limit:
        console.print(f"… {len(rows) - limit} more rows (use --limit or --csv)")


@app.command("eval")
def eval_(
    gold: Path = typer.Option(..., "--gold", help="Folder of gold JSON files (format: shared/gold/README.md)."),
    docs: Optional[Path] = typer.Option(None, "--docs", help="Extract the documents the gold files name from this folder."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Score the tables of an earlier run instead."),
    fail_under: Optional[float] = typer.Option(None, "--fail-under", help="Exit 1 when micro F1 is lower."),
    explain: bool = typer.Option(False, "--explain", help="List every miss and false positive with evidence."),
    match_stem: bool = typer.Option(False, "--match-stem", help="Score NAME.docx / NAME.pdf against the gold of NAME.txt."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Parallel processes for --docs (0: one per core)."),
) -> None:
    """Precision, recall and F1 per field family against gold files."""
    if (docs is None) == (out is None):
        _fail("give exactly one of --docs DOCS_DIR or --out DIR")
    try:
        golds = evaluate.load_gold(gold)
        if docs is not None:
            paths = evaluate.documents_for(golds, docs, match_stem=match_stem)
            if not paths:
                _fail(f"none of the {len(golds)} documents named by the gold files is in {docs}")
            tables = runner.run(paths, jobs=jobs or os.cpu_count()).tables
        else:
            tables = store.load(out)
        scores = evaluate.score(golds, evaluate.predictions_from_tables(tables), match_stem=match_stem)
    except JixiaoError as exc:
        _fail(str(exc))
    console.print(evaluate.format_scores(scores), highlight=False, markup=False)
    if explain:
        console.print(evaluate.format_findings(scores), highlight=False, markup=False)
    micro_f1 = scores.micro.f1 or 0.0
    if fail_under is not None and micro_f1 < fail_under:
        err_console.print(f"micro F1 {micro_f1:.4f} is below --fail-under {fail_under}", highlight=False)
        raise typer.Exit(1)


@app.command()
def show(
    file: Path = typer.Argument(..., help="One report file."),
) -> None:
    """Print one document's section tree and the records found in it, with evidence."""
    if not file.exists():
        _fail(f"no such file: {file}")
    result = runner.process_file(file)
    if result.status == "error":
        _fail(f"{file}: {result.rows['errors'][0]['message']}")
    document = result.rows["documents"][0]
    console.print(f"[bold]{file}[/bold]  doc_id={document['doc_id']}  status={document['status']}")
    for key in ("department", "region", "year", "project", "report_kind", "budget_yuan",
                "actual_yuan", "execution_rate_pct", "self_score", "grade", "warnings"):
        if document[key] is not None:
            console.print(f"  {key}: {document[key]}", highlight=False)
    console.print(_section_tree(result.rows["sections"]))
    for name in ("budgets", "indicators", "counts", "problems", "suggestions", "errors"):
        rows = result.rows[name]
        if not rows:
            continue
        console.print(f"\n[bold]{name}[/bold] ({len(rows)})")
        for row in rows:
            console.print("  " + _describe(name, row), highlight=False)


def _section_tree(sections: list[dict]) -> Tree:
    tree = Tree("[bold]sections[/bold]")
    nodes = {}
    for section in sections:
        parent = nodes.get(section["parent_id"], tree)
        label = f"{section['numbering']}{section['title']}  [dim]({section['canonical']})[/dim]"
        nodes[section["section_id"]] = parent.add(label)
    return tree


def _describe(table: str, row: dict) -> str:
    where = f"[p{row['page']}] " if row.get("page") else ""
    if table == "budgets":
        return f"{row['role']:<15} {row['amount_yuan']:>16} 元  {where}«{row['evidence']}»"
    if table == "indicators":
        return (f"{row['name']} | target {row['target_raw']} | actual {row['actual_raw']} "
                f"| {row['source']} {where}")
    if table == "counts":
        approx = "≈" if row["approx"] else ""
        return f"{approx}{row['value']} {row['unit']} ({row['subject'] or '?'})  {where}«{row['raw']}»"
    if table in ("problems", "suggestions"):
        return f"{row['ordinal']}. {row['text'][:80]}"
    return f"{row['stage']}: {row['message']}"


app.command()(compare)
app.command()(report)


def main() -> None:  # pragma: no cover - console entry point
    app()
