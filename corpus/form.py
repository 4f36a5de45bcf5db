"""The 自评表 of a report: the fund block (项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 |
执行率 | 得分, with the 其中 rows of its sources) and the indicator table (一级 | 二级 | 三级指标 |
指标值 | 实际完成值 | 分值 | 得分 [| 偏差原因]), with the review-check plants that show in them
(corpus/plants.py).
"""
from __future__ import annotations

from decimal import Decimal

from corpus import fmt
from corpus.compose import Ctx
from corpus.model import MERGE_LEFT, MERGE_UP, Table


def budget_table(ctx: Ctx) -> Table:
    """项目名称 / 主管部门 rows, the budget block and the 年度总体目标 rows."""
    f = ctx.f
    amounts = (f.funds.budget, f.budget_used, f.funds.actual)
    in_wan = all(fmt.wan_exact(a, 4) for a in amounts)
    dp = 2 if all(fmt.wan_exact(a, 2) for a in amounts) else None

    def cell(amount: Decimal) -> str:
        return fmt.wan(amount, dp) if in_wan else fmt.yuan(amount)

    unit = "万元" if in_wan else "元"
    rate_cell = ctx.rate_text() if ctx.pct == "%" else ctx.rate_text().replace("％", "%")
    carry = "0" if ctx.chance(0.5) else "—"
    totals = [f.funds.budget, f.budget_used, f.funds.actual]
    allocated = list(totals)
    if ctx.plant.part_cell:  # a mistyped 当年财政拨款 cell (corpus/plants.py)
        column, amount = ctx.plant.part_cell
        allocated[column - 1] = amount
        ctx.checks.append({"rule": ctx.plant.rule, "value": fmt.json_number(totals[column - 1])})
    rows = [
        ["项目名称", f.name, MERGE_LEFT, MERGE_LEFT, MERGE_LEFT, MERGE_LEFT, MERGE_LEFT],
        ["主管部门", ctx.dept.name, MERGE_LEFT, "实施单位", ctx.proj.implementer, MERGE_LEFT, MERGE_LEFT],
        [f"项目资金（{unit}）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", *map(cell, totals), "10", rate_cell, fmt.plain(f.budget_score)],
        ["其中：当年财政拨款", *map(cell, allocated), "—", "—", "—"],
        ["上年结转资金", carry, carry, carry, "—", "—", "—"],
        ["其他资金", carry, carry, carry, "—", "—", "—"],
        ["年度总体目标", "预期目标", MERGE_LEFT, MERGE_LEFT, "实际完成情况", MERGE_LEFT, MERGE_LEFT],
        [MERGE_UP, ctx.proj.goal, MERGE_LEFT, MERGE_LEFT, _done_text(ctx), MERGE_LEFT, MERGE_LEFT],
    ]
    return Table(rows, [1.5, 1.1, 1.1, 1.1, 0.7, 1.1, 0.8], header_rows=0, role="budget")


def _done_text(ctx: Ctx) -> str:
    shortfalls = [iy for iy in ctx.f.indicators if iy.score < iy.indicator.weight]
    if not shortfalls:
        return "全面完成年度绩效目标，资金使用规范，项目实施效果良好"
    return "基本完成年度绩效目标，" + "、".join(iy.indicator.name for iy in shortfalls[:2]) + "等指标与目标存在一定差距"


def indicator_table(ctx: Ctx, with_reason: bool = False) -> Table:
    """一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分, merged vertically."""
    header = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"]
    widths = [1.0, 1.2, 2.0, 1.1, 1.1, 0.75, 0.85]
    if with_reason:
        header.append("偏差原因分析及改进措施")
        widths = [0.9, 1.0, 1.8, 1.0, 1.0, 0.75, 0.85, 1.5]
    rows = [header]
    prev1 = prev2 = None
    plant = ctx.plant
    for iy in ctx.f.indicators:
        ind = iy.indicator
        l1 = MERGE_UP if ind.level1 == prev1 else ind.level1
        l2 = MERGE_UP if (ind.level1, ind.level2) == prev2 else ind.level2
        prev1, prev2 = ind.level1, (ind.level1, ind.level2)
        blank = plant.blank[1] if plant.blank and plant.blank[0] == ind.key else None
        weight = plant.shown_weight[1] if plant.shown_weight and plant.shown_weight[0] == ind.key else ind.weight
        row = [l1, l2, ind.name, "" if blank == "target" else ctx.target_raw(iy),
               "" if blank == "actual" else ctx.actual_raw(iy), str(weight), fmt.plain(iy.score)]
        if with_reason:
            row.append(_reason(ctx, iy))
        rows.append(row)
        ctx.record_indicator(iy, with_actual=blank != "actual", with_target=blank != "target")
        ctx.table_rows.append(iy)
        if weight != ind.weight:
            ctx.shown_weights[ind.key] = weight
            shown = sum(ctx.shown_weights.get(i.indicator.key, i.indicator.weight) for i in ctx.f.indicators)
            ctx.checks.append({"rule": plant.rule, "value": shown + 10})
        if blank == "target":
            ctx.checks.append({"rule": plant.rule, "value": ind.name})
    total = ["总分", MERGE_LEFT, MERGE_LEFT, MERGE_LEFT, MERGE_LEFT, "100", fmt.plain(ctx.stated_score)]
    if plant.score_offset:
        ctx.checks.append({"rule": plant.rule, "value": fmt.json_number(ctx.stated_score.normalize())})
    if with_reason:
        total.append("")
    rows.append(total)
    ctx.score_stated = True
    return Table(rows, widths, header_rows=1, repeat_header=ctx.chance(0.6), role="indicator")


# Reason cells of the 自评表, as reports word them: a row with full marks, a row whose result
# missed its target, a row that met it but lost points for its evidence.
REASONS = {
    "full": ["无偏差", "已完成年度目标", "—"],
    "missed": ["实际完成值略低于目标值，详见报告存在问题部分", "受客观因素影响，未完全达到年度目标",
               "受客观因素影响，实际完成值未达到目标值"],
    "deducted": ["评价依据不够充分，酌情扣分", "佐证资料不够完整，酌情扣分", "完成质量有待提高，酌情扣分"],
}


def _reason(ctx: Ctx, iy) -> str:
    ind = iy.indicator
    if ctx.plant.reason and ctx.plant.reason[0] == ind.key:
        ctx.checks.append({"rule": ctx.plant.rule, "value": ctx.actual_raw(iy)})
        ctx.pick(REASONS["deducted"])  # the same draws as any other row
        return ctx.plant.reason[1]
    if iy.score >= ind.weight:
        return ctx.pick(REASONS["full"])
    met = ind.op and (iy.actual <= iy.target if ind.op == "≤" else iy.actual >= iy.target)
    return ctx.pick(REASONS["deducted" if met or not ind.op else "missed"])
