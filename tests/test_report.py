"""The HTML report: self-contained, one chart point per figure, exact money, escaped text, evidence
with its page."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline import run as runner, store
from pipeline.report.build import TITLE, build, write_report
from pipeline.report.evidence import number_pattern
from pipeline.report.html import script_json
from pipeline.report.svg import nice_ticks
from tests.conftest import CORPUS

# Planted in a project name, a department name, an evidence sentence, a problem and an error.
PLANT = '<script>window.__pwned=1;document.title="pwned"</script><img src=x onerror="window.__pwned=2">'

# (doc_id, department, project, year, budget 万元, actual 万元, stated rate, score, target, actual)
DOCS = [
    ("a2019", "江门市司法局", "法律援助经费", 2019, "80", "75.36", "94.20", "94.42", 1000, 1068),
    ("a2020", "江门市司法局", "法律援助经费", 2020, "82.6", "80.12", None, "94.7", 1100, 1152),
    ("a2022", "江门市司法局", "法律援助经费", 2022, "100", "98.73", "98.73", "96.67", 1300, 1288),
    ("b2021", f"测试局{PLANT}", f"项目{PLANT}", 2021, "45", "41.268", None, "96.72", 500, 520),
]


def _document(doc_id, department, project, year, budget, actual, rate, score, target, done):
    """One report's text and its rows in every table, offsets computed from the text."""
    lines = [
        "一、项目概况",
        f"{year}年预算安排{budget}万元{PLANT if doc_id == 'a2019' else ''}。",
        f"截至12月31日，累计支付资金{actual}万元" + (f"，执行率为{rate}%。" if rate else "。"),
        "二、绩效目标",
        f"法律援助案件数量：≥{target}件，实际完成{done}件。",
        "三、存在问题",
        f"1. 补贴标准偏低{PLANT}。",
        f"经综合评定，本项目自评得分{score}分，评价等级为“优”。",
    ]
    text = "\n".join(lines)

    def span(needle, after=0):
        start = text.index(needle, after)
        return start, start + len(needle)

    def line_of(start):
        return text[text.rfind("\n", 0, start) + 1:text.find("\n", start)]

    rows = {name: [] for name in store.TABLES}
    budget_yuan, actual_yuan = Decimal(budget) * 10000, Decimal(actual) * 10000
    rows["documents"].append({
        "doc_id": doc_id, "source_path": f"archive/{year}_{doc_id}.txt", "format": "txt", "sha256": doc_id,
        "n_chars": len(text), "status": "ok", "department": department, "region": "江门市", "year": year,
        "project": project, "report_kind": "项目支出绩效自评报告", "budget_yuan": budget_yuan,
        "actual_yuan": actual_yuan,
        "execution_rate_pct": float(rate) if rate else round(float(actual_yuan / budget_yuan * 100), 2),
        "execution_rate_stated_pct": float(rate) if rate else None, "self_score": float(score), "grade": "优",
        "self_score_evidence": lines[-1],
    })
    rows["doc_text"].append({"doc_id": doc_id, "text": text})
    heads = [text.index(head) for head in ("一、项目概况", "二、绩效目标", "三、存在问题")] + [len(text)]
    for section_id, title in enumerate(("项目概况", "绩效目标", "存在问题")):
        rows["sections"].append({"doc_id": doc_id, "section_id": section_id, "level": 1,
                                 "numbering": "一二三"[section_id] + "、", "title": title, "canonical": title,
                                 "char_start": heads[section_id], "char_end": heads[section_id + 1]})
    for role, amount, raw in (("budget", budget_yuan, f"{budget}万元"), ("actual", actual_yuan, f"{actual}万元")):
        start, end = span(raw)
        rows["budgets"].append({"doc_id": doc_id, "role": role, "amount_yuan": amount, "raw": raw,
                                "char_start": start, "char_end": end, "section_path": "一、项目概况",
                                "evidence": line_of(start), "source": "text", "is_part": False})
    start, end = span(f"法律援助案件数量：≥{target}件")
    rows["indicators"].append({
        "doc_id": doc_id, "level2": "数量指标", "name": "法律援助案件数量", "raw": text[start:end],
        "target_raw": f"≥{target}件", "target_op": "≥", "target_value": target, "target_unit": "件",
        "actual_raw": f"{done}件", "actual_value": done, "actual_unit": "件", "achieved": done >= target,
        "source": "text", "char_start": start, "char_end": end, "section_path": "二、绩效目标",
        "evidence": line_of(start), "actual_evidence": line_of(start),
    })
    start, end = span(f"补贴标准偏低{PLANT}")
    rows["problems"].append({"doc_id": doc_id, "ordinal": 1, "text": text[start:end], "category": "其他",
                             "char_start": start, "char_end": end, "section_path": "三、存在问题"})
    if done < target or doc_id == "b2021":  # a review finding: the result misses, or a planted one
        start, end = span(f"法律援助案件数量：≥{target}件")
        rows["checks"].append({
            "doc_id": doc_id, "rule": "met_but_missed", "severity": "warning",
            "message": f"指标“法律援助案件数量”实际完成{done}件未达到目标≥{target}件，却得满分"
                       + (PLANT if doc_id == "b2021" else ""),
            "value_stated": f"{done}件", "value_expected": f"≥{target}件", "char_start": start, "char_end": end,
            "section_path": "二、绩效目标", "evidence": line_of(start)})
    return rows


