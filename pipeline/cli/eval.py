"""`jixiao eval`: precision, recall and F1 against gold files."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from pipeline.cli.console import console, err_console, fail
from pipeline.core.errors import JixiaoError


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
    from pipeline import store
    from pipeline.evaluate import score
    from pipeline.evaluate.formatting import format_findings, format_scores
    from pipeline.evaluate.gold import documents_for, load_gold
    from pipeline.evaluate.predictions import predictions_from_tables
    from pipeline.run import run
    
    if (docs is None) == (out is None):
        fail("give exactly one of --docs DOCS_DIR or --out DIR")
    try:
        golds = load_gold(gold)
        if docs is not None:
            paths = documents_for(golds, docs, match_stem=match_stem)
            if not paths:
                fail(f"none of the {len(golds)} documents named by the gold files is in {docs}")
            tables = run(paths, jobs=jobs or None).tables
        else:
            tables = store.load(out)
        scores = score(golds, predictions_from_tables(tables), match_stem=match_stem)
    except JixiaoError as exc:
        fail(str(exc))
    console.print(format_scores(scores), highlight=False, markup=False)
    if explain:
        console.print(format_findings(scores), highlight=False, markup=False)
    micro_f1 = scores.micro.f1 or 0.0
    if fail_under is not None and micro_f1 < fail_under:
        err_console.print(f"micro F1 {micro_f1:.4f} is below --fail-under {fail_under}", highlight=False)
        raise typer.Exit(1)
