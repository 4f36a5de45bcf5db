"""House styles: how each department lays out its report.

江门市司法局 switched from the older Guangdong template (2019–2020) to the one the seed
report uses (2021 on); 湖州市教育局 follows the Zhejiang template (基本情况 … 其他需要说明的
问题); 长兴县水利局 writes 第一部分/第二部分; 鹤山市民政局 numbers four levels deep
(一、/（一）/1./（1）) and likes "综合评分 / 90 分". Within a style, each report still picks
its own wording, enumeration habits and where the score is stated.
"""
from __future__ import annotations

from corpus import prose
from corpus.compose import Ctx, assign_labels
from corpus.form import budget_table, indicator_table
from corpus.model import PageBreak, Para

SCHEMES = {
    "jm": ["cn、", "（cn）", "n.", "（n）"],
    "hz": ["cn、", "（cn）", "n.", "（n）"],
    "cx": ["第cn部分", "cn、", "（cn）", "n."],
    "hs": ["cn、", "（cn）", "n.", "（n）"],
}


def compose(ctx: Ctx) -> None:
    style = ctx.dept.style
    ctx.style["scheme"] = SCHEMES[style]
    {"jm": _jiangmen, "hz": _huzhou, "cx": _changxing, "hs": _heshan}[style](ctx)
    if ctx.has_tables:
        _attachment(ctx)
    perturb = None
    if ctx.fmt == "txt":
        perturb = ctx.style.get("perturb")
    gap = " " if ctx.fmt == "txt" and ctx.chance(0.25) else ""
    part_gap = ctx.pick([" ", "  ", "："]) if ctx.fmt != "docx" else " "
    assign_labels(ctx.blocks, ctx.style["scheme"], perturb, gap, part_gap)
    ctx.style["running_header"] = ctx.t(ctx.pick([
        "{D}{Y}年度{P}项目支出绩效自评报告", "{P}绩效自评报告", "{D}", "{Y}年度项目支出绩效自评报告",
    ]))


def _title(ctx: Ctx, p: float = 1.0) -> None:
    if ctx.chance(p):
        ctx.para(prose.title(ctx), role="title")
        if ctx.chance(0.2):
            ctx.para(ctx.t("（{Y}年度）"), role="subtitle")


def _txt_indicator_mode(ctx: Ctx, options: list[str]) -> str:
    if ctx.has_tables:
        return ctx.pick(["list_seed", "list_colon", "none"])
    return ctx.pick(options)


def _indicators(ctx: Ctx, mode: str) -> None:
    if mode == "none":
        ctx.para(ctx.pick(["具体绩效指标详见附表。", "各项绩效指标及完成情况详见附件自评表。"]))
    else:
        prose.indicators_body(ctx, mode)


# ---------------------------------------------------------------- 江门市司法局

def _jiangmen(ctx: Ctx) -> None:
    if ctx.year <= 2020:
        _jiangmen_2019(ctx)
    else:
        _jiangmen_2021(ctx)


def _jiangmen_2019(ctx: Ctx) -> None:
    if ctx.proj.slug == "legal-aid" and ctx.year == 2019:
        ctx.style["perturb"] = "mix"
    _title(ctx)
    ctx.para(prose.intro(ctx))
    ctx.heading(0, "项目基本情况")
    ctx.heading(1, "项目概况")
    ctx.para(prose.background(ctx))
    ctx.heading(1, "项目绩效目标")
    ctx.para(ctx.pick(["根据年初申报的绩效目标，本项目设置了以下绩效指标：", "项目年度绩效目标如下："]), role="plain")
    mode = _txt_indicator_mode(ctx, ["list_seed", "list_colon", "list_full"])
    _indicators(ctx, mode)
    ctx.heading(0, "项目资金使用及管理情况")
    ctx.heading(1, "资金安排及使用情况")
    ctx.para(prose.budget_paragraph(ctx))
    ctx.heading(1, "资金管理情况")
    ctx.para(prose.management(ctx))
    ctx.heading(0, "项目组织实施情况")
    ctx.para(prose.organisation(ctx))
    ctx.heading(0, ctx.pick(["项目绩效情况", "绩效目标完成情况"]))
    ctx.heading(1, "项目产出")
    ctx.para(prose.achievements(ctx))
    if mode in ("list_seed", "list_colon") and not ctx.has_tables:
        prose.indicators_body(ctx, "prose")
    ctx.heading(1, "项目效益")
    ctx.para(prose.effects(ctx))
    ctx.heading(0, "存在问题")
    prose.problems(ctx, ["yishi_para", "num_dunhao", "semicolon"])
    ctx.heading(0, "下一步工作计划")
    prose.suggestions(ctx, ["yishi_lines", "num_dunhao", "paren_num"])
    ctx.heading(0, "自评结论")
    ctx.para(prose.summary(ctx))
    prose.score(ctx, ["seed", "grade", "total"] + (["table_only"] if ctx.has_tables else []))
    prose.signature(ctx)


