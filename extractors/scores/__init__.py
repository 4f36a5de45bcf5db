"""The document's total self-evaluation score and its grade (优/良/中/差).

A score counts only when its cue names the whole evaluation (自评得分, 综合评分, a 总分 row
of a 自评表); the 得分 of one indicator row is the indicators extractor's business. An
average over several projects (平均得分) and the scale (满分100分) are never the total: they
become warnings. A grade is taken only where the text states it — grading scales differ
between regions (优 from 90 or from 85), so none is derived from the score.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal

from extractors.context import Context
from pipeline.core.numerals import ARABIC_NUMBER, NumeralError, parse_chinese_number
from extractors.records import DocFacts
from extractors.form.totals import table_totals
from pipeline.core.document import Document
from pipeline.core.spans import Spans

# Arabic digits only: a Chinese numeral before 分 is too often an adverb ("十分理想").
_NUMBER = rf"(?P<score>{ARABIC_NUMBER})"
# Cues naming the whole evaluation's score; a "总分" alone may also be the scale.
TOTAL_CUES = (
    r"自评(?:总)?得分|自评(?:总)?分(?:数|值)?|自评结果|综合(?:评价)?得分|综合(?:评价)?评分|"
    r"(?:绩效)?评价(?:总)?得分|绩效(?:自评)?(?:总)?得分|最终得分|总得分|总评分|"
    r"(?:本|该)(?:项目|部门|单位)(?:整体)?(?:绩效)?(?:自评)?(?:总)?得分"
)
AVERAGE_CUES = r"平均(?:自评)?得分|平均分"
SCALE_CUES = r"满分|总分值|分值|标准分|百分制|权重"
# Runs on match_text, where "：" reads ":". "自评得分\n90 分": a value alone on the next line.
_SCORE = re.compile(
    rf"(?P<cue>{AVERAGE_CUES}|{TOTAL_CUES}|{SCALE_CUES}|总分|得分)(?!率)(?:[为是:]|达到|\s)*"
    rf"{_NUMBER}(?P<unit>\s*分)?(?![\d.%率])"
)
_NEXT_LINE_VALUE = re.compile(r"\s*分?\s*(?:\n|$)")
# A 自评表 saved as text keeps its 总分 row as a line of cells: "总分\t100\t87.6" is the
# scale, then the score, and nothing else on the line.
_SCORE_AFTER_SCALE = re.compile(rf"\s*分?[ \t]+(?P<score>{ARABIC_NUMBER})\s*分?[ \t]*(?:\n|$)")
# A score in a clause about another year is that year's ("上年度自评得分90分", "2021年得分…").
_OTHER_YEAR = re.compile(r"上年|去年|上一年|前年|以前年度|往年")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
_CLAUSE_BREAK = re.compile(r"[,;，；]")
# A score written in Chinese numerals ("自评得分为九十四分") is read only after a cue that
# names the whole evaluation and a linking word, and with two numerals or more: "十分" stays
# an adverb.
_CN_SCORE = re.compile(
    rf"(?P<cue>{TOTAL_CUES})(?:[为是:]|达到)+\s*(?P<score>[零〇一二三四五六七八九十百点]{{2,8}})\s*分"
)
_AVERAGE, _SCALE = re.compile(AVERAGE_CUES), re.compile(SCALE_CUES)
# A bare "得分" is the total only in the conclusion or beside words about the whole
# evaluation, and never in a sentence about indicators.
EVALUATION_CONTEXT = re.compile(r"自评|综合|评定|评价等|评价结果|本项目|该项目|整体")
_INDICATOR_CONTEXT = re.compile(r"指标")
# Within one tier, a cue naming the overall score outranks a plain 自评得分.
_OVERALL = re.compile(r"综合|总|整体")
# Within one place, the cues that may decide the total, strongest first.
_CUE_STRENGTH = (("overall",), ("overall", "total", "table"), ("overall", "total", "table", "bare", "weak"))
CONCLUSION_SECTIONS = ("自评结论",)
MAX_SCORE = Decimal(100)

GRADES = {"优秀": "优", "优": "优", "良好": "良", "良": "良", "中等": "中", "中": "中", "合格": "中",
          "及格": "中", "差": "差", "较差": "差", "不合格": "差", "不及格": "差"}
_GRADE_WORD = "|".join(sorted(GRADES, key=len, reverse=True))
_QUOTE_OPEN, _QUOTE_CLOSE = "[“\"「『‘']?", "[”\"」』’']?"
# A grade word ends where the Chinese text does: "等级为优，" but not "等级中，优秀项目…".
_GRADE_END = r"(?=等级|等次|级|档|[^\u4e00-\u9fa5]|$)"
_GRADE = re.compile(
    rf"(?:等级|等次|级别|评级|(?:评价|自评|评定|绩效)(?:结果|结论))(?:[为是：:\s]|评定为|确定为|认定为|属于)+"
    rf"{_QUOTE_OPEN}(?P<a>{_GRADE_WORD}){_QUOTE_CLOSE}{_GRADE_END}"
    rf"|(?:评定为|评为|定为|确定为|认定为|属于|为){_QUOTE_OPEN}(?P<b>{_GRADE_WORD}){_QUOTE_CLOSE}(?:等级|等次|级)"
)
# The sentence must be about this evaluation; "连续三年获评优秀等次" is about something else.
GRADE_CONTEXT = re.compile(r"自评|绩效评价|评价等级|评价等次|评价结果|评价结论|得分|综合评价|综合评定")
# "工程质量等级为合格", "验收等级为优良" grade the works, not the spending.
_OTHER_GRADES = re.compile(r"质量|验收|考评")
# "90分（含）以上为优" states the scale; "分为优、良、中、差四个等级" lists the grades.
_SCALE_RULE_BEFORE = re.compile(r"\d\s*分?\s*(?:[(（]含[)）])?\s*(?:以上|以下|及以上|及以下|[-—~～至到])[^。；]{0,8}$")
_GRADE_LIST_AFTER = re.compile(r"[、，,]\s*[“\"]?(?:" + _GRADE_WORD + ")")


@dataclass(frozen=True)
class Score:
    value: Decimal
    kind: str  # total / overall / bare / weak / average / scale / table
    start: int
    end: int


def extract(doc: Document, ctx: Context) -> list:
    year = ctx.facts.year
    candidates = _text_scores(doc, year) + [Score(v, "table", a, b) for v, a, b in table_totals(doc)]
    score, warnings = _choose(doc, candidates)
    grade = _grade(doc, score)
    evidence = doc.text[slice(*doc.sentence_at(score.start, score.end))].strip() if score else None
    return [DocFacts(self_score=score.value if score else None, grade=grade, warnings=tuple(warnings),
                     self_score_evidence=evidence)]


def _other_year(doc: Document, at: int, year: int | None) -> bool:
    """"上年度（2021年）该项目自评得分为90分": the clause before the score names another year."""
    start = doc.sentence_at(at, at + 1)[0]
    clause = _CLAUSE_BREAK.split(doc.match_text[start:at])[-1]
    years = [int(y) for y in _YEAR.findall(clause)]
    return bool(_OTHER_YEAR.search(clause)) or (year is not None and any(y != year for y in years))


def _text_scores(doc: Document, year: int | None = None) -> list[Score]:
    tables = Spans((t.char_start, t.char_end) for t in doc.tables)
    conclusion = Spans(_conclusion(doc))
    scores = []
    hits = [*_SCORE.finditer(doc.match_text), *_CN_SCORE.finditer(doc.match_text)]
    for hit in sorted(hits, key=lambda h: h.start()):
        wrapped = "\n" in doc.text[hit.end("cue"):hit.start("score")]
        if wrapped and not _NEXT_LINE_VALUE.match(doc.text, hit.end("score")):
            continue
        value = _value(hit.group("score"))
        if value is None or not 0 <= value <= MAX_SCORE:
            continue
        kind = _kind(hit.group("cue"))
        if kind in ("weak", "bare") and tables.covers(hit.start()):
            continue  # a table's 总分 row is read by its columns (tables.py)
        if kind == "weak" and value == MAX_SCORE:
            row = _row_score_after_scale(doc, hit)
            if row:
                scores.append(row)
                continue
            kind = "scale"  # "总分100分": the scale, unless a cue says whose score it is
        if kind == "bare" and not _about_the_whole(doc, hit, conclusion):
            continue
        if kind not in ("scale", "average") and _other_year(doc, hit.start(), year):
            continue
        scores.append(Score(value, kind, hit.start(), hit.end("score")))
    part_scales = sorted(s.start for s in scores if s.kind == "scale" and s.value < MAX_SCORE)
    return [s for s in scores if not _beside_a_part_scale(doc, s, part_scales)]


def _row_score_after_scale(doc: Document, hit: re.Match) -> Score | None:
    """"总分\t100\t87.6" alone on its line: a table's total row flattened to text."""
    line_start = doc.text.rfind("\n", 0, hit.start("cue")) + 1
    if doc.text[line_start:hit.start("cue")].strip() or "\n" in doc.text[hit.start():hit.end()]:
        return None
    after = _SCORE_AFTER_SCALE.match(doc.text, hit.end("score"))
    value = _value(after.group("score")) if after else None
    if value is None or not 0 <= value < MAX_SCORE:
        return None
    return Score(value, "table", after.start("score"), after.end("score"))


