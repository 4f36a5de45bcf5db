"""Cross-year alignment (pipeline.align): each rule pinned on small tables built by hand —
departments, projects, indicators, recurring problems, aliases."""
from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.align.compare import align, compare_table
from pipeline.align.keys import department_key
from pipeline.core.errors import JixiaoError


def _doc(doc_id, year, project=None, department="江门市司法局", region="江门市", budget=None,
         actual=None, rate=None, score=None, status="ok"):
    return {"doc_id": doc_id, "source_path": f"{doc_id}.txt", "status": status, "year": year,
            "department": department, "region": region, "project": project,
            "budget_yuan": None if budget is None else Decimal(budget),
            "actual_yuan": None if actual is None else Decimal(actual),
            "execution_rate_pct": rate, "self_score": score}


def _tables(docs, indicators=(), problems=()):
    return {"documents": list(docs), "indicators": list(indicators), "problems": list(problems)}


def _by_doc(rows, column):
    return {row["doc_id"]: row[column] for row in rows}


# ---------------------------------------------------------------- departments

@pytest.mark.parametrize("name, region, key, method", [
    ("江门市司法局", "江门市", "江门市司法局", "exact"),
    ("市司法局", "江门市", "江门市司法局", "region"),
    ("江门司法局", "江门市", "江门市司法局", "region"),
    ("司法局", "江门市", "江门市司法局", "region"),
    ("县水利局", "长兴县", "长兴县水利局", "region"),
    ("江门 市司法局", "江门市", "江门市司法局", "normalised"),
    ("江门市司法局（本级）", "江门市", "江门市司法局(本级)", "normalised"),
    ("江门市司法局(本级)", "江门市", "江门市司法局(本级)", "exact"),
    ("中共江门市委政法委员会", "江门市", "江门市委政法委员会", "normalised"),
    ("江门市委政法委员会", None, "江门市委政法委员会", "exact"),
    ("市场监督管理局", "江门市", "江门市市场监督管理局", "region"),
    (None, "江门市", None, "missing"),
])
def test_compare_department_spellings_get_one_key(name, region, key, method):
    assert department_key(name, region) == (key, method)


def test_compare_department_spellings_align_into_one_row():
    docs = [_doc("a", 2020, "法律援助经费", department="市司法局", budget="100"),
            _doc("b", 2021, "法律援助经费", department="江门市司法局", budget="200"),
            _doc("c", 2022, "法律援助经费", department="江门市 司法局", budget="300")]
    keys = align(_tables(docs))["department_keys"]
    assert {r["department_key"] for r in keys} == {"江门市司法局"}
    assert all(r["score"] == 100.0 for r in keys)
    frame = compare_table(_tables(docs), by="department", metric="budget")
    assert len(frame) == 1 and frame.loc[0, "department"] == "江门市司法局"


# ---------------------------------------------------------------- projects

@pytest.mark.parametrize("first, second, same, method", [
    ("2021年全面依法治市工作经费", "全面依法治市经费", True, "exact"),
    ("法律援助专项经费", "法律援助经费", True, "exact"),
    ("2020年度法律援助项目资金", "法律援助经费", True, "exact"),
    ("人民调解“以案定补”经费", "人民调解工作经费", True, "fuzzy"),
    ("法律援助经费", "人民调解工作经费", False, "exact"),
])
def test_compare_project_renamings_across_years(first, second, same, method):
    keys = align(_tables([_doc("a", 2020, first), _doc("b", 2021, second)]))["project_keys"]
    project_key = _by_doc(keys, "project_key")
    assert (project_key["a"] == project_key["b"]) is same
    if same:
        assert _by_doc(keys, "method")["a"] == method
        assert _by_doc(keys, "score")["a"] >= 85


def test_compare_projects_of_one_year_are_never_merged():
    docs = [_doc("a", 2020, "农村饮水安全工程"), _doc("b", 2020, "农村饮水安全工程维修养护资金")]
    keys = _by_doc(align(_tables(docs))["project_keys"], "project_key")
    assert keys["a"] != keys["b"]


