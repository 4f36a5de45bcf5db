"""The parts the national guidance asks a self-evaluation report for (财政部《项目支出绩效评价管理
办法》财预〔2020〕10号 and its 自评报告 outline): the performance goals, how far they were
reached, why results fell short, the problems found, and measures or suggestions.

A part counts as present when a heading names it or the text states it anywhere (a 自评表 row,
a sentence such as "经自评，本项目未发现明显问题"): the rule only speaks when nothing in the
report covers the part. The reasons for a shortfall are asked for only when an indicator
missed its target. Forms (a workbook's 自评表 sheet) have no outline and are not reports.
"""
from __future__ import annotations

import re
from typing import Iterator

from pipeline.checks.model import WARNING, Facts, Finding, Rule, line_at, present
from pipeline.core.match_view import match_view

# Part -> (words of a heading that holds it, words of a sentence that states it). The sentence
# words are narrower than the heading words: "协调解决存在问题" in a paragraph on management is
# no 存在问题 part.
PARTS: dict[str, tuple[re.Pattern, re.Pattern]] = {
    "绩效目标": (re.compile(r"目标|指标"),
                 re.compile(r"绩效目标|年度目标|总体目标|绩效指标|目标值|指标值")),
    "完成情况": (re.compile(r"完成|实现|绩效情况|产出|效益"),
                 re.compile(r"完成情况|实现情况|实际完成|完成值|产出情况|效益情况")),
    "存在问题": (re.compile(r"问题|不足"),
                 re.compile(r"(?:存在|发现)(?:的|以下|如下)?(?:主要)?(?:问题|不足)(?:[:：]|如下|有|是|包括)"
                            r"|未发现[^。\n]{0,8}问题|问题(?:及|和|与)(?:建议|原因|不足|整改)|不足之处|短板|薄弱环节")),
    "改进措施或建议": (re.compile(r"建议|措施|改进|下一步|计划|打算"),
                       re.compile(r"建议|改进措施|整改措施|下一步|工作计划")),
}
DEVIATION = ("偏差原因", (re.compile(r"偏差|偏离|原因"),
                          re.compile(r"偏差|偏离|原因|由于|因为|受[^。\n]{0,20}影响")))
# A report has an outline; fewer top-level sections than this is a form or a fragment.
MIN_TOP_SECTIONS = 3


def missing_parts(facts: Facts) -> Iterator[Finding]:
    tops = [s for s in facts.sections if s.get("level") == 1]
    if not facts.self_evaluation or len(tops) < MIN_TOP_SECTIONS:
        return
    wanted = dict(PARTS)
    if any(present(r.get("achieved")) and not r.get("achieved") for r in facts.indicators):
        wanted[DEVIATION[0]] = DEVIATION[1]
    first = min(int(s["char_start"]) for s in tops)
    outline = (line_at(facts.text, first)[0], line_at(facts.text, first)[1])
    # On the simplified view: a report in traditional characters names 存在的問題.
    titles = match_view("\n".join(s.get("title") or "" for s in facts.sections))
    text = match_view(facts.text)
    for part, (heading, statement) in wanted.items():
        if not heading.search(titles) and not statement.search(text):
            yield Finding(f"报告缺少“{part}”部分：未见相关标题或表述", *outline, stated=part, evidence=outline)


MISSING_PARTS = Rule("missing_parts", WARNING, "报告缺少规定内容", missing_parts)
