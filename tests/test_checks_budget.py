"""Review checks on a report's money: the stated rate, spending over budget, prose against the 自评表."""
from __future__ import annotations

import pytest

from tests.build_checks import CLEAN, fired
from tests.build_indicators import build

RATE = "全年实际支出98.73万元，预算执行率为98.73%。"


@pytest.mark.parametrize("sentence, found", [
    ("全年实际支出98.73万元，预算执行率为97.73%。", [("rate_mismatch", "97.73")]),
    ("全年实际支出98.73万元，完成预算的89.73%。", [("rate_mismatch", "89.73")]),
    ("全年实际支出98.73万元，预算执行率为97%。", [("rate_mismatch", "97")]),  # neither rounded nor cut off
])
def test_checks_rate_mismatch_fires(sentence, found):
    assert fired(CLEAN.replace(RATE, sentence), "rate_mismatch") == found


@pytest.mark.parametrize("sentence", [
    RATE,
    "全年实际支出98.73万元，预算执行率为98.7%。",  # rounded to the decimals written
    "全年实际支出98.73万元，预算执行率为98%。",  # cut off
    "全年实际支出98.73万元，预算执行率为99%。",  # rounded to a whole percent
    "全年实际支出98.736万元，预算执行率为98.74%。",  # rounded half up
])
def test_checks_rate_mismatch_holds_rounding(sentence):
    assert fired(CLEAN.replace(RATE, sentence), "rate_mismatch") == []


def test_checks_rate_against_the_initial_budget_is_no_mismatch():
    text = CLEAN.replace("2022年年初预算安排法律援助经费100万元。",
                         "2022年年初预算安排法律援助经费100万元，年中追加5万元，调整后预算为105万元。")
    assert fired(text.replace(RATE, "全年实际支出98.73万元，完成年初预算的98.73%。"), "rate_mismatch") == []


OVER = "全年实际支出102.5万元，预算执行率为102.5%。"


def test_checks_overspend_without_a_reason_fires():
    assert fired(CLEAN.replace(RATE, OVER)) == [("overspend_unexplained", "1025000")]


@pytest.mark.parametrize("reason", [
    "超支部分主要用于疫情期间新增案件的办理，由单位自有资金弥补。",
    "超出预算的原因是下半年案件量明显增加。",
    "其中使用上年结转资金2.5万元。",
])
def test_checks_overspend_with_a_reason_is_excused(reason):
    assert fired(CLEAN.replace(RATE, OVER + reason), "overspend_unexplained") == []


def test_checks_overspend_within_rounding_is_no_overspend():
    assert fired(CLEAN.replace(RATE, "全年实际支出100.004万元，预算执行率为100%。")) == []


FUND_HEADER = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
FUND_TOTAL = ["年度资金总额", "100", "100", "98.73", "10", "98.73%", "9.87"]


def _with_form(prose: str):
    return build(*CLEAN.replace("2022年年初预算安排法律援助经费100万元。" + RATE, prose).split("\n"),
                 "附件：项目支出绩效自评表", [FUND_HEADER, FUND_TOTAL])


def test_checks_prose_budget_the_form_does_not_have_fires():
    doc = _with_form("2022年年初预算安排法律援助经费110万元。" + RATE)
    assert fired(doc) == [("budget_text_table", "1100000")]


def test_checks_prose_spend_the_form_does_not_have_fires():
    doc = _with_form("2022年年初预算安排法律援助经费100万元。全年实际支出96.73万元。")
    assert fired(doc) == [("budget_text_table", "967300")]


def test_checks_prose_and_form_that_agree_are_quiet():
    assert fired(_with_form("2022年年初预算安排法律援助经费100万元。" + RATE)) == []
