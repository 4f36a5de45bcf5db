"""Composing one report: the context a house style writes through, and the pieces every
style shares (money, counts, indicators, enumerations, numbering), each of which records
the gold facts it writes at the moment it writes them.
"""
from __future__ import annotations

import random
from decimal import Decimal

from corpus import fmt
from corpus.plants import gold_checks, plant_for
from corpus.model import Heading, ListItem, Para, Table
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
        # review checks (corpus/plants.py): this report's plant, the findings written so far,
        # the indicator rows a table shows with their scores, and 分值 shown other than the story's
        self.plant = plant_for(self.proj.slug, self.year)
        self.checks: list[dict] = []
        self.table_rows: list = []
        self.shown_weights: dict[str, int] = {}
        # document-level habits
        self.sep = self.rng.random() < 0.5  # thousands separators in counts ≥ 1000
        self.money_style = self._money_style()
        self.wan_dp = None if self.rng.random() < 0.7 or not self._wan_exact(2) else 2
        self.has_tables = self.fmt in ("docx", "pdf")
        self.rate_dp = 2 if self.has_tables else self.pick([1, 2, 2])
        self.state_rate = self.has_tables or self.rng.random() < 0.7 or self.plant.stated_rate is not None
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

    @property
    def stated_score(self) -> Decimal:
        """The self-score the text and the 总分 row write (a plant may put it off its rows)."""
        return self.f.score + (self.plant.score_offset or 0)

    def stated_rate(self) -> Decimal:
        if self.plant.stated_rate is not None:
            return self.plant.stated_rate
        return fmt.rate(self.f.funds.actual, self.f.budget_used, self.rate_dp)

    def rate_text(self) -> str:
        value = self.stated_rate()
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
        stated = self.stated_rate() if rate_stated else None
        if stated is not None and self.plant.stated_rate is not None:
            self.checks.append({"rule": "rate_mismatch", "value": fmt.json_number(stated)})
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

    def record_indicator(self, iy, with_actual: bool, with_target: bool = True) -> None:
        ind = iy.indicator
        entry = self.indicators_gold.get(ind.key)
        target_raw = self.target_raw(iy) if with_target else None
        actual_raw = self.actual_raw(iy) if with_actual else None
        if entry is None:
            entry = {
                "name": ind.name, "target_raw": target_raw,
                "target_value": fmt.json_number(iy.target) if ind.op and with_target else None,
                "target_unit": ind.unit if ind.op and with_target else None, "actual_raw": actual_raw,
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
            "score": fmt.json_number(self.stated_score.normalize()) if self.score_stated else None,
            "indicators": list(self.indicators_gold.values()),
            "counts": self.counts,
            "problems": self.problems,
            "suggestions": self.suggestions,
            "checks": gold_checks(self, gold_prefix),
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
