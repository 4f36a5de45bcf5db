"""Predicted tables built by hand for the scorer's tests: the rows a pipeline would write,
without running one, and the scorer called on them as `jixiao eval` calls it."""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate import score
from pipeline.evaluate.gold import Gold, parse_gold
from pipeline.evaluate.predictions import predictions_from_tables
from pipeline.evaluate.tally import Scores

NAME = "r.txt"


def tables_for(name: str = NAME, doc_id: str = "d1", **facts) -> dict[str, list[dict]]:
    """Tables of one document; `documents=` fills the document row, other keys are fact rows."""
    document = {"doc_id": doc_id, "source_path": f"/archive/2021/{name}", "status": "ok",
                **facts.pop("documents", {})}
    tables = {"documents": [document]}
    for table, rows in facts.items():
        tables[table] = [{"doc_id": doc_id, **row} for row in rows]
    return tables


def perfect_tables(gold: dict, name: str | None = None, doc_id: str = "d1") -> dict[str, list[dict]]:
    """What a flawless pipeline would write for a gold file, phrased the way reports phrase it."""
    meta = gold.get("metadata") or {}
    budget = gold.get("budget") or {}
    document = {
        "department": meta.get("department"), "region": meta.get("region"), "year": meta.get("year"),
        "project": f"2021年{meta['project_contains']}工作经费" if meta.get("project_contains") else None,
        "report_kind": meta.get("report_kind"),
        "budget_yuan": budget.get("budget_yuan"), "actual_yuan": budget.get("actual_yuan"),
        "execution_rate_stated_pct": budget.get("execution_rate_pct"), "self_score": gold.get("score"),
    }
    numerals = "一二三四五六七八九十"
    sections = []
    for i, title in enumerate(gold.get("sections_top") or []):
        sections.append({"level": 1, "numbering": f"{numerals[i]}、", "title": title, "char_start": 100 * i})
        sections.append({"level": 2, "numbering": "（一）", "title": "基本情况", "char_start": 100 * i + 10})
    return tables_for(
        name or gold["file"], doc_id,
        documents=document,
        sections=sections[::-1],  # table order must not matter: char_start decides
        indicators=[{"name": i["name"], "target_value": i["target_value"], "actual_raw": i["actual_raw"],
                     "raw": f"{i['name']}  {i['target_raw']}"} for i in gold.get("indicators") or []],
        counts=[{"value": c["value"], "unit": c["unit"], "approx": c["approx"], "raw": c["evidence"],
                 "evidence": c["evidence"]} for c in gold.get("counts") or []],
        problems=[{"ordinal": n, "text": f"{numerals[n]}是{text}，有待加强"}
                  for n, text in enumerate(gold.get("problems") or [])],
        suggestions=[{"ordinal": n, "text": f"（{n + 1}）{text}。"}
                     for n, text in enumerate(gold.get("suggestions") or [])],
        doc_text=[{"text": "前言\n" + "\n".join(gold.get("text_contains") or []) + "\n结束"}],
        checks=[{"rule": c["rule"], "severity": "warning", "message": "…",
                 "value_stated": f"{c['value']}" if isinstance(c["value"], (int, float)) else f"{c['value']}…"}
                for c in gold.get("checks") or []],
    )


def gold_of(fields: dict, file: str = NAME) -> Gold:
    return parse_gold({"file": file, **fields}, "test gold")


def run_score(fields: dict, tables: dict, **kwargs) -> Scores:
    return score([gold_of(fields)], predictions_from_tables(tables), **kwargs)


def counts_of(fields: dict, tables: dict, family: str) -> tuple[int, int, int]:
    t = run_score(fields, tables).families[family]
    return t.tp, t.fp, t.fn


def read_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def count_row(value, unit, approx=False, raw=None, evidence=None) -> dict:
    return {"value": value, "unit": unit, "approx": approx, "raw": raw or f"{value}{unit}", "evidence": evidence}
