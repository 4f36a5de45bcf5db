"""The document's total self-evaluation score and grade.

A score counts only when its cue names the whole evaluation (自评得分, 综合得分, 总分);
scores of table rows (得分 beside one indicator) are the indicators extractor's business.
"""
from __future__ import annotations

import re
from decimal import Decimal

from extractors.records import DocFacts
from pipeline.document import Document

_SCORE = re.compile(
    r"(?:自评(?:总)?得分|自评(?:总)?分(?:数|值)?|综合(?:评价)?得分|评价(?:总)?得分|绩效评价得分|总得分|总分)"
    r"(?:为|是|：|:|\s)*(?:\n\s*)?(?P<score>\d{1,3}(?:\.\d{1,2})?)\s*分"
)
_GRADE = re.compile(
    r"(?:评价|自评|绩效|考核)?(?:等级|等次|级别|结论)(?:为|是|：|:|评定为|\s)*[“\"「]?(?P<grade>优秀|优|良好|良|中等|中|合格|差|不合格)"
)
_GRADES = {"优秀": "优", "优": "优", "良好": "良", "良": "良", "中等": "中", "中": "中",
           "合格": "中", "差": "差", "不合格": "差"}
# Several 自评得分 with different values usually mean a multi-project document
# whose scores are per project; we report the last stated total and warn.
_MAX_SCORE = Decimal(100)


def extract(doc: Document, found: dict) -> list:
    scores = [Decimal(m.group("score")) for m in _SCORE.finditer(doc.text)]
    scores = [s for s in scores if s <= _MAX_SCORE]
    warnings = []
    score = None
    if scores:
        score = scores[-1]
        if len(set(scores)) > 1:
            warnings.append(f"several self-evaluation scores stated ({', '.join(map(str, scores))}); took the last")
    grade_match = _GRADE.search(doc.text)
    grade = _GRADES[grade_match.group("grade")] if grade_match else None
    return [DocFacts(self_score=score, grade=grade, warnings=tuple(warnings))]
