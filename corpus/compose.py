"""Composing one report: the context a house style writes through, and the pieces every
style shares (money, counts, indicators, enumerations, numbering), each of which records
the gold facts it writes at the moment it writes them.
"""
from __future__ import annotations

import random
from decimal import Decimal

from corpus import fmt
from corpus.model import MERGE_LEFT, MERGE_UP, Heading, ListItem, Para, Table
from corpus.story import YearFacts

REPORT_KIND = "项目支出绩效自评报告"
_WAN = Decimal(10000)
_YI = Decimal(100000000)
_CLAUSE_END = "，。；：！？"
# Units that come before the counted noun ("86个法律援助工作站"); evidence then reads on.
_CLASSIFIERS = set("个项件家所名台辆套批期篇条场座处支间栋")


class Ctx:
    """What a house style needs while it writes one report."""

    def __init__(self, facts: YearFacts) -> None:
        self.f = facts
        self.dept = facts.department
        self.proj = facts.project
        self.year = facts.year
        self.fmt = facts.fmt
        self.rng = random.Random(f"jixiao-corpus/{self.dept.slug}/{self.proj.slug}/{self.year}")
        self.blocks: list = []
        self.counts: list[dict] = []
        self.optional: list[str] = []
        self._pending: list[dict] = []
        self.indicators_gold: dict[str, dict] = {}
        self.problems: list[str] = []
        self.suggestions: list[str] = []
        self.budget_gold: dict | None = None
        self.score_stated = False
        self.style: dict = {}
        # document-level habits
        self.sep = self.rng.random() < 0.5  # thousands separators in counts ≥ 1000
        self.money_style = self._money_style()
        self.wan_dp = None if self.rng.random() < 0.7 or not self._wan_exact(2) else 2
        self.has_tables = self.fmt in ("docx", "pdf")
        self.rate_dp = 2 if self.has_tables else self.pick([1, 2, 2])
        self.state_rate = self.has_tables or self.rng.random() < 0.7
        self.pct = "%" if self.rng.random() < 0.8 else "％"
        self.target_style = self.pick(["sym", "word", "bare"])
        self.cents = self.rng.random() < 0.3  # 元 amounts written with .00
        # a PDF laid out so that a line ends between "…万" and "元" (see render_pdf)
        self.want_wan_yuan = self.fmt == "pdf" and self.money_style != "yuan" and self.rng.random() < 0.75
        self.vars = {
            "D": self.dept.name, "Y": self.year, "Y1": self.year + 1, "P": facts.name,
            "PF": facts.name if facts.name.endswith(("资金", "经费")) else facts.name + "资金",
            "fin": self.dept.finance, "rule": self.dept.rule, "impl": self.proj.implementer,
            "source": self.proj.source, "region": self.dept.region, "province": self.dept.province,
            "short": "我局",
        }

    # ---- choices
    def pick(self, options):
        return options[self.rng.randrange(len(options))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def sample(self, options, k: int) -> list:
        """k options in their original order."""
        chosen = sorted(self.rng.sample(range(len(options)), k))
        return [options[i] for i in chosen]

    def t(self, template: str, **extra) -> str:
        return template.format_map({**self.vars, **extra})

    # ---- blocks
    def heading(self, level: int, title: str) -> None:
        self.blocks.append(Heading(level, title))

    def para(self, text: str, role: str = "body") -> None:
        self._settle_counts(text)
        self.blocks.append(Para(text, role))

    def item(self, text: str, label: str, auto: str | None = None, sep: str = "") -> None:
        self._settle_counts(text)
        self.blocks.append(ListItem(text, label, auto, sep))

    def table(self, table: Table) -> None:
        self.blocks.append(table)

    # ---- counts
    def n(self, value: int, unit: str, qual: str | None = None) -> str:
        """A counted quantity as the prose writes it; recorded for the gold."""
        raw, approx = count_text(value, unit, qual, self.sep)
        self._pending.append({"value": value, "unit": unit, "approx": approx, "raw": raw})
        return raw

    def _settle_counts(self, text: str) -> None:
        start = 0
        for count in self._pending:
            at = text.find(count["raw"], start)
            if at < 0:
                raise AssertionError(f"count {count['raw']!r} was made but not written: {text!r}")
            end = at + len(count["raw"])
            before = text[max(0, at - 8):at]
            for mark in _CLAUSE_END:
                before = before.split(mark)[-1]
            after = ""
            for ch in text[end:end + 8]:
                if ch in _CLAUSE_END:
                    break
                after += ch
            if count["unit"] in _CLASSIFIERS and after:
                evidence = text[at:end] + after
            else:
                evidence = before + text[at:end]
            self.counts.append({"value": count["value"], "unit": count["unit"],
                                "approx": count["approx"], "evidence": evidence})
            start = end
        self._pending = []

    # ---- money
    def money(self, amount: Decimal, role: str = "any") -> str:
        style = self.money_style
        if style == "mixed":
            style = "yuan" if role == "actual" else "wan"
        if style == "wan":
            return f"{fmt.wan(amount, self.wan_dp)}万元"
        return f"{fmt.yuan(amount, sep=True, cents=self.cents)}元"

    def other_money(self, amount: Decimal) -> str:
        if amount >= _YI and (amount / _YI) == (amount / _YI).quantize(Decimal("0.01")):
            return f"{fmt.plain(amount / _YI)}亿元"
        if fmt.wan_exact(amount, 2):
            return f"{fmt.plain(amount / _WAN)}万元"
        return f"{fmt.yuan(amount)}元"

    def rate_text(self) -> str:
        value = fmt.rate(self.f.funds.actual, self.f.budget_used, self.rate_dp)
        return f"{fmt.plain(value) if self.rate_dp == 1 or value == 100 else f'{value:f}'}{self.pct}"

    def _wan_exact(self, dp: int) -> bool:
        amounts = [self.f.funds.budget, self.f.funds.actual]
        if self.f.funds.adjusted is not None:
            amounts.append(self.f.funds.adjusted)
        return all(fmt.wan_exact(a, dp) for a in amounts)

    def _money_style(self) -> str:
        if not self._wan_exact(4):
            return "yuan"
        return self.pick(["wan", "wan", "wan", "yuan", "mixed"])

    def record_budget(self, rate_stated: bool) -> None:
        f = self.f
        stated = fmt.rate(f.funds.actual, f.budget_used, self.rate_dp) if rate_stated else None
        self.budget_gold = {
            "budget_yuan": fmt.json_number(f.budget_used),
            "actual_yuan": fmt.json_number(f.funds.actual),
            "execution_rate_pct": fmt.json_number(stated),
            "execution_rate_computed_pct": fmt.json_number(fmt.rate(f.funds.actual, f.budget_used, 2)),
        }

    # ---- indicators
    def target_raw(self, iy) -> str:
        ind = iy.indicator
        if not ind.op:
            return iy.target
        value = fmt.plain(iy.target) + (self.pct if ind.unit == "%" else ind.unit)
        if ind.op == "=":
            return value
        if ind.op == "≤":
            return ("不高于" if self.target_style == "word" else "≤") + value
        if self.target_style == "sym":
            return "≥" + value
        if self.target_style == "word":
            return ("不低于" if ind.unit in ("%", "元/月") else "不少于") + value
        return value

    def actual_raw(self, iy) -> str:
        ind = iy.indicator
        if not ind.op:
            return iy.actual
        return fmt.plain(iy.actual) + (self.pct if ind.unit == "%" else ind.unit)

    def record_indicator(self, iy, with_actual: bool) -> None:
        ind = iy.indicator
        entry = self.indicators_gold.get(ind.key)
        target_raw = self.target_raw(iy)
        actual_raw = self.actual_raw(iy) if with_actual else None
        if entry is None:
            entry = {
                "name": ind.name, "target_raw": target_raw,
                "target_value": fmt.json_number(iy.target) if ind.op else None,
                "target_unit": ind.unit if ind.op else None, "actual_raw": actual_raw,
            }
            self.indicators_gold[ind.key] = entry
        elif actual_raw is not None:
            entry["actual_raw"] = actual_raw
        if ind.unit not in (None, "%"):
            # the number with its unit, without 不少于/≥: a count finder's raw contains it
            for value in (iy.target, iy.actual if with_actual else None):
                bare = None if value is None else fmt.plain(value) + ind.unit
                if bare and bare not in self.optional:
                    self.optional.append(bare)

    # ---- gold
    def gold(self, name: str) -> dict:
        gold = {
            "file": name,
            "metadata": {
                "department": self.dept.name, "region": self.dept.region, "year": self.year,
                "project_contains": self.proj.contains, "report_kind": REPORT_KIND,
            },
            "sections_top": [b.title for b in self.blocks if isinstance(b, Heading) and b.level == 0],
            "budget": self.budget_gold,
            "score": fmt.json_number(self.f.score.normalize()) if self.score_stated else None,
            "indicators": list(self.indicators_gold.values()),
            "counts": self.counts,
            "problems": self.problems,
            "suggestions": self.suggestions,
        }
        if self.optional:
            gold["counts_optional"] = self.optional
        return gold


def count_text(value: int, unit: str, qual: str | None, sep: bool) -> tuple[str, bool]:
    """How a count is written, and whether it is approximate."""
    def digits(v) -> str:
        return fmt.plain(Decimal(v), sep=sep and v >= 1000)

    if qual is None:
        return f"{digits(value)}{unit}", False
    if qual in ("余", "多"):
        return f"{digits(value)}{qual}{unit}", True
    if qual in ("近", "约"):
        return f"{qual}{digits(value)}{unit}", True
    if qual == "cn":
        return f"{fmt.cn_int(value, liang=unit != '年')}{unit}", False
    if qual in ("cn余", "cn多"):
        return f"{fmt.cn_int(value)}{qual[2:]}{unit}", True
    tenk = fmt.plain(Decimal(value) / _WAN)
    if qual == "万余":
        return f"{tenk}万余{unit}", True
    if qual == "近万":
        return f"近{tenk}万{unit}", True
    if qual == "约万":
        return f"约{tenk}万{unit}", True
    raise ValueError(qual)


def gold_prefix(text: str, size: int = 12) -> str:
    """The start of a problem or suggestion as the gold keeps it: up to the first clause
    end, at most `size` characters."""
    for i, ch in enumerate(text):
        if ch in _CLAUSE_END and i >= 4:
            return text[:min(i, size)]
    return text[:size]


# ---------------------------------------------------------------- numbering

def label(kind: str, n: int) -> str:
    cn = fmt.cn_int(n)
    return {
        "cn、": f"{cn}、", "（cn）": f"（{cn}）", "n.": f"{n}.", "n、": f"{n}、", "（n）": f"（{n}）",
        "第cn部分": f"第{cn}部分", "cn是": f"{cn}是",
    }[kind]


def assign_labels(blocks: list, scheme: list[str], perturb: str | None = None,
                  gap: str = "", part_gap: str = " ") -> None:
    """Write the heading numbers into `label` the way a typist would; `perturb` reproduces
    the slips real txt reports have: "mix" (1、 二、 2、 四、 …, and (2) beside (一)),
    "skip" (one number left out)."""
    counters = [0] * 6
    top_seen = 0
    for block in blocks:
        if not isinstance(block, Heading):
            continue
        counters[block.level] += 1
        for deeper in range(block.level + 1, 6):
            counters[deeper] = 0
        n = counters[block.level]
        kind = scheme[block.level]
        if block.level == 0:
            top_seen += 1
            if perturb == "skip" and top_seen >= 4:
                n += 1
            text = label(kind, n)
            if perturb == "mix" and kind == "cn、" and top_seen in (1, 3):
                text = f"{(top_seen + 1) // 2}、"
        else:
            text = label(kind, n)
            if perturb == "mix" and kind == "（cn）" and n == 2 and top_seen == 2:
                text = "（2）"
        if kind == "第cn部分":
            block.label = text + (part_gap or " ")
        else:
            block.label = text + gap


# ---------------------------------------------------------------- the 自评表

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
    rows = [
        ["项目名称", f.name, MERGE_LEFT, MERGE_LEFT, MERGE_LEFT, MERGE_LEFT, MERGE_LEFT],
        ["主管部门", ctx.dept.name, MERGE_LEFT, "实施单位", ctx.proj.implementer, MERGE_LEFT, MERGE_LEFT],
        [f"项目资金（{unit}）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", cell(f.funds.budget), cell(f.budget_used), cell(f.funds.actual), "10",
         rate_cell, fmt.plain(f.budget_score)],
        ["其中：当年财政拨款", cell(f.funds.budget), cell(f.budget_used), cell(f.funds.actual), "—", "—", "—"],
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
    for iy in ctx.f.indicators:
        ind = iy.indicator
        l1 = MERGE_UP if ind.level1 == prev1 else ind.level1
        l2 = MERGE_UP if (ind.level1, ind.level2) == prev2 else ind.level2
        prev1, prev2 = ind.level1, (ind.level1, ind.level2)
        row = [l1, l2, ind.name, ctx.target_raw(iy), ctx.actual_raw(iy), str(ind.weight), fmt.plain(iy.score)]
        if with_reason:
            if iy.score >= ind.weight:
                row.append(ctx.pick(["无偏差", "已完成年度目标", "—"]))
            else:
                row.append(ctx.pick(["实际完成值略低于目标值，详见报告存在问题部分",
                                     "受客观因素影响，未完全达到年度目标",
                                     "评价依据不够充分，酌情扣分"]))
        rows.append(row)
        ctx.record_indicator(iy, with_actual=True)
    total = ["总分", MERGE_LEFT, MERGE_LEFT, MERGE_LEFT, MERGE_LEFT, "100", fmt.plain(ctx.f.score)]
    if with_reason:
        total.append("")
    rows.append(total)
    ctx.score_stated = True
    return Table(rows, widths, header_rows=1, repeat_header=ctx.chance(0.6), role="indicator")
