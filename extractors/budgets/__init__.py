"""Money mentions with a budget role, and the document's budget / spend / execution rate.

A prose amount takes its role from the cue word nearest before it (预算安排 → budget,
实际支出 → actual, 到位资金 → arrived …), looking back no further than the previous amount,
the sentence start or a table-cell boundary. Budget tables (自评表 fund rows) are read in
tables.py (the fund blocks of extractors.form), and from text lines in flat.py.

What never feeds the document's totals:
- money that is not this project's own figure for this year — per-unit amounts (每户400元,
  单价), other years (上年, 2023年…预算执行数 in a 2024 report), differences (比上年增加
  X万元) — gets role 'other';
- sub-amounts (其中…, funding-source breakdowns, 上年结转, non-total table rows) keep their
  role with `is_part` set.
The document's budget is a table's total row when there is one (with a warning when the prose
says otherwise; the prose's when it states the row's figure to more places), else the first adjusted budget in the prose, else the first budget with a
strong cue, else with a weak cue (投入, 项目资金 …), else a whole-life one (总投资). Spend is
chosen the same way. The stated rate is the table's 执行率 cell, else the one stated in the
spend's sentence, else the first stated; the computed one is spend / budget.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from extractors.budgets import exact, flat as budgets_flat, tables as budgets_tables
from extractors.budgets.tables import Mention
from extractors.context import Context
from extractors.form.funds import breakdowns
from extractors.form.indicators import read_tables
from pipeline.core.money import find_money
from pipeline.core.quantities import find_percentages
from extractors.records import BudgetRecord, DocFacts, make_span
from pipeline.core.document import Document

STRONG, WEAK, WHOLE_LIFE = 2, 1, 0
# (role, strength) -> cue words; the longest word at a position wins, the last cue before the
# amount decides. Weak cues are taken for the document's figure only when no strong one is
# found; WHOLE_LIFE ones (总投资) span every year of a project, so they come last.
CUES: dict[tuple[str, int], tuple[str, ...]] = {
    ("adjusted_budget", STRONG): (
        "调整后预算数", "调整后预算", "调整后的预算", "调整后全年预算", "调整预算数", "调整预算后",
        "预算调整为", "预算调整后", "预算调整至", "调整后", "调整为", "调整至", "调减为", "调减至",
        "调增为", "调增至", "追加后"),
    ("budget", STRONG): (
        "年初预算数", "年初预算", "全年预算数", "全年预算总额", "全年预算资金", "全年预算", "年度预算", "预算数", "预算资金",
        "预算金额", "预算总额", "预算总金额", "项目预算", "总预算", "预算安排", "安排预算",
        "预算为", "预算由", "批复预算", "预算批复", "批复资金", "批复金额", "批复", "资金总额",
        "项目资金总额", "总金额", "收入预算", "支出预算", "收支预算", "收支总预算", "下达资金",
        "下达经费", "下达预算", "下达", "安排资金", "安排经费", "安排", "上年结转", "上年度结转", "上年结转资金", "上年度结转资金"),
    ("budget", WEAK): (
        "计划投资", "投入资金", "投入", "拨款", "财政拨款", "项目资金", "资金规模", "收入总计",
        "收入合计", "本年收入", "补助资金", "专项资金", "财政资金", "奖补资金", "专项经费",
        "项目经费"),
    ("budget", WHOLE_LIFE): ("总投资", "投资总额", "概算"),
    ("actual", STRONG): (
        "实际支出", "实际使用", "实际执行", "全年执行数", "执行数", "执行金额", "支出决算",
        "决算数", "决算支出", "全年支出", "年度支出", "当年支出", "本年支出", "累计支出",
        "共支出", "总支出", "完成投资", "支出总计", "支出合计", "全年执行", "累计执行",
        "实际拨付", "完成支出", "支出完成", "完成支付", "支付完成"),
    ("actual", WEAK): (
        "已支出", "已使用", "使用资金", "使用经费", "已拨付", "完成拨付", "累计拨付", "共拨付",
        "已支付", "累计支付", "支付资金", "发放", "兑付", "兑现", "支出资金", "支出经费", "已执行", "执行",
        "支出了", "花费", "开支"),
    ("arrived", STRONG): ("到位资金", "资金到位", "实际到位", "到位", "到账", "拨入"),
    ("balance", STRONG): (
        "结余资金", "结余", "结转资金", "结转下年", "结转", "节余", "节约资金", "节约", "节省",
        "剩余资金", "剩余", "余额", "未支出", "未使用", "尚未支付", "未拨付", "未执行", "沉淀资金"),
}
# Cues that only name a fund (补助资金, 项目资金): a verb cue in the same window wins over them
# (发放补助资金12万元 is spend).
NOUN_CUES = ("财政拨款", "项目资金", "补助资金", "专项资金", "财政资金", "奖补资金", "专项经费",
             "项目经费", "资金规模")
# A whole-life total (总投资) often mixes in 自筹 and bank money; the evaluation covers the
# fiscal share it names, so that share is the budget.
FISCAL_CUES = ("财政资金", "财政拨款")
# Cues of money carried into this year's budget: always a share of it.
PART_CUES = ("上年结转", "上年度结转", "上年结转资金", "上年度结转资金")
# After these, with no cue of its own, an amount sums the sentence's earlier ones.
TOTAL_WORDS = re.compile(r"(?:合计|共计|总计|总额|累计)(?:为|是|达)?\s*$")
# Words that make an amount a share of the sentence's earlier amount (其中 …, 中央资金 …).
PART_WORDS = ("其中", "中央", "省级", "市级", "县级", "区级", "镇级", "本级", "配套", "自筹",
              "上级", "财政拨款", "其他资金", "社会资金")
_NOT_OWN_BEFORE = {
    # 每户400元, 人均, 补助标准为, 单价 (每年安排 is the year's own budget)
    "per_unit": r"(?:每(?!年)[^\d，,。；;、]{1,5}?(?:补助|补贴|发放|标准)?(?:为|是|按)?|[人户生亩]均|标准(?:为|是)?|单价(?:为|是)?)\s*$",
    # 比上年增加, 减少 — a difference, not a level
    "change": r"(?:增加|减少|增长|下降|降低|提高|上升|压减|核减|缩减|调增|调减|追加|增支|减支|超支|超出|相差|差额)了?(?:资金|经费|预算|支出)?(?:约|近)?\s*$",
    "other_year": r"(?:上年|去年|上一年|前年|以前年度|往年|同期)(?!度?结转)",
}
_PER_UNIT_AFTER = re.compile(r"\s*(?:/|／|每|一次|一年|一月)")
_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月|底|末|初)")
_RESPECTIVELY = "分别"
_THIS_YEAR = re.compile(r"当年|本年")
# match_view blanks a pinyin note ("(xíng)", at least three characters) between two characters.
_NOTE_BLANK = re.compile(r"(?<=[\u4e00-\u9fff]) {3,}(?=[\u4e00-\u9fff])")
# 执行率为89.7%, 预算执行率100%, 完成预算的89.7%, 资金支出率95% — read with find_percentages.
_RATE_CUE = re.compile(
    r"(?:预算|资金)?执行率|(?:预算|资金|支出)执行进度|(?:预算|资金)?支出进度|(?:预算|资金)(?:完成|使用|支出)率"
    r"|完成(?:了)?(?:年度|全年|年初|调整后)?预算(?:数)?的"
    r"|(?:资金)?(?:支付|拨付)率"
)
_RATE_GAP = re.compile(r"[为达到是了约：:\t \u3000]*")
# A rate stated in a scoring rule (执行率≥90%得满分) is a criterion, not the project's rate.
_CRITERION_AFTER = re.compile(r"\s*(?:的?得|以上|以下|及以上|扣|计|为满分)")
_WINDOW = 40
_BOUNDARY = "\t|｜"

_CUE_ROLE = {w: key for key, words in CUES.items() for w in words}
_CUE_RE = re.compile("|".join(re.escape(w) for w in sorted(_CUE_ROLE, key=len, reverse=True)))
_PART_RE = re.compile("|".join(PART_WORDS))
_NOT_OWN_RES = {name: re.compile(p) for name, p in _NOT_OWN_BEFORE.items()}
_HUNDRED = Decimal(100)
# The report kind whose 收入 is budgeted income (metadata's report_kind).
BUDGET_DISCLOSURE = "部门预算"


def extract(doc: Document, ctx: Context) -> list:
    year = ctx.facts.year
    disclosure = ctx.facts.report_kind == BUDGET_DISCLOSURE
    known = budgets_tables.quoted(doc)
    tables = budgets_tables.from_forms(doc, known) + budgets_flat.from_lines(doc, known)
    taken = [(row.start, row.end) for table in tables for row in table.rows]
    targets = [(item.start, item.end) for item in read_tables(doc)[0]]
    prose = budgets_tables.mark_adjusted(_prose_mentions(doc, year, taken, targets, breakdowns(doc), disclosure))
    mentions = sorted(prose + [m for t in tables for m in t.mentions], key=lambda m: m.start)
    facts, exact_rows = _summary(doc, mentions, tables)
    return [_record(doc, m) for m in sorted(mentions + exact_rows, key=lambda m: m.start)] + [facts]


# --- prose ------------------------------------------------------------------------------
def _prose_mentions(doc: Document, year: int | None, taken: list[tuple[int, int]],
                    targets: list[tuple[int, int]], shares: list[tuple[int, int]],
                    disclosure: bool = False) -> list[Mention]:
    """Amounts outside the fund blocks. In a form's indicator row ("总支出 | 不超过550万元") an
    amount is a cost target, never the budget or the spend; beside a 测算依据 label, a share.
    Outside a budget disclosure, income (实际收入, 财政拨款收入) is no budget."""
    text = doc.match_text  # cue words as written in simplified (預算 reads 预算); offsets are the text's
    mentions: list[Mention] = []
    previous_end = 0
    for money in find_money(text):
        if any(s <= money.start < e for s, e in taken):
            continue  # a budget table's cell, read with its column
        sentence = doc.sentence_at(money.start, money.end)
        window = text[max(sentence[0], previous_end, money.start - _WINDOW):money.start]
        window = window[max(window.rfind(ch) for ch in _BOUNDARY) + 1:]
        first = _first_in(mentions, sentence[0])
        role, strength, cue = _role(text, sentence[0], money.start, window, len(mentions) - first)
        if first and text[sentence[0]:money.start].lstrip().startswith("其中"):
            first -= 1  # a sentence opening with 其中 splits the amount before it
        is_part = _is_part(text, window, role, cue, mentions[first:], money.start)
        if role == "other" and first < len(mentions) and (is_part or TOTAL_WORDS.search(window)):
            role, strength = _inherit(mentions, first, is_part)
        if any(s <= money.start < e for s, e in targets):
            role, strength, cue, is_part = "other", 0, None, False
        elif any(s <= money.start < e for s, e in shares):
            is_part = True
        if role != "other" and _not_own(text, window, money.end, year):
            role, is_part = "other", False
        elif role == "budget" and not disclosure and _income(window) \
                and not (is_part and mentions[first].role == "budget"):  # 收入预算X，其中：财政拨款收入Y
            role, strength, is_part = "other", 0, False
        elif is_part and _this_years_share(window, mentions[first:], role):
            is_part = False  # 累计支付X，其中…当年完成支付Y: Y is the year's, X spans years
            mentions[first] = replace(mentions[first], role="other")
        mentions.append(Mention(
            role=role, amount_yuan=money.amount_yuan, start=money.start, end=money.end,
            evidence=sentence, source="text", cue=cue, label=None, is_part=is_part,
            strength=strength,
        ))
        previous_end = money.end
    return mentions


def _inherit(mentions: list[Mention], first: int, is_part: bool) -> tuple[str, int]:
    """其中… and 合计… with no cue of their own take the role of what they split or sum;
    what a 合计 sums becomes its parts. The role is the last one stated in the sentence: in
    "下达资金：中央资金1,500万元、自治区资金300万元，合计2,000万元" the parts after the first
    have no cue of their own."""
    roled = [m for m in mentions[first:] if m.role != "other"] or mentions[-1:]
    role, strength = roled[-1].role, roled[-1].strength
    if not is_part:
        for i in range(first, len(mentions)):
            if mentions[i].role in (role, "other"):  # a part without a cue of its own too
                mentions[i] = replace(mentions[i], role=role, is_part=True)
    return role, strength


def _first_in(mentions: list[Mention], start: int) -> int:
    """Index of the first mention at or after `start` (mentions come in text order)."""
    i = len(mentions)
    while i > 0 and mentions[i - 1].start >= start:
        i -= 1
    return i


def _role(text: str, sentence_start: int, at: int, window: str, n_earlier: int) -> tuple[str, int, str | None]:
    """Role from the nearest cue; after 分别, the k-th amount takes the k-th listed cue."""
    head = text[sentence_start:at]
    split = head.rfind(_RESPECTIVELY)
    if split >= 0:
        listed = [h.group() for h in _CUE_RE.finditer(head[:split])]
        k = n_earlier - len(find_money(head[:split]))
        if len(listed) >= 2 and 0 <= k < len(listed):
            return (*_CUE_ROLE[listed[k]], listed[k])
    hits = _cues_in(window)
    verbs = [h for h in hits if h not in NOUN_CUES]
    cue = (verbs or hits or [None])[-1]
    return (*_CUE_ROLE[cue], cue) if cue else ("other", 0, None)


def _cues_in(window: str) -> list[str]:
    """Cue words in order. Of two that overlap the longer is read, the later on a tie: in
    "本年支出预算合计" the amount is a 支出预算, not the 本年支出 a left-to-right scan stops at;
    "调整后预算为" stays 调整后预算. A cue inside a longer one is no cue of its own."""
    found: list[re.Match] = []
    for at in range(len(window)):
        hit = _CUE_RE.match(window, at)
        if not hit:
            continue
        last = found[-1] if found else None
        if last is None or hit.start() >= last.end():
            found.append(hit)
        elif hit.end() > last.end() and len(hit.group()) >= len(last.group()):
            found[-1] = hit
    return [hit.group() for hit in found]


def _is_part(text: str, window: str, role: str, cue: str | None, earlier: list[Mention], at: int) -> bool:
    if cue in PART_CUES:
        return True
    if not earlier or role not in ("other", earlier[0].role):
        return False  # a new kind of figure (实际支出 after 其中…) is not a share
    clause = re.split(r"[，,；;、]", window)[-1]
    return "其中" in text[earlier[0].end:at] or _PART_RE.search(clause) is not None


def _this_years_share(window: str, earlier: list[Mention], role: str) -> bool:
    """A share the clause ties to this year (当年, 本年) of a total over several years (累计)."""
    clause = re.split(r"[，,；;。]", window)[-1]
    return bool(earlier) and bool(_THIS_YEAR.search(clause)) and earlier[0].role == role \
        and earlier[0].cue is not None and "累计" in earlier[0].cue


def _income(window: str) -> bool:
    """"全年实际收入…，其中财政拨款收入" states what came in, not what was budgeted: 收入 in
    the amount's clause with no 预算 there."""
    clause = re.split(r"[，,；;。]", window)[-1]
    return "收入" in clause and "预算" not in clause


