"""Problem items reported under 存在问题 (and inline "存在的问题：一是…").

A problems section often carries the suggestions too (存在问题及建议); a list whose lead-in
speaks of plans or measures is left to the suggestions extractor.
"""
from __future__ import annotations

import re

from extractors.enumerations import Group, find_groups, heading_starts, section_regions
from extractors.records import ProblemRecord, make_span
from pipeline.document import Document

PROBLEM_SECTIONS = {"存在问题"}
# (category, keywords) — first match wins; extend by adding rows.
CATEGORIES: list[tuple[str, str]] = [
    ("资金/预算执行", r"资金|预算|支出|执行率|拨付|经费|结余|财务"),
    ("绩效目标/指标", r"绩效目标|指标|目标设置|量化|细化"),
    ("制度/机制", r"制度|机制|体制|规范|统筹|协调|管理办法"),
    ("人员/能力", r"人员|人手|队伍|能力|专业|培训|意识|干部"),
    ("进度/时效", r"进度|滞后|延迟|时效|及时|缓慢|推进"),
]
_CATEGORY_RES = [(name, re.compile(p)) for name, p in CATEGORIES]
_PROBLEM_LEAD = re.compile(r"问题|不足|短板|困难|差距|薄弱|弱项")
_PLAN_LEAD = re.compile(r"建议|下一步|措施|计划|打算|改进|整改方向|(?:19|20)\d\d年(?:是|将|要|，)|我们(?:将|要)|努力|坚持")


def extract(doc: Document, found: dict) -> list:
    records = []
    for group in problem_groups(doc):
        for item in group.items:
            text = doc.text[item.start:item.end]
            records.append(ProblemRecord(
                ordinal=item.ordinal, text=text, span=make_span(doc, item.start, item.end),
                category=categorize(text),
            ))
    return records


def problem_groups(doc: Document) -> list[Group]:
    return [group for group, is_problem in classified_groups(doc) if is_problem]


def classified_groups(doc: Document) -> list[tuple[Group, bool]]:
    """Every list in a problems section, with whether it lists problems (else suggestions)."""
    skip = heading_starts(doc)
    result = []
    for section, start, end in section_regions(doc, PROBLEM_SECTIONS):
        for index, group in enumerate(find_groups(doc, start, end, skip)):
            result.append((group, _is_problem_list(group.intro, first=index == 0)))
    return result


def _is_problem_list(intro: str, first: bool) -> bool:
    if _PROBLEM_LEAD.search(intro) and not _PLAN_LEAD.search(intro[-30:]):
        return True
    if _PLAN_LEAD.search(intro):
        return False
    return first


def categorize(text: str) -> str:
    for name, pattern in _CATEGORY_RES:
        if pattern.search(text):
            return name
    return "其他"
