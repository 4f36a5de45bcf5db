"""Document.match_text: the view vocabulary is matched on, of the text's length."""
from __future__ import annotations

import pytest

from pipeline.core.document import Document
from pipeline.core.match_view import match_view
from tests.conftest import SEED


def doc(text: str) -> Document:
    return Document(doc_id="t", source_path="t.txt", format="txt", text=text)


@pytest.mark.parametrize("text,view", [
    ("（一）項目績效目標：預算資金120萬元", "(一)项目绩效目标:预算资金120万元"),
    ("開展閲讀推廣活動65場，滿意度為96.5%", "开展阅读推广活动65场,满意度为96.5%"),  # Hong Kong forms
    ("羣衆滿意度爲94%，啓動資金", "群众满意度为94%,启动资金"),  # OpenCC's standard forms
    ("全年完成１２０个，下属　5 家", "全年完成120个,下属 5 家"),
])
def test_document_match_text_reads_simplified_half_width(text, view):
    assert doc(text).match_text == view


@pytest.mark.parametrize("text,view", [
    ("平陽縣(xiàn)交通運(yùn)輸局", "平阳县      交通运     输局"),
    ("預算執行（xíng）率95.12%", "预算执行      率95.12%"),
    ("重(chong2)點項目", "重        点项目"),
])
def test_document_match_text_blanks_a_converters_pinyin(text, view):
    assert doc(text).match_text == view


@pytest.mark.parametrize("text", [
    "采用PPP(public private)模式", "项目(a)完成", "附件(1)", "单位(万元)", "社区(ABC)",
])
def test_document_match_text_keeps_brackets_that_are_no_pinyin(text):
    assert doc(text).match_text == text.replace("（", "(").replace("）", ")")


def test_document_match_text_leaves_simplified_text_as_it_was():
    text = SEED.read_text(encoding="utf-8")
    assert match_view(text) == text.translate({cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20})


@pytest.mark.parametrize("text", [
    "績效自評報告", "平陽縣(xiàn)交通運(yùn)輸局，預算1,260萬元", "（一）测试　full-width", "\U00020000𠀀",
])
def test_document_match_text_keeps_the_length(text):
    assert len(doc(text).match_text) == len(text)