def _not_own(text: str, window: str, end: int, year: int | None) -> bool:
    if _NOT_OWN_RES["per_unit"].search(window) or _PER_UNIT_AFTER.match(text, end):
        return True
    if _NOT_OWN_RES["change"].search(window) or _NOT_OWN_RES["other_year"].search(window):
        return True
    years = [int(y.group("year")) for y in _YEAR.finditer(window)]
    return year is not None and bool(years) and years[-1] != year


def _stated_rates(doc: Document) -> list[tuple[int, Decimal]]:
    """(offset, pct) of every execution rate the prose states. Read with a converter's pinyin
    notes taken out of the match view ("執行(xíng)率" reads "执行率")."""
    text, offsets = _without_notes(doc.match_text)
    rates = []
    for cue in _RATE_CUE.finditer(text):
        gap = _RATE_GAP.match(text, cue.end())
        found = find_percentages(text[gap.end():gap.end() + 12])
        if not found or found[0].start != 0 or found[0].op not in (None, "="):
            continue
        if _CRITERION_AFTER.match(text, gap.end() + found[0].end):
            continue
        rates.append((offsets[cue.start()], found[0].value))
    return rates


def _without_notes(view: str) -> tuple[str, Sequence[int]]:
    """The view without the blanks it left for pinyin notes between two characters, and the
    offset in the view of each character kept."""
    blanks = [hit.span() for hit in _NOTE_BLANK.finditer(view)]
    if not blanks:
        return view, range(len(view) + 1)
    kept, at = [], 0
    for left, right in blanks + [(len(view), len(view))]:
        kept += range(at, left)
        at = right
    return "".join(view[i] for i in kept), kept + [len(view)]


