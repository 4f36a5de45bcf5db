"""Review checks on 其中 parts: the sources of a 自评表's 年度资金总额, and the lists budget
disclosures write after a total."""
from __future__ import annotations

import pytest

from tests.build_checks import CLEAN, fired
from tests.build_indicators import build
from tests.test_checks_budget import FUND_HEADER, FUND_TOTAL

ALLOCATED = ["其中：当年财政拨款", "100", "100", "98.73", "—", "—", "—"]
CARRIED = ["上年结转资金", "0", "0", "0", "—", "—", "—"]
OTHER = ["其他资金", "0", "0", "0", "—", "—", "—"]


def _form(*rows: list[str]):
    return build(*CLEAN.split("\n"), "附件：项目支出绩效自评表", [FUND_HEADER, FUND_TOTAL, *rows])


def _changed(row: list[str], column: int, value: str) -> list[str]:
    return [value if i == column else cell for i, cell in enumerate(row)]


def test_checks_fund_sources_that_add_up_are_quiet():
    assert fired(_form(ALLOCATED, CARRIED, OTHER)) == []


def test_checks_fund_sources_over_their_total_fire():
    doc = _form(_changed(ALLOCATED, 3, "99.73"), CARRIED, OTHER)
    assert fired(doc) == [("parts_exceed_total", "987300")]


def test_checks_fund_sources_short_of_their_total_fire_when_the_list_is_complete():
    doc = _form(_changed(ALLOCATED, 1, "90"), CARRIED, OTHER)
    assert fired(doc) == [("parts_short_of_total", "1000000")]


def test_checks_one_share_short_of_its_total_is_no_finding():
    assert fired(_form(_changed(ALLOCATED, 1, "90"))) == []


DISCLOSURE = """上海市普陀区某街道办事处2025年部门预算
一、收支预算总体情况
2025年，上海市普陀区某街道办事处收入预算18,976.76万元，其中：财政拨款收入{allocated}万元，比2024年预算增加3,355.65万元；事业收入0.00万元；事业单位经营收入0.00万元；其他收入0.00万元。
二、政府采购预算情况
2025年本部门政府采购预算4821.20万元，其中：政府采购货物预算57.43万元、政府采购工程预算3780.72万元、政府采购服务预算983.05万元。
三、“三公”经费预算情况
2025年“三公”经费预算数为37.91万元，比2024年预算减少10万元。其中：公务用车购置费15万元。
2025年本部门面向中小企业预留政府采购项目预算金额1928.48万元，其中，预留给小型和微型企业的政府采购项目预算为1349.94万元。"""


@pytest.mark.parametrize("allocated, found", [
    ("18,976.76", []),
    ("18,967.76", [("parts_short_of_total", "189767600")]),  # 其他收入 is listed: the list is complete
    ("18,986.76", [("parts_exceed_total", "189767600")]),
])
def test_checks_budget_disclosure_lists(allocated, found):
    assert fired(DISCLOSURE.format(allocated=allocated)) == found


INVESTMENT = "2022年年初预算安排法律援助经费100万元。"


@pytest.mark.parametrize("sentence, found", [
    ("项目总投资3,560万元，其中财政资金2,800万元，自筹760万元；截至12月31日已支付2,646万元。", []),
    ("项目总投资3,560万元，其中财政资金2,900万元，自筹760万元；截至12月31日已支付2,646万元。",
     [("parts_exceed_total", "35600000")]),
    # the list ends at a figure of another kind: what it left out may be a part
    ("项目资金100万元，其中市级资金60万元，其他资金30万元，已支付结余10万元。", []),
])
def test_checks_prose_parts_end_at_a_figure_of_another_kind(sentence, found):
    text = CLEAN.replace(INVESTMENT, sentence)
    assert [f for f in fired(text) if f[0].startswith("parts_")] == found