def test_compare_projects_are_aligned_within_a_department_only():
    docs = [_doc("a", 2020, "法律援助经费"), _doc("b", 2021, "法律援助经费", department="鹤山市司法局",
                                                     region="鹤山市")]
    rows = align(_tables(docs))["project_keys"]
    assert {(r["department_key"], r["project_key"]) for r in rows} == {
        ("江门市司法局", "法律援助经费"), ("鹤山市司法局", "法律援助经费")}


@pytest.mark.parametrize("aliases, expect_same", [
    # pin: two names no similarity would link
    ("kind,name,key\nproject,城乡环境整治资金,人居环境\nproject,人居环境提升经费,人居环境\n", True),
    # split: two names that normalise alike
    ("kind,name,key\nproject,法律援助专项经费,法律援助专项\nproject,法律援助经费,法律援助\n", False),
])
def test_compare_aliases_pin_and_split_projects(tmp_path, aliases, expect_same):
    path = tmp_path / "aliases.csv"
    path.write_text(aliases, encoding="utf-8-sig")
    names = [line.split(",")[1] for line in aliases.splitlines()[1:]]
    docs = [_doc("a", 2020, names[0]), _doc("b", 2021, names[1]), _doc("c", 2022, names[1])]
    rows = align(_tables(docs), aliases=path)["project_keys"]
    keys, methods = _by_doc(rows, "project_key"), _by_doc(rows, "method")
    assert (keys["a"] == keys["b"]) is expect_same
    assert keys["b"] == keys["c"]
    assert methods["a"] == methods["b"] == "alias"
    assert {keys["a"], keys["b"]} == {line.split(",")[2] for line in aliases.splitlines()[1:]}


