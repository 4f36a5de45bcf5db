"""Build the sample archive: `python -m corpus.build [--out DIR]`.

For every department, project and year in corpus/story.py, compose the report in its
department's house style (corpus/layouts.py), render it in the format the story says it was
filed in, and write the gold from the same composition. Output: DIR/archive/<name> and
DIR/gold/<stem>.json; DIR defaults to the corpus/ folder of the repository.

Deterministic: every choice comes from a random.Random seeded with the document's identity,
.docx zips carry fixed timestamps and the PDFs are written with reportlab's invariant mode,
so two runs write byte-identical files.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from corpus import layouts, render_docx, render_pdf, render_txt
from corpus.compose import Ctx
from corpus.model import Report
from corpus.story import YearFacts, all_facts

CORPUS_DIR = Path(__file__).resolve().parent
RENDERERS = {"txt": render_txt.render, "docx": render_docx.render, "pdf": render_pdf.render}
SUFFIXES = tuple(f".{fmt}" for fmt in RENDERERS)


def file_name(facts: YearFacts) -> str:
    return f"{facts.year}_{facts.department.slug}_{facts.project.slug}.{facts.fmt}"


def compose(facts: YearFacts) -> Report:
    ctx = Ctx(facts)
    layouts.compose(ctx)
    _rendering_habits(ctx)
    name = file_name(facts)
    newline = "\r\n" if facts.encoding == "gbk" or ctx.style.get("crlf") else "\n"
    return Report(name=name, fmt=facts.fmt, encoding=facts.encoding, newline=newline,
                  running_header=ctx.style["running_header"], blocks=ctx.blocks,
                  gold=ctx.gold(name), style=ctx.style)


def _rendering_habits(ctx: Ctx) -> None:
    """How this office's software and typist shape the file (no effect on the gold)."""
    style = ctx.style
    if ctx.fmt == "txt":
        style["indent"] = ctx.pick(["", "", "\u3000\u3000"])
        style["blank_lines"] = ctx.chance(0.25)
        style["crlf"] = ctx.chance(0.2)
        style["title_pad"] = ctx.pick(["", "", "        "])
        if ctx.proj.slug == "mediation" and ctx.year == 2021:  # a Word "save as text" relic, as in the seed
            bodies = [i for i, b in enumerate(ctx.blocks) if getattr(b, "role", None) == "body"]
            style["debris_block"] = bodies[-3]
    elif ctx.fmt == "docx":
        style["docx_size"] = ctx.pick([16.0, 14.0, 12.0])
        style["docx_body_font"] = ctx.pick(["仿宋_GB2312", "仿宋", "宋体"])
        style["docx_suffix"] = ctx.pick(["nothing", "nothing", None, "space"])
        style["docx_heading_indent"] = ctx.chance(0.5)
        style["docx_title_style"] = ctx.chance(0.4)
        style["docx_footer"] = ctx.chance(0.8)
        style["docx_page_format"] = ctx.pick([("- ", " -"), ("", ""), ("第 ", " 页")])
        style["docx_margin"] = ctx.pick([79, 90])
    else:
        style["pdf_look"] = {
            "margin_x": ctx.pick([72.0, 80.0, 88.0]),
            "size": ctx.pick([12.0, 12.0, 11.0, 10.5]),
            "leading": ctx.pick([1.5, 1.6, 1.75]),
            "indent": 2.0,
            "heading_indent": ctx.chance(0.4),
            "header_rule": ctx.chance(0.6),
            "page_format": ctx.pick(["- {n} -", "第{n}页 共{total}页", "{n}", "第 {n} 页"]),
            "table_size": ctx.pick([9.0, 10.0, 10.5]),
        }
        style["want_wan_yuan"] = ctx.want_wan_yuan
        style["pdf_creator"] = ctx.pick(["Microsoft® Word 2016", "WPS 文字", "Microsoft® Word 2010"])


def build(out_dir: Path) -> list[Path]:
    """Write every document and its gold under `out_dir`; returns the documents written."""
    archive, gold_dir = out_dir / "archive", out_dir / "gold"
    archive.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for facts in all_facts():
        report = compose(facts)
        data, extra = RENDERERS[report.fmt](report)
        report.gold.update(extra)
        path = archive / report.name
        path.write_bytes(data)
        gold_text = json.dumps(report.gold, ensure_ascii=False, indent=2) + "\n"
        (gold_dir / f"{path.stem}.json").write_text(gold_text, encoding="utf-8")
        written.append(path)
    keep = {p.name for p in written}
    for stale in archive.iterdir():
        if stale.suffix in SUFFIXES and stale.name not in keep:
            stale.unlink()
    stems = {p.stem for p in written}
    for stale in gold_dir.glob("*.json"):
        if stale.stem not in stems:
            stale.unlink()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CORPUS_DIR,
                        help="folder to write archive/ and gold/ into (default: the corpus/ folder)")
    args = parser.parse_args(argv)
    written = build(args.out)
    by_format = Counter(p.suffix.lstrip(".") for p in written)
    size = sum(p.stat().st_size for p in written)
    print(f"wrote {len(written)} documents to {args.out / 'archive'} "
          f"({', '.join(f'{n} {fmt}' for fmt, n in sorted(by_format.items()))}; {size / 1e6:.1f} MB) "
          f"and their gold to {args.out / 'gold'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
