"""Canonical section names: the vocabulary that reports use for their section titles.

Reports from different regions and years title the same section differently (项目基本情况,
项目概况, 部门基本情况 …). `canonical_name` maps a title onto one of the names in DESIGN.md
so that sections can be compared across documents; `is_top_level_name` tells the heading
detector which titles normally open a top-level section, whatever their numbering says.
"""
from __future__ import annotations

import re
from typing import NamedTuple

OTHER = "other"


class Entry(NamedTuple):
    canonical: str
    keywords: tuple[str, ...]
    # Whether a title matched by these keywords normally opens a top-level section.
    top_level: bool


# First match wins, so an entry must come before any entry whose keywords also occur in
# its titles: 存在问题 before 建议 ("存在问题及建议" is the problems section), 绩效完成 before
# 目标设置 ("绩效目标完成情况"), 组织实施 before 过程 ("项目组织实施情况" contains 实施).
# 立项背景 and the like map to 项目概况 but open only its subsections, hence the second entry.
LEXICON: tuple[Entry, ...] = (
    # An unnumbered "附件" / "项目支出绩效自评表" after the signature labels an attachment; it
    # is not part of the report's own outline, so only a numbered one ("七、附表") or one Word
    # marks as a heading opens a section.
    Entry("附表", ("附表", "附件", "自评表", "评分表"), False),
    Entry("自评结论", ("结论", "自评得分", "评价得分", "自评结果", "评价结果", "综合评价",
                   "总体评价"), True),
    Entry("存在问题", ("存在问题", "存在的问题", "主要问题", "问题及", "问题和", "问题与",
                   "不足"), True),
    Entry("建议", ("建议", "改进措施", "整改措施", "改进意见", "下一步", "工作计划", "工作打算",
                 "努力方向", "工作思路"), True),
    Entry("做法经验", ("做法", "经验", "亮点", "主要措施"), True),
    Entry("绩效完成", ("目标完成", "目标实现", "完成情况", "实现情况", "完成程度", "指标完成",
                   "产出", "效益", "效果", "成效", "满意度"), False),
    Entry("目标设置", ("目标设置", "目标设定", "目标制定", "绩效目标", "绩效指标"), False),
    Entry("组织实施", ("组织实施",), True),
    Entry("投入", ("投入", "预算编制", "资金到位", "预算安排", "资金来源", "资金安排",
                 "预算情况", "资金情况", "预算收支"), False),
    Entry("过程", ("过程", "资金管理", "财务管理", "项目管理", "业务管理", "组织管理", "项目实施",
                 "支出管理", "使用情况", "资金使用", "预算执行", "执行情况", "管理情况"), False),
    Entry("绩效情况", ("绩效情况", "绩效表现", "绩效分析", "评价情况", "自评情况"), True),
    Entry("项目概况", ("项目概况", "基本情况", "概况", "概述", "简介"), True),
    Entry("项目概况", ("立项背景", "立项依据", "项目背景", "职能", "部门职责",
                   "机构设置", "人员情况", "项目内容", "主要内容"), False),
)

# The `canonical` column's vocabulary (DESIGN.md); every LEXICON entry maps into it.
CANONICAL_NAMES: tuple[str, ...] = (
    "项目概况", "组织实施", "投入", "过程", "绩效情况", "目标设置", "绩效完成", "做法经验",
    "存在问题", "建议", "自评结论", "附表", OTHER,
)

# Titles much longer than this are sentences that happen to contain a keyword.
TOP_LEVEL_MAX_CHARS = 20

# The parts of a budget disclosure (部门预算 / 单位预算 / 部门决算), which the templates of
# every region share. In a self-evaluation 职责 and 机构设置 open subsections of its 基本情况;
# in a disclosure they are parts of their own, often titled with the unit's name before them
# (上海市财政局（单位）主要职能) or the year (2024年单位预算编制说明).
DISCLOSURE_PARTS = (
    "概况", "基本情况", "职能", "职责", "机构设置", "名词解释", "部门预算表", "单位预算表",
    "部门决算表", "单位决算表", "公开表",
    "编制说明", "情况说明", "其他相关情况", "其他需要说明", "其他重要事项",
)
# The title of a disclosure, against that of a self-evaluation (…预算绩效自评报告).
_DISCLOSURE_TITLE = re.compile(r"(?:部门|单位)(?:预算|决算)")
_EVALUATION_TITLE = re.compile(r"自评|评价|绩效报告")
DISCLOSURE_TITLE_CHARS = 30

_SPACES = re.compile(r"\s+")


def canonical_name(title: str) -> str:
    """The DESIGN.md name of the section a title opens, or "other"."""
    entry = _lookup(title)
    return entry.canonical if entry else OTHER


def is_top_level_name(title: str) -> bool:
    """Whether the title names a section that reports put at the top of their outline."""
    entry = _lookup(title)
    return bool(entry and entry.top_level and len(_squash(title)) <= TOP_LEVEL_MAX_CHARS)


def is_disclosure_part(title: str) -> bool:
    """Whether a title names a part of a budget disclosure."""
    text = _squash(title)
    return len(text) <= DISCLOSURE_TITLE_CHARS and any(k in text for k in DISCLOSURE_PARTS)


def is_disclosure(head: str) -> bool:
    """Whether the opening lines of a document (its title) are those of a budget disclosure."""
    text = _squash(head)
    return bool(_DISCLOSURE_TITLE.search(text)) and not _EVALUATION_TITLE.search(text)


def _lookup(title: str) -> Entry | None:
    text = _squash(title)
    # Every line that may be a heading is looked up, and most name no section: one search for
    # any keyword first, then one search per entry (any of its keywords in the text).
    if not _ANY_KEYWORD.search(text):
        return None
    return next((entry for entry, keywords in _ENTRY_KEYWORDS if keywords.search(text)), None)


def _keywords(words) -> re.Pattern:
    """A pattern found where any of `words` is; none is found nowhere."""
    words = tuple(words)
    return re.compile("|".join(map(re.escape, words)) if words else r"(?!)")


_ENTRY_KEYWORDS = [(entry, _keywords(entry.keywords)) for entry in LEXICON]
_ANY_KEYWORD = _keywords(k for entry in LEXICON for k in entry.keywords)


def _squash(title: str) -> str:
    """Spaced-out titles ("存 在 问 题") are common in converted documents."""
    return _SPACES.sub("", title)
