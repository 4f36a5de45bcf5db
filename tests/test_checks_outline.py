"""Review check on the parts of a self-evaluation report the national guidance asks for."""
from __future__ import annotations

import pytest

from tests.build_checks import CLEAN, fired

PROBLEMS = "四、存在问题\n一是基层法律援助工作站人员力量薄弱；二是法律援助宣传覆盖面不够广。\n"
MEASURES = "五、改进措施\n一是加强基层法律援助队伍建设；二是加大法律援助宣传力度。\n"
MISSED = ("实际完成1320件", "实际完成1200件")


@pytest.mark.parametrize("changes, found", [
    ([], []),
    ([(PROBLEMS, "")], [("missing_parts", "存在问题")]),
    ([(MEASURES, "")], [("missing_parts", "改进措施或建议")]),
    ([(PROBLEMS, ""), (MEASURES, "")], [("missing_parts", "存在问题"), ("missing_parts", "改进措施或建议")]),
    ([(PROBLEMS, "四、存在问题\n经自评，本项目未发现明显问题。\n")], []),
    ([(PROBLEMS, "四、工作中的不足\n个别工作站台账不够规范。\n")], []),  # a heading of its own words
    ([(PROBLEMS, "四、存在的問題\n個別工作站臺賬不夠規範。\n")], []),  # traditional characters
    ([MISSED], [("missing_parts", "偏差原因")]),  # a missed target nobody explains
    ([MISSED, ("实际完成1200件；", "实际完成1200件，主要原因是案件来源减少；")], []),
])
def test_checks_missing_parts(changes, found):
    text = CLEAN
    for old, new in changes:
        text = text.replace(old, new)
    assert fired(text, "missing_parts") == found


def test_checks_missing_parts_not_asked_of_forms_and_budgets():
    form = "项目支出绩效自评表\n项目名称：法律援助经费\n自评得分：96分"
    budget = "某街道办事处2025年部门预算\n一、收支预算总体情况\n收入预算100万元。\n二、其他情况\n无。\n三、名词解释\n略。"
    assert fired(form, "missing_parts") == fired(budget, "missing_parts") == []
