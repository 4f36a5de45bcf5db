"""The 自评表's vocabulary: header words of its blocks, the labels of its rows and label cells.

Every list here is vocabulary seen across provinces' templates (财政部 项目支出绩效自评表 and
绩效目标申报表, 部门整体支出绩效自评表, 广东/上海 绩效目标表, 深圳 二级项目支出绩效目标申报表,
county-level Word tables); grow the lists, not the code. Patterns are matched against a cell
with spaces removed and full-width forms folded (`squash`) unless a comment says otherwise.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.core import numbering as N

# --- the fund block: 项目资金（万元）| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 ------
# Header cell -> column role; the first match wins, so the specific come first.
FUND_HEADER_ROLES: list[tuple[str, str]] = [
    ("rate", r"执行率|完成率|支出率|执行进度"),
    ("ignored", r"分值|权重|得分|满分|备注|偏差|原因|序号"),
    ("adjusted_budget", r"调整后|调整预算|预算调整|变更后"),
    ("actual", r"执行数|执行金额|实际支出|支出数|支出金额|决算数|实际执行|实际使用|已支出|使用金额|完成数|^支出$|^执行$"),
    ("arrived", r"到位"),
    ("balance", r"结余|结转"),
    ("budget", r"年初预算|全年预算|预算数|预算金额|预算资金|批复|预算安排|计划投资|^预算$"),
]
MONEY_ROLES = ("budget", "adjusted_budget", "actual", "arrived", "balance")
# The row that totals the block (年度资金总额, 合计 …).
TOTAL_LABEL = re.compile(r"总额|总金额|资金合计|^\s*(?:合计|总计)")
# Row labels under a total: sources and kinds of money, kept as parts even when empty.
FUND_LABEL = re.compile(r"其中|财政|拨款|结转|结余|其他资金|自筹|中央|省级|市级|县级|区级|本级|配套|上级|社会资金|专项|基本支出|项目支出")
# What a cell of the fund block may hold: an amount, a rate, or a dash for "not applicable".
VALUE = re.compile(
    r"[-−－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*(?:%|％|万元|元|亿元)?|[—–\-－/／]+|无"
)
MAX_HEADER_LEN = 16
# A bare 执行率 at most this is a fraction (0.9467 is 94.67%): formats without cell styles
# (.xls, .ods, .csv) keep the number a percentage cell shows as its fraction.
RATE_FRACTION_MAX = 1.5

# --- label pairs: "本年度项目金额（万元）： | 3000", side by side in one row ---------------------
# The year's amount, and money spanning several years that is never the year's budget.
YEAR_AMOUNT_LABEL = re.compile(
    r"^(?:本年度?|当年|年度)(?:项目)?(?:资金|预算|金额|项目金额|预算资金|预算金额)(?:总额|总金额)?$")
MULTI_YEAR_LABEL = re.compile(r"^(?:项目总金额|项目总预算|中期资金总额|中期预算|项目总投资|总投资)$")
# Label cells whose value breaks the money down ("测算依据： | 党群服务分中心4.494万元，…"):
# every amount there is a share of the form's own.
BREAKDOWN_LABEL = re.compile(r"^(?:测算依据|资金测算依据|测算过程|资金测算|支出明细|资金用途|主要支出内容)[:：]?$")
# A label's own unit: "项目总金额（中期规划，万元）".
LABEL_UNIT = re.compile(r"[(（][^)）]*?(?P<unit>亿元|万元|千元|元)\s*[)）]")

# --- the indicator block: 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 ----------
# Header cell -> column role. Within a role, earlier patterns are more specific: "三级指标"
# names the indicator even when a "绩效指标" cell labels the whole block in the same row.
INDICATOR_HEADER_ROLES: dict[str, tuple[str, ...]] = {
    "index": (r"^(?:序号|编号|序次)$",),
    "level1": (r"^一级指标", r"^指标类别$"),
    "level2": (r"^二级指标", r"^指标类型$"),
    "name": (r"^三级指标", r"指标名称|指标内容|具体指标|考核指标|^指标项?$", r"^绩效指标$"),
    "nature": (r"指标性质|指标方向|^符号$|^运算符$",),
    "actual": (r"实际完成值|实际值|完成值|实际完成|实现值|完成情况|实际执行|全年实际|^完成$|^实际$",),
    "target": (r"指标值|目标值|预期值|计划值|标准值|^年度目标$|^目标$|预期目标值|^计划目标$|^计划数$",),
    "unit": (r"度量单位|计量单位|^单位$",),
    "weight": (r"分值|权重|^满分$|标准分",),
    "score": (r"得分|^评分$",),
    "reason": (r"偏差|原因|改进措施|^备注$|说明|评分标准|评分依据|解释|数据来源|考核方式",),
}
# A header row names the indicator column and at least one value column; a scored framework
# (一级 | 二级 | 三级指标 | 分值 | 评分标准 | 得分) has no target but its rows are indicators too.
NAME_ROLES = ("name", "level2")
VALUE_ROLES = ("target", "actual", "score")
# Header cells no role knows ("数据来源单位") are tolerated beside this many that are known.
MIN_KNOWN_HEADER_CELLS = 3
# Rows that open a block that is not indicators: the fund block, the overall goal rows, the
# label rows. They end the indicator block they follow.
OTHER_BLOCK = re.compile(r"^(?:年度)?总体目标|^(?:年度)?资金总额|^项目资金|^项目名称|^主管部门|^实施单位")
# Column words of a fund block's header; two of them in one row make the row that header
# (one alone is an indicator: "预算执行率").
BUDGET_COLUMN = re.compile(r"预算数|执行数|执行率|预算金额|实际支出")
# A cell that says the row does not apply: no indicator, no value.
NOT_APPLICABLE = re.compile(r"^(?:不适用|无|/|／|—+|-+|－+|/+|暂无|不涉及|未设置)$")

# --- total rows: 总分 / 合计 ------------------------------------------------------------------
TOTAL_WORDS = ("合计", "总计", "总分", "总得分", "得分合计", "分值合计", "综合得分", "自评得分", "自评总分",
               "合计得分", "自评得分合计")
_TOTAL_WORDS = "|".join(sorted(TOTAL_WORDS, key=len, reverse=True))
TOTAL_ROW = re.compile(rf"^(?:{_TOTAL_WORDS})")   # the first cell of an indicator block's total row
TOTAL_CELL = re.compile(rf"(?:{_TOTAL_WORDS})[:：]?")  # a whole label cell (fullmatch, spaces removed)
SUBTOTAL_ROW = re.compile(r"^小计")
# The column a total row's score is read in.
SCORE_HEADER = re.compile(r"得分|自评分|评分")
NOT_SCORE_HEADER = re.compile(r"分值|满分|权重|标准分|得分率|评分标准|评分依据|评分说明")

# --- level names: as printed, mapped onto the names analysts compare ------------------------
# A cell may carry its points: "产出指标（50分）".
LEVEL1_NAMES: tuple[tuple[str, str], ...] = (
    (r"^(?:项目)?产出(?:指标)?$", "产出指标"),
    (r"^(?:项目)?(?:效益|效果)(?:指标)?$", "效益指标"),
    (r"^满意度(?:指标)?$", "满意度指标"),
    (r"^成本(?:指标)?$", "成本指标"),
)
LEVEL2_NAMES: tuple[tuple[str, str], ...] = (
    (r"^数量(?:指标)?$", "数量指标"),
    (r"^质量(?:指标)?$", "质量指标"),
    (r"^时效(?:指标)?$", "时效指标"),
    (r"^(经济|社会|生态环境)成本(?:指标)?$", r"\1成本指标"),
    (r"^(经济|社会|生态|环境)效益(?:指标)?$", r"\1效益"),
    (r"^可持续影响(?:指标)?$", "可持续影响"),
    (r"^(?:服务对象|社会公众|群众|受益对象)?满意度(?:指标)?$", "服务对象满意度"),
)
# "成本指标" is a level-1 name (2021 template) and a level-2 name (older ones).
AMBIGUOUS_LEVEL = "成本指标"
_POINTS = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分?\s*[)）]$|\d+(?:\.\d+)?分$")

# --- label cells: "主管部门：…", "项目名称 | …" --------------------------------------------------
# Patterns of these are matched on `Document.match_text` ("（" reads "(", "：" reads ":").
# Label cells and "label：value" lines naming the reporting body, most authoritative first.
# Implementing and applying units come last: a project's 主管部门 (or 一级预算单位) is the
# department that reports on it.
DEPARTMENT_LABELS = (
    ("预算主管部门", "项目主管部门", "主管部门名称", "主管部门", "一级预算单位", "预算部门", "部门名称",
     "部门(单位)名称", "单位名称", "预算单位", "填报单位", "报送单位", "编报单位"),
    ("项目实施单位", "实施单位", "项目单位", "执行单位", "用款单位", "申请单位", "申报单位"),
)
# Labels of the bodies around a third-party evaluation that did not carry the project out:
# the evaluating firm and the finance bureau that commissioned it.
OUTSIDER_LABELS = ("评价机构", "第三方机构", "第三方评价机构", "受托机构", "委托单位")
PROJECT_LABELS = ("项目名称", "专项名称", "资金名称", "项目(资金)名称")
YEAR_LABELS = ("评价年度", "自评年度", "预算年度", "项目年度", "所属年度", "资金年度", "年度")  # "评价年度：2022"
# Any of these in the cell right of a label means the row is a header of labels, not a value.
ALL_LABELS = (*DEPARTMENT_LABELS[0], *DEPARTMENT_LABELS[1], *OUTSIDER_LABELS, *PROJECT_LABELS, *YEAR_LABELS,
              "项目负责人", "联系电话", "联系人", "填报日期", "项目类别", "项目属性", "资金来源")

_SPACES = re.compile(r"\s+")
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_NAME_NUMBER = re.compile(rf"^(?:{N.arabic(end=N.LIST_END)}|{N.arabic_paren()}|{N.CIRCLED_MARK})\s*")


def fold(text: str) -> str:
    """Full-width ASCII as half-width, like Document.match_text: "（1）" reads "(1)"."""
    return text.translate(_FOLD)


# The header, label and level tests below run on every cell of every line a form might be
# flattened into (about a hundred per document), mostly on the same few hundred words: pure
# functions of the text, remembered per process.
_CELLS = 1 << 16


# A cell is short; a sentence squashed once is not worth keeping.
_CELL_CHARS = 64


def squash(text: str) -> str:
    """The text without whitespace, full-width ASCII as half-width."""
    return _squash_cell(text) if len(text) <= _CELL_CHARS else _SPACES.sub("", fold(text))


@lru_cache(maxsize=_CELLS)
def _squash_cell(text: str) -> str:
    return _SPACES.sub("", fold(text))


@lru_cache(maxsize=_CELLS)
def fund_header_role(text: str) -> str | None:
    """The role of a fund block's header cell ("全年执行数（万元）" -> actual)."""
    bare = re.sub(r"[（(][^）)]*[）)]", "", text).replace(" ", "")
    if not bare or len(bare) > MAX_HEADER_LEN or re.search(r"[0-9０-９，。；,;：:]", bare):
        return None
    return next((role for role, pattern in FUND_HEADER_ROLES if re.search(pattern, bare)), None)


