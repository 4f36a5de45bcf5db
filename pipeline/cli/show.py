"""`jixiao show`: one document's section tree and records, with their evidence, and the review
findings (the checks of pipeline.checks that read one document; those across years need
`jixiao extract` over the archive)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.tree import Tree

from pipeline.cli.console import console, fail

if TYPE_CHECKING:
    from pipeline.run import FileResult

_DOCUMENT_FIELDS = ("department", "region", "year", "project", "report_kind", "budget_yuan",
                    "actual_yuan", "execution_rate_pct", "self_score", "grade", "warnings")
_FACT_TABLES = ("budgets", "indicators", "counts", "problems", "suggestions", "checks", "errors")


def show(
    file: Path = typer.Argument(..., help="One report file."),
) -> None:
    """Print one document's section tree and the records found in it, with evidence (each
    document in turn, for a file that holds several)."""
    from pipeline.run import process_file
    
    if not file.exists():
        fail(f"no such file: {file}")
    results = process_file(file)
    if all(result.status == "error" for result in results):
        fail(f"{results[0].source_path}: {results[0].rows['errors'][0]['message']}")
    for result in results:
        _show(result)


def _show(result: FileResult) -> None:
    document = result.rows["documents"][0]
    console.print(f"[bold]{escape(result.source_path)}[/bold]  doc_id={document['doc_id']}  "
                  f"status={document['status']}")
    for key in _DOCUMENT_FIELDS:
        if document[key] is not None:
            console.print(f"  {key}: {document[key]}", highlight=False, markup=False)
    console.print(_section_tree(result.rows["sections"]))
    for name in _FACT_TABLES:
        rows = result.rows[name]
        if not rows:
            continue
        console.print(f"\n[bold]{name}[/bold] ({len(rows)})")
        for row in rows:
            console.print("  " + _describe(name, row), highlight=False, markup=False)


def _section_tree(sections: list[dict]) -> Tree:
    tree = Tree("[bold]sections[/bold]")
    nodes = {}
    for section in sections:
        parent = nodes.get(section["parent_id"], tree)
        heading = escape(f"{section['numbering']}{section['title']}")
        nodes[section["section_id"]] = parent.add(f"{heading}  [dim]({section['canonical']})[/dim]")
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
    if table == "checks":
        evidence = " ".join((row["evidence"] or "").split())
        return f"{row['severity']:<7} {row['rule']}: {row['message']}  {where}«{evidence[:80]}»"
    return f"{row['stage']}: {row['message']}"
