"""`jixiao report`: the tables of an output folder as one self-contained HTML file.

    from pipeline.report.build import write_report
    write_report("outputs/")            # -> outputs/report.html

The page holds an overview of the archive, one section per department and project with trend
charts (inline SVG) and indicator tables across years, the recurring problems, the review
findings (复核提示, pipeline.checks) per department and year, and an evidence view: clicking a chart point, a table cell or a problem shows the sentence it was read from
with the matched text highlighted, the file, page and section. Nothing is loaded from the
network; all document text is HTML-escaped.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from pipeline.core.schema import ALIGNMENT_TABLES
from pipeline.report.data import (
    Department,
    Project,
    alignment,
    clean,
    group,
    present,
    wan,
    wan_text,
    yuan_text,
)
from pipeline.report.evidence import EvidenceBook, Locator
from pipeline.report.figures import ProjectFigures
from pipeline.report.html import cell, esc, page, table
from pipeline.report.review import review_section
from pipeline.report.svg import Point, Series, line_chart
from pipeline.store import load
from pipeline.report import REPORT_FILE

TITLE = "绩效自评报告 · 跨年对比"
REPORT_TABLES = ("documents", "doc_text", "sections", "budgets", "indicators", "problems", "errors",
                 *ALIGNMENT_TABLES)


def write_report(out: Path | str, html: Path | str | None = None) -> Path:
    """Read the tables in `out` and write the report to `html` (default `out/report.html`)."""
    tables = load(out, REPORT_TABLES)
    # An output folder written before the checks table existed still makes a report.
    if (Path(out) / "checks.parquet").is_file():
        tables.update(load(out, ("checks",)))
    text = build(tables, alignment(tables), source=str(out))
    path = Path(html) if html is not None else Path(out) / REPORT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def build(tables, aligned: dict[str, pd.DataFrame], source: str = "") -> str:
    """The report as one HTML string, from `store.load` tables (name -> DataFrame) and the
    alignment tables (`data.alignment`; without them, grouped by the names as written)."""
    return _Report(tables, aligned).render(source)


class _Report:
    def __init__(self, tables, aligned: dict[str, pd.DataFrame]) -> None:
        self.tables = tables
        self.aligned = aligned
        self.book = EvidenceBook()
        self.locator = Locator(tables)
        self.departments, self.undated = group(tables["documents"], aligned)
        dated = [y for d in self.departments for p in d.projects.values() for y in p.docs]
        self.years = list(range(min(dated), max(dated) + 1)) if dated else []
        self.figures = ProjectFigures(tables, aligned, self.locator, self.book)
        self.toc: list[str] = []
        self.anchors: dict[int, str] = {}  # id(Project) -> its section id

    def render(self, source: str) -> str:
        body = [self.overview()]
        self.toc.append('<li><a href="#departments">部门与项目</a><ul>')
        body.append('<div id="departments">')
        for d_index, department in enumerate(self.departments, 1):
            body.append(self.department(f"d{d_index}", department))
        body.append("</div>")
        self.toc.append("</ul></li>")
        body.append(self.recurring())
        self.toc.append('<li><a href="#review">复核提示</a></li>')
        body.append(review_section(self.tables.get("checks"), self.departments, self.tables["documents"],
                                   self.locator, self.book))
        n_docs = len(self.tables["documents"])
        span = f"{self.years[0]}–{self.years[-1]} 年" if self.years else "无年份"
        subtitle = esc(f"{n_docs} 份报告 · {len(self.departments)} 个部门 · {span} · 数据：{source}")
        return page(TITLE, subtitle, "<ul>" + "".join(self.toc) + "</ul>", "\n".join(body),
                    self.book.entries)

    # -- overview ---------------------------------------------------------------------------
    def overview(self) -> str:
        docs = self.tables["documents"]
        self.toc.append('<li><a href="#overview">档案概览</a><ul>'
                        '<li><a href="#formats">年份与格式</a></li><li><a href="#budgets">各部门预算</a></li>'
                        '<li><a href="#failures">失败与警告</a></li></ul></li>')
        status = Counter(docs["status"])
        parts = ['<section id="overview"><h2>档案概览 <span class="sub">Overview</span></h2>',
                 f"<p>共 {len(docs)} 份报告：成功 {status.get('ok', 0)}，部分成功 {status.get('partial', 0)}，"
                 f"失败 {status.get('error', 0)}。</p>", '<h3 id="formats">各年份报告数（按格式）</h3>']
        formats = sorted({clean(f) or "?" for f in docs["format"]})
        by_year: dict[str, Counter] = {}
        for year, fmt in zip(docs["year"], docs["format"]):
            label = str(int(year)) if present(year) else "未识别年份"
            by_year.setdefault(label, Counter())[clean(fmt) or "?"] += 1
        rows = [[cell(year, header=True)] + [cell(counts.get(f, ""), css="num") for f in formats]
                + [cell(sum(counts.values()), css="num")] for year, counts in sorted(by_year.items())]
        totals = Counter(clean(f) or "?" for f in docs["format"])
        rows.append([cell("合计", header=True)] + [cell(totals[f], css="num") for f in formats]
                    + [cell(len(docs), css="num")])
        parts.append(table(["年份", *formats, "合计"], rows))
        parts.append('<h3 id="budgets">各部门预算数合计（万元）</h3>')
        parts.append(self.budget_matrix())
        parts.append('<h3 id="failures">失败与警告</h3>')
        parts.append(self.failures())
        parts.append("</section>")
        return "\n".join(parts)

    def budget_matrix(self) -> str:
        if not self.departments:
            return '<p class="empty">没有可按年份归组的报告。</p>'
        rows = []
        for department in self.departments:
            row = [cell(department.name, header=True)]
            for year in self.years:
                amounts = [p.docs[year]["budget_yuan"] for p in department.projects.values()
                           if year in p.docs and present(p.docs[year]["budget_yuan"])]
                total = sum(amounts) if amounts else None
                row.append(cell(wan_text(total) if amounts else "—", css="num",
                                tooltip=f"{yuan_text(total)}（{len(amounts)} 个项目）" if amounts else None))
            rows.append(row)
        return table(["部门", *map(str, self.years)], rows)

    def failures(self) -> str:
        errors = self.tables["errors"]
        parts = []
        if len(errors):
            rows = [[cell(r["source_path"]), cell(r["stage"]), cell(r["error_type"]), cell(r["message"])]
                    for r in errors.to_dict("records")]
            parts.append(table(["文件", "阶段", "错误类型", "信息"], rows))
        else:
            parts.append('<p class="empty">没有读取失败的文件。</p>')
        docs = self.tables["documents"]
        warned = [r for r in docs.to_dict("records") if r["status"] == "partial" or clean(r["warnings"])]
        if warned:
            rows = [[cell(r["source_path"]), cell(r["status"]), cell(r["warnings"])] for r in warned]
            parts.append(f"<details><summary>{len(warned)} 份报告带有警告</summary>"
                         f"{table(['文件', '状态', '警告'], rows)}</details>")
        if self.undated:
            names = "、".join(esc(r["source_path"]) for r in self.undated)
            parts.append(f'<p class="note">未识别年份、未列入趋势图的报告：{names}</p>')
        return "\n".join(parts)

    # -- departments and projects ------------------------------------------------------------
    def department(self, anchor: str, department: Department) -> str:
        region = f" · {department.region}" if department.region else ""
        also = "、".join(department.other_names)
        also = f" · 亦作 {also}" if also else ""
        self.toc.append(f'<li><a href="#{anchor}">{esc(department.name)}</a><ul>')
        parts = [f'<section id="{anchor}" class="department"><h2>{esc(department.name)}'
                 f'<span class="sub">{esc(region + also)}</span></h2>']
        projects = sorted(department.projects.values(), key=lambda p: p.name)
        if len(projects) > 1:
            parts.append(f'<div class="charts">{self.department_chart(department, projects)}</div>')
        for p_index, project in enumerate(projects, 1):
            parts.append(self.project(f"{anchor}-p{p_index}", project))
        self.toc.append("</ul></li>")
        parts.append("</section>")
        return "\n".join(parts)

    def department_chart(self, department: Department, projects: list[Project]) -> str:
        series = []
        for name, column in (("预算数", "budget_yuan"), ("执行数", "actual_yuan")):
            line = Series(name)
            for year in self.years:
                parts = [(p, p.docs[year]) for p in projects if year in p.docs and present(p.docs[year][column])]
                if not parts:
                    continue
                total = sum(doc[column] for _, doc in parts)
                items = "；".join(f"{p.name} {yuan_text(doc[column])}（{doc['source_path']}）" for p, doc in parts)
                evidence = self.figures.note(f"{department.name} {year} 年{name}合计 {yuan_text(total)}",
                                             f"{len(parts)} 个项目之和：{items}")
                line.points.append(Point(year, wan(total), f"{name} {year}：{yuan_text(total)}", evidence))
            series.append(line)
        return line_chart("部门合计：预算与执行", "万元", self.years, series, from_zero=True, css_class="chart dept")

    def project(self, anchor: str, project: Project) -> str:
        self.toc.append(f'<li><a href="#{anchor}">{esc(project.name)}</a></li>')
        self.anchors[id(project)] = anchor
        years = project.years
        also = project.other_names
        sub = f"{years[0]}–{years[-1]}" if len(years) > 1 else f"{years[0]}"
        if also:
            sub += " · 亦作 " + "、".join(also)
        figures = {year: self.figures.of(project, year) for year in years}
        parts = [f'<section id="{anchor}" class="project"><h3>{esc(project.name)} '
                 f'<span class="sub">{esc(sub)}</span></h3>',
                 self.figure_table(project, figures), '<div class="charts">', self.charts(figures),
                 "</div>", "<h4>绩效指标（目标 → 实际）</h4>", self.figures.indicator_table(project),
                 "<h4>存在问题</h4>", self.figures.problem_list(project), "</section>"]
        return "\n".join(parts)

    def figure_table(self, project: Project, figures: dict) -> str:
        years = project.years
        rows = []
        for label, key in (("预算数（万元）", "budget"), ("执行数（万元）", "actual"),
                           ("执行率（%）", "rate"), ("自评得分", "score"), ("等级", "grade")):
            row = [cell(label, header=True)]
            for year in years:
                figure = figures[year].get(key)
                row.append(cell(figure.text, figure.evidence, css="num", tooltip=figure.tooltip)
                           if figure else cell("—", css="num dim"))
            rows.append(row)
        files = [cell("报告文件", header=True)]
        for year in years:
            doc = project.docs[year]
            extra = project.duplicates.get(year, [])
            tip = "同年另有：" + "、".join(d["source_path"] for d in extra) if extra else doc["source_path"]
            files.append(cell(Path(doc["source_path"] or "?").name + (f" (+{len(extra)})" if extra else ""),
                              css="dim", tooltip=tip))
        rows.append(files)
        return table(["", *map(str, years)], rows, css_class="figures")

    def charts(self, figures: dict) -> str:
        def series(name: str, key: str) -> Series:
            points = [Point(year, f.plot, f.tooltip, f.evidence) for year, fs in sorted(figures.items())
                      if (f := fs.get(key)) is not None]
            return Series(name, points)

        return "".join([
            line_chart("预算与执行", "万元", self.years, [series("预算数", "budget"), series("执行数", "actual")],
                       from_zero=True, css_class="chart money"),
            line_chart("预算执行率", "%", self.years, [series("执行率", "rate")], min_span=10,
                       css_class="chart rate"),
            line_chart("自评得分", "分", self.years, [series("自评得分", "score")], min_span=10,
                       css_class="chart score"),
        ])

    # -- recurring problems ------------------------------------------------------------------
    def recurring(self) -> str:
        self.toc.append('<li><a href="#recurring">反复出现的问题</a></li>')
        parts = ['<section id="recurring"><h2>反复出现的问题 <span class="sub">Recurring problems</span></h2>']
        frame = self.aligned.get("problem_recurrence")
        if frame is None:
            parts.append('<p class="empty">没有跨年份反复出现的问题。</p>')
        else:
            departments = {d.key: d.name for d in self.departments}
            projects = {(d.key, p.key): (p.name, self.anchors.get(id(p))) for d in self.departments
                        for p in d.projects.values()}
            parts.append(self.figures.recurrence_table(frame, self.aligned, departments, projects))
        parts.append("</section>")
        return "\n".join(parts)
