"""pipeline.core numbers, money, quantities: exact numbers, money in yuan, counted quantities, percentages.

Sentences are written in the styles of different regions' reports; every match is checked
for the offset invariant text[start:end] == raw.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.core import money, numbers, quantities
from pipeline.core import numerals as chinese_numerals
from pipeline.core.money import find_money, parse_money, unit_from_caption
from pipeline.core.numerals import NumeralError, parse_chinese_number, to_chinese_numeral, to_financial_capitals

D = Decimal


def assert_offsets(text, matches):
    for m in matches:
        assert text[m.start:m.end] == m.raw, m


# --- Chinese numerals ------------------------------------------------------------------
@pytest.mark.parametrize("s, expected", [
    ("零", 0), ("〇", 0), ("十", 10), ("十二", 12), ("二十", 20), ("一十二", 12),
    ("一百零一", 101), ("一百一十", 110), ("一千零一十", 1010), ("两千三百万", 23000000),
    ("一万零五百", 10500), ("十万零一十", 100010), ("三亿五千万", 350000000),
    ("一亿零一万", 100010000), ("一万亿", 10**12), ("两百", 200), ("幺", 1),
    ("六万一千八百九十八万", 618980000), ("二亿四千七百八十九万一千零六十三万", 2478910630000),
    ("六万九千七百四十四点四八五五万", D("697444855")),
    ("六十九点八", D("69.8")), ("零点五", D("0.5")), ("六十九点八万", 698000),
    ("壹拾贰", 12), ("伍拾万", 500000), ("叁仟", 3000), ("贰佰零伍", 205), ("陆萬", 60000),
    ("壹億", 10**8), ("玖佰玖拾玖", 999),
    ("3.5万", 35000), ("1.2亿", 120000000), ("13万", 130000), ("0.5万", 5000),
    ("12", 12), ("1,234.5", D("1234.5")), ("１，２３４．５", D("1234.5")), ("１２", 12),
    ("二〇二一", 2021), ("一九九八", 1998),
    ("一万五", 15000), ("三百五", 350),  # spoken shorthand: the digit takes the next unit down
    ("负十二", -12), ("-3.5", D("-3.5")),
])
def test_numbers_parse_chinese_number(s, expected):
    assert parse_chinese_number(s) == D(expected)


@pytest.mark.parametrize("s", ["", "十三五", "万亿万", "点五", "十百", "五一二十", "万元", "1.2.3", "三 五"])
def test_numbers_parse_chinese_number_rejects(s):
    with pytest.raises(NumeralError):
        parse_chinese_number(s)


def test_numbers_numeral_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_chinese_number("十三五")


@pytest.mark.parametrize("n, chinese, capitals", [
    (0, "零", "零"), (10, "十", "壹拾"), (12, "十二", "壹拾贰"), (101, "一百零一", "壹佰零壹"),
    (110, "一百一十", "壹佰壹拾"), (10500, "一万零五百", "壹万零伍佰"), (500000, "五十万", "伍拾万"),
    (23000000, "二千三百万", "贰仟叁佰万"), (100010000, "一亿零一万", "壹亿零壹万"),
    (10**12, "一万亿", "壹万亿"),
])
def test_numbers_write_numerals(n, chinese, capitals):
    assert to_chinese_numeral(n) == chinese
    assert to_financial_capitals(n) == capitals


def test_numbers_write_decimal_numeral():
    assert to_chinese_numeral(D("69.8")) == "六十九点八"


@settings(max_examples=400)
@given(st.integers(min_value=0, max_value=10**12))
@example(10**12)
@example(100000001)
@example(10010)
def test_numbers_numeral_round_trip(n):
    assert parse_chinese_number(to_chinese_numeral(n)) == n
    assert parse_chinese_number(to_financial_capitals(n)) == n


# --- money ---------------------------------------------------------------------------
MONEY_SENTENCES = [
    ("2021年度部门预算安排财政资金69.8万元。", [("69.8万元", "698000", "万元", False)]),
    ("全年度实际支出52.24万元，预算执行率74.84%。", [("52.24万元", "522400", "万元", False)]),
    ("本部门2025年收入预算18,976.76万元，比上年增加3355.65万元。",
     [("18,976.76万元", "189767600", "万元", False), ("3355.65万元", "33556500", "万元", False)]),
    ("其中：财政拨款收入465.49万\n元，主要用于街道社区事务。", [("465.49万\n元", "4654900", "万元", False)]),
    ("三公经费预算数为47.91 万元。", [("47.91 万元", "479100", "万元", False)]),
    ("该项目于2020年12月下达人民币五十万元整，专项用于普法宣传。", [("人民币五十万元整", "500000", "万元", False)]),
    ("经区财政局审核，核定补助资金伍拾万元整。", [("伍拾万元整", "500000", "万元", False)]),
    ("省级下达专项资金六十九点八万元，已全部拨付到位。", [("六十九点八万元", "698000", "万元", False)]),
    ("支付劳务费叁仟元整。", [("叁仟元整", "3000", "元", False)]),
    ("退回结余资金壹佰元伍角陆分。", [("壹佰元伍角陆分", "100.56", "元", False)]),
    ("单项支出合计1，234.5元。", [("1，234.5元", "1234.5", "元", False)]),
    ("绩效目标资金２０７.４５３８万元（含上年结转）。", [("２０７.４５３８万元", "2074538", "万元", False)]),
    ("全市共投入乡村振兴资金1.2亿元。", [("1.2亿元", "120000000", "亿元", False)]),
    ("县财政统筹安排3.5亿元用于水利设施建设。", [("3.5亿元", "350000000", "亿元", False)]),
    ("年度预算控制数为2,350千元。", [("2,350千元", "2350000", "千元", False)]),
    ("计划总投资5百万元。", [("5百万元", "5000000", "百万元", False)]),
    ("收支相抵后结余为-3480.83万元。", [("-3480.83万元", "-34808300", "万元", False)]),
    ("支出较上年减少3480.83万元，主要原因是项目完工。", [("3480.83万元", "34808300", "万元", False)]),
    ("合同金额￥1,200.00元，已于8月支付。", [("￥1,200.00元", "1200", "元", False)]),
    ("每户补助¥ 300元。", [("¥ 300元", "300", "元", False)]),
    ("带动社会投资约50万元。", [("约50万元", "500000", "万元", True)]),
    ("累计撬动金融资金1000多万元。", [("1000多万元", "10000000", "万元", True)]),
    ("发放贷款贴息50余万元。", [("50余万元", "500000", "万元", True)]),
    ("节约采购资金近百万元。", [("近百万元", "1000000", "万元", True)]),
    ("培训经费3万元左右。", [("3万元左右", "30000", "万元", True)]),
    ("调整后预算10万元，实际支出9.8万元，结余0.2万元。",
     [("10万元", "100000", "万元", False), ("9.8万元", "98000", "万元", False),
      ("0.2万元", "2000", "万元", False)]),
]


@pytest.mark.parametrize("text, expected", MONEY_SENTENCES)
def test_numbers_find_money(text, expected):
    found = find_money(text)
    assert_offsets(text, found)
    assert [(m.raw, m.amount_yuan, m.unit, m.approx) for m in found] == [
        (raw, D(amount), unit, approx) for raw, amount, unit, approx in expected
    ]


@pytest.mark.parametrize("text", [
    "2021年，我市坚持以习近平新时代中国特色社会主义思想为指导。",
    "11月，江门市牛江镇获评广东省法治政府建设示范项目。",
    "预算执行率为95.5%，满意度达到100%。",
    "联系电话：0750-3271234，联系人：李科长。",
    "根据《关于印发考评办法的通知》（江司〔2021〕5号）执行。",
    "全年接待群众13万人次。",
    "共培训13万人，覆盖全市。",
    "单位：万元",
    "金额单位：元",
    "投入数十万元开展宣传。",  # 数十万 is vague, not an amount
    "推动多元化解纠纷，建设三元里街道调解室。",
    "第5万元以上的部分按规定报批。",
])
def test_numbers_find_money_ignores(text):
    assert find_money(text) == []


@pytest.mark.parametrize("raw, default_unit, expected", [
    ("69.8万元", None, "698000"),
    ("  69.8万元 ", None, "698000"),
    ("人民币五十万元整", None, "500000"),
    ("465.49万\n元", None, "4654900"),
    ("207.4538万元", None, "2074538"),
    ("-3480.83万元", None, "-34808300"),
    ("三十九万零六百二十五千元", None, "390625000"),
    ("1,234.50", "万元", "12345000"),
    ("443.18", "万元", "4431800"),
    ("15621.11", "万元", "156211100"),
    ("５６３４．８１", "万元", "56348100"),
    ("1234567.89", "元", "1234567.89"),
    ("-12.5", "万元", "-125000"),
    ("12.5元", "万元", "12.5"),  # a unit written in the cell wins over the header's
    ("0.35", "亿元", "35000000"),
])
def test_numbers_parse_money(raw, default_unit, expected):
    assert parse_money(raw, default_unit) == D(expected)


@pytest.mark.parametrize("raw, default_unit", [
    ("69.80", None), ("-", "万元"), ("", "万元"), ("13万人次", None), ("2021年", "万元"),
    ("95%", "万元"), ("0750-3271234", "元"), ("0750", "元"), ("保持上年度水平", "万元"),
    ("万元", None),
])
def test_numbers_parse_money_none(raw, default_unit):
    assert parse_money(raw, default_unit) is None


@pytest.mark.parametrize("raw, expected", [
    ("207.4538万元", D("2074538.00")),
    ("0.12345万元", D("1234.5")),
    ("0.1234567万元", D("1234.567")),   # more than cents: keep every digit the text gave
    ("12.345元", D("12.345")),
])
def test_numbers_money_never_rounds_away_information(raw, expected):
    assert parse_money(raw) == expected


def test_numbers_money_is_quantized_to_cents_when_exact():
    assert str(parse_money("69.8万元")) == "698000.00"
    assert str(parse_money("0.1234567万元")) == "1234.567"


def test_numbers_parse_money_unknown_unit():
    with pytest.raises(ValueError, match="unknown money unit"):
        parse_money("12", default_unit="美元")


@pytest.mark.parametrize("text, unit, expected", [
    ("预算数\t69.80\t52.24\t-", "万元", [("69.80", "698000"), ("52.24", "522400")]),
    ("基本支出 443.18 443.18 0.00", "万元", [("443.18", "4431800"), ("443.18", "4431800"), ("0.00", "0")]),
    ("合计\t1,234,567.00\t12.5万元", "元", [("1,234,567.00", "1234567"), ("12.5万元", "125000")]),
    ("电话 0750-3271234", "元", []),
    ("2021年预算", "万元", []),
    ("执行率 95%", "万元", []),
])
def test_numbers_find_money_default_unit(text, unit, expected):
    found = find_money(text, default_unit=unit)
    assert_offsets(text, found)
    assert [(m.raw, m.amount_yuan) for m in found] == [(raw, D(a)) for raw, a in expected]


@pytest.mark.parametrize("caption, unit", [
    ("表1 2025年部门收支总表（单位：万元）", "万元"),
    ("金额单位：元", "元"),
    ("单位:万元", "万元"),
    ("编制单位：万里街道办事处          单位：元", "元"),
    ("项目支出预算表(万元)", "万元"),
    ("预算数（万元）", "万元"),
    ("单位：人民币亿元", "亿元"),
    ("单位： 千元", "千元"),
    ("附表：项目支出绩效自评表", None),
    ("编制单位：江门市司法局", None),
])
def test_numbers_unit_from_caption(caption, unit):
    assert unit_from_caption(caption) == unit


@pytest.mark.parametrize("module", [numbers, money, quantities, chinese_numerals])
def test_numbers_module_never_uses_float(module):
    source = Path(module.__file__).read_text(encoding="utf-8")
    assert not re.search(r"\bfloat\s*\(", source)
