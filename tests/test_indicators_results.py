"""Results stated in prose (extractors/indicators/results.py): the indicators of a report that
sets no targets, kept as counts too."""
from __future__ import annotations

from decimal import Decimal

from extractors import counts, indicators
from extractors.context import Context
from extractors.records import CountRecord, IndicatorRecord
from pipeline import sections
from pipeline.core.document import Document

RESULTS = (
    "2023年度公共文化服务项目绩效自评报告\n一、项目概况\n全县共有文化站11个。\n"
    "二、绩效目标完成情况\n（一）产出情况\n全年组织文艺演出下乡86场，培训基层文化骨干340人次。\n"
    "（二）效益情况\n群众文化生活进一步丰富，全市公共图书馆年接待读者18.6万人次，借阅量增长12%。\n"
    "（三）满意度情况\n经问卷调查，服务对象满意度超过92%。全年共为6,215名高龄老人发放长寿补贴。\n"
    "三、存在的问题\n经费不足。\n"
)


def _run(text: str):
    doc = Document(doc_id="t", source_path="t.txt", format="txt", text=text)
    sections.build(doc)
    ctx = Context()
    ctx.absorb(indicators.extract(doc, ctx))
    return ctx.indicators, [r for r in counts.extract(doc, ctx) if isinstance(r, CountRecord)]


def test_indicators_results_in_prose_without_targets():
    found, _ = _run(RESULTS)
    assert [(r.name, r.actual_raw, r.target_value, r.source) for r in found] == [
        ("文艺演出下乡", "86场", None, "prose"),
        ("培训基层文化骨干", "340人次", None, "prose"),
        ("公共图书馆年接待读者", "18.6万人次", None, "prose"),
        ("服务对象满意度", "超过92%", None, "prose"),
        ("高龄老人", "6,215名", None, "prose"),
    ]
    assert found[2].actual_value == Decimal("186000")
    assert all(isinstance(r, IndicatorRecord) and r.actual_evidence for r in found)


def test_indicators_results_stay_counts():
    _, tallies = _run(RESULTS)
    assert {(c.value, c.unit) for c in tallies} >= {(Decimal(86), "场"), (Decimal(340), "人次"), (Decimal(11), "个")}


def test_indicators_results_not_read_where_targets_are_set():
    text = RESULTS.replace("一、项目概况\n", "一、项目概况\n1、培训人次  ≥300人次\n").replace(
        "一、项目概况", "一、绩效目标设置情况")
    found, _ = _run(text)
    assert [(r.name, r.target_value) for r in found] == [("培训人次", Decimal(300))]
    assert found[0].source != "prose"


def test_indicators_results_item_numbers_brackets_and_punctuation():
    """The item's number is no part of a name; a figure in brackets notes another; a name read
    after the number never takes punctuation (it once gave the name "，覆盖率100%。")."""
    text = ("2023年度垃圾分类项目绩效自评报告\n一、绩效目标完成情况\n"
            "（1）新增密闭式清洁站24座，完成年度目标（20座）的120%。\n"
            "（2）桶站值守覆盖居住小区1,260个，覆盖率100%。\n"
            "3、全区开展宣传活动3,200余场。\n二、存在的问题\n经费不足。\n")
    found, _ = _run(text)
    assert [(r.name, r.actual_raw) for r in found] == [
        ("新增密闭式清洁站", "24座"), ("桶站值守覆盖居住小区", "1,260个"), ("覆盖率", "100%"),
        ("宣传活动", "3,200余场")]
    assert all(text[r.span.char_start:r.span.char_end] == r.raw and r.raw for r in found)


def test_indicators_results_name_after_the_number_covers_both():
    found, _ = _run(RESULTS)
    (elderly,) = [r for r in found if r.name == "高龄老人"]
    assert elderly.raw == "6,215名高龄老人"
