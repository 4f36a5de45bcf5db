"""Enumerated lists inside a stretch of text: markers, nesting, where an item ends."""
from __future__ import annotations

import pytest

from extractors.problems.enumerations import find_groups, starts_with_marker
from pipeline.core.document import Cell, Document, TextBuilder


def _doc(text: str) -> Document:
    return Document(doc_id="t", source_path="t.txt", format="txt", text=text)


def _lists(text: str) -> list[list[tuple[int, str]]]:
    doc = _doc(text)
    return [[(i.ordinal, text[i.start:i.end]) for i in g.items] for g in find_groups(doc, 0, len(text))]


@pytest.mark.parametrize("text,expected", [
    ("存在不足：一是宣传不够；二是档案不全。", [[(1, "宣传不够"), (2, "档案不全。")]]),
    ("一是加强领导。\n二是完善制度。", [[(1, "加强领导。"), (2, "完善制度。")]]),
    ("1.资金到位较晚。\n2.人员不足。", [[(1, "资金到位较晚。"), (2, "人员不足。")]]),
    ("1、资金到位较晚。\n2、人员不足。", [[(1, "资金到位较晚。"), (2, "人员不足。")]]),
    ("１．资金到位较晚。\n２．人员不足。", [[(1, "资金到位较晚。"), (2, "人员不足。")]]),  # full-width
    ("（1）资金到位较晚。\n（2）人员不足。", [[(1, "资金到位较晚。"), (2, "人员不足。")]]),
    ("(一)资金到位较晚。\n(二)人员不足。", [[(1, "资金到位较晚。"), (2, "人员不足。")]]),
    ("问题有：①覆盖面不广；②形式单一。", [[(1, "覆盖面不广"), (2, "形式单一。")]]),
    ("措施：第一，加强管理；第二，规范流程。", [[(1, "加强管理"), (2, "规范流程。")]]),
    ("建议：1.提前申请资金；2.加大宣传。", [[(1, "提前申请资金"), (2, "加大宣传。")]]),
])
def test_enumerations_marker_styles(text, expected):
    assert _lists(text) == expected


@pytest.mark.parametrize("text", [
    "共安排资金1.5万元，完成率2.5%。",
    "确定是否达标，一是否决定于验收。",
    "2021年完成培训3期。",
    "其中，第一批项目已完工。",
])
def test_enumerations_numbers_are_not_markers(text):
    assert _lists(text) == []


def test_enumerations_closing_summary_is_not_part_of_the_last_item():
    text = "不足：一是宣传不够；二是档案不全。这些问题都需要认真整改。\n下一段。"
    assert _lists(text)[0][-1] == (2, "档案不全。")


def test_enumerations_item_keeps_all_its_sentences():
    text = "一是加强领导。成立专班，定期调度。\n二是完善制度。"
    assert _lists(text)[0][0] == (1, "加强领导。成立专班，定期调度。")


@pytest.mark.parametrize("text,first", [
    ("（一）资金使用进度偏慢\n截至年底支出率仅为65%。\n（二）人员不足\n缺少专业人员。",
     "资金使用进度偏慢\n截至年底支出率仅为65%。"),  # a bare title goes on into its paragraph
    ("1.资金到位较晚，导致项目\n实施进度滞后。\n2.人员不足。", "资金到位较晚，导致项目\n实施进度滞后。"),  # a wrapped line
    ("1.资金到位较晚。\n主要原因是审批时间长。\n2.人员不足。", "资金到位较晚。"),  # a closed paragraph ends the item
])
def test_enumerations_item_end(text, first):
    assert _lists(text)[0][0] == (1, first)


def test_enumerations_group_title_gives_way_to_its_items():
    text = "1.资金管理方面\n（1）支付进度偏慢。\n（2）凭证不规范。\n2.项目管理方面：\n（1）验收不及时。"
    doc = _doc(text)
    groups = find_groups(doc, 0, len(text))
    assert [[text[i.start:i.end] for i in g.items] for g in groups] == [
        ["支付进度偏慢。", "凭证不规范。"], ["验收不及时。"]]
    assert [(g.intro, g.nested) for g in groups] == [("资金管理方面", True), ("项目管理方面", True)]


def test_enumerations_nested_reasons_stay_inside_their_item():
    text = "1.资金支付进度偏慢，原因有二：一是审批慢，二是招标晚。\n2.人员不足。"
    assert _lists(text) == [[(1, "资金支付进度偏慢，原因有二：一是审批慢，二是招标晚。"), (2, "人员不足。")]]


def test_enumerations_counting_again_starts_a_new_list_with_its_own_intro():
    text = "存在短板：一是宣传不够；二是档案不全。\n我们要坚持问题导向。\n一是加强宣传。\n二是完善档案。"
    groups = find_groups(_doc(text), 0, len(text))
    assert [len(g.items) for g in groups] == [2, 2]
    assert [g.intro for g in groups] == ["存在短板：", "我们要坚持问题导向。"]


def test_enumerations_intro_stops_at_the_start_of_the_stretch():
    text = "五、存在问题及整改措施\n1.指标不够科学。\n2.执行率偏低。"
    start = text.index("\n")
    assert find_groups(_doc(text), start, len(text))[0].intro == ""


def test_enumerations_table_rows_hold_no_markers():
    builder = TextBuilder()
    builder.add_paragraph("存在问题：")
    builder.add_table([[Cell(0, 0, "1.", 0, 0), Cell(0, 1, "资金到位较晚", 0, 0)],
                       [Cell(1, 0, "2.", 0, 0), Cell(1, 1, "人员不足", 0, 0)]])
    doc = Document(doc_id="t", source_path="t.docx", format="docx", text=builder.text(),
                   tables=builder.tables)
    assert find_groups(doc, 0, len(doc.text)) == []


@pytest.mark.parametrize("text,pos,expected", [
    ("前言\n1.资金到位较晚。", 3, True),
    ("前言\n一是加强领导。", 3, True),
    ("前言\n（二）人员不足", 3, True),
    ("前言\n资金到位较晚。", 3, False),
    ("前言\n2021年完成培训。", 3, False),
])
def test_enumerations_starts_with_marker(text, pos, expected):
    assert starts_with_marker(_doc(text), pos) is expected
