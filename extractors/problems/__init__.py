"""Problem items reported under 存在问题 (and inline "存在的问题：一是…", "主要问题是…").

Where the items are and which are problems rather than suggestions is decided in
regions.py; this module turns them into records with a category.
"""
from __future__ import annotations

import re

from extractors.context import Context
from extractors.problems.items import PROBLEM
from extractors.problems.regions import find_items
from extractors.records import ProblemRecord, make_span
from pipeline.core.document import SENTENCE_ENDS, Document

# (category, keywords). A problem statement names its subject first ("资金支付进度缓慢" is
# about funds, "项目进度滞后导致资金结余" about progress), so the keyword found earliest in
# the item's first sentence decides; at the same position the longer keyword wins
# ("预算绩效" over "预算"), then the earlier row. Extend by adding rows or keywords.
CATEGORIES: list[tuple[str, tuple[str, ...]]] = [
    ("资金/预算执行", ("资金", "预算", "支出", "执行率", "支付", "拨付", "经费", "结余", "结转", "财务",
                  "会计", "核算", "采购", "资产", "应收", "应付", "往来款", "账款")),
    ("绩效目标/指标", ("绩效目标", "绩效指标", "预算绩效", "绩效管理", "绩效评价", "绩效自评", "指标",
                  "目标设置", "目标设定", "量化", "细化")),
    ("制度/机制", ("制度", "机制", "体制", "规范", "统筹", "协调", "管理办法", "监管", "监督", "内控",
               "职能", "职责")),
    ("人员/能力", ("人员", "人手", "人才", "队伍", "能力", "专业", "培训", "意识", "干部", "编制")),
    ("进度/时效", ("进度", "滞后", "延迟", "延期", "时效", "及时", "缓慢", "迟缓", "推进", "工期")),
]
OTHER = "其他"
_KEYWORDS = sorted(((kw, rank, name) for rank, (name, kws) in enumerate(CATEGORIES) for kw in kws),
                   key=lambda k: (-len(k[0]), k[1]))
_KEYWORD_RE = re.compile("|".join(re.escape(kw) for kw, _, _ in _KEYWORDS))
_CATEGORY_OF = {kw: name for kw, _, name in _KEYWORDS}
_FIRST_SENTENCE = re.compile(f"[^{re.escape(SENTENCE_ENDS)}]*")


def extract(doc: Document, ctx: Context) -> list:
    items = [item for item in find_items(doc) if item.kind == PROBLEM]
    return [
        ProblemRecord(ordinal=n, text=doc.text[item.start:item.end],
                      span=make_span(doc, item.start, item.end),
                      category=categorize(doc.text[item.start:item.end]))
        for n, item in enumerate(items, start=1)
    ]


def categorize(text: str) -> str:
    """The category of the earliest keyword in the first sentence, else in the whole item."""
    for part in (_FIRST_SENTENCE.match(text).group(), text):
        match = _KEYWORD_RE.search(part)  # leftmost, and the longest at that position
        if match:
            return _CATEGORY_OF[match.group()]
    return OTHER
