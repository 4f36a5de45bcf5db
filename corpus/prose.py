"""Sentences every department writes, each in several genuinely different phrasings.

A function here writes one kind of statement (the budget, how the money was managed, the
self-score, the problems …) and picks its wording with the report's own random generator,
so each document reads differently while saying exactly what the story says. Whatever
a sentence asserts that the gold scores (money, counts, indicators, items) is recorded on
the context as it is written.
"""
from __future__ import annotations

from decimal import Decimal

from corpus import fmt
from corpus.compose import Ctx, gold_prefix, label
from corpus.form import indicator_table
from corpus.prose_projects import PROJECTS

# ---------------------------------------------------------------- openings

INTROS = [
    "根据{fin}《关于开展{Y}年度财政支出项目绩效自评工作的通知》要求，{short}对{Y}年度{P}开展了绩效自评，现将自评情况报告如下：",
    "为加强财政支出绩效管理，提高财政资金使用效益，按照{fin}的统一部署，{short}组织对{P}{Y}年度资金使用情况及绩效目标完成情况进行了自我评价。现将有关情况报告如下。",
    "按照全面实施预算绩效管理的要求，{D}成立绩效自评工作小组，对{Y}年{P}的预算执行、项目管理和绩效目标实现情况进行了全面梳理，形成本项目支出绩效自评报告。",
    "根据《{province}财政支出绩效评价办法》和{fin}有关工作部署，我们对照年初设定的绩效目标，对{D}{P}{Y}年度实施情况开展了自评。具体情况如下：",
    "{Y}年，{D}认真贯彻落实预算绩效管理各项要求，对{P}开展绩效自评。自评采取资料核查与实地查看相结合的方式进行，现报告如下：",
]


def intro(ctx: Ctx) -> str:
    return ctx.t(ctx.pick(INTROS))


def title(ctx: Ctx) -> str:
    return ctx.t(ctx.pick([
        "{D}{Y}年度{P}项目支出绩效自评报告",
        "{D}{Y}年{P}项目支出绩效自评报告",
        "{D}关于{Y}年度{P}的项目支出绩效自评报告",
    ]))


# ---------------------------------------------------------------- money

def budget_open(ctx: Ctx) -> str:
    """The sentence that states the budget (and its adjustment, when there was one)."""
    f, m = ctx.f, ctx.money
    b0, adjusted = f.funds.budget, f.funds.adjusted
    if ctx.plant.prose_budget is not None:  # a prose budget the 自评表 does not have (corpus/plants.py)
        b0 = ctx.plant.prose_budget
        ctx.checks.append({"rule": ctx.plant.rule, "value": fmt.json_number(b0)})
    src = ctx.pick(["", "，资金来源为{source}", "，全部为{source}", "（{source}）"])
    if adjusted is None:
        options = [
            "{Y}年年初预算安排{PF}{b}{src}。",
            "{Y}年度部门预算安排财政资金{b}{src}。",
            "本项目{Y}年度预算资金为{b}{src}。",
            "{fin}下达{Y}年度{PF}{b}{src}。",
            "全年预算数为{b}{src}。",
            "项目资金总额人民币{upper}（￥{yuan}）{src}。",
        ]
        template = ctx.pick(options)
        if "（￥" in template and src.startswith("（"):
            src = "，资金来源为{source}"
        text = ctx.t(template, b=m(b0), src=ctx.t(src), upper=fmt.upper_money(b0),
                     yuan=fmt.yuan(b0, cents=True))
        if ctx.chance(0.35) and "补助" in ctx.proj.source:
            upper_part = (b0 * Decimal("0.6") / 10000).quantize(Decimal(1)) * 10000
            text += ctx.pick(["其中，上级补助资金{a}，本级财政资金{b}。", "其中上级补助{a}、本级安排{b}。"]).format(
                a=m(upper_part), b=m(b0 - upper_part))
        return text
    verb = "追加" if adjusted > b0 else "调减"
    options = [
        "年初预算{b0}，年中{verb}{diff}，调整后预算为{b}{src}。",
        "{Y}年年初预算安排{b0}，后根据工作需要调整为{b}{src}。",
        "{Y}年年初预算数为{b0}，全年预算数为{b}{src}。",
        "本项目年初批复预算{b0}，经预算调整，全年预算为{b}{src}。",
    ]
    return ctx.t(ctx.pick(options), b0=m(b0), b=m(adjusted), diff=m(abs(adjusted - b0)), verb=verb,
                 src=ctx.t(src))