def _beside_a_part_scale(doc: Document, score: Score, part_scales: list[int]) -> bool:
    """"预算执行率分值10分，自评得分10分": a score next to a scale below 100 (`part_scales`,
    their starts in order) is one item's."""
    if score.kind in ("scale", "average"):
        return False
    start, end = doc.sentence_at(score.start, score.end)
    return bisect_left(part_scales, start) < bisect_left(part_scales, end)


def _kind(cue: str) -> str:
    if _AVERAGE.fullmatch(cue):
        return "average"
    if _SCALE.fullmatch(cue):
        return "scale"
    if cue in ("总分", "得分"):
        return "weak" if cue == "总分" else "bare"
    return "overall" if _OVERALL.search(cue) else "total"


def _choose(doc: Document, candidates: list[Score]) -> tuple[Score | None, list[str]]:
    """The total from the most telling place (the conclusion, a table's total row, any
    total cue, a bare 得分, a bare 总分); within a place, a cue naming the overall score
    first ("其中：产出得分38分" beside "自评得分96分" is a part)."""
    conclusion = _conclusion(doc)
    stated = [c for c in candidates if c.kind not in ("average", "scale")]
    in_conclusion = Spans(conclusion)
    places = (
        [c for c in stated if in_conclusion.covers(c.start)],
        [c for c in stated if c.kind == "table"],
        [c for c in stated if c.kind in ("total", "overall")],
        [c for c in stated if c.kind == "bare"],
        [c for c in stated if c.kind == "weak"],
    )
    for place in filter(None, places):
        for kinds in _CUE_STRENGTH:
            chosen = [c for c in place if c.kind in kinds]
            if len({c.value for c in chosen}) == 1:
                return chosen[-1], []
        listed = ", ".join(str(c.value) for c in place)
        return None, [f"several self-evaluation scores stated ({listed}); none taken as the total"]
    return None, _unused(candidates)