def _jiangmen_2021(ctx: Ctx) -> None:
    if ctx.proj.slug == "mediation" and ctx.year == 2021:
        ctx.style["perturb"] = "mix"
    _title(ctx, 1.0 if ctx.has_tables else 0.4)
    ctx.heading(0, "项目概况")
    ctx.heading(1, "项目立项背景和依据")
    ctx.para(prose.background(ctx))
    ctx.heading(1, "项目完成情况")
    ctx.para(prose.achievements(ctx))
    ctx.heading(0, "项目组织实施情况")
    ctx.heading(1, "投入")
    ctx.para(prose.budget_open(ctx) + ctx.pick([
        "结合本部门工作职责和工作任务，设置了能体现该项工作实现程度的、可细化量化的绩效目标。预算编制时对项目进行绩效目标申报，绩效指标明确合理，与资金规模和支出方向匹配，并经财政部门审核通过。",
        "项目绩效目标在预算编制环节同步申报，经财政部门审核后随预算批复下达。",
    ]))
    ctx.heading(1, "过程")
    ctx.para(prose.budget_actual(ctx) + prose.management(ctx, 1))
    ctx.heading(0, "项目绩效情况")
    ctx.heading(1, "目标设置情况")
    mode = _txt_indicator_mode(ctx, ["list_seed", "list_seed", "list_full"])
    _indicators(ctx, mode)
    ctx.heading(1, "绩效完成情况")
    ctx.para(prose.effects(ctx))
    if mode == "list_seed" and not ctx.has_tables and ctx.chance(0.5):
        prose.indicators_body(ctx, "prose")
    ctx.heading(0, "项目主要做法和经验")
    steps = prose.experience_items(ctx)
    ctx.para("；".join(f"{'一二三'[i]}是{text}" for i, text in enumerate(steps)) + "。")
    ctx.heading(0, "存在问题及建议")
    prose.problems(ctx, ["yishi_para"])
    prose.suggestions(ctx, ["yishi_lines"], lead=False)
    ctx.heading(0, "项目自评结论及得分")
    prose.score(ctx, ["seed", "seed", "colon"] + (["table_only"] if ctx.has_tables else []))
    if ctx.chance(0.5):
        prose.signature(ctx)


# ---------------------------------------------------------------- 湖州市教育局

def _huzhou(ctx: Ctx) -> None:
    ctx.style["item_heading_level"] = 1
    _title(ctx)
    ctx.heading(0, "基本情况")
    ctx.heading(1, "项目概况")
    ctx.para(prose.background(ctx) + prose.budget_open(ctx))
    ctx.heading(1, "项目绩效目标")
    ctx.para(f"年度总体目标：{ctx.proj.goal}。" if ctx.chance(0.6) else f"项目年度总体目标是{ctx.proj.goal}。")
    mode = _txt_indicator_mode(ctx, ["list_colon", "list_full", "list_seed"])
    _indicators(ctx, mode)
    ctx.heading(0, "绩效自评工作开展情况")
    ctx.para(prose.self_evaluation(ctx))
    ctx.heading(0, "综合评价情况及评价结论")
    ctx.para(prose.summary(ctx))
    prose.score(ctx, ["grade", "total", "colon"] + (["table_only"] if ctx.has_tables else []))
    ctx.heading(0, "绩效目标实现情况分析")
    ctx.heading(1, "项目决策情况")
    ctx.para(ctx.t(prose.ORGANISATION[4]))
    ctx.heading(1, "项目过程情况")
    ctx.para(prose.budget_actual(ctx) + prose.management(ctx, 1))
    ctx.heading(1, "项目产出情况")
    ctx.para(prose.achievements(ctx))
    if mode in ("list_colon", "list_seed") and not ctx.has_tables:
        prose.indicators_body(ctx, "prose")
    ctx.heading(1, "项目效益情况")
    ctx.para(prose.effects(ctx))
    ctx.heading(0, "存在的问题及原因分析")
    prose.problems(ctx, ["paren_num", "num_dot", "headings"])
    ctx.heading(0, "有关建议")
    prose.suggestions(ctx, ["paren_num", "num_dot", "yishi_lines"])
    ctx.heading(0, "其他需要说明的问题")
    ctx.para(ctx.pick(prose.OTHER_NOTES))


# ---------------------------------------------------------------- 长兴县水利局