def test_compare_alias_pins_a_department(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("kind,name,key\ndepartment,司法所,江门市司法局\n", encoding="utf-8")
    docs = [_doc("a", 2020, "法律援助经费", department="司法所", region=None),
            _doc("b", 2021, "法律援助经费")]
    rows = align(_tables(docs), aliases=path)["department_keys"]
    assert _by_doc(rows, "department_key") == {"a": "江门市司法局", "b": "江门市司法局"}
    assert _by_doc(rows, "method")["a"] == "alias"


@pytest.mark.parametrize("content, message", [
    ("name,key\n法律援助经费,法律援助\n", "kind,name,key"),
    ("kind,name,key\nprogram,法律援助经费,法律援助\n", "line 2: kind must be"),
    ("kind,name,key\nproject,,法律援助\n", "line 2: name and key"),
])
def test_compare_bad_aliases_file_says_what_is_wrong(tmp_path, content, message):
    path = tmp_path / "aliases.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(JixiaoError, match=message):
        align(_tables([_doc("a", 2020, "法律援助经费")]), aliases=path)


# ---------------------------------------------------------------- indicators

def _indicator(doc_id, char_start, name, unit, target=None):
    return {"doc_id": doc_id, "char_start": char_start, "name": name, "target_unit": unit,
            "actual_unit": unit, "target_value": target, "actual_value": None}


@pytest.mark.parametrize("first, second, linked", [
    (("农村供水水质达标率", "%"), ("农村供水水质达标率", "%"), True),
    (("法律援助案件办理数量", "件"), ("法律援助案件办理数", "件"), True),
    (("法律援助案件办理数量", "件"), ("法律援助案件办理数量", "人次"), False),  # same name, other unit
    (("农村供水水质达标率", "%"), ("农村供水水质达标数", "%"), False),  # the last character matters
    (("受援人满意度", "％"), ("受援人满意度", "%"), True),  # full-width percent sign
])
def test_compare_indicators_link_on_name_and_unit(first, second, linked):
    docs = [_doc("a", 2020, "法律援助经费"), _doc("b", 2021, "法律援助经费")]
    indicators = [_indicator("a", 10, *first), _indicator("b", 10, *second)]
    rows = align(_tables(docs, indicators))["indicator_keys"]
    keys = _by_doc(rows, "indicator_key")
    assert (keys["a"] == keys["b"]) is linked
    if linked:
        assert all(r["score"] >= 90 for r in rows)


def test_compare_indicator_table_follows_targets_by_year():
    docs = [_doc(f"d{y}", y, "法律援助经费") for y in (2020, 2021, 2022)]
    indicators = [_indicator(f"d{y}", 5, "法律援助案件办理数量", "件", target) for y, target in
                  ((2020, 1000.0), (2021, 1100.0), (2022, 1100.0))]
    frame = compare_table(_tables(docs, indicators), by="indicator", metric="target")
    row = frame.iloc[0]
    assert (row["indicator"], row["unit"]) == ("法律援助案件办理数量", "件")
    assert [row[c] for c in ("2020", "2021", "2022", "Δ2021", "Δ2021%", "Δ2022")] == [
        1000.0, 1100.0, 1100.0, 100.0, 10.0, 0.0]


# ---------------------------------------------------------------- problems

REWORDED = ["项目资金拨付进度滞后，部分资金年底才支付到位",
            "资金支付进度偏慢，年底集中拨付的现象仍然存在",
            "资金拨付不够及时，支付进度滞后于工程进度"]
ONCE = "部分工程档案资料归档不全"


def _problem(doc_id, char_start, text, category=None):
    return {"doc_id": doc_id, "char_start": char_start, "text": text, "category": category}


@pytest.mark.parametrize("years, recurring", [((2019, 2020, 2021), True), ((2019,), False)])
def test_compare_problem_recurrence_across_years_vs_once(years, recurring):
    docs = [_doc(f"d{y}", y, "校舍维修资金") for y in (2019, 2020, 2021)]
    problems = [_problem(f"d{y}", 100, REWORDED[n]) for n, y in enumerate(years)]
    problems += [_problem("d2020", 200, ONCE), _problem("d2021", 200, "宣传工作力度不够，群众知晓率不高")]
    result = align(_tables(docs, problems=problems))
    rows = result["problem_recurrence"]
    if not recurring:
        assert rows == []
        return
    assert len(rows) == 1
    row = rows[0]
    assert (row["years"], row["n_years"], row["first_year"], row["last_year"]) == ("2019,2020,2021", 3, 2019, 2021)
    assert row["doc_ids"] == "d2019,d2020,d2021" and row["example_text"] == REWORDED[2]
    assert row["score"] >= 12 and (row["department_key"], row["project_key"]) == ("江门市司法局", "校舍维修资金")
    once = [k for k in result["problem_keys"] if k["char_start"] == 200]
    assert {k["problem_key"] for k in once}.isdisjoint({row["problem_key"]})


def test_compare_two_items_of_one_report_are_not_a_recurrence():
    docs = [_doc("d2019", 2019, "校舍维修资金")]
    problems = [_problem("d2019", 10, REWORDED[0]), _problem("d2019", 90, REWORDED[1])]
    assert align(_tables(docs, problems=problems))["problem_recurrence"] == []


# ---------------------------------------------------------------- without a department, with aliases

def test_compare_without_a_department_links_equal_names_only():
    docs = [_doc("a", 2020, "人民调解“以案定补”经费", department=None, region=None),
            _doc("b", 2021, "人民调解工作经费", department=None, region=None),
            _doc("c", 2022, "人民调解工作经费", department=None, region=None)]
    problems = [_problem(f"{d}", 10, REWORDED[n]) for n, d in enumerate("abc")]
    result = align(_tables(docs, problems=problems))
    keys = _by_doc(result["project_keys"], "project_key")
    assert keys["a"] != keys["b"] == keys["c"]
    assert result["problem_recurrence"] == []


def test_compare_alias_applies_to_spellings_that_normalise_alike(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("kind,name,key\nproject,城乡环境整治资金,人居环境\nproject,人居环境提升经费,人居环境\n",
                    encoding="utf-8")
    docs = [_doc("a", 2019, "城乡环境整治资金"), _doc("b", 2020, "人居环境提升经费"),
            _doc("c", 2021, "2021年城乡环境整治专项资金")]  # not in the file; normalises like a pinned name
    rows = align(_tables(docs), aliases=path)["project_keys"]
    assert set(_by_doc(rows, "project_key").values()) == {"人居环境"}
    assert set(_by_doc(rows, "method").values()) == {"alias"}