def budget_actual(ctx: Ctx) -> str:
    """The sentence that states what was spent (and, in most reports, the execution rate)."""
    f = ctx.f
    a = ctx.money(f.funds.actual, "actual")
    text = ctx.t(ctx.pick([
        "全年实际支出{a}", "截至{Y}年12月31日，实际支出{a}", "执行数为{a}", "全年度实际支出{a}",
        "截至12月31日，累计支付资金{a}", "全年执行数{a}", "根据工作开展实际情况，全年度实际支出{a}",
    ]), a=a)
    if ctx.state_rate:
        text += ctx.pick(["，预算执行率为{r}", "，完成预算的{r}", "，资金执行率{r}", "，执行率达{r}"]).format(
            r=ctx.rate_text())
    if f.funds.actual == f.budget_used:
        text += ctx.pick(["，资金已全部支付完毕", "，无结余资金", ""])
    elif f.funds.actual < f.budget_used and ctx.chance(0.4):
        text += "，结余" + ctx.money(f.budget_used - f.funds.actual)
    text += "。"
    if f.rate2 < 95:
        text += ctx.pick([
            "资金未全部支出的主要原因是部分工作尚未完成结算，相关款项按合同约定在下一年度支付。",
            "执行进度偏慢的原因主要是部分支出事项推迟实施。",
            "结余资金已按规定上缴财政或结转下年使用。",
        ])
    ctx.record_budget(ctx.state_rate)
    return text


def budget_paragraph(ctx: Ctx) -> str:
    return budget_open(ctx) + budget_actual(ctx)


# ---------------------------------------------------------------- management

MANAGEMENT = [
    "项目资金纳入单位预算统一管理，实行专款专用、单独核算。资金支付严格按照国库集中支付制度执行，每笔支出均经经办人、部门负责人和分管领导审批，未发现截留、挤占、挪用项目资金的情况。",
    "{short}严格执行《{rule}》等财务管理制度，项目资金使用规范，审批手续完备，会计核算及时准确。资金使用过程中涉及调整的，均按规定履行报批手续，不存在超范围、超标准支出等情况。",
    "在资金管理上，坚持“预算有目标、执行有监控、完成有评价”，按月跟踪资金支付进度，对执行偏慢的环节及时督促整改，确保资金安全、规范、有效使用。",
    "资金拨付实行“先审核、后拨付”，由业务科室审核支出依据、财务部门复核后办理支付，相关原始凭证、合同、验收资料齐全，财务档案管理规范。",
    "项目资金已全部纳入国库集中支付管理，政府采购事项均按规定程序实施，未发现虚列支出、以拨代支等违规行为。",
]

ORGANISATION = [
    "项目由{impl}具体负责实施，单位主要领导牵头抓总，分管领导具体负责，业务科室和财务科室分工协作，形成了职责清晰、运转顺畅的工作机制。",
    "为确保项目顺利实施，{short}年初即制定了工作方案，明确目标任务、责任分工和时间节点，并将任务完成情况纳入年度工作考核。",
    "项目实施过程中，{short}定期召开工作推进会，听取进展汇报，协调解决存在问题；对照绩效目标开展运行监控，发现偏差及时纠偏。",
    "项目按照“谁使用、谁负责”的原则组织实施，各实施单位建立了项目台账，实行月报告、季分析制度。",
    "项目立项经过集体研究决策，绩效目标与部门职责和年度工作计划相衔接，目标明确、指标细化，具有较强的可操作性。",
]


def management(ctx: Ctx, k: int = 2) -> str:
    return "".join(ctx.t(s) for s in ctx.sample(MANAGEMENT, k))


