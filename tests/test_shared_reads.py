"""Work done once per document or once per distinct input gives what doing it each time gave:
the per-document memo, the anchored search for explicit indicator phrases, money searched only
in the stretches holding 元 and number patterns tried only where a number can start, section
names looked up by keyword pattern, the docx parts read once per distinct content."""
from __future__ import annotations

import random
import re
from pathlib import Path

import docx
import pytest

from corpus.wordml import Lvl, Numbering, number, save
from extractors.form.flat import rows_of
from extractors.indicators import prose
from pipeline.core import money, quantities
from pipeline.core.document import Document, Section, per_document
from pipeline.core.first_chars import guarded
from pipeline.readers import docx as docx_reader
from pipeline.readers.cleanup import clean_text
from pipeline.sections import names


def _doc(text: str) -> Document:
    return Document(doc_id="d", source_path="d.txt", format="txt", text=text)


def test_document_per_document_reads_once_until_sections_change():
    calls = []

    @per_document
    def read(doc: Document) -> list[int]:
        calls.append(doc.doc_id)
        return [len(doc.sections)]

    doc = _doc("一、项目概况\n")
    assert read(doc) is read(doc)
    assert len(calls) == 1
    doc.sections = [Section(1, None, 1, "一、", "项目概况", "overview", 0, 6)]
    assert read(doc) == [1]
    assert len(calls) == 2
    assert read(_doc("一、项目概况\n")) == [0]  # another document is read for itself
    assert len(calls) == 3


EXPLICIT_LINES = [
    "培训人次指标目标值500人次，实际完成520人次。",
    "其中，数量指标：验收合格率目标值≥95%，经抽样调查，实际达到98%；满意度目标为“有效保障”，实际为“良好”。",
    "实际完成值95%（目标值90%），项目个数实际完成12个，年初目标10个。",
    "低于实际完成是好实际%培训人次指标培训人次指标万指标实际完成指标实际完成520人次目标值500人次",
    "覆盖面    目标值 \t 80% 实际完成 85%，" + "说明" * 40 + "目标值60个实际完成61个",
]


@pytest.mark.parametrize("line", EXPLICIT_LINES)
def test_prose_explicit_hits_are_those_of_finditer(line):
    text = "前言\n" + line + "\n结语"
    lines = prose._target_lines(text)
    for pattern, anchor in zip(prose.EXPLICIT, prose._ANCHORS, strict=True):
        expected = [(m.span(), m.groupdict()) for start, end in lines for m in pattern.finditer(text, start, end)]
        found = [(m.span(), m.groupdict()) for m in prose._explicit_hits(pattern, text, lines, anchor)]
        assert found == expected


def test_prose_explicit_hits_are_those_of_finditer_on_random_lines():
    pieces = ["目标值500人次", "实际完成520人次", "目标为“有效保障”", "实际为“良好”", "实际完成值95%", "（目标值90%）",
              "培训人次指标", "目标", "指标值", "实际", "为", ":", ",", "。", " ", "\t", "的", "年初", "≥", "5", "%",
              "人次", "“", "”", "满意度", "、", "经抽样调查",
              # run-in results, deadlines and bracketed pairs
              "新建道路", "2.3公里", "计划", "2022年", "11月", "底前", "实际于", "完成", "(", ")", "/", "≥35公里",
              "36.2公里", "0.58", "年度", "2022年10月", "目标值2022年11月底前", "计划2022年11月底前完成",
              "实际于2022年12月中旬完成", "(≥35公里/36.2公里)", "(2023年10月底前/2023年10月25日)", "(≥0.58/0.59)",
              "计划2022年11月底前完成,实际于2022年12月中旬完成", "指标名称:桥梁荷载", ";指标值:公路-Ⅱ级",
              ";实际值:公路-Ⅱ级", ";指标值:2023年10月31日前", ";实际值:2023年11月20日",
              "指标名称:完工时间;指标值:2023年10月31日前;实际值:2023年11月20日"]
    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(3, 40)))
        lines = prose._target_lines(text)
        for pattern, anchor in zip(prose.EXPLICIT, prose._ANCHORS, strict=True):
            expected = [m.span() for start, end in lines for m in pattern.finditer(text, start, end)]
            assert [m.span() for m in prose._explicit_hits(pattern, text, lines, anchor)] == expected


MONEY_TEXTS = [
    "年初预算100万元，全年实际支出98万元，执行率98%。" * 12,
    "项目总投资465.49万\n元；其中：财政资金三十九万零六百二十五元整。" * 10 + "约1,234.50元左右！",
    "资金：" + "说明文字。" * 60 + "人民币¥3,480.83元",
]


