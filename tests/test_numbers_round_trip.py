"""Writing numbers as reports do and reading them back: money in 元/万元/亿元, in digits,
Chinese numerals and financial capitals, and counted quantities (hypothesis round trips)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from pipeline.core.money import find_money, format_money, parse_money
from pipeline.core.numerals import to_chinese_numeral
from pipeline.core.quantities import find_quantities
from tests.test_numbers import assert_offsets

D = Decimal


# --- formatting and round trips --------------------------------------------------------
@pytest.mark.parametrize("amount, unit, style, text", [
    ("698000", "万元", "digits", "69.8万元"),
    ("522400.00", "万元", "digits", "52.24万元"),
    ("1234.56", "元", "digits", "1234.56元"),
    ("120000000", "亿元", "digits", "1.2亿元"),
    ("2074538", "万元", "digits", "207.4538万元"),
    ("698000", "万元", "chinese", "六十九点八万元"),
    ("500000", "万元", "capitals", "伍拾万元整"),
    ("3000", "元", "capitals", "叁仟元整"),
    ("100.56", "元", "capitals", "壹佰元伍角陆分"),
    ("100.05", "元", "capitals", "壹佰元零伍分"),
])
def test_numbers_format_money(amount, unit, style, text):
    assert format_money(D(amount), unit, style) == text
    assert parse_money(text) == D(amount)


@pytest.mark.parametrize("amount, unit, style", [
    ("1", "美元", "digits"), ("1", "元", "roman"), ("12345", "万元", "capitals"), ("1.234", "元", "capitals"),
])
def test_numbers_format_money_rejects(amount, unit, style):
    with pytest.raises(ValueError):
        format_money(D(amount), unit, style)


yuan_amounts = st.decimals(min_value=0, max_value=D(10**12) - D("0.01"), places=2,
                           allow_nan=False, allow_infinity=False)
whole_yuan = st.integers(min_value=0, max_value=10**12 - 1)
CONTEXTS = [
    "年初预算安排{}，", "全年实际支出{}。", "经审核下达专项资金{}用于项目建设。",
    "其中财政拨款{}；", "结转结余{}\n",
]


@settings(max_examples=400)
@given(yuan_amounts, st.sampled_from(["元", "万元", "亿元", "千元", "百万元"]),
       st.sampled_from(["digits", "chinese"]), st.sampled_from(CONTEXTS))
@example(D("698000"), "万元", "digits", "年初预算安排{}，")
@example(D("698000"), "万元", "chinese", "年初预算安排{}，")
@example(D("0.01"), "亿元", "digits", "{}")
@example(D("618980000"), "万元", "chinese", "{}")  # 六万一千八百九十八万元
def test_numbers_money_round_trip(amount, unit, style, context):
    assume(amount > 0 or style == "digits")  # nobody writes 零万元
    written = format_money(amount, unit, style)
    assert parse_money(written) == amount
    text = context.format(written)
    found = find_money(text)
    assert_offsets(text, found)
    assert [(m.raw, m.amount_yuan) for m in found] == [(written, amount)]


@settings(max_examples=200)
@given(whole_yuan, st.sampled_from(CONTEXTS))
def test_numbers_money_chinese_numeral_round_trip(amount, context):
    written = to_chinese_numeral(amount) + "元"
    text = context.format(written)
    found = find_money(text)
    assert_offsets(text, found)
    assert [(m.raw, m.amount_yuan) for m in found] == [(written, D(amount))]


@settings(max_examples=200)
@given(whole_yuan, st.integers(min_value=0, max_value=99), st.sampled_from(CONTEXTS))
def test_numbers_money_financial_capitals_round_trip(whole, cents, context):
    amount = D(whole) + D(cents) / 100
    written = format_money(amount, "元", "capitals")
    assert written.endswith("整") == (cents == 0)
    text = context.format("人民币" + written)
    found = find_money(text)
    assert_offsets(text, found)
    assert [m.amount_yuan for m in found] == [amount]


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=10**8),
       st.sampled_from(["个", "项", "人次", "份", "户", "家", "场", "件"]),
       st.booleans())
def test_numbers_quantity_round_trip(n, unit, chinese):
    written = (to_chinese_numeral(n) if chinese else str(n)) + unit
    text = f"全年共完成{written}，较上年有所增加。"
    found = find_quantities(text)
    assert_offsets(text, found)
    assert [(q.raw, q.value, q.unit, q.approx) for q in found] == [(written, D(n), unit, False)]