def _tables() -> dict[str, list[dict]]:
    tables = {name: [] for name in store.TABLES}
    for doc in DOCS:
        for name, rows in _document(*doc).items():
            tables[name].extend(rows)
    tables["documents"].append({"doc_id": "bad", "source_path": f"archive/broken{PLANT}.pdf", "format": "pdf",
                                "status": "error", "error": "no text layer"})
    tables["errors"].append({"source_path": f"archive/broken{PLANT}.pdf", "stage": "read",
                             "error_type": "ReadError", "message": f"no text layer {PLANT}", "doc_id": "bad"})
    return tables


def write_tables(out: Path, extra: dict[str, list[dict]] | None = None) -> Path:
    """The hand-built tables of DOCS written to `out` as `jixiao extract` would."""
    tables = _tables()
    for name, rows in (extra or {}).items():
        tables[name] = rows
    store.write(tables, out)
    return out


@pytest.fixture(scope="module")
def html(tmp_path_factory) -> str:
    out = write_tables(tmp_path_factory.mktemp("tables"))
    return write_report(out).read_text(encoding="utf-8")


class _Elements(HTMLParser):
    """Start tags as (tag, attrs, id of the section, class of the svg they are in); circle titles."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict, str | None, str | None]] = []
        self.titles: list[str] = []
        self._sections: list[str | None] = []
        self._svg: str | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self._sections.append(attrs.get("id"))
        elif tag == "svg":
            self._svg = attrs.get("class")
        self._in_title = tag == "title" and bool(self.tags) and self.tags[-1][0] == "circle"
        self.tags.append((tag, attrs, self._sections[-1] if self._sections else None, self._svg))

    def handle_endtag(self, tag):
        if tag == "section":
            self._sections.pop()
        elif tag == "svg":
            self._svg = None
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.titles.append(data)


def parse(text: str) -> _Elements:
    parser = _Elements()
    parser.feed(text)
    return parser


def points(text: str, section: str, chart: str = "", series: str = "") -> list[dict]:
    """The chart points of one project section (optionally of one chart class and series)."""
    return [attrs for tag, attrs, where, svg in parse(text).tags
            if tag == "circle" and where == section and chart in (svg or "") and series in attrs["class"]]


def evidence_book(text: str) -> dict:
    blob = re.search(r'<script type="application/json" id="evidence-data">(.*?)</script>', text, re.S)
    return json.loads(blob.group(1))


def section_of(text: str, name: str) -> str:
    """The id of the first project section whose heading starts with `name` (as in the HTML)."""
    match = re.search(r'<section id="([^"]+)" class="project"><h3>' + re.escape(name), text)
    assert match, name
    return match.group(1)


def test_report_is_self_contained(html):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    csp = next(a["content"] for t, a, _, _ in parse(html).tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp
    assert html.count("<script") == 2  # the evidence data and the one inline script
    assert f"<title>{TITLE}</title>" in html


@pytest.mark.parametrize("project, years", [("法律援助经费", 3), (escape("项目<script>"), 1)])
def test_report_charts_have_one_point_per_year(html, project, years):
    section = section_of(html, project)
    svgs = [attrs["class"] for tag, attrs, where, _ in parse(html).tags if where == section and tag == "svg"]
    assert svgs == ["chart money", "chart rate", "chart score"]
    assert len(points(html, section, "money", "s0")) == years   # budget
    assert len(points(html, section, "money", "s1")) == years   # actual
    assert len(points(html, section, "rate")) == len(points(html, section, "score")) == years
    assert all(c.get("data-ev", "").startswith("ev") for c in points(html, section))


def test_report_money_in_wan_on_axis_and_exact_yuan_in_tooltips(html):
    assert ">万元</text>" in html
    titles = parse(html).titles
    assert "预算数 2019：800,000.00 元" in titles
    assert "执行数 2021：412,680.00 元" in titles
    assert "执行率 2020：97.00%" in titles and "自评得分 2022：96.67 分" in titles
    # the 2021 gap: the legal-aid budget line breaks instead of joining 2020 and 2022
    section = section_of(html, "法律援助经费")
    polylines = [a for t, a, w, _ in parse(html).tags if w == section and t == "polyline"]
    assert len(polylines) == 4  # 2019–2020 in each of 4 series; 2022 stands alone


def test_report_evidence_highlights_the_matched_text(html):
    book = evidence_book(html)
    section = section_of(html, "法律援助经费")
    first = points(html, section, "money", "s0")[0]
    entry = book[first["data-ev"]]
    assert entry["source_path"] == "archive/2019_a2019.txt"
    marked = [text for passage in entry["passages"] for text, mark in passage["segments"] if mark]
    assert marked == ["80万元"]
    passage = entry["passages"][0]
    assert "".join(t for t, _ in passage["segments"]) == f"2019年预算安排80万元{PLANT}。"
    assert passage["section_path"] == "一、项目概况"
    indicator = next(e for e in book.values() if "法律援助案件数量" in e["title"] and "2022" in e["title"])
    marks = [t for p in indicator["passages"] for t, m in p["segments"] if m]
    assert marks == ["≥1300件", "1288件"]


def test_report_escapes_planted_script_everywhere(html):
    assert PLANT not in html
    assert "<script>window" not in html and "<img" not in html
    escaped = "&lt;script&gt;window.__pwned=1;document.title=&quot;pwned&quot;&lt;/script&gt;"
    assert f"项目{escaped}" in html           # project name
    assert f"测试局{escaped}" in html         # department name
    assert f"补贴标准偏低{escaped}" in html     # problem text
    assert f"no text layer {escaped}" in html  # error message
    assert "\\u003cscript\\u003ewindow.__pwned=1" in html  # evidence, as JSON data
    problem = next(e for e in evidence_book(html).values() if e["title"] == "法律援助经费 2022 年 · 问题 1")
    assert PLANT in "".join(t for t, _ in problem["passages"][0]["segments"])


def test_report_pages_come_from_page_starts(tmp_path):
    """Every passage of a paged report names the page its text is on, whether a record gave the
    offset (budget, problem) or the report found it (a stated rate); a report without pages none."""
    tables = _tables()
    row = next(r for r in tables["doc_text"] if r["doc_id"] == "a2019")
    row["page_starts"] = [0, row["text"].index("截至"), row["text"].index("三、存在问题")]
    store.write(tables, tmp_path)
    book = evidence_book(write_report(tmp_path).read_text(encoding="utf-8"))

    def page(title: str) -> int | None:
        (passage,) = next(e for e in book.values() if e["title"].startswith(title))["passages"]
        return passage["page"]

    assert page("法律援助经费 2019 年预算数") == 1
    assert page("法律援助经费 2019 年执行率") == 2
    assert page("法律援助经费 2019 年 · 问题 1") == 3
    assert page("法律援助经费 2022 年预算数") is None


def test_report_evidence_sentence_ends_at_a_semicolon(tmp_path):
    """The report cuts sentences as the records' evidence does (pipeline.core.document)."""
    tables = _tables()
    row = next(r for r in tables["doc_text"] if r["doc_id"] == "a2019")
    row["text"] = row["text"].replace("截至12月31日，", "截至12月31日；")  # same length: offsets hold
    store.write(tables, tmp_path)
    book = evidence_book(write_report(tmp_path).read_text(encoding="utf-8"))
    rate = next(e for e in book.values() if e["title"].startswith("法律援助经费 2019 年执行率"))
    assert "".join(t for t, _ in rate["passages"][0]["segments"]) == "累计支付资金75.36万元，执行率为94.20%。"


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!-- x", "a & b > c"])
def test_report_script_json_cannot_close_its_block(text):
    encoded = script_json({"t": text})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == {"t": text}