def organisation(ctx: Ctx, k: int = 2) -> str:
    return "".join(ctx.t(s) for s in ctx.sample(ORGANISATION, k))


SELF_EVALUATION = [
    "收到自评通知后，{short}成立了由分管领导任组长、财务和相关业务科室负责人为成员的绩效自评工作小组，制定自评工作方案，明确自评范围、内容和时间安排。",
    "自评工作按照前期准备、资料收集、核查分析和撰写报告的步骤进行。",
    "自评小组对照项目绩效目标，逐项核实指标完成情况，查阅了项目实施方案、资金支付凭证和验收资料，并结合满意度调查结果进行综合打分。",
    "在自评过程中，坚持客观公正原则，以数据和事实为依据，确保自评结果真实、准确。",
]


def self_evaluation(ctx: Ctx) -> str:
    chosen = [ctx.t(s) for s in ctx.sample(SELF_EVALUATION, 3)]
    if ctx.chance(0.5):
        sent = 200 + 50 * ctx.rng.randrange(10)
        chosen.append("本次自评共发放满意度调查问卷{q}，收回有效问卷{r}。".format(
            q=ctx.n(sent, "份"), r=ctx.n(sent - 5 - ctx.rng.randrange(20), "份")))
    elif ctx.chance(0.5):
        chosen.append("通过实地走访、电话回访等方式，共抽查服务对象{v}。".format(
            v=ctx.n(50 + 10 * ctx.rng.randrange(10), "户", "余")))
    return "".join(chosen)


SUMMARIES = [
    "总体来看，项目立项依据充分，绩效目标明确，资金管理规范，较好地完成了年度绩效目标。",
    "综合评价认为，项目决策科学，组织实施有序，资金使用合规，项目产出和效益基本达到预期。",
    "经综合分析，本项目年度绩效目标总体完成情况良好，社会效益明显，服务对象满意度较高。",
]


def summary(ctx: Ctx) -> str:
    return ctx.pick(SUMMARIES)


# ---------------------------------------------------------------- achievements and effects

def achievements(ctx: Ctx, k: int | None = None) -> str:
    """The counted work of the year, as one paragraph."""
    project = PROJECTS[ctx.proj.slug]
    have = {tally.key: (tally, value, qual) for tally, value, qual in ctx.f.tallies}
    usable = [keys for keys in project["tallies"] if all(key in have for key in keys)]
    used: set = set()
    chosen = []
    for keys in usable:
        if used.isdisjoint(keys):
            chosen.append(keys)
            used.update(keys)
    if k is not None and len(chosen) > k:
        chosen = ctx.sample(chosen, k)
    clauses = []
    for keys in chosen:
        template = ctx.pick(project["tallies"][keys])
        values = {key: ctx.n(have[key][1], have[key][0].unit, have[key][2]) for key in keys}
        clauses.append(ctx.t(template, n=values[keys[0]], **values))
    if ctx.f.other_money and ctx.chance(0.8):
        clauses.append(ctx.pick(project["money"]).format(m=ctx.other_money(ctx.f.other_money[1])))
    opener = ctx.t(ctx.pick(["{Y}年，", "一年来，", "项目实施过程中，", "全年", "本年度", "截至{Y}年底，"]))
    joiner = ctx.pick(["；", "，"])
    return opener + joiner.join(clauses) + "。"


def effects(ctx: Ctx) -> str:
    return ctx.t(ctx.pick(PROJECTS[ctx.proj.slug]["effects"]))


def background(ctx: Ctx) -> str:
    law = "《中华人民共和国法律援助法》" if ctx.year >= 2022 else "《法律援助条例》"
    return ctx.t(ctx.pick(PROJECTS[ctx.proj.slug]["background"]), law=law)


def experience_items(ctx: Ctx) -> list[str]:
    return ctx.sample(PROJECTS[ctx.proj.slug]["experience"], 3)


# ---------------------------------------------------------------- indicators in the body

