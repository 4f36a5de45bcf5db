"""First-pass facts of the seed report, end to end through the runner."""
from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline import run as runner
from tests.build_docx import build_seed_docx
from tests.conftest import SEED


@pytest.fixture(scope="module", params=["txt", "docx"])
def rows(request, tmp_path_factory):
    path = SEED if request.param == "txt" else build_seed_docx(tmp_path_factory.mktemp("w") / "seed.docx")
    (result,) = runner.process_file(path)
    return result.rows


def test_extract_seed_document_facts(rows):
    (doc,) = rows["documents"]
    assert doc["status"] == "ok"
    assert (doc["department"], doc["region"], doc["year"]) == ("江门市司法局", "江门市", 2021)
    assert doc["report_kind"] == "项目支出绩效自评报告"
    assert doc["budget_yuan"] == Decimal("698000") and doc["actual_yuan"] == Decimal("522400")
    assert doc["execution_rate_stated_pct"] is None
    assert doc["execution_rate_pct"] == Decimal("74.84")
    assert doc["self_score"] == 96


def test_extract_seed_budget_roles(rows):
    roles = {(r["role"], r["amount_yuan"]) for r in rows["budgets"]}
    assert roles == {("budget", Decimal("698000")), ("actual", Decimal("522400"))}


def test_extract_seed_indicators(rows):
    got = [(r["name"], r["target_raw"], r["target_value"], r["target_unit"]) for r in rows["indicators"]]
    assert got == [
        ("依法治市咨询专家库专家人数", "12人", Decimal(12), "人"),
        ("法治江门建设考评", "7个市（区）", Decimal(7), "个"),
        ("法治江门建设考评覆盖率", "100%", Decimal(100), "%"),
        ("法治广东建设考评", "保持上年度考评等次", None, None),
        ("依法治市水平", "有提高", None, None),
    ]


@pytest.mark.parametrize(
    "raw,value,unit,approx",
    [("350余份", 350, "份", True), ("15人次", 15, "人次", False), ("两个", 2, "个", False),
     ("68项", 68, "项", False), ("四阶段", 4, "阶段", False)],
)
def test_extract_seed_counts(rows, raw, value, unit, approx):
    matches = [r for r in rows["counts"] if r["raw"] == raw]
    assert matches, f"{raw} not counted"
    assert (matches[0]["value"], matches[0]["unit"], matches[0]["approx"]) == (value, unit, approx)


def test_extract_seed_counts_skip_indicator_lines(rows):
    assert not [r for r in rows["counts"] if r["raw"] in ("12人", "7个")]


def test_extract_seed_problems_and_suggestions(rows):
    problems = [r["text"] for r in rows["problems"]]
    assert [p[:8] for p in problems] == ["学习贯彻习近平法", "围绕中心服务大局", "涉外法律服务发展", "县（市、区）党委"]
    assert not problems[-1].endswith("整改落实。"), "the closing summary sentence is not part of item 4"
    suggestions = [r["text"] for r in rows["suggestions"]]
    assert [s[:6] for s in suggestions] == ["持续深入学习", "持续加强法治", "持续推进重点", "持续深化法治",
                                          "持续推动法治", "持续抓好法治"]
