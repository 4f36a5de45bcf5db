"""What indicator tables and lists are made of: header words, level names, total rows, and how
a target or actual cell reads as (op, value, unit).

Every list here is vocabulary seen across provinces' templates (财政部 项目支出绩效自评表,
广东/上海 绩效目标表, county-level Word tables); grow the lists, not the code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.core import numbering as N
from pipeline.core.numbers import MONEY_UNITS, QUANTITY_UNITS
from pipeline.core.quantities import parse_comparator, parse_value_with_unit

# Header cell -> column role. Within a role, earlier patterns are more specific: "三级指标"
# names the indicator even when a "绩效指标" cell labels the whole block in the same row.
# Patterns are matched against the cell with spaces removed and full-width forms folded.
HEADER_ROLES: dict[str, tuple[str, ...]] = {
    "index": (r"^(?:序号|编号|序次)$",),
    "level1": (r"^一级指标", r"^指标类别$"),
    "level2": (r"^二级指标", r"^指标类型$"),
    "name": (r"^三级指标", r"指标名称|指标内容|具体指标|考核指标|^指标项?$", r"^绩效指标$"),
    "nature": (r"指标性质|指标方向|^符号$|^运算符$",),
    "actual": (r"实际完成值|实际值|完成值|实际完成|实现值|完成情况|实际执行|全年实际|^完成$|^实际$",),
    "target": (r"指标值|目标值|预期值|计划值|标准值|^年度目标$|^目标$|预期目标值",),
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

# Rows that open a block that is not indicators: the budget block of a 自评表, the overall
# goal rows. They end the indicator block they follow.
OTHER_BLOCK = re.compile(r"^(?:年度)?总体目标|^(?:年度)?资金总额|^项目资金|^项目名称|^主管部门|^实施单位")
# Column words of a budget block's header; two of them in one row make the row that header
# (one alone is an indicator: "预算执行率").
BUDGET_COLUMN = re.compile(r"预算数|执行数|执行率|预算金额|实际支出")

TOTAL_ROW = re.compile(r"^(?:合计|总计|总分|总得分|得分合计|分值合计|综合得分|自评得分)")
SUBTOTAL_ROW = re.compile(r"^小计")

# Level names as printed, mapped onto the names analysts compare. A cell may carry its
# points: "产出指标（50分）".
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

# Indicators where less is better when the target gives no direction of its own. Not 下降率,
# 控制率 or 天数: "能耗下降率", "高血压控制率" and "空气优良天数" are targets to reach.
LOWER_IS_BETTER = re.compile(
    r"成本|费用|投诉|差错|事故|发生率|超标|超支|违规|延误|逾期|辍学率|失误|返工|损失|空置率|不合格率"
    r"|时限|办结时间|响应时间|等待时间"
)
REVERSE_NATURE = re.compile(r"反向|越小越好|越低越好")
# After the number: "90%以上", "5个工作日以内".
SUFFIX_OPS = (("及以上", "≥"), ("以上", "≥"), ("及以下", "≤"), ("以下", "≤"), ("以内", "≤"))
# A compound unit: "620元/月", "2次/年", "15元/人·天".
_PER_UNIT = re.compile(r"/\s*(季度|人·?[天日月次]|人次|[年季月周日天次亩户人])")
_SPACES = re.compile(r"\s+")
_NAME_UNIT = re.compile(r"[（(]\s*([^\s()（）]{1,4})\s*[)）]$")
_KNOWN_UNITS = frozenset(QUANTITY_UNITS) | set(MONEY_UNITS) | {"%", "％"}
_OPEN_QUOTES, _CLOSE_QUOTES = "“\"'「‘", "”\"'」’"
_NAME_NUMBER = re.compile(rf"^(?:{N.arabic(end=N.LIST_END)}|{N.arabic_paren()}|{N.CIRCLED_MARK})\s*")
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


@dataclass
class IndicatorDraft:
    """One indicator as read from a line or row, before it becomes a record."""
    name: str
    start: int  # the raw span: the line or the row
    end: int
    source: str  # text / table
    target: str | None = None
    actual: str | None = None
    unit: str | None = None  # a 度量单位 column
    nature: str | None = None  # a 指标性质 column: ≥ ≤ = or 定性
    level1: str | None = None
    level2: str | None = None
    weight: Decimal | None = None
    score: Decimal | None = None
    actual_evidence: tuple[int, int] | None = None  # the sentence an actual was read from


@dataclass
class ScoreBlock:
    """The weights and scores of one indicator table, for the check that they add up."""
    where: str
    weights: list[Decimal] = field(default_factory=list)
    scores: list[Decimal] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    total_weight: Decimal | None = None
    total_score: Decimal | None = None
    # The budget-execution row of a 自评表 counts towards the total without being an indicator.
    budget_weight: Decimal | None = None
    budget_score: Decimal | None = None


def fold(text: str) -> str:
    """Full-width ASCII as half-width, like Document.match_text: "（1）" reads "(1)"."""
    return text.translate(_FOLD)


def squash(text: str) -> str:
    return _SPACES.sub("", fold(text))


def header_role(text: str) -> tuple[str, int] | None:
    """(role, rank) of a header cell; a lower rank is a more specific word for its role."""
    cell = squash(text)
    if not cell or len(cell) > 20:
        return None
    for role, patterns in HEADER_ROLES.items():
        for rank, pattern in enumerate(patterns):
            if re.search(pattern, cell):
                return role, rank
    return None


def clean_name(text: str) -> str:
    """A name cell without its list number: "（1）培训人次" -> "培训人次"."""
    return _NAME_NUMBER.sub("", text.strip()).strip()


def unquote(text: str) -> str:
    """“培训人次” names 培训人次; “法律明白人”培训覆盖率 keeps its quotes."""
    if len(text) > 2 and text[0] in _OPEN_QUOTES and text[-1] in _CLOSE_QUOTES \
            and not any(q in text[1:-1] for q in _CLOSE_QUOTES):
        return text[1:-1].strip()
    return text


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


def read_value(raw: str | None, unit_column: str | None = None,
               nature: str | None = None) -> tuple[str | None, Decimal | None, str | None]:
    """(op, value, unit) of a target or actual cell; qualitative text gives (None, None, None)."""
    if not raw or not raw.strip():
        return None, None, None
    op, rest = parse_comparator(raw.strip())
    value, unit = parse_value_with_unit(rest)
    if value is None:
        return None, None, None
    if unit is None and unit_column and unit_column.strip():
        value, unit = _with_unit_column(rest, value, unit_column.strip())
    if unit and (per := _PER_UNIT.search(rest + (unit_column or ""))):
        unit += "/" + per.group(1)
    if op is None:
        op = next((sym for word, sym in SUFFIX_OPS if word in rest), None)
    if op is None and nature:
        op = parse_comparator(nature.strip())[0]
    return op, value, unit


def _with_unit_column(rest: str, value: Decimal, unit_column: str) -> tuple[Decimal, str]:
    """A bare cell read in its 度量单位 column: "69.8" in 万元 is 698000 元, like "69.8万元"."""
    joined, joined_unit = parse_value_with_unit(rest + unit_column)
    if joined is not None and joined_unit:
        return joined, joined_unit
    return value, unit_column


def is_budget_header(cells: list[str]) -> bool:
    return sum(bool(BUDGET_COLUMN.search(cell)) for cell in cells) >= 2


def unit_in_name(name: str) -> str | None:
    """"新建管网长度（公里）": the unit a name gives for bare values in its row."""
    hit = _NAME_UNIT.search(name)
    return hit.group(1) if hit and hit.group(1) in _KNOWN_UNITS else None


def lower_is_better(name: str, level2: str | None, nature: str | None) -> bool:
    return bool(
        LOWER_IS_BETTER.search(name)
        or (level2 and "成本" in level2)
        or (nature and REVERSE_NATURE.search(nature))
    )


def achieved(op: str | None, target: Decimal | None, actual: Decimal | None, lower_better: bool) -> bool | None:
    """Whether the actual meets the target; None unless both are numbers.

    "=" and a missing op read as "reached": at least the target, or at most it where less is
    better (成本, 投诉率) — a 100% target met by 100%, a 12-person target met by 13.
    """
    if target is None or actual is None:
        return None
    if op == "≥":
        return actual >= target
    if op == ">":
        return actual > target
    if op == "≤":
        return actual <= target
    if op == "<":
        return actual < target
    return actual <= target if lower_better else actual >= target


def units_agree(target_unit: str | None, actual_unit: str | None) -> bool:
    return target_unit is None or actual_unit is None or target_unit == actual_unit
