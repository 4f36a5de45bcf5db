"""Indicator targets and actuals: comparators and units read from a value, and whether it was achieved."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from extractors.indicators.vocab import achieved, lower_is_better, read_value


@pytest.mark.parametrize("raw, unit_column, nature, expected", [
    ("≥500人次", None, None, ("≥", D(500), "人次")),
    ("≧95%", None, None, ("≥", D(95), "%")),
    ("不低于90%", None, None, ("≥", D(90), "%")),
    ("90%以上", None, None, ("≥", D(90), "%")),
    ("5%以下", None, None, ("≤", D(5), "%")),
    ("≦3天", None, None, ("≤", D(3), "天")),
    ("＞85", None, None, (">", D(85), None)),
    ("＜2%", None, None, ("<", D(2), "%")),
    ("达到100%", None, None, ("=", D(100), "%")),
    ("10个工作日以内", None, None, ("≤", D(10), "个工作日")),
    ("95", "%", "≥", ("≥", D(95), "%")),
    ("69.8", "万元", "≤", ("≤", D(698000), "元")),
    ("2", "次/年", None, (None, D(2), "次/年")),
    ("≥1次/季度", None, None, ("≥", D(1), "次/季度")),
    ("有提高", None, None, (None, None, None)),
    ("达到预期", None, None, (None, None, None)),
    ("良好", None, "定性", (None, None, None)),
    # "达到" alone reads "="; a suffix says which way.
    ("达到95%以上", None, None, ("≥", D(95), "%")),
    ("3个工作日内", None, None, ("≤", D(3), "个工作日")),
    ("2小时之内", None, None, ("≤", D(2), "小时")),
    ("半小时内", None, None, (None, None, None)),
    ("100%（区内）", None, None, (None, D(100), "%")),
])
def test_indicators_read_value_ops(raw, unit_column, nature, expected):
    assert read_value(raw, unit_column, nature) == expected


@pytest.mark.parametrize("raw, cost, expected", [
    # A cell that repeats its subject before the comparator, as 申报表 cost targets do.
    ("出具评估报告总成本不超过0.3万元", True, ("≤", D(3000), "元")),
    ("2023年支付成本不超过300万元", True, ("≤", D(3000000), "元")),
    ("饭堂用餐人数93人，办公人数36人", False, (None, None, None)),
    # A cost written in 万 without 元 is in 万元; a count in 万 is not money.
    ("总成本不超过29.27万", True, ("≤", D(292700), "元")),
    ("不超过24.67万一年", True, ("≤", D(246700), "元")),
    ("5.5万人次", True, (None, D(55000), "人次")),
    ("29.27万", False, (None, D(292700), None)),
])
def test_indicators_read_value_cost_targets(raw, cost, expected):
    assert read_value(raw, cost=cost) == expected


@pytest.mark.parametrize("op, target, actual, lower_better, expected", [
    ("≥", "90", "94", False, True), ("≥", "90", "89", False, False),
    (">", "90", "90", False, False), ("≤", "1", "0.5", False, True), ("≤", "1", "1.2", False, False),
    ("<", "5", "5", False, False), ("=", "100", "100", False, True), ("=", "100", "98", False, False),
    (None, "12", "13", False, True), (None, "200", "210", True, False), (None, "200", "180", True, True),
    ("≥", "90", None, False, None), (None, None, "90", False, None),
])
def test_indicators_achieved(op, target, actual, lower_better, expected):
    as_decimal = (lambda v: D(v) if v is not None else None)
    assert achieved(op, as_decimal(target), as_decimal(actual), lower_better) is expected


@pytest.mark.parametrize("name, level2, nature, expected", [
    ("人均培训成本", None, None, True), ("群众投诉率", None, None, True), ("安全事故发生率", None, None, True),
    ("申请办结时限", None, None, True), ("单位造价", "经济成本指标", None, True), ("病媒密度", None, "反向指标", True),
    ("能耗下降率", None, None, False), ("高血压患者规范管理控制率", None, None, False),
    ("空气质量优良天数", None, None, False), ("上门服务时长", None, None, False),
])
def test_indicators_lower_is_better(name, level2, nature, expected):
    assert lower_is_better(name, level2, nature) is expected