def names_fund_columns(roles: list[str]) -> bool:
    """Two kinds of money, or one and an execution rate: a 收支总表 (项目 | 预算数) is no fund block."""
    money = {r for r in roles if r in MONEY_ROLES}
    return len(money) >= 2 or (len(money) == 1 and "rate" in roles)


@lru_cache(maxsize=_CELLS)
def indicator_header_role(text: str) -> tuple[str, int] | None:
    """(role, rank) of an indicator block's header cell; a lower rank is a more specific word."""
    cell = squash(text)
    if not cell or len(cell) > 20:
        return None
    for role, patterns in INDICATOR_HEADER_ROLES.items():
        for rank, pattern in enumerate(patterns):
            if re.search(pattern, cell):
                return role, rank
    return None


def is_budget_header(cells: list[str]) -> bool:
    return sum(bool(BUDGET_COLUMN.search(cell)) for cell in cells) >= 2


def not_applicable(text: str | None) -> bool:
    return text is not None and bool(NOT_APPLICABLE.match(squash(text)))


def clean_name(text: str) -> str:
    """A name cell without its list number: "（1）培训人次" -> "培训人次"."""
    return _NAME_NUMBER.sub("", text.strip()).strip()


@lru_cache(maxsize=_CELLS)
def level_name(text: str, names: tuple[tuple[str, str], ...]) -> str | None:
    cell = _POINTS.sub("", squash(text))
    for pattern, canonical in names:
        if re.match(pattern, cell):
            return re.sub(pattern, canonical, cell)
    return None


def clean_level(text: str | None, names: tuple[tuple[str, str], ...]) -> str | None:
    """A table's level cell: its canonical name when it is one, else its own words."""
    if not text or not text.strip():
        return None
    return level_name(text, names) or _POINTS.sub("", squash(text)) or None


def label_unit(text: str) -> str | None:
    """The money unit a label states in brackets: "本年度项目金额（万元）：" -> 万元."""
    hit = LABEL_UNIT.search(text)
    return hit.group("unit") if hit else None


@lru_cache(maxsize=_CELLS)
def money_label(text: str) -> str | None:
    """'year' or 'multi_year' for a label cell naming an amount of money, else None."""
    bare = re.sub(r"[(（][^)）]*[)）]", "", squash(text)).rstrip(":：")
    if YEAR_AMOUNT_LABEL.match(bare):
        return "year"
    if MULTI_YEAR_LABEL.match(bare):
        return "multi_year"
    return None
