"""The figures of one project-year and where each was read: budget, spend, rate, score,
indicators and problems, each with an entry in the evidence book."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from pipeline.report.data import (
    Project,
    clean,
    indicator_key,
    keys_by,
    present,
    wan,
    wan_text,
    yuan_text,
)
from pipeline.report.evidence import Evidence, EvidenceBook, Locator, number_pattern
from pipeline.report.html import cell, esc, table

BUDGET_ROLES = ("adjusted_budget", "budget")
# Words before a stated execution rate, tried in this order (an indicator may also read "100%").
RATE_CUES = ("执行", "完成预算", "支出", "预算", "资金")
ROLE_NAMES = {"budget": "预算", "adjusted_budget": "调整后预算", "actual": "执行/支出",
              "balance": "结余", "other": "其他金额"}


@dataclass(frozen=True)
class Figure:
    text: str               # as shown in a table cell
    plot: float             # as plotted (money in 万元)
    tooltip: str            # exact value
    evidence: str | None    # evidence id


def _by_doc(frame: pd.DataFrame) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    for row in frame.sort_values(["doc_id", "char_start"]).to_dict("records"):
        rows.setdefault(row["doc_id"], []).append(row)
    return rows


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class ProjectFigures:
    def __init__(self, tables, aligned: dict[str, pd.DataFrame], locator: Locator, book: EvidenceBook):
        self.locator, self.book = locator, book
        self.budgets = _by_doc(tables["budgets"])
        self.indicators = _by_doc(tables["indicators"])
        self.problems = _by_doc(tables["problems"])
        self.indicator_keys = keys_by(aligned, "indicator_keys", ("doc_id", "char_start"), "indicator_key")
        self.docs = {r["doc_id"]: r for r in tables["documents"].to_dict("records")}

    def note(self, title: str, text: str, source_path: str | None = None) -> str | None:
        return self.book.add(Evidence(title, source_path, [], text))

    # -- budget, spend, rate, score ----------------------------------------------------------
    def of(self, project: Project, year: int) -> dict[str, Figure]:
        doc = project.docs[year]
        label = f"{project.name} {year} 年"
        figures: dict[str, Figure] = {}
        for key, column, name, roles in (("budget", "budget_yuan", "预算数", BUDGET_ROLES),
                                         ("actual", "actual_yuan", "执行数", ("actual",))):
            amount = doc[column]
            if present(amount):
                evidence = self.money_evidence(doc, f"{label}{name} {yuan_text(amount)}", amount, roles)
                figures[key] = Figure(wan_text(amount), wan(amount), f"{name} {year}：{yuan_text(amount)}",
                                      evidence)
        rate = doc["execution_rate_pct"]
        if present(rate):
            evidence = self.rate_evidence(doc, f"{label}执行率 {rate:.2f}%", rate)
            figures["rate"] = Figure(f"{rate:.2f}", float(rate), f"执行率 {year}：{rate:.2f}%", evidence)
        score = doc["self_score"]
        if present(score):
            evidence = self.score_evidence(doc, f"{label}自评得分 {_fmt(score)} 分", score)
            figures["score"] = Figure(_fmt(score), float(score), f"自评得分 {year}：{_fmt(score)} 分", evidence)
            if clean(doc["grade"]):
                figures["grade"] = Figure(doc["grade"], 0.0, f"评价等级：{doc['grade']}", evidence)
        return figures

    def money_row(self, doc: dict, amount, roles: tuple[str, ...]) -> dict | None:
        """The budgets row stating `amount`: of the wanted role, a whole amount, in prose, first."""
        rows = [r for r in self.budgets.get(doc["doc_id"], [])
                if present(r["amount_yuan"]) and Decimal(r["amount_yuan"]) == Decimal(amount)]
        rows.sort(key=lambda r: (r["role"] not in roles, roles.index(r["role"]) if r["role"] in roles else 0,
                                 r.get("is_part") is True, r.get("source") != "text", r["char_start"]))
        return rows[0] if rows else None

    def money_passage(self, row: dict):
        return self.locator.passage(row["doc_id"], int(row["char_start"]), int(row["char_end"]),
                                    evidence=clean(row["evidence"]), section_path=clean(row["section_path"]))

    def money_evidence(self, doc: dict, title: str, amount, roles: tuple[str, ...]) -> str | None:
        row = self.money_row(doc, amount, roles)
        if row is None:
            return self.note(title, "没有找到写出这一金额的句子（该数可能由其他金额推算）。", doc["source_path"])
        role = ROLE_NAMES.get(row["role"], row["role"])
        note = f"原文“{row['raw']}”，类别：{role}，折合 {yuan_text(row['amount_yuan'])}"
        return self.book.add(Evidence(title, doc["source_path"], [self.money_passage(row)], note))

    def rate_evidence(self, doc: dict, title: str, rate: float) -> str | None:
        """The stated rate where the text says it (after a cue word), else how it was computed."""
        doc_id, stated = doc["doc_id"], doc["execution_rate_stated_pct"]
        if present(stated):
            pattern = number_pattern(float(stated), r"\s*[%％]")
            span = next(filter(None, (self.locator.find(doc_id, pattern, near=cue) for cue in RATE_CUES)), None)
            if span:
                passage = self.locator.passage(doc_id, *span)
                return self.book.add(Evidence(title, doc["source_path"], [passage], "报告所写的执行率"))
            return self.note(title, "报告写明的执行率（未能在文本中定位原句）", doc["source_path"])
        actual, budget = doc["actual_yuan"], doc["budget_yuan"]
        if not (present(actual) and present(budget)):
            return self.note(title, "报告未写执行率", doc["source_path"])
        rows = [self.money_row(doc, actual, ("actual",)), self.money_row(doc, budget, BUDGET_ROLES)]
        note = f"报告未写执行率，按 执行数 ÷ 预算数 计算：{yuan_text(actual)} ÷ {yuan_text(budget)}"
        return self.book.add(Evidence(title, doc["source_path"], [self.money_passage(r) for r in rows if r], note))

    def score_evidence(self, doc: dict, title: str, score: float) -> str | None:
        sentence = clean(doc.get("self_score_evidence"))
        passage = self.locator.sentence(doc["doc_id"], sentence, number_pattern(float(score)), last=True) \
            if sentence else None
        if passage is None:
            return self.note(title, f"原文：{sentence}" if sentence else "未记录得分所在的句子", doc["source_path"])
        return self.book.add(Evidence(title, doc["source_path"], [passage], None))

    # -- indicators ------------------------------------------------------------------------
    def indicator_table(self, project: Project) -> str:
        followed: dict[str, dict[int, dict]] = {}
        for year in project.years:
            for row in self.indicators.get(project.docs[year]["doc_id"], []):
                if not clean(row["name"]):
                    continue
                by_year = followed.setdefault(indicator_key(row, self.indicator_keys), {})
                if year not in by_year or _indicator_rank(row) > _indicator_rank(by_year[year]):
                    by_year[year] = row
        if not followed:
            return '<p class="empty">没有抽取到绩效指标。</p>'
        rows = []
        for by_year in followed.values():
            latest = by_year[max(by_year)]
            level = clean(latest["level2"])
            name = cell(latest["name"] + (f"（{level}）" if level else ""), header=True)
            rows.append([name] + [self.indicator_cell(project, year, by_year.get(year)) for year in project.years])
        return table(["指标", *map(str, project.years)], rows, css_class="indicators")

    def indicator_cell(self, project: Project, year: int, row: dict | None) -> str:
        if row is None:
            return cell("—", css="dim")
        target, actual = clean(row["target_raw"]) or "?", clean(row["actual_raw"])
        text = f"{target} → {actual}" if actual else target
        status = {True: "达成", False: "未达成"}.get(row["achieved"] if present(row["achieved"]) else None, "")
        css = {"达成": "ok", "未达成": "miss"}.get(status, "")
        tooltip = f"目标 {target}" + (f"，实际 {actual}" if actual else "，未写实际值")
        tooltip += f"，{status}" if status else ""
        title = f"{project.name} {year} 年 · {row['name']}：{tooltip}"
        return cell(text, self.indicator_evidence(row, title), css=css, tooltip=tooltip)

    def indicator_evidence(self, row: dict, title: str) -> str | None:
        doc_id, start, end = row["doc_id"], int(row["char_start"]), int(row["char_end"])
        span_text = self.locator.text.get(doc_id, "")[start:end]
        marks, cursor = [], 0
        target, actual = clean(row["target_raw"]), clean(row["actual_raw"])
        actual_sentence = clean(row.get("actual_evidence"))
        for value in (target, None if actual_sentence else actual):
            at = span_text.find(value, cursor) if value else -1
            if at >= 0:
                marks.append((start + at, start + at + len(value)))
                cursor = at + len(value)
        passages = [self.locator.passage(doc_id, start, end, evidence=clean(row["evidence"]),
                                         marks=marks or None, section_path=clean(row["section_path"]))]
        if actual_sentence:
            extra = self.locator.sentence(doc_id, actual_sentence, re.escape(actual) if actual else None)
            if extra:
                passages.append(extra)
        source = {"table": "自评表", "text": "正文"}.get(row["source"], row["source"])
        return self.book.add(Evidence(title, self.docs[doc_id]["source_path"], passages, f"来自{source}"))

    # -- problems --------------------------------------------------------------------------
    def problem_list(self, project: Project) -> str:
        items = []
        for year in project.years:
            doc = project.docs[year]
            for row in self.problems.get(doc["doc_id"], []):
                title = f"{project.name} {year} 年 · 问题 {row['ordinal']}"
                passage = self.locator.passage(row["doc_id"], int(row["char_start"]), int(row["char_end"]),
                                               section_path=clean(row["section_path"]))
                ev = self.book.add(Evidence(title, doc["source_path"], [passage], None))
                category = f'<span class="tag">{esc(row["category"])}</span>' if clean(row["category"]) else ""
                items.append(f'<li data-ev="{ev}" tabindex="0"><b>{year}</b> {category}{esc(row["text"])}</li>')
        if not items:
            return '<p class="empty">各年均未列出问题。</p>'
        return f'<ul class="problems">{"".join(items)}</ul>'

    def recurrence_table(self, frame: pd.DataFrame, aligned: dict[str, pd.DataFrame],
                         departments: dict[str, str], projects: dict[tuple[str, str], tuple[str, str]]) -> str:
        """`problem_recurrence` of the alignment: each problem reported in several years, with
        every occurrence as evidence (through `problem_keys`)."""
        frame = frame.sort_values(["n_years", "department_key", "project_key"], ascending=[False, True, True])
        occurrences: dict[str, list[tuple[str, int]]] = {}
        for (doc_id, start), key in keys_by(aligned, "problem_keys", ("doc_id", "char_start"), "problem_key").items():
            occurrences.setdefault(key, []).append((doc_id, start))
        problems = {(r["doc_id"], int(r["char_start"])): r for rows in self.problems.values() for r in rows}
        rows = []
        for rec in frame.to_dict("records"):
            dkey, pkey = rec.get("department_key"), rec.get("project_key")
            department = departments.get(dkey) or clean(dkey) or ""
            project, anchor = projects.get((dkey, pkey)) or (clean(pkey) or "", None)
            years = "、".join(str(rec.get("years") or "").split(","))
            title = f"{department} · {project}：问题在 {years} 年出现"
            passages = []
            found = [problems[o] for o in occurrences.get(rec.get("problem_key"), []) if o in problems]
            for row in sorted(found, key=lambda r: _year(self.docs[r["doc_id"]])):
                doc = self.docs[row["doc_id"]]
                passage = self.locator.passage(row["doc_id"], int(row["char_start"]), int(row["char_end"]),
                                               section_path=clean(row["section_path"]))
                passage.label = f"{_year(doc) or '?'} 年 · {doc['source_path']}"
                passages.append(passage)
            evidence = self.book.add(Evidence(title, None, passages, None if passages else
                                              f"报告：{rec.get('doc_ids')}"))
            link = f'<td><a href="#{anchor}">{esc(project)}</a></td>' if anchor else cell(project)
            rows.append([cell(department, css="nowrap"), link, cell(years, css="nowrap"),
                         cell(rec.get("n_years"), css="num"), cell(rec.get("example_text"), evidence)])
        return table(["部门", "项目", "年份", "年数", "问题（示例，点击看各年原文）"], rows, css_class="recurrence")


def _year(doc: dict) -> int:
    return int(doc["year"]) if present(doc["year"]) else 0


def _indicator_rank(row: dict) -> tuple:
    return (present(row["actual_raw"]), present(row["target_raw"]), row["source"] == "table")
