"""Scoring against gold files: every rule of gold/README.md, its edges, and the seed gold."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from pipeline import evaluate, store
from pipeline.core.errors import JixiaoError
from tests.conftest import SHARED

SEED_GOLD = SHARED / "gold" / "000_3863e364cbd2cac6.json"
GOLD_FILES = [p for p in [SEED_GOLD, *sorted((SHARED / "real").glob("*.json"))] if p.is_file()]
needs_seed_gold = pytest.mark.skipif(not SEED_GOLD.is_file(), reason=f"no seed gold at {SEED_GOLD}")

NAME = "r.txt"


# --- Building predicted tables by hand ----------------------------------------------------

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
    )


def gold_of(fields: dict, file: str = NAME) -> evaluate.Gold:
    return evaluate.parse_gold({"file": file, **fields}, "test gold")


def run_score(fields: dict, tables: dict, **kwargs) -> evaluate.Scores:
    return evaluate.score([gold_of(fields)], evaluate.predictions_from_tables(tables), **kwargs)


def counts_of(fields: dict, tables: dict, family: str) -> tuple[int, int, int]:
    t = run_score(fields, tables).families[family]
    return t.tp, t.fp, t.fn


def read_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --- Whole documents ----------------------------------------------------------------------

@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_evaluate_perfect_prediction_scores_one_in_every_family(gold_path):
    gold = evaluate.parse_gold(read_gold(gold_path), str(gold_path))
    scores = evaluate.score([gold], evaluate.predictions_from_tables(perfect_tables(gold.fields)))
    scored = {name: t for name, t in scores.families.items() if t.scored}
    assert set(scored) == {f.name for f in evaluate.FAMILIES if f.gold_key in gold.fields}
    for name, tally in scored.items():
        assert (tally.precision, tally.recall, tally.f1) == (1.0, 1.0, 1.0), name
    assert scores.micro.f1 == 1.0 and not scores.findings


@needs_seed_gold
def test_evaluate_seed_gold_point_count_and_one_wrong_budget():
    gold = read_gold(SEED_GOLD)
    perfect = evaluate.score(evaluate.load_gold(SEED_GOLD.parent),
                             evaluate.predictions_from_tables(perfect_tables(gold)))
    # 5 metadata + 6 sections + 3 budget (the stated rate is null) + 1 score + 5 indicators
    # + 20 counts + 4 problems + 6 suggestions
    assert (perfect.micro.tp, perfect.micro.fp, perfect.micro.fn) == (50, 0, 0)

    tables = perfect_tables(gold)
    tables["documents"][0]["budget_yuan"] = 700000  # also moves the computed rate to 74.63
    scores = evaluate.score(evaluate.load_gold(SEED_GOLD.parent), evaluate.predictions_from_tables(tables))
    budget = scores.families["budget"]
    assert (budget.tp, budget.fp, budget.fn) == (1, 2, 2)
    assert (scores.micro.tp, scores.micro.fp, scores.micro.fn) == (48, 2, 2)
    assert {(f.field, f.kind) for f in scores.findings} == {
        ("budget_yuan", "wrong"), ("execution_rate_computed_pct", "wrong")}


@needs_seed_gold
def test_evaluate_empty_prediction_scores_zero_recall():
    gold = evaluate.parse_gold(read_gold(SEED_GOLD), "seed")
    scores = evaluate.score([gold], evaluate.predictions_from_tables(tables_for(gold.file)))
    for name, tally in scores.families.items():
        if tally.scored:
            assert tally.recall == 0.0 and tally.fp == 0, name
    assert scores.micro.fn == 50 and scores.micro.tp == 0


@needs_seed_gold
@pytest.mark.parametrize("how", ["status_error", "missing_from_predictions"])
def test_evaluate_unreadable_document_scores_zero_recall(how):
    gold = evaluate.parse_gold(read_gold(SEED_GOLD), "seed")
    tables = perfect_tables(gold.fields)
    if how == "status_error":
        # Even rows a failed run left behind earn nothing.
        tables["documents"][0].update(status="error", error="ReadError: file is empty")
    else:
        tables = perfect_tables(gold.fields, name="another.txt")
    scores = evaluate.score([gold], evaluate.predictions_from_tables(tables))
    assert scores.micro.tp == 0 and scores.micro.fp == 0 and scores.micro.fn == 50
    assert [d.doc for d in scores.unreadable] == [gold.file]
    assert "not read" in evaluate.format_scores(scores)
    assert "not read" in evaluate.format_findings(scores)


def test_evaluate_documents_without_gold_are_ignored():
    tables = tables_for("r.txt", documents={"self_score": 90})
    other = tables_for("other.txt", doc_id="d2", documents={"self_score": 50})
    tables = {k: tables[k] + other.get(k, []) for k in tables}
    assert counts_of({"score": 90}, tables, "score") == (1, 0, 0)


def test_evaluate_reads_dataframes_written_by_the_store(tmp_path):
    if not SEED_GOLD.is_file():
        pytest.skip("no seed gold")
    gold = evaluate.parse_gold(read_gold(SEED_GOLD), "seed")
    store.write(perfect_tables(gold.fields), tmp_path)
    scores = evaluate.score([gold], evaluate.predictions_from_tables(store.load(tmp_path)))
    assert scores.micro.f1 == 1.0


def test_evaluate_identical_files_do_not_double_their_facts():
    # Two files with the same bytes share a doc_id, so their fact rows are in the table twice.
    one = tables_for("a.txt", counts=[{"value": 5, "unit": "个", "approx": False, "raw": "5个"}])
    two = tables_for("b.txt", counts=[{"value": 5, "unit": "个", "approx": False, "raw": "5个"}])
    tables = {k: one[k] + two[k] for k in one}
    gold = {"counts": [{"value": 5, "unit": "个", "approx": False}]}
    scores = evaluate.score([gold_of(gold, "a.txt"), gold_of(gold, "b.txt")],
                            evaluate.predictions_from_tables(tables))
    assert (scores.micro.tp, scores.micro.fp, scores.micro.fn) == (2, 0, 0)


def test_evaluate_two_documents_with_one_name_are_refused():
    one, two = tables_for("r.txt"), tables_for("r.txt", doc_id="d2")
    two["documents"][0]["source_path"] = "/archive/2022/r.txt"
    with pytest.raises(JixiaoError, match="two documents are named"):
        evaluate.predictions_from_tables({"documents": one["documents"] + two["documents"]})


# --- Matching gold files to documents -----------------------------------------------------

@pytest.mark.parametrize("predicted_name,match_stem,found", [
    ("r.txt", False, True),
    ("r.pdf", False, False),
    ("r.docx", True, True),
    ("r.pdf", True, True),
    ("rr.pdf", True, False),
])
def test_evaluate_match_stem(predicted_name, match_stem, found):
    tables = tables_for(predicted_name, documents={"self_score": 96})
    scores = run_score({"score": 96}, tables, match_stem=match_stem)
    tally = scores.families["score"]
    assert (tally.tp, tally.fn) == ((1, 0) if found else (0, 1))


def test_evaluate_match_stem_prefers_the_exact_name():
    exact = tables_for("r.txt", documents={"self_score": 96})
    pdf = tables_for("r.pdf", doc_id="d2", documents={"self_score": 10})
    tables = {"documents": exact["documents"] + pdf["documents"]}
    assert run_score({"score": 96}, tables, match_stem=True).families["score"].tp == 1


# --- Field rules ----------------------------------------------------------------------------

@pytest.mark.parametrize("key,gold,attribute,predicted,expected", [
    ("department", "江门市司法局", "department", "江门市 司法局", (1, 0, 0)),
    ("department", "江门市司法局", "department", "江门市\u3000司法局\n", (1, 0, 0)),
    ("department", "江门市司法局", "department", "江门市财政局", (0, 1, 1)),
    ("region", "上海市普陀区", "region", "上海市 普陀区", (1, 0, 0)),
    ("year", 2021, "year", 2021.0, (1, 0, 0)),
    ("year", 2021, "year", 2020, (0, 1, 1)),
    ("project_contains", "依法治市", "project", "2021年全面依法治市工作经费", (1, 0, 0)),
    ("project_contains", "依法治市", "project", "依法 治市", (0, 1, 1)),
    ("project_contains", "依法治市", "project", None, (0, 0, 1)),
    ("report_kind", "项目支出绩效自评报告", "report_kind", "项目支出绩效自评报告", (1, 0, 0)),
    ("report_kind", "项目支出绩效自评报告", "report_kind", "部门整体支出绩效自评报告", (0, 1, 1)),
    ("region", None, "region", "江门市", (0, 1, 0)),  # null gold: a stated value is a false positive
    ("region", None, "region", None, (0, 0, 0)),  # null vs null: neither rewarded nor penalised
])
def test_evaluate_metadata_rules(key, gold, attribute, predicted, expected):
    tables = tables_for(documents={attribute: predicted})
    assert counts_of({"metadata": {key: gold}}, tables, "metadata") == expected


@pytest.mark.parametrize("predicted,expected", [
    ("698000.49", (1, 0, 0)),
    ("697999.51", (1, 0, 0)),
    ("698000.50", (1, 0, 0)),
    ("698000.51", (0, 1, 1)),
    ("697999.49", (0, 1, 1)),
    (None, (0, 0, 1)),
])
def test_evaluate_budget_half_yuan_tolerance(predicted, expected):
    tables = tables_for(documents={"budget_yuan": None if predicted is None else Decimal(predicted)})
    assert counts_of({"budget": {"budget_yuan": 698000}}, tables, "budget") == expected


@pytest.mark.parametrize("budget,actual,gold_rate,expected", [
    (698000, 522400, 74.84, (1, 0, 0)),   # 74.842… rounds to 74.84
    (698000, 522400, 74.85, (1, 0, 0)),   # within 0.01, compared exactly (no float drift)
    (698000, 522400, 74.83, (1, 0, 0)),
    (698000, 522400, 74.86, (0, 1, 1)),
    (698000, None, 74.84, (0, 0, 1)),     # no actual amount: no computed rate
    (0, 522400, 74.84, (0, 0, 1)),        # zero budget: no computed rate
    (698000, 522400, None, (0, 1, 0)),
])
def test_evaluate_computed_rate_comes_from_predicted_amounts(budget, actual, gold_rate, expected):
    tables = tables_for(documents={"budget_yuan": budget, "actual_yuan": actual, "execution_rate_pct": 99.0})
    gold = {"budget": {"execution_rate_computed_pct": gold_rate}}
    assert counts_of(gold, tables, "budget") == expected


@pytest.mark.parametrize("stated,expected", [(None, (0, 0, 0)), (74.84, (0, 1, 0))])
def test_evaluate_stated_rate_null_gold(stated, expected):
    # The seed states no rate; the pipeline's own computed execution_rate_pct is not a claim.
    tables = tables_for(documents={"execution_rate_stated_pct": stated, "execution_rate_pct": 74.84})
    assert counts_of({"budget": {"execution_rate_pct": None}}, tables, "budget") == expected


@pytest.mark.parametrize("predicted,gold,expected", [
    (96, 96, (1, 0, 0)),
    (96.01, 96, (1, 0, 0)),
    (96.02, 96, (0, 1, 1)),
    (None, 96, (0, 0, 1)),
    (96, None, (0, 1, 0)),
    (None, None, (0, 0, 0)),
])
def test_evaluate_score_rule(predicted, gold, expected):
    assert counts_of({"score": gold}, tables_for(documents={"self_score": predicted}), "score") == expected


def test_evaluate_null_object_means_every_field_null():
    tables = tables_for(documents={"department": "江门市司法局", "year": 2021})
    assert counts_of({"metadata": None}, tables, "metadata") == (0, 2, 0)


# --- Sections -------------------------------------------------------------------------------

def _sections(*titles: str) -> list[dict]:
    return [{"level": 1, "numbering": None, "title": t, "char_start": i} for i, t in enumerate(titles)]


@pytest.mark.parametrize("predicted", [
    "一、项目概况", "1、项目概况", "1.项目概况", "1.1 项目概况", "（一）项目概况", "(一) 项目概况",
    "第一部分 项目概况", "第一章 项目概况", "项目 概况", "一、项目概况及立项依据",
])
def test_evaluate_sections_numbering_and_spaces_are_stripped(predicted):
    tables = tables_for(sections=_sections(predicted))
    assert counts_of({"sections_top": ["项目概况"]}, tables, "sections") == (1, 0, 0)


@pytest.mark.parametrize("predicted,expected", [
    (["一、甲", "二、乙", "三、丙"], (3, 0, 0)),
    (["一、乙", "二、甲", "三、丙"], (2, 1, 1)),   # in order: 甲 found after 乙, so 乙 is missed
    (["一、甲", "二、乙", "三、丙", "四、附表"], (3, 1, 0)),  # an extra top-level section costs precision
    (["一、甲", "二、丙"], (2, 0, 1)),
    ([], (0, 0, 3)),
])
def test_evaluate_sections_in_order_and_extra(predicted, expected):
    tables = tables_for(sections=_sections(*predicted))
    assert counts_of({"sections_top": ["甲", "乙", "丙"]}, tables, "sections") == expected


def test_evaluate_sections_only_top_level_in_text_order():
    rows = [{"level": 1, "numbering": "二、", "title": "乙", "char_start": 50},
            {"level": 2, "numbering": "（一）", "title": "丙", "char_start": 60},
            {"level": 1, "numbering": "一、", "title": "甲", "char_start": 0}]
    assert counts_of({"sections_top": ["甲", "乙"]}, tables_for(sections=rows), "sections") == (2, 0, 0)


# --- Indicators -----------------------------------------------------------------------------

NAME_20 = "依法治市咨询专家库专家人数统计年度考核率"  # 20 characters
NAME_19 = NAME_20[:-1]


@pytest.mark.parametrize("gold_name,predicted_name,ratio,matched", [
    (NAME_20, NAME_20[:-3] + "甲乙丙", 85.0, True),           # 3 of 20 changed: exactly 85, kept
    (NAME_19, NAME_19[:-3] + "甲乙丙", 84.21, False),         # 3 of 19 changed: just below
    (NAME_20, NAME_20[:-4] + "甲乙丙丁", 80.0, False),
])
def test_evaluate_indicator_fuzzy_name_boundary(gold_name, predicted_name, ratio, matched):
    assert round(fuzz.ratio(gold_name, predicted_name), 2) == ratio
    gold = {"indicators": [{"name": gold_name, "target_value": 12, "actual_raw": None}]}
    tables = tables_for(indicators=[{"name": predicted_name, "target_value": 12}])
    assert counts_of(gold, tables, "indicators") == ((1, 0, 0) if matched else (0, 1, 1))


@pytest.mark.parametrize("gold_name,predicted_name,ratio_ok", [
    ("法治江门建设考评覆盖率", "法治江门建设考评覆盖", True),    # 1 deletion in 11: 95.2
    ("依法治市水平高", "依法治市水平低", True),                # 1 of 7 changed: 85.7, just above
    ("依法治市水平", "依法治市能力", False),                   # 2 of 6 changed: 66.7
    ("考评覆盖率", "考评覆盖度", False),                       # 1 of 5 changed: 80.0, just below
    ("法治 江门、建设考评", "法治江门建设考评", True),          # spaces and 、 removed: equal
    ("考评（覆盖率）", "考评覆盖率!", True),                   # Chinese and ASCII punctuation
])
def test_evaluate_indicator_name_matching(gold_name, predicted_name, ratio_ok):
    gold = {"indicators": [{"name": gold_name, "target_value": None, "actual_raw": None}]}
    tables = tables_for(indicators=[{"name": predicted_name, "target_value": None}])
    assert counts_of(gold, tables, "indicators") == ((1, 0, 0) if ratio_ok else (0, 1, 1))


@pytest.mark.parametrize("gold_target,gold_actual,predicted_target,predicted_actual,correct", [
    (12, None, 12.0, None, True),
    (12, None, Decimal("12"), "实际完成12人", True),  # gold gives no actual_raw: not checked
    (12, None, 13, None, False),
    (None, None, None, None, True),                  # both null counts as equal
    (None, None, 100, None, False),
    (100, None, None, None, False),
    (12, "12人", 12, "完成12人", True),
    (12, "12人", 12, "12", True),
    (12, "12人", 12, "15人", False),
    (12, "12人", 12, None, False),
    (98.5, "98.5%", 98.5, "98.5％", True),
    (1234, "1,234户", 1234, "1234户", True),
    (None, "已完成", None, "全部已完成", True),       # no digits: the whole text must be there
    (None, "已完成", None, "未完成", False),
    (None, "2022年12月", None, "2022年12月", True),   # a date: its digit runs stand apart
    (None, "2022年12月", None, "2022年11月", False),
])
def test_evaluate_indicator_target_and_actual(gold_target, gold_actual, predicted_target, predicted_actual, correct):
    gold = {"indicators": [{"name": "专家人数", "target_value": gold_target, "actual_raw": gold_actual}]}
    tables = tables_for(indicators=[{"name": "专家人数", "target_value": predicted_target,
                                     "actual_raw": predicted_actual}])
    assert counts_of(gold, tables, "indicators") == ((1, 0, 0) if correct else (0, 1, 1))


@pytest.mark.parametrize("predicted,expected", [
    # The exact name is paired first even when the fuzzy one comes earlier in the table.
    ([("依法治市水平低", 1), ("依法治市水平高", 12)], (1, 1, 0)),
    ([("依法治市水平高", 12), ("依法治市水平高", 12)], (1, 1, 0)),  # a gold indicator pairs once
    ([("无关指标", 12)], (0, 1, 1)),
])
def test_evaluate_indicator_one_to_one_best_first(predicted, expected):
    gold = {"indicators": [{"name": "依法治市水平高", "target_value": 12, "actual_raw": None}]}
    tables = tables_for(indicators=[{"name": n, "target_value": v} for n, v in predicted])
    assert counts_of(gold, tables, "indicators") == expected


# --- Counts ---------------------------------------------------------------------------------

def _count(value, unit, approx=False, raw=None, evidence=None) -> dict:
    return {"value": value, "unit": unit, "approx": approx, "raw": raw or f"{value}{unit}", "evidence": evidence}


@pytest.mark.parametrize("predicted,expected", [
    ([_count(5, "个"), _count(5, "个"), _count(3, "年")], (3, 0, 0)),
    ([_count(5, "个"), _count(3, "年")], (2, 0, 1)),                 # one of the two 5个 missed
    ([_count(5, "个")] * 3 + [_count(3, "年")], (3, 1, 0)),          # a third 5个 is extra
    ([_count(Decimal("5.0"), "个"), _count(5.0, "个"), _count(3, "年")], (3, 0, 0)),  # numeric value
    ([_count(5, "个", approx=True), _count(5, "个"), _count(3, "年")], (2, 1, 1)),
    ([_count(5, "项"), _count(5, "个"), _count(3, "年")], (2, 1, 1)),
    ([_count(5, "个"), _count(5, "个"), _count(3, "年", approx=None)], (3, 0, 0)),  # null approx: False
])
def test_evaluate_counts_multiset(predicted, expected):
    gold = {"counts": [{"value": 5, "unit": "个", "approx": False}, {"value": 5, "unit": "个", "approx": False},
                       {"value": 3, "unit": "年", "approx": False}]}
    assert counts_of(gold, tables_for(counts=predicted), "counts") == expected


@pytest.mark.parametrize("extra,expected", [
    (_count(2, "级", raw="两级", evidence="市县两级联动"), (1, 0, 0)),       # evidence holds an optional phrase
    (_count(12, "人", raw="12人"), (1, 0, 0)),                               # raw is an optional phrase
    (_count(9, "人", raw="9人", evidence="共9人参加"), (1, 1, 0)),           # not optional: penalised
    # A prediction that matches a gold count scores even when its sentence holds an optional phrase.
    (None, (1, 0, 0)),
    # Two predictions of the one gold count: the plain one takes it, the optional one costs nothing.
    ("twice", (1, 0, 0)),
])
def test_evaluate_counts_optional_are_neither_rewarded_nor_penalised(extra, expected):
    gold = {"counts": [{"value": 5, "unit": "个", "approx": False}], "counts_optional": ["市县两级", "12人"]}
    if extra is None:
        predicted = [_count(5, "个", raw="5个", evidence="市县两级设立5个协调小组")]
    elif extra == "twice":
        predicted = [_count(5, "个", raw="5个", evidence="市县两级设立5个协调小组"),
                     _count(5, "个", raw="5个", evidence="设立5个协调小组")]
    else:
        predicted = [_count(5, "个", raw="5个", evidence="设立5个协调小组"), extra]
    assert counts_of(gold, tables_for(counts=predicted), "counts") == expected


# --- Problems and suggestions ---------------------------------------------------------------

FILLER = "虽然我市依法治市工作取得了一定成绩但是也要清醒看到存在的不足和短板"  # 33 characters
GOLD_PROBLEM = "涉外法律服务发展滞后"  # 10 characters


@pytest.mark.parametrize("predicted,matched", [
    ("涉外法律服务发展滞后，人才缺乏", True),
    ("一是涉外法律服务发展滞后", True),
    ("十一是涉外法律服务发展滞后", True),
    ("1、涉外法律服务发展滞后", True),
    ("1. 涉外法律服务发展滞后", True),
    ("（1）涉外法律服务发展滞后", True),
    ("(1) 涉外法律服务发展滞后", True),
    ("①涉外法律服务发展滞后", True),
    ("（三）涉外法律服务 发展 滞后", True),
    ("2、三是涉外法律服务发展滞后", True),
    (FILLER[:30] + GOLD_PROBLEM, True),     # ends at character 40: inside the window
    (FILLER[:31] + GOLD_PROBLEM, False),    # ends at character 41: beyond it
    (FILLER + GOLD_PROBLEM, False),
    ("法律服务发展滞后", False),
])
def test_evaluate_problem_prefix_and_forty_character_window(predicted, matched):
    tables = tables_for(problems=[{"ordinal": 1, "text": predicted}])
    assert counts_of({"problems": [GOLD_PROBLEM]}, tables, "problems") == ((1, 0, 0) if matched else (0, 1, 1))


def test_evaluate_long_gold_item_matches_by_prefix_only():
    gold = FILLER + GOLD_PROBLEM  # 44 characters: cannot fit the 40-character window
    tables = tables_for(problems=[{"ordinal": 1, "text": "一是" + gold + "，等等"}])
    assert counts_of({"problems": [gold]}, tables, "problems") == (1, 0, 0)


@pytest.mark.parametrize("gold,predicted,expected", [
    (["持续", "持续"], ["持续深化法治政府建设"], (1, 0, 1)),           # one prediction serves one gold item
    (["持续深化"], ["持续深化法治政府建设", "持续深化法治社会建设"], (1, 1, 0)),
    # The short gold item must not take the only prediction the longer one can use.
    (["持续", "持续深化法治政府建设"], ["持续深化法治政府建设", "持续推动法治领域改革"], (2, 0, 0)),
    (["持续 深化"], ["二是持续深化法治政府建设"], (1, 0, 0)),          # spaces removed from gold too
])
def test_evaluate_suggestions_one_to_one(gold, predicted, expected):
    tables = tables_for(suggestions=[{"ordinal": n, "text": t} for n, t in enumerate(predicted)])
    assert counts_of({"suggestions": gold}, tables, "suggestions") == expected


# --- text_contains --------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("收入预算15621.11万元，三公经费47.91万元", (2, 0, 0)),
    ("收入预算15621.11万\n元，三公经费47.91万元", (1, 0, 1)),  # a hard wrap the reader did not join
    ("", (0, 0, 2)),
])
def test_evaluate_text_contains(text, expected):
    tables = tables_for(doc_text=[{"text": text}])
    assert counts_of({"text_contains": ["15621.11万元", "47.91万元"]}, tables, "text_contains") == expected


# --- Gold files -----------------------------------------------------------------------------

def test_evaluate_load_gold_skips_readme_and_other_files(tmp_path):
    (tmp_path / "README.md").write_text("# gold", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a.json").write_text(json.dumps({"file": "a.txt", "score": 90}), encoding="utf-8")
    golds = evaluate.load_gold(tmp_path)
    assert [g.file for g in golds] == ["a.txt"]


@pytest.mark.parametrize("content,message", [
    ('{"file": "a.txt", "score": 9', "not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
    ('{"score": 9}', 'no "file" field'),
    ('{"file": "a.txt", "sections_top": "项目概况"}', '"sections_top" must be list'),
    ('{"file": "a.txt", "problems": [1]}', 'every item of "problems"'),
    ('{"file": "a.txt", "score": true}', '"score" must be'),
])
def test_evaluate_malformed_gold_is_one_line_naming_the_file(tmp_path, content, message):
    (tmp_path / "broken.json").write_text(content, encoding="utf-8")
    with pytest.raises(JixiaoError) as raised:
        evaluate.load_gold(tmp_path)
    text = str(raised.value)
    assert "broken.json" in text and message in text and "\n" not in text


@pytest.mark.parametrize("setup,message", [
    ("missing", "no gold folder"),
    ("empty", "no gold files"),
    ("duplicate", "are both the gold for"),
])
def test_evaluate_load_gold_folder_errors(tmp_path, setup, message):
    folder = tmp_path / "gold"
    if setup != "missing":
        folder.mkdir()
    if setup == "duplicate":
        for name in ("a.json", "b.json"):
            (folder / name).write_text('{"file": "r.txt"}', encoding="utf-8")
    with pytest.raises(JixiaoError, match=message):
        evaluate.load_gold(folder)


# --- Output ---------------------------------------------------------------------------------

def test_evaluate_format_scores_and_findings():
    gold = {"score": 96, "counts": [{"value": 350, "unit": "份", "approx": True, "evidence": "350余份"}],
            "problems": ["涉外法律服务发展滞后"]}
    tables = tables_for(documents={"self_score": 90},
                        counts=[_count(Decimal("35.0"), "份", raw="35份", evidence="印发35份材料")])
    scores = run_score(gold, tables)
    table = evaluate.format_scores(scores)
    header, *rows = table.splitlines()
    assert header.split() == ["family", "P", "R", "F1", "tp", "fp", "fn"]
    assert any(r.split()[0] == "micro" and r.split()[-3:] == ["0", "2", "3"] for r in rows)
    assert any(r.split()[0] == "sections" and r.split()[1:4] == ["-", "-", "-"] for r in rows)

    findings = evaluate.format_findings(scores)
    assert "350余份" in findings            # the gold evidence of the miss
    assert "印发35份材料" in findings         # the predicted evidence of the false positive
    assert "predicted=90" in findings and "Decimal(" not in findings
    assert "涉外法律服务发展滞后" in findings
    assert {f.kind for f in scores.findings} == {"miss", "false_positive", "wrong"}


def test_evaluate_perfect_findings_text():
    scores = run_score({"score": 96}, tables_for(documents={"self_score": 96}))
    assert evaluate.format_findings(scores) == "no misses or false positives"