def test_report_overview_counts_formats_and_failures(html):
    start = html.index('<section id="overview"')
    overview = html[start:html.index("</section>", start)]
    assert "共 5 份报告：成功 4，部分成功 0，失败 1。" in overview
    assert "ReadError" in overview
    assert "<th>txt</th>" in overview and "<th>pdf</th>" in overview


def test_report_rate_evidence_stated_or_computed(html):
    book = evidence_book(html)
    stated = next(e for e in book.values() if e["title"].startswith("法律援助经费 2019 年执行率"))
    assert [t for p in stated["passages"] for t, m in p["segments"] if m] == ["94.20%"]
    computed = next(e for e in book.values() if e["title"].startswith("法律援助经费 2020 年执行率"))
    assert "执行数 ÷ 预算数" in computed["note"]


def test_report_groups_by_alignment_tables(tmp_path):
    """With `jixiao compare`'s keys, two spellings are one project and recurrences get evidence."""
    keys = {"a2019": "法律援助专项经费", "a2020": "法律援助经费", "a2022": "法律援助经费"}
    tables = _tables()
    for row in tables["documents"]:
        row["project"] = keys.get(row["doc_id"], row.get("project"))
    problems = [r for r in tables["problems"] if r["doc_id"].startswith("a")]
    others = [d["doc_id"] for d in tables["documents"] if d["doc_id"] not in keys]
    extra = {  # keys for every document: the stored alignment is used as it is
        "documents": tables["documents"],
        "department_keys": [{"doc_id": d, "department_key": "jm-justice"} for d in keys]
        + [{"doc_id": d, "department_key": f"other-{d}"} for d in others],
        "project_keys": [{"doc_id": d, "department_key": "jm-justice", "project_key": "legal-aid"} for d in keys]
        + [{"doc_id": d, "department_key": f"other-{d}", "project_key": f"other-{d}"} for d in others],
        "problem_keys": [{"doc_id": r["doc_id"], "char_start": r["char_start"], "problem_key": "p1"} for r in problems],
        "problem_recurrence": [{"department_key": "jm-justice", "project_key": "legal-aid", "problem_key": "p1",
                                "years": "2019,2020,2022", "n_years": 3, "first_year": 2019, "last_year": 2022,
                                "example_text": f"补贴标准偏低{PLANT}", "doc_ids": "a2019,a2020,a2022"}],
    }
    html = write_report(write_tables(tmp_path / "out", extra)).read_text(encoding="utf-8")
    section = section_of(html, "legal-aid")
    assert "亦作 法律援助专项经费、法律援助经费" in html
    assert len(points(html, section)) == 12
    recurring = html[html.index('id="recurring"'):]
    assert "2019、2020、2022" in recurring and PLANT not in recurring
    assert f'<a href="#{section}">legal-aid</a>' in recurring
    ev = re.search(r'data-ev="(ev\d+)"', recurring).group(1)
    labels = [p["label"] for p in evidence_book(html)[ev]["passages"]]
    assert labels == [f"{y} 年 · archive/{y}_a{y}.txt" for y in (2019, 2020, 2022)]