def _conclusion(doc: Document) -> list[tuple[int, int]]:
    return [(s.char_start, s.char_end) for s in doc.sections if s.canonical in CONCLUSION_SECTIONS]


def _about_the_whole(doc: Document, hit: re.Match, conclusion: Spans) -> bool:
    if conclusion.covers(hit.start()):
        return True
    start, end = doc.sentence_at(hit.start(), hit.end())
    sentence = doc.text[start:end]
    return bool(EVALUATION_CONTEXT.search(sentence)) and not _INDICATOR_CONTEXT.search(sentence)


def _unused(candidates: list[Score]) -> list[str]:
    averages = [str(c.value) for c in candidates if c.kind == "average"]
    scales = [str(c.value) for c in candidates if c.kind == "scale"]
    warnings = []
    if averages:
        warnings.append(f"only an average score stated ({', '.join(averages)}); not taken as the total")
    if scales:
        warnings.append(f"only the maximum score stated ({', '.join(scales)}); no total found")
    return warnings


def _grade(doc: Document, score: Score | None) -> str | None:
    stated = []
    for hit in _GRADE.finditer(doc.text):
        start, end = doc.sentence_at(hit.start(), hit.end())
        sentence_before = doc.text[start:hit.start()]
        if not GRADE_CONTEXT.search(doc.text, start, end) or _OTHER_GRADES.search(doc.text, start, end) \
                or _SCALE_RULE_BEFORE.search(sentence_before) \
                or _GRADE_LIST_AFTER.match(doc.text, hit.end()):
            continue
        stated.append((start, end, GRADES[hit.group("a") or hit.group("b")]))
    if score:
        beside = [g for a, b, g in stated if a <= score.start < b]
        if beside:
            return beside[0]
    return stated[0][2] if stated else None


def _value(raw: str) -> Decimal | None:
    try:
        return parse_chinese_number(raw)
    except NumeralError:
        return None
