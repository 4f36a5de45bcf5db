"""Budgets as real reports write them (issue 10): exact totals beside rounded prose, income in
部门整体 reports, spending of multi-year projects, cue words that overlap, traditional text."""
from __future__ import annotations

from decimal import Decimal

import pytest

from extractors import budgets
from extractors.context import Context
from extractors.records import BudgetRecord, DocFacts
from pipeline.core.document import Document

W = Decimal(10000)


def _facts(text: str, kind: str | None = None, year: int | None = None) -> tuple[list[BudgetRecord], DocFacts]:
    doc = Document(doc_id="t", source_path="t.txt", format="txt", text=text)
    out = budgets.extract(doc, Context(facts=DocFacts(year=year, report_kind=kind)))
    records = [r for r in out if isinstance(r, BudgetRecord)]
    for record in records:
        assert doc.text[record.span.char_start:record.span.char_end] == record.raw
    (facts,) = [r for r in out if isinstance(r, DocFacts)]
    return records, facts


DISCLOSURE = "部门预算"


@pytest.mark.parametrize("text,budget", [
    # The table's total agrees with the prose's whole 万元: the yuan figure is the budget.
    ("2025年收入预算17,192万元，其中：财政拨款收入17,192万元。\n单位：元\n收入总计\t171,915,169\t支出总计\t171,915,169\n",
     Decimal("171915169")),
    ("2023年，收入预算3,843万元。\n收入总计 38,425,980.00 支出总计 38,425,980.00\n", Decimal("38425980")),
    # A total in 万元 to two decimals is more precise than whole 万元 too.
    ("收入预算3,843万元。\n收支总计（万元） 3842.60\n", Decimal("38426000")),
    # A total that does not round to the prose figure is some other total.
    ("收入预算17,192万元。\n收入总计\t181,915,169\n", 17192 * W),
    # Prose to the hundred yuan (两位小数的万元) is stated, not rounded.
    ("2024年收入预算15621.11万元。\n收入总计\t156,211,123\n", Decimal("156211100")),
])
def test_budgets_exact_total_beats_rounded_prose(text, budget):
    records, facts = _facts(text, DISCLOSURE)
    assert facts.budget_yuan == budget
    if budget != 17192 * W and budget != Decimal("156211100"):
        assert any(r.source == "table" and r.amount_yuan == budget and "总计" in r.label for r in records)


def test_budgets_overlapping_cues_take_the_longer_later_one():
    _, facts = _facts("江苏省政协办公厅本年支出预算合计 10,150.48 万元，其中：一般公共预算 10,070.48 万元。",
                      DISCLOSURE, 2018)
    assert (facts.budget_yuan, facts.actual_yuan) == (Decimal("101504800"), None)
    _, facts = _facts("年初预算85万元，年中调减2.4万元，调整后预算为82.6万元。")
    assert facts.budget_yuan == Decimal("826000")


@pytest.mark.parametrize("kind", [None, "部门整体支出绩效自评报告"])
def test_budgets_income_is_no_budget_outside_a_disclosure(kind):
    _, facts = _facts("全年实际收入1,210.5万元，其中财政拨款收入1,020.3万元，其他收入190.2万元；"
                      "全年实际支出1,186.2万元，其中基本支出712.6万元。", kind)
    assert (facts.budget_yuan, facts.actual_yuan) == (None, Decimal("11862000"))


def test_budgets_income_is_budgeted_in_a_disclosure():
    _, facts = _facts("2023年本年收入合计3,843万元，其中财政拨款收入3,612万元。", DISCLOSURE)
    assert facts.budget_yuan == 3843 * W


def test_budgets_this_years_payment_of_a_multi_year_project():
    records, facts = _facts("项目下达预算资金620万元（该项目为两年期项目）。截至2022年底累计支付598.6万元，"
                            "其中上年支付323.3万元，当年完成支付275.3万元。", year=2022)
    assert (facts.budget_yuan, facts.actual_yuan) == (620 * W, Decimal("2753000"))
    assert [r.role for r in records if r.amount_yuan == Decimal("5986000")] == ["other"]


def test_budgets_total_of_a_special_fund_and_its_parts():
    _, facts = _facts("2022年专项资金总计46.2万元，其中设备购置经费30万元，人员培训经费16.2万元。全年实际支出44.8万元。")
    assert (facts.budget_yuan, facts.actual_yuan) == (Decimal("462000"), Decimal("448000"))


def test_budgets_traditional_text_with_pinyin_notes():
    _, facts = _facts("本項目年初預算資金1,260萬元。截至2022年12月31日，實際支出1,198.5萬元，預算執行(xíng)率95.12%。",
                      year=2022)
    assert (facts.budget_yuan, facts.actual_yuan) == (1260 * W, Decimal("11985000"))
    assert facts.execution_rate_stated_pct == Decimal("95.12")