def test_report_without_alignment_groups_by_names_as_written(tmp_path):
    tables = _tables()
    tables["documents"][0]["project"] = "法律援助专项经费"
    store.write(tables, tmp_path)
    html = build(store.load(tmp_path), {})
    assert len(points(html, section_of(html, "法律援助专项经费"))) == 4
    assert len(points(html, section_of(html, "法律援助经费"))) == 8
    recurring = html[html.index('id="recurring"'):]
    assert "没有跨年份反复出现的问题" in recurring


def test_report_without_documents_or_years(tmp_path):
    tables = {name: [] for name in store.TABLES}
    tables["documents"].append({"doc_id": "x", "source_path": "x.txt", "format": "txt", "status": "ok"})
    store.write(tables, tmp_path)
    html = write_report(tmp_path).read_text(encoding="utf-8")
    assert "未识别年份" in html and "没有可按年份归组的报告" in html


@pytest.mark.parametrize("low, high, ticks", [(0, 113, [0, 50, 100, 150]), (84, 101, [80, 85, 90, 95, 100, 105]),
                                              (0, 3015.89, [0, 1000, 2000, 3000, 4000])])
def test_report_nice_ticks(low, high, ticks):
    assert nice_ticks(low, high) == ticks


@pytest.mark.parametrize("value, text, found", [(95.9, "执行率95.90%", "95.90%"), (100.0, "达100%。", "100%"),
                                                (94.2, "194.2%、94.2%", "94.2%"), (97.0, "97.5%", None)])
def test_report_number_pattern(value, text, found):
    match = re.search(number_pattern(value, "%"), text)
    assert (match.group(0) if match else None) == found


# -- on real extractions ----------------------------------------------------------------------
@pytest.mark.slow
def test_report_on_archive_department(tmp_path):
    files = sorted((CORPUS / "archive").glob("*_jiangmen-justice_*"))
    store.write(runner.run(files, jobs=2).tables, tmp_path)
    html = write_report(tmp_path).read_text(encoding="utf-8")
    docs = store.load(tmp_path).documents
    budgets = [a for tag, a, _, svg in parse(html).tags if tag == "circle" and svg == "chart money"
               and "s0" in a["class"]]
    assert len(budgets) == docs["budget_yuan"].notna().sum() == 10
    book = evidence_book(html)
    assert all(book[a["data-ev"]]["passages"] for a in budgets)
    assert all(e["passages"] or e["note"] for e in book.values())
