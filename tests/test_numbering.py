"""The numbering vocabulary: each marker style matched and not matched, on raw and on
full-width-folded text, and the ordinal a marker counts."""
from __future__ import annotations

import re

import pytest

from pipeline.core import numbering as N
from pipeline.core.document import Document


def fold(text: str) -> str:
    """Full-width folded as the callers see it (`doc.match_text`)."""
    return Document(doc_id="t", source_path="t.txt", format="txt", text=text).match_text


# Each style by name, with the variants callers take (stated in numbering.py).
STYLES = {
    "part": N.part(), "chapter": N.chapter(), "jie": N.jie(), "cn": N.cn(), "cn_paren": N.cn_paren(),
    "arabic": N.arabic(), "arabic_inline": N.arabic(end=N.INLINE_END),
    "arabic_list": N.arabic(end=N.LIST_END), "arabic_heading": N.arabic(end=f"(?:{N.END}|{N.BEFORE_YEAR})"),
    "decimal": N.DECIMAL, "arabic_paren": N.arabic_paren(), "arabic_half": N.arabic_half(),
    "circled": N.CIRCLED_MARK, "dark_circled": f"[{N.DARK_CIRCLED}]", "bullet": N.BULLET, "letter": N.LETTER,
    "shi": N.shi(), "di": N.di(), "label": N.label(),
}


def marker(style: str, text: str) -> str | None:
    """What the style matches at the start of `text`."""
    match = re.match(STYLES[style], text)
    return match.group() if match else None


@pytest.mark.parametrize("style,text,expected", [
    ("part", "第一部分 项目概况", "第一部分"),
    ("part", "第十二部分", "第十二部分"),
    ("part", "第3部分", "第3部分"),
    ("part", "第一部门", None),
    ("chapter", "第一百零一章", "第一百零一章"),
    ("chapter", "第二节", None),
    ("jie", "第三节 评价方法", "第三节"),
    ("cn", "一、项目概况", "一、"),
    ("cn", "十一.资金管理", "十一."),
    ("cn", "一、2024年“三公”经费", "一、"),
    ("cn", "一.5", None),
    ("cn", "一是加强领导", None),
    ("cn", "一二三四、", None),  # lists count to 九十九 at most
    ("cn_paren", "（一）项目概况", "（一）"),
    ("cn_paren", "(二十)资金", "(二十)"),
    ("cn_paren", "（一）、资金投入情况", "（一）、"),
    ("cn_paren", "（一）.资金", "（一）."),
    ("cn_paren", "（1）", None),
    ("arabic", "1.总体目标", "1."),
    ("arabic", "12、培训人次", "12、"),
    ("arabic", "1.5万元", None),
    ("arabic", "123、", None),
    ("arabic", "1、2021年完成", "1、"),
    ("arabic_inline", "1、2、3月", None),
    ("arabic_inline", "1、加强管理", "1、"),
    ("arabic_list", "3)培训", "3)"),
    ("arabic_heading", "5.2024年部门预算", "5."),
    ("arabic_heading", "5.2024万元", None),
    ("decimal", "1.1 项目背景", "1.1"),
    ("decimal", "2.3.1. 资金", "2.3.1."),
    ("decimal", "1.5万元", None),
    ("decimal", "1.5 万元", "1.5"),  # a space makes it numbering; the callers weigh the title
    ("arabic_paren", "（1）产出目标", "（1）"),
    ("arabic_paren", "(12).资金", "(12)."),
    ("arabic_paren", "（一）", None),
    ("arabic_half", "1)资金到位", "1)"),
    ("arabic_half", "1)2", None),
    ("circled", "①群众满意度", "①"),
    ("circled", "⑳", "⑳"),
    ("circled", "㉑", None),
    ("dark_circled", "❶", "❶"),
    ("bullet", "• 培训人次", "•"),
    ("letter", "a.验收合格率", "a."),
    ("shi", "一是宣传不够", "一是"),
    ("shi", "一是否达标", None),
    ("shi", "十二是", "十二是"),
    ("di", "第一，加强管理", "第一，"),
    ("di", "其二是", "其二是"),
    ("di", "第一批项目", None),
    ("label", "问题一：资金到位慢", "问题一："),
    ("label", "措施二:", "措施二:"),
    ("label", "问题一资金", None),
])
def test_numbering_styles_match_raw_text(style, text, expected):
    assert marker(style, text) == expected


@pytest.mark.parametrize("style,text,expected", [
    ("cn_paren", "（一）项目概况", "(一)"),
    ("arabic", "１．资金到位较晚", "1."),
    ("arabic", "１．５万元", None),
    ("arabic_paren", "（１）产出", "(1)"),
    ("arabic_half", "１）资金", "1)"),
    ("decimal", "１．１　项目背景", "1.1"),
    ("label", "问题一：", "问题一:"),
])
def test_numbering_styles_match_folded_text(style, text, expected):
    assert marker(style, fold(text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("一、", 1),
    ("十、", 10),
    ("十一、", 11),
    ("二十", 20),
    ("九十九.", 99),
    ("（三）", 3),
    ("(3)", 3),
    ("１２．", 12),
    ("1.2", 2),  # the second item under 1
    ("2.3.1.", 1),
    ("①", 1),
    ("⑳", 20),
    ("❶", 1),
    ("❿", 10),
    ("第二部分", 2),
    ("第十二章", 12),
    ("第一百零一章", 101),
    ("第12节", 12),
    ("一是", 1),
    ("其三", 3),
    ("问题二：", 2),
    ("一二、", None),  # numerals read one by one number no list
    ("十十、", None),
    ("•", None),
    ("", None),
])
def test_numbering_ordinal(text, expected):
    assert N.ordinal(text) == expected


@pytest.mark.parametrize("text", ["（十一）", "十一、", "１１．", "(11)"])
def test_numbering_ordinal_of_folded_text(text):
    assert N.ordinal(fold(text)) == 11


@pytest.mark.parametrize("outer,inner", [
    ("part", "chapter"),
    ("chapter", "jie"),
    ("jie", "cn"),
    ("cn", "cn_paren"),
    ("cn_paren", "arabic"),
    ("arabic", "decimal2"),
    ("decimal2", "decimal3"),
    ("decimal3", "arabic_paren"),
    ("arabic_paren", "arabic_half"),
    ("arabic_half", "circled"),
])
def test_numbering_rank_follows_gb_order(outer, inner):
    assert N.rank(outer) < N.rank(inner)


@pytest.mark.parametrize("style", ["plain", "shi", "bullet"])
def test_numbering_rank_of_an_unranked_style(style):
    assert N.rank(style) is None


@pytest.mark.parametrize("a,b,same", [
    ("1.", "2.", True),
    ("十一、", "二、", True),
    ("(1)", "(12)", True),
    ("1.", "(1)", False),
    ("一、", "1、", False),
])
def test_numbering_shape(a, b, same):
    assert (N.shape(a) == N.shape(b)) is same