def indicators_body(ctx: Ctx, mode: str) -> None:
    """The year's indicators written into the body: list_seed ("1、名称  12人"), list_colon,
    list_full (target and actual), prose (grouped by 二级指标), tab_table."""
    rows = ctx.f.indicators
    if mode == "tab_table":
        # No budget-execution row in a text table: its 总分 counts points no row lists.
        ctx.table(indicator_table(ctx))
        ctx.checks.append({"rule": "unlisted_points", "value": fmt.json_number(ctx.stated_score.normalize())})
        return
    if mode == "prose":
        groups: dict[str, list] = {}
        for iy in rows:
            groups.setdefault(iy.indicator.level2, []).append(iy)
        for level2, members in groups.items():
            parts = []
            for iy in members:
                ctx.record_indicator(iy, with_actual=True)
                if iy.indicator.op:
                    parts.append(ctx.pick(["{name}目标值{t}，实际完成{a}", "{name}年度目标{t}，实际完成值{a}"]).format(
                        name=iy.indicator.name, t=ctx.target_raw(iy), a=ctx.actual_raw(iy)))
                else:
                    parts.append("{name}目标为“{t}”，实际{a}".format(
                        name=iy.indicator.name, t=ctx.target_raw(iy), a=ctx.actual_raw(iy)))
            head = ctx.pick(["{l}方面，", "{l}：", "在{l}上，"]).format(l=level2)
            ctx.para(head + "；".join(parts) + "。")
        return
    label_kind = {"list_seed": "n、", "list_colon": "（n）", "list_full": "n."}[mode]
    for number, iy in enumerate(rows, start=1):
        name, target = iy.indicator.name, ctx.target_raw(iy)
        if mode == "list_seed":
            text = f"{name}  {target}" + ("。" if number == len(rows) and ctx.chance(0.5) else "")
            ctx.record_indicator(iy, with_actual=False)
        elif mode == "list_colon":
            text = f"{name}：{target}" + ("。" if number == len(rows) else "；")
            ctx.record_indicator(iy, with_actual=False)
        else:
            text = ctx.pick(["{name}：目标值{t}，实际完成值{a}。", "{name}：年度目标{t}，完成{a}。"]).format(
                name=name, t=target, a=ctx.actual_raw(iy))
            ctx.record_indicator(iy, with_actual=True)
        ctx.item(text, label(label_kind, number))


# ---------------------------------------------------------------- problems and suggestions

NO_PROBLEM = [
    "经自评，本项目未发现明显问题。",
    "经对照检查，项目实施过程中未发现明显问题。",
    "本年度项目执行中未发现需要说明的问题。",
]
PROBLEM_LEADS = [
    "项目实施中还存在以下问题：",
    "虽然项目取得了一定成效，但也要清醒看到存在的不足：",
    "经自评，发现主要问题如下：",
    "对照绩效目标，项目在实施过程中存在的主要问题有：",
]
SUGGESTION_LEADS = [
    "针对上述问题，下一步我们将重点做好以下工作：",
    "为进一步提高资金使用效益，提出如下建议：",
    "下一步，{short}将从以下方面加以改进：",
    "针对存在的问题，提出以下改进措施：",
]


def items(ctx: Ctx, kind: str, entries: list, mode: str, lead: str | None = None) -> None:
    """Problems or suggestions (kind) written in one of the enumeration habits:
    yishi_para (一是…；二是…。 in one paragraph), yishi_lines, num_dot, num_dunhao, paren_num,
    paren_cn, semicolon (one paragraph, items separated by ；), headings (（一）标题 + text)."""
    texts = [entry.text for entry in entries]
    target = ctx.problems if kind == "problems" else ctx.suggestions
    target.extend(gold_prefix(text) for text in texts)
    lead = "" if lead is None else ctx.t(lead)
    if mode == "yishi_para":
        body = "；".join(f"{label('cn是', i)}{text}" for i, text in enumerate(texts, start=1))
        ctx.para(lead + body + "。")
    elif mode == "semicolon":
        ctx.para(lead + "；".join(texts) + "。")
    elif mode == "yishi_lines":
        if lead:
            ctx.para(lead)
        for i, text in enumerate(texts, start=1):
            ctx.para(f"{label('cn是', i)}{text}。")
    elif mode == "headings":
        if lead:
            ctx.para(lead)
        for text in texts:
            head, _, rest = text.partition("，")
            ctx.heading(ctx.style["item_heading_level"], head)
            ctx.para(rest + "。" if rest else ctx.pick(["需要在今后工作中加以改进。", "这一问题需引起重视。"]))
    else:
        if lead:
            ctx.para(lead)
        kind_label = {"num_dot": "n.", "num_dunhao": "n、", "paren_num": "（n）", "paren_cn": "（cn）"}[mode]
        auto = None
        if ctx.fmt == "docx" and mode in ("num_dot", "paren_num") and ctx.chance(0.7):
            auto = "decimal-dot" if mode == "num_dot" else "decimal-paren"
        for i, text in enumerate(texts, start=1):
            ctx.item(text + "。", label(kind_label, i), auto)