# --- records and the document's figures -------------------------------------------------
def _record(doc: Document, m: Mention) -> BudgetRecord:
    return BudgetRecord(
        role=m.role, amount_yuan=m.amount_yuan, raw=doc.text[m.start:m.end],
        span=make_span(doc, m.start, m.end, evidence=m.evidence), source=m.source,
        label=m.label, cue=m.cue, is_part=m.is_part,
    )


def _pick(mentions: list[Mention], roles: tuple[str, ...]) -> Mention | None:
    own = [m for m in mentions if not m.is_part]
    for role in roles:
        for strength in (STRONG, WEAK, WHOLE_LIFE):
            hit = next((m for m in own if m.role == role and m.strength == strength), None)
            if hit:
                return hit
    return None


def _summary(doc: Document, mentions: list[Mention], tables: list) -> tuple[DocFacts, list[Mention]]:
    """The document's figures, and the exact total rows that replaced a rounded figure."""
    warnings: list[str] = []
    prose = [m for m in mentions if m.source == "text"]
    table = next((t for t in tables if t.total is not None), None)
    budget = _fiscal_share(prose, _pick(prose, ("adjusted_budget", "budget")))
    actual = _pick(prose, ("actual",))
    stated = None
    if table is not None:
        budget = _prefer_table(doc, table.pick(("adjusted_budget", "budget")), budget, "budget", warnings)
        actual = _prefer_table(doc, table.pick(("actual",)), actual, "spend", warnings)
        stated = table.rate
    if stated is None:
        stated = _prose_rate(doc, actual)
    found = exact.totals(doc)
    exact_budget, exact_actual = (exact.refined(m, doc.text[m.start:m.end], found) if m else None
                                  for m in (budget, actual))
    budget, actual = exact_budget or budget, exact_actual or actual
    exact_rows = [m for m in (exact_budget, exact_actual) if m]
    budget_yuan = budget.amount_yuan if budget else None
    actual_yuan = actual.amount_yuan if actual else None
    computed = None
    if budget_yuan and actual_yuan is not None:
        computed = (actual_yuan / budget_yuan * _HUNDRED).quantize(Decimal("0.01"), ROUND_HALF_UP)
        if actual_yuan > budget_yuan:
            warnings.append(f"spend {actual_yuan} yuan exceeds the budget {budget_yuan} yuan")
    if stated is not None and computed is not None and abs(stated - computed) > 1:
        warnings.append(f"stated execution rate {stated}% differs from spend/budget {computed}%")
    warnings.extend(t.warning for t in tables if t.warning)
    return DocFacts(
        budget_yuan=budget_yuan, actual_yuan=actual_yuan, execution_rate_stated_pct=stated,
        execution_rate_pct=stated if stated is not None else computed, warnings=tuple(warnings),
    ), exact_rows