@pytest.mark.parametrize("text", MONEY_TEXTS)
def test_money_find_money_searches_only_stretches_with_yuan_and_finds_the_same(text):
    assert len(text) >= money._SHORT
    expected = [(m.span(), m.groupdict()) for m in money.MONEY_RE.finditer(text)]
    found = [(m.span(), m.groupdict()) for start, end in money._yuan_spans(text)
             for m in money.MONEY_RE.finditer(text, start, end)]
    assert found == expected and expected


def test_money_find_money_twice_gives_equal_lists_with_the_text_raw():
    text = "年初預算120萬元，全年執行113.6萬元。" * 30
    first, second = money.find_money(text), money.find_money(text)
    assert first == second and first is not second
    assert all(text[m.start:m.end] == m.raw for m in first)
    assert first[0].raw == "120萬元" and first[0].amount_yuan == 1200000


TITLES = ["一、项目基本情况", "存 在 问 题", "（三）绩效目标完成情况分析", "下一步改进措施", "其他需要说明的事项",
          "附件", "部门整体支出绩效自评报告", "四、 存在的问题及原因分析", "这一行不是标题。"]


@pytest.mark.parametrize("title", TITLES)
def test_names_lookup_is_the_first_entry_with_a_keyword(title):
    squashed = re.sub(r"\s+", "", title)
    expected = next((e for e in names.LEXICON if any(k in squashed for k in e.keywords)), None)
    assert names._lookup(title) == expected


@pytest.mark.parametrize("text", ["", "普通段落", "a\r\nb", "x\u200by", "[bookmark: _Toc1]标题", "{#_Ref12}引用",
                                  "页\f码", "\ufeff正文\x00", "行\u2028分"])
def test_cleanup_clean_text_same_with_or_without_the_quick_check(text):
    slow = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\u2028", "\n")
    slow = re.sub(r"\[bookmark: [^\]]*\]|\{#_[A-Za-z0-9_]+\}", "", slow.replace("\u2029", "\n"))
    slow = slow.translate(dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\x00"), None))
    assert clean_text(text) == slow


class _T:
    def __init__(self, text: str) -> None:
        self.text = text


def test_form_flat_rows_of_keeps_a_line_of_two_cells_one_row():
    tokens = [_T("年初预算数"), _T("全年执行数")]
    assert rows_of(tokens) == [tokens]


def test_reader_docx_same_numbering_read_twice_counts_from_the_start(tmp_path: Path):
    document = docx.Document()
    num_id = Numbering(document).add_list(Lvl("chineseCounting", "%1、"))
    for text in ("项目概况", "绩效目标", "存在问题"):
        number(document.add_paragraph(text), num_id, 0)
    path = save(document, tmp_path / "a.docx")
    first, second = docx_reader.read(path), docx_reader.read(path)
    assert first.text == second.text == "一、项目概况\n二、绩效目标\n三、存在问题"


def test_first_chars_guarded_puts_the_possible_first_characters_in_front():
    pattern = guarded(r"(?P<pre>约|近)?(?:[-－])?(?P<num>[0-9]+|[一二三]+)元")
    assert pattern.pattern.startswith("(?=[")
    for ch in "约近-－09一二三":
        assert ch in pattern.pattern.split("]")[0]
    text = "预算约100万元，近三元，-5元，的元"
    unguarded = re.compile(r"(?P<pre>约|近)?(?:[-－])?(?P<num>[0-9]+|[一二三]+)元")
    assert [m.groupdict() for m in pattern.finditer(text)] == [m.groupdict() for m in unguarded.finditer(text)]


@pytest.mark.parametrize("pattern", [r"\d+元", r"(?:约)?", r"[^，]+元", r".元", r"(?i)ab", r"(?i:a)b"])
def test_first_chars_guarded_leaves_a_pattern_it_cannot_tell_as_it_is(pattern):
    assert guarded(pattern).pattern == pattern


@pytest.mark.parametrize("name", ["MONEY_RE", "QUANTITY_RE", "PERCENT_RE"])
def test_first_chars_number_patterns_find_what_they_found_unguarded(name):
    guarded_re = getattr(money, name, None) or getattr(quantities, name)
    unguarded = re.compile(guarded_re.pattern.split(")(?:", 1)[1][:-1])
    rng = random.Random(4)
    alphabet = sorted(set(unguarded.pattern) | set("的。，、 \n\t0123456789"))
    texts = MONEY_TEXTS + ["年初预算不少于1,234.50万元，约三百人次，≥95%，百分之九十，3-5个，人民币¥3,480.83元"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in guarded_re.finditer(text)] == \
               [(m.span(), m.groupdict()) for m in unguarded.finditer(text)]
