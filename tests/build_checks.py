"""Reports for the review-check tests: a clean self-evaluation report as text, changed one fact
at a time, and the pipeline run on it as `jixiao extract` runs it (pipeline.run.process.extract_document)."""
from __future__ import annotations

from pipeline.core.document import Document
from pipeline.run.process import extract_document

# A self-evaluation report in which every figure agrees with every other: no rule fires on it.
CLEAN = """江门市司法局2022年度法律援助经费项目支出绩效自评报告
一、项目概况
2022年年初预算安排法律援助经费100万元。全年实际支出98.73万元，预算执行率为98.73%。
二、绩效目标
1、法律援助案件办理数量  ≥1300件
2、受援人满意度  ≥90%
3、法律援助案件结案率  ≥95%
三、绩效目标完成情况
法律援助案件办理数量目标值≥1300件，实际完成1320件；受援人满意度目标值≥90%，实际完成95.1%；法律援助案件结案率目标值≥95%，实际完成96.5%。
四、存在问题
一是基层法律援助工作站人员力量薄弱；二是法律援助宣传覆盖面不够广。
五、改进措施
一是加强基层法律援助队伍建设；二是加大法律援助宣传力度。
六、自评结论
经综合评定，本项目自评得分为96分，评价等级为“优”。"""


def document(text: str, fmt: str = "txt", doc_id: str = "t") -> Document:
    return Document(doc_id=doc_id, source_path=f"{doc_id}.{fmt}", format=fmt, text=text)


def review(doc: Document | str) -> list[dict]:
    """The checks rows of one document, after reading its sections and facts."""
    result = extract_document(document(doc) if isinstance(doc, str) else doc)
    assert result.status == "ok", result.rows["errors"]
    return result.rows["checks"]


def fired(doc: Document | str, rule: str | None = None) -> list[tuple[str, str | None]]:
    """(rule, value_stated) of the findings, of one rule when given."""
    return [(r["rule"], r["value_stated"]) for r in review(doc) if rule is None or r["rule"] == rule]