def _fiscal_share(mentions: list[Mention], budget: Mention | None) -> Mention | None:
    if budget is None or budget.strength != WHOLE_LIFE:
        return budget
    shares = [m for m in mentions if m.is_part and m.role == "budget" and m.cue in FISCAL_CUES
              and m.evidence == budget.evidence and m.start > budget.start]
    return shares[0] if shares else budget


def _prefer_table(doc: Document, in_table: Mention | None, in_prose: Mention | None, what: str,
                  warnings: list[str]) -> Mention | None:
    """The table's total row, unless the prose gives the same figure to more places."""
    if in_table is None:
        return in_prose
    if in_prose is not None and exact.finer_than_table(
            in_table, doc.text[in_table.start:in_table.end], doc.text[slice(*in_table.evidence)],
            in_prose, doc.text[in_prose.start:in_prose.end]):
        return in_prose
    if in_prose is not None and in_prose.amount_yuan != in_table.amount_yuan:
        warnings.append(f"{what}: the table's total row says {in_table.amount_yuan} yuan, the text "
                        f"{in_prose.amount_yuan} yuan; took the table")
    return in_table


def _prose_rate(doc: Document, actual: Mention | None) -> Decimal | None:
    """The rate stated in the spend's sentence, else the first one stated."""
    rates = _stated_rates(doc)
    if actual is not None:
        lo, hi = actual.evidence
        near = [pct for at, pct in rates if lo <= at < hi]
        if near:
            return near[0]
    return rates[0][1] if rates else None
