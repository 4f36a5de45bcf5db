"""Counted quantities in the body: "书面报告350余份", "18个申报项目", "两个工作联系点".

`quantities.find_quantities` finds number, unit and qualifier and already leaves out money,
percentages, dates, ordinals (第五次), document numbers (〔2021〕5号), phone numbers and
idioms (两个维护). Here we keep what an analyst would tally — outputs such as cases, people,
trainings, reports, meetings, households, kilometres — and drop:
- what another table holds: quantities inside indicator spans, and every cell of a table
  whose records or header make it a budget or indicator table;
- indicator targets and actuals written in prose (≥21所, 目标值不少于1000件, 实际完成936人,
  "（2）实施维修改造学校数量：22所"): the gold counts only achievements, and prose tallies
  never carry a comparator;
- heading numbers;
- quantities that are names, forms or rates rather than tallies (NOT_TALLIES): the article
  一 ("形成一个机制"), plan names (三年行动计划), forms (一站式, 三位一体), slogans (“四个不摘”,
  三个一批), project phases (二期工程), ages and anniversaries (60周岁, 100周年), ranks
  (前三名), time limits (5个工作日内), rates (每季度1次), round-the-clock service (24小时),
  rate changes (2个百分点) and the parts something is made of (两部分).

Tables: the gold lists counts stated in prose, and holds the bare values of indicator
tables only as optional; so budget and indicator tables give no counts, while other tables
("工作内容 | 完成情况" with "23期") do, named by their row label.

Evidence is the CLAUSE holding the count — the text between the nearest delimiters
(，,；;。！？ or a line break; not a thousands comma), narrowed at "、" where one clause lists
several counts ("培训干部200人次、发放资料3000份"). A whole sentence would be the wrong
evidence: it mixes in other facts, and the gold scoring drops every predicted count whose raw
or evidence contains a `counts_optional` phrase, so one debatable phrase elsewhere in the
sentence ("市县两级") would silently discard the good counts beside it.

`subject` — what is counted — comes from the neighbouring words (subject.py).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from extractors.context import Context
from extractors.counts.subject import subject
from pipeline.core import numbering as N
from pipeline.core.money import unit_from_caption
from pipeline.core.numbers import TIME_UNITS
from pipeline.core.quantities import QuantityMatch, find_quantities
from pipeline.core.spans import Spans
from extractors.records import CountRecord, make_span
from pipeline.core.document import Document, Table

# Clauses end at these; a comma inside a number ("3,215人次") does not end one.
CLAUSE_END = re.compile(r"[；;。！？!?\n\t]|[,，](?!(?<=[0-9０-９][,，])[0-9０-９]{3}(?![0-9０-９]))")
LIST_DELIMITER = "、"
# The numerals that, alone before a unit, are an article rather than a tally: "形成一个机制".
ARTICLES = {"一", "壹"}
_COMPARATOR = r"[≥≤≧≦＞＜><]|不少于|不低于|不超过|不高于|不多于|至少|大于等于|小于等于"
# The number of an indicator line ("（2）实施维修改造学校数量：22所"), on the raw text.
_LIST_NUMBER = "(?:" + "|".join((N.arabic(), N.arabic_paren(), N.cn_paren(), N.CIRCLED_MARK)) + ")"


class NotATally(NamedTuple):
    """A context that makes a quantity something other than a tally; every given part must hold."""
    why: str
    units: frozenset | None = None      # the rule's units; None for any
    before: str | None = None           # searched in the text before the count, on its line
    after: str | None = None            # matched at the text just after it
    raw: str | None = None              # matched against the count itself


NOT_TALLIES = [
    NotATally("a change in a rate: 提高2个百分点", units=frozenset({"个百分点", "百分点"})),
    NotATally("a composition: 包括人员经费和公用经费两部分", units=frozenset({"部分"})),
    NotATally("a form or set phrase: 一站式, 三位一体, 两级制, 8小时工作制",
              after=r"式|一体|(?:工作|责任)?制(?!定|作)"),
    NotATally("a group's size: 2人一组, 3人一队", after=r"[ \u3000]*(?:一|为一)(?:组|队|班|岗)"),
    NotATally("a dimension, not a tally: 路面宽3.5米, 厚度18厘米, 管径110毫米",
              units=frozenset({"米", "厘米", "毫米"}),
              before=r"(?:宽|高|厚|深|径|直径|口径|宽度|高度|厚度|深度)(?:为|约|达|达到)?[ \u3000]*$"),
    NotATally("a slogan: 三个一批, 五个一律", after=r"一[\u4e00-\u9fff](?![\u4e00-\u9fff])"),
    NotATally("a quoted slogan: “四个不摘”", before=r"[“「『\"]$", after=r"[^”」』\"，。]{0,4}[”」』\"]"),
    NotATally("a plan's name: 三年行动计划", units=frozenset({"年"}), after=r"行动|规划|计划|攻坚|发展纲要"),
    NotATally("a project phase: 二期工程", units=frozenset({"期"}), after=r"工程|项目|建设"),
    NotATally("a time limit: 3日内答复, 5个工作日内办结", units=frozenset(TIME_UNITS) | {"工作日", "个工作日"},
              after=r"以内|之内|内(?![设部容])"),
    NotATally("an age or an anniversary: 60周岁, 建党100周年", units=frozenset({"周"}), after=r"岁|年"),
    NotATally("a rank: 全省前三名", units=frozenset({"名", "位"}), before=r"前[ \u3000]*$"),
    NotATally("a rate: 每季度开展1次督查, 每个社区配备3名网格员", before=r"每[^，,；;。、\n]{0,10}$"),
    NotATally("a product: 7×24小时", before=r"[×xX*＊][ \u3000]*$"),
    NotATally("round the clock: 24小时服务, 365天无休", raw=r"24[ \u3000]?小时|365[ \u3000]?天"),
    # Targets and actuals belong to the indicators table; prose tallies never carry a comparator.
    NotATally("an indicator's target: ≥21所, 不少于600人次", before=f"(?:{_COMPARATOR})[ \u3000]*$"),
    NotATally("an indicator's target: 不少于600人次", raw=f"(?:{_COMPARATOR}).*"),
    NotATally("an indicator's value: 年度目标1100件, 实际完成936人",
              before=r"(?:目标值?|指标值|完成值|实际值|实际完成|计划数)[为是：:]?[ \u3000]*$"),
    NotATally("an indicator line: （2）实施维修改造学校数量：22所",
              before=rf"\n[ \t\u3000]*{_LIST_NUMBER}[^，。；;\n]{{2,40}}?(?:[：:]|[ \t\u3000])[ \t\u3000]*$",
              after=r"[ \t\u3000]*[；;。]?[ \t\u3000]*(?:\n|\Z)"),
]
BEFORE_CHARS, AFTER_CHARS = 60, 12
# A table is a budget or indicator table when a header or caption says so.
BUDGET_OR_INDICATOR_HEADER = re.compile(r"指标|预算|决算|金额|资金|支出|收入|经费|科目|分值|得分|权重")
HEADER_ROWS = 2
ROW_LABEL = re.compile(r"[\u4e00-\u9fff（）()、]{2,20}")
# A clause longer than this (a table dump, a run-on line) is cut for the evidence.
MAX_CLAUSE = 200
PROSE_RESULT = "prose"  # the source of an indicator read from a result sentence (indicators/results.py)


def extract(doc: Document, ctx: Context) -> list:
    # Read on the match view, so that 萬冊次 and 個 count as 万册次 and 个; raw and evidence
    # are the text's own.
    view = doc.match_text
    excluded = Spans(_excluded_spans(doc, ctx))
    kept = [q for q in find_quantities(view) if not excluded.covers(q.start) and _is_tally(view, q)]
    return [_record(doc, q, clause) for q, clause in zip(kept, _clauses(view, kept))]


def _compiled(pattern: str | None) -> re.Pattern | None:
    return None if pattern is None else re.compile(pattern)


# NOT_TALLIES as _is_tally asks them, every quantity of every document.
_COMPILED_RULES = [(rule.units, _compiled(rule.before), _compiled(rule.after), _compiled(rule.raw))
                   for rule in NOT_TALLIES]
_DIGIT = re.compile(r"[0-9０-９]")


def _is_tally(text: str, q: QuantityMatch) -> bool:
    if q.value == 1 and not _DIGIT.search(q.raw) and q.raw.lstrip()[:1] in ARTICLES:
        return False
    line_start = text.rfind("\n", 0, q.start) + 1
    # "\n" marks a line start inside the window, for rules about the whole line.
    before = ("\n" + text[line_start:q.start] if q.start - line_start <= BEFORE_CHARS
              else text[q.start - BEFORE_CHARS:q.start])
    after = text[q.end:q.end + AFTER_CHARS]
    return not any(
        (units is None or q.unit in units)
        and (rule_before is None or rule_before.search(before))
        and (rule_after is None or rule_after.match(after))
        and (raw is None or raw.fullmatch(q.raw))
        for units, rule_before, rule_after, raw in _COMPILED_RULES
    )


def _excluded_spans(doc: Document, ctx: Context) -> list[tuple[int, int]]:
    # Results read from prose as indicators (source 'prose') stay tallies as well.
    indicators = [r for r in ctx.indicators if r.source != PROSE_RESULT]
    spans = [(r.span.char_start, r.span.char_end) for r in indicators]
    spans += _prose_actual_spans(doc.text, indicators)
    spans += [(t.char_start, t.char_end) for t in doc.tables if _budget_or_indicator_table(doc, t, ctx)]
    for section in doc.sections:
        at = doc.text.find(section.numbering, section.char_start) if section.numbering else -1
        if at >= 0:
            spans.append((section.char_start, at + len(section.numbering)))
    return spans


def _prose_actual_spans(text: str, indicators: list) -> list[tuple[int, int]]:
    """An indicator's actual read from a sentence away from its own line ("全年组建家庭医生团队
    118个" after a goals paragraph with "家庭医生团队数量≥100个") is the indicator's value, not a
    tally: the span of that actual inside its sentence."""
    spans = []
    for record in indicators:
        evidence, actual = record.actual_evidence, record.actual_raw
        if not evidence or not actual:
            continue
        at = text.find(evidence)
        while at >= 0:
            hit = text.find(actual, at, at + len(evidence))
            if hit >= 0:
                spans.append((hit, hit + len(actual)))
            at = text.find(evidence, at + 1)
    return spans


def _budget_or_indicator_table(doc: Document, table: Table, ctx: Context) -> bool:
    if any(table.char_start <= r.span.char_start < table.char_end for r in [*ctx.indicators, *ctx.budgets]):
        return True
    header = " ".join(c.text for c in table.cells if c.row < HEADER_ROWS)
    caption = doc.text[max(0, table.char_start - 80):table.char_start]
    return bool(BUDGET_OR_INDICATOR_HEADER.search(header) or unit_from_caption(caption + header))


def _clauses(text: str, counts: list[QuantityMatch]) -> list[tuple[int, int]]:
    """Clause bounds per count; counts that share a clause are split at the "、" between them."""
    clauses = [_clause(text, q) for q in counts]
    bounds = list(clauses)
    for i in range(1, len(counts)):
        cut = text.rfind(LIST_DELIMITER, counts[i - 1].end, counts[i].start)
        if clauses[i] == clauses[i - 1] and cut >= 0:
            bounds[i - 1] = (bounds[i - 1][0], cut)
            bounds[i] = (cut + 1, bounds[i][1])
    return bounds


def _clause(text: str, q: QuantityMatch) -> tuple[int, int]:
    window = max(0, q.start - MAX_CLAUSE)
    starts = [m.end() for m in CLAUSE_END.finditer(text, window, q.start)]
    end = CLAUSE_END.search(text, q.end, q.end + MAX_CLAUSE)
    return (starts[-1] if starts else window), (end.start() if end else min(len(text), q.end + MAX_CLAUSE))


def _record(doc: Document, q: QuantityMatch, clause: tuple[int, int]) -> CountRecord:
    return CountRecord(
        value=q.value, unit=q.unit, raw=doc.text[q.start:q.end],
        span=make_span(doc, q.start, q.end, evidence=clause),
        approx=q.approx, qualifier=q.qualifier,
        subject=(subject(doc.match_text, clause, (q.start, q.end), follow=q.unit not in TIME_UNITS)
                 or _row_label(doc, q.start)),
    )


def _row_label(doc: Document, offset: int) -> str | None:
    """In a table cell ("培训人次 | 326人次") the counted thing is named by the row's label."""
    for table in doc.tables:
        if not table.char_start <= offset < table.char_end:
            continue
        cell = next((c for c in table.cells if c.char_start <= offset < c.char_end), None)
        labels = [c.text.strip() for c in table.cells if cell and c.row == cell.row and c.col < cell.col
                  and ROW_LABEL.fullmatch(c.text.strip())]
        return labels[0] if labels else None
    return None
