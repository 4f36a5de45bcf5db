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
])
def test_indicators_read_value_ops(raw, unit_column, nature, expected):
    assert read_value(raw, unit_column, nature) == expected


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