def problems(ctx: Ctx, modes: list[str], lead: bool = True) -> None:
    if not ctx.f.problems:
        ctx.para(ctx.pick(NO_PROBLEM))
        return
    mode = ctx.pick(modes)
    ctx.style["problem_mode"] = mode
    items(ctx, "problems", ctx.f.problems, mode, ctx.pick(PROBLEM_LEADS) if lead and ctx.chance(0.7) else None)


def suggestions(ctx: Ctx, modes: list[str], lead: bool = True) -> None:
    mode = ctx.pick(modes)
    ctx.style["suggestion_mode"] = mode
    lead_text = None
    if lead and ctx.f.problems and ctx.chance(0.6):
        lead_text = ctx.pick(SUGGESTION_LEADS)
    items(ctx, "suggestions", ctx.f.suggestions, mode, lead_text)


# ---------------------------------------------------------------- score

def grade_name(ctx: Ctx) -> str:
    return {"优": ctx.pick(["优", "优秀"]), "良": ctx.pick(["良", "良好"])}.get(ctx.f.grade, ctx.f.grade)


def score(ctx: Ctx, modes: list[str]) -> None:
    """The self-score statement: seed, colon, split ("综合评分" / "90 分"), grade, total,
    result, table_only (the number only in the 自评表)."""
    mode = ctx.pick(modes)
    ctx.style["score_mode"] = mode
    s = fmt.plain(ctx.stated_score)
    g = grade_name(ctx)
    if mode == "table_only":
        ctx.para(ctx.pick([
            "项目绩效自评具体得分情况详见附表《项目支出绩效自评表》。",
            "各项指标的自评得分见附件，自评等级为{g}。",
            "按照自评指标体系逐项评分，评分结果详见附表。",
        ]).format(g=g))
        return
    ctx.score_stated = True
    if mode == "seed":
        ctx.para(f"根据项目绩效自评指标评分标准，该项目自评得分为{s}分" +
                 ("，具体自评情况见附表。" if ctx.has_tables else "。"))
    elif mode == "colon":
        ctx.para(f"自评分：{s}分。" + (f"自评等级：{g}。" if ctx.chance(0.5) else ""), role="plain")
    elif mode == "split":
        ctx.para("综合评分", role="plain")
        ctx.para(f"{s} 分", role="plain")
        if ctx.chance(0.5):
            ctx.para(f"评价等级为{g}。", role="plain")
    elif mode == "grade":
        ctx.para(f"经综合评定，本项目自评得分{s}分，评价等级为“{g}”。")
    elif mode == "total":
        ctx.para(ctx.t("对照评分标准逐项打分，{Y}年度{P}绩效自评总得分为{s}分，自评结果为{g}。", s=s, g=g))
    elif mode == "result":
        ctx.para(f"自评结果：得分{s}分，等级为“{g}”。", role="plain")
    else:
        raise ValueError(mode)


def signature(ctx: Ctx) -> None:
    month = 2 + ctx.rng.randrange(3)
    day = 1 + ctx.rng.randrange(28)
    ctx.para(ctx.dept.name, role="signature")
    ctx.para(f"{ctx.year + 1}年{month}月{day}日", role="signature")


OTHER_NOTES = [
    "无。",
    "本项目无其他需要说明的问题。",
    "无其他需要说明的情况。",
]
