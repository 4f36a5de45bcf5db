"""The list families: sections, indicators, counts, problems and suggestions, text_contains."""
from __future__ import annotations

from decimal import Decimal

import pytest
from rapidfuzz import fuzz

from tests.build_predictions import count_row, counts_of, tables_for


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

@pytest.mark.parametrize("predicted,expected", [
    ([count_row(5, "个"), count_row(5, "个"), count_row(3, "年")], (3, 0, 0)),
    ([count_row(5, "个"), count_row(3, "年")], (2, 0, 1)),                 # one of the two 5个 missed
    ([count_row(5, "个")] * 3 + [count_row(3, "年")], (3, 1, 0)),          # a third 5个 is extra
    ([count_row(Decimal("5.0"), "个"), count_row(5.0, "个"), count_row(3, "年")], (3, 0, 0)),  # numeric value
    ([count_row(5, "个", approx=True), count_row(5, "个"), count_row(3, "年")], (2, 1, 1)),
    ([count_row(5, "项"), count_row(5, "个"), count_row(3, "年")], (2, 1, 1)),
    ([count_row(5, "个"), count_row(5, "个"), count_row(3, "年", approx=None)], (3, 0, 0)),  # null approx: False
])
def test_evaluate_counts_multiset(predicted, expected):
    gold = {"counts": [{"value": 5, "unit": "个", "approx": False}, {"value": 5, "unit": "个", "approx": False},
                       {"value": 3, "unit": "年", "approx": False}]}
    assert counts_of(gold, tables_for(counts=predicted), "counts") == expected


@pytest.mark.parametrize("extra,expected", [
    (count_row(2, "级", raw="两级", evidence="市县两级联动"), (1, 0, 0)),       # evidence holds an optional phrase
    (count_row(12, "人", raw="12人"), (1, 0, 0)),                               # raw is an optional phrase
    (count_row(9, "人", raw="9人", evidence="共9人参加"), (1, 1, 0)),           # not optional: penalised
    # A prediction that matches a gold count scores even when its sentence holds an optional phrase.
    (None, (1, 0, 0)),
    # Two predictions of the one gold count: the plain one takes it, the optional one costs nothing.
    ("twice", (1, 0, 0)),
])
def test_evaluate_counts_optional_are_neither_rewarded_nor_penalised(extra, expected):
    gold = {"counts": [{"value": 5, "unit": "个", "approx": False}], "counts_optional": ["市县两级", "12人"]}
    if extra is None:
        predicted = [count_row(5, "个", raw="5个", evidence="市县两级设立5个协调小组")]
    elif extra == "twice":
        predicted = [count_row(5, "个", raw="5个", evidence="市县两级设立5个协调小组"),
                     count_row(5, "个", raw="5个", evidence="设立5个协调小组")]
    else:
        predicted = [count_row(5, "个", raw="5个", evidence="设立5个协调小组"), extra]
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
