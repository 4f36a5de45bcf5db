"""The 复核提示 view: the review findings (pipeline.checks) per department and year, each one
clickable to the sentence or table row it points at, like every other value of the report."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.checks import RULES
from pipeline.checks.model import SEVERITIES
from pipeline.report.data import Department, clean, present
from pipeline.report.evidence import Evidence, EvidenceBook, Locator
from pipeline.report.html import cell, esc, table

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
RULE_TITLES = {rule.id: rule.title for rule in RULES}
OTHER = "（其他报告）"  # documents no department section holds: no year, or not grouped


def review_section(findings: pd.DataFrame | None, departments: list[Department], documents: pd.DataFrame,
                   locator: Locator, book: EvidenceBook) -> str:
    """The section's HTML; `findings` is the checks table (None for an output folder written
    before there was one)."""
    parts = ['<section id="review"><h2>复核提示 <span class="sub">Review findings</span></h2>']
    if findings is None or findings.empty:
        note = "（该输出目录没有 checks 表：请重新运行 jixiao extract。）" if findings is None else ""
        parts.append(f'<p class="empty">没有复核提示。{esc(note)}</p></section>')
        return "\n".join(parts)
    counts = findings["severity"].value_counts()
    parts.append("<p>" + esc(f"共 {len(findings)} 条：" + "，".join(
        f"{SEVERITY_NAMES[s]} {int(counts.get(s, 0))}" for s in SEVERITIES)) +
        "。点击说明查看所依据的原文。</p>")
    place = _places(departments)
    paths = dict(zip(documents["doc_id"], documents["source_path"]))
    grouped: dict[str, list[tuple]] = {}
    for row in findings.to_dict("records"):
        department, project, year = place.get(row["doc_id"], (OTHER, None, None))
        grouped.setdefault(department, []).append((year or 0, project or "", row))
    order = [d.name for d in departments if d.name in grouped] + ([OTHER] if OTHER in grouped else [])
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    for d_index, name in enumerate(order, 1):
        rows = []
        for year, project, row in sorted(grouped[name], key=lambda r: (r[0], r[1], rank.get(r[2]["severity"], 9))):
            evidence = book.add(_evidence(row, paths.get(row["doc_id"]), locator))
            severity = row["severity"]
            rows.append([cell(year or "—", css="num"), cell(project or Path(paths.get(row["doc_id"]) or "?").name),
                         cell(SEVERITY_NAMES.get(severity, severity), css=f"sev {severity}"),
                         cell(RULE_TITLES.get(row["rule"], row["rule"]), tooltip=row["rule"]),
                         cell(row["message"], evidence)])
        parts.append(f'<h3 id="review-d{d_index}">{esc(name)} <span class="sub">{len(rows)} 条</span></h3>')
        parts.append(table(["年份", "项目", "级别", "规则", "说明"], rows, css_class="review"))
    parts.append("</section>")
    return "\n".join(parts)


def _places(departments: list[Department]) -> dict[str, tuple[str, str, int]]:
    """doc_id -> (department, project, year) as the report's sections group them."""
    place = {}
    for department in departments:
        for project in department.projects.values():
            for year, doc in project.docs.items():
                for one in [doc, *project.duplicates.get(year, [])]:
                    place[one["doc_id"]] = (department.name, project.name, year)
    return place


def _evidence(row: dict, source_path: str | None, locator: Locator) -> Evidence:
    start, end = int(row["char_start"]), int(row["char_end"])
    passage = locator.passage(row["doc_id"], start, end, evidence=clean(row.get("evidence")),
                              section_path=clean(row.get("section_path")))
    stated, expected = row.get("value_stated"), row.get("value_expected")
    note = "；".join(part for part in (
        f"文中：{stated}" if present(stated) else None,
        f"应为：{expected}" if present(expected) else None) if part) or None
    title = f"{RULE_TITLES.get(row['rule'], row['rule'])}：{row['message']}"
    return Evidence(title, source_path, [passage], note)