def _changxing(ctx: Ctx) -> None:
    if ctx.proj.slug == "rural-water" and ctx.year == 2021:
        ctx.style["perturb"] = "skip"
    _title(ctx, 1.0 if ctx.has_tables else 0.3)
    if ctx.chance(0.5):
        ctx.para(prose.intro(ctx))
    ctx.heading(0, "项目基本情况")
    ctx.heading(1, "项目概况")
    ctx.para(prose.background(ctx))
    ctx.heading(1, "资金安排情况")
    ctx.para(prose.budget_open(ctx))
    ctx.heading(1, "绩效目标")
    ctx.para(ctx.proj.goal + "。")
    mode = _txt_indicator_mode(ctx, ["list_colon", "list_full", "prose"])
    _indicators(ctx, mode)
    ctx.heading(0, "项目实施及资金使用情况")
    ctx.heading(1, "组织实施")
    ctx.para(prose.organisation(ctx))
    ctx.heading(1, "资金使用")
    ctx.para(prose.budget_actual(ctx))
    ctx.heading(1, "财务管理")
    ctx.para(prose.management(ctx))
    ctx.heading(0, "绩效目标完成情况")
    ctx.heading(1, "产出情况")
    ctx.para(prose.achievements(ctx))
    if mode == "list_colon" and not ctx.has_tables:
        prose.indicators_body(ctx, "prose")
    ctx.heading(1, "效益情况")
    ctx.para(prose.effects(ctx))
    if ctx.plant.drop_part == "存在问题":  # a report that leaves the part out (corpus/plants.py)
        ctx.checks.append({"rule": ctx.plant.rule, "value": ctx.plant.drop_part})
    else:
        ctx.heading(0, ctx.pick(["存在的问题", "存在问题"]))
        prose.problems(ctx, ["num_dunhao", "semicolon", "paren_cn"])
    ctx.heading(0, "改进措施")
    prose.suggestions(ctx, ["num_dunhao", "paren_cn", "yishi_para"])
    ctx.heading(0, "自评结论")
    prose.score(ctx, ["total", "grade", "result"] + (["table_only"] if ctx.has_tables else []))
    prose.signature(ctx)


# ---------------------------------------------------------------- 鹤山市民政局

_LEVEL1_TITLES = {"产出指标": "产出情况", "效益指标": "效益情况", "满意度指标": "满意度情况"}


def _heshan(ctx: Ctx) -> None:
    if ctx.proj.slug == "elderly-care" and ctx.year == 2021:
        ctx.style["perturb"] = "skip"
    _title(ctx, 1.0 if ctx.has_tables else 0.5)
    ctx.heading(0, "项目基本情况")
    ctx.heading(1, "项目背景及主要内容")
    ctx.para(prose.background(ctx))
    ctx.heading(1, "资金安排及使用情况")
    ctx.para(prose.budget_paragraph(ctx))
    ctx.heading(1, "项目绩效目标")
    ctx.para(ctx.proj.goal + "。")
    ctx.heading(0, "项目实施及管理情况")
    ctx.para(prose.organisation(ctx, 1) + prose.management(ctx, 1))
    ctx.heading(0, "绩效目标完成情况")
    if not ctx.has_tables and ctx.chance(0.5):
        ctx.para(ctx.pick(["项目绩效指标完成情况如下：", "各项绩效指标完成情况见下表。"]), role="plain")
        prose.indicators_body(ctx, "tab_table")
        ctx.para(prose.achievements(ctx))
    else:
        _heshan_tree(ctx)
    ctx.heading(0, "存在问题")
    prose.problems(ctx, ["num_dot", "paren_num", "yishi_para"])
    ctx.heading(0, "改进措施")
    prose.suggestions(ctx, ["num_dot", "paren_num"])
    ctx.heading(0, "自评结论")
    modes = ["split", "colon", "split"] + (["table_only", "table_only"] if ctx.has_tables else [])
    prose.score(ctx, modes)
    if ctx.chance(0.6):
        prose.signature(ctx)


def _heshan_tree(ctx: Ctx) -> None:
    """（一）产出情况 / 1.数量指标 …: every indicator with its actual, under its own heading."""
    groups: dict[str, dict[str, list]] = {}
    for iy in ctx.f.indicators:
        groups.setdefault(iy.indicator.level1, {}).setdefault(iy.indicator.level2, []).append(iy)
    for level1, by_level2 in groups.items():
        ctx.heading(1, _LEVEL1_TITLES[level1])
        if level1 == "产出指标":
            ctx.para(prose.achievements(ctx, 3))
        for level2, members in by_level2.items():
            ctx.heading(2, level2)
            parts = []
            for iy in members:
                ctx.record_indicator(iy, with_actual=True)
                if iy.indicator.op:
                    parts.append(ctx.pick(["{n}：目标值{t}，实际完成{a}", "{n}目标{t}，实际完成{a}"]).format(
                        n=iy.indicator.name, t=ctx.target_raw(iy), a=ctx.actual_raw(iy)))
                else:
                    parts.append(f"{iy.indicator.name}：目标值“{ctx.target_raw(iy)}”，实际{ctx.actual_raw(iy)}")
            ctx.para("；".join(parts) + "。")
        if level1 == "效益指标":
            ctx.para(prose.effects(ctx))


# ---------------------------------------------------------------- the 自评表 attachment

def _attachment(ctx: Ctx) -> None:
    ctx.blocks.append(PageBreak())
    ctx.blocks.append(Para(ctx.pick(["附件", "附表", "附件1"]), role="plain"))
    ctx.blocks.append(Para("项目支出绩效自评表", role="title"))
    ctx.blocks.append(Para(ctx.t("（{Y}年度）"), role="subtitle"))
    ctx.table(budget_table(ctx))
    ctx.table(indicator_table(ctx, with_reason=ctx.fmt == "pdf" or ctx.chance(0.3)))
