"""extractors.budgets: money roles from prose and budget tables, and the document's figures.

Sentences and tables are written the way reports from different provinces write them; every
record is checked for the offset invariant text[char_start:char_end] == raw.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from extractors import budgets
from extractors.budgets.tables import Mention, mark_adjusted
from extractors.context import Context
from extractors.records import BudgetRecord, DocFacts
from pipeline.core.document import Cell, Document, TextBuilder

W = Decimal(10000)  # one 万元 in yuan


def _run(doc: Document, year: int | None = None) -> tuple[list[BudgetRecord], DocFacts]:
    out = budgets.extract(doc, Context(facts=DocFacts(year=year)))
    records = [r for r in out if isinstance(r, BudgetRecord)]
    for record in records:
        assert doc.text[record.span.char_start:record.span.char_end] == record.raw
        assert record.raw in record.span.evidence
    (facts,) = [r for r in out if isinstance(r, DocFacts)]
    return records, facts


def _text_doc(text: str) -> Document:
    return Document(doc_id="t", source_path="t.txt", format="txt", text=text)


def _table_doc(before: list[str], rows: list[list], after: tuple[str, ...] = ()) -> Document:
    """rows: cell text, (text, colspan), or None where a merged cell above or left covers it."""
    builder = TextBuilder()
    for paragraph in before:
        builder.add_paragraph(paragraph)
    grid = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            if value is None:
                continue
            text, span = value if isinstance(value, tuple) else (value, 1)
            cells.append(Cell(row=r, col=c, text=text, char_start=0, char_end=0, colspan=span))
        grid.append(cells)
    builder.add_table(grid)
    for paragraph in after:
        builder.add_paragraph(paragraph)
    return Document(doc_id="t", source_path="t.docx", format="docx", text=builder.text(),
                    tables=builder.tables)


def _roles(records: list[BudgetRecord]) -> list[tuple[str, Decimal, bool]]:
    return [(r.role, r.amount_yuan, r.is_part) for r in records]


# --- prose ------------------------------------------------------------------------------
PROSE = [
    ("全年预算数为200万元,执行数为179.43万元,完成预算的89.7%。", None,
     [("budget", 200 * W, False), ("actual", Decimal("179.43") * W, False)]),
    ("2021年度部门预算安排财政资金69.8万元。", 2021, [("budget", Decimal("698000"), False)]),
    ("根据工作开展实际情况，全年度实际支出52.24万元。", 2021, [("actual", Decimal("522400"), False)]),
    ("项目资金总额人民币伍拾万元整。", None, [("budget", Decimal("500000"), False)]),
    ("截至2021年12月31日，已拨付资金45万元。", 2021, [("actual", 45 * W, False)]),
    ("全年累计完成支出18,102.7万元，预算执行率97.07%。", 2022, [("actual", Decimal("181027000"), False)]),
    ("调整后预算为180万元，实际支出175万元，预算执行率97.22%。", None,
     [("adjusted_budget", 180 * W, False), ("actual", 175 * W, False)]),
    ("按每户400元的标准发放，共发放补贴资金12万元。", None,
     [("other", Decimal(400), False), ("actual", 12 * W, False)]),
    ("补助标准为每人每月300元。", None, [("other", Decimal(300), False)]),
    ("市财政每年安排专项资金50万元。", None, [("budget", 50 * W, False)]),
    ("2023年当年预算执行数为60.13万元，2024年预算安排25.77万元。", 2024,
     [("other", Decimal("601300"), False), ("budget", Decimal("257700"), False)]),
    ("全年支出98.6万元，比上年增加12.3万元。", None,
     [("actual", Decimal("986000"), False), ("other", Decimal("123000"), False)]),
    ("较上年度减少预算资金5万元。", None, [("other", 5 * W, False)]),
    ("省财政下达资金300万元，其中中央资金200万元，省级资金100万元。", None,
     [("budget", 300 * W, False), ("budget", 200 * W, True), ("budget", 100 * W, True)]),
    ("资金到位120万元，实际支出110万元，结余资金10万元结转下年使用。", None,
     [("arrived", 120 * W, False), ("actual", 110 * W, False), ("balance", 10 * W, False)]),
    ("全年度实际支出52.24万\n元，专款专用。", None, [("actual", Decimal("522400"), False)]),
    ("项目总投资1.2亿元，分三年实施。", None, [("budget", Decimal("120000000"), False)]),
    ("年初预算1,234.56万元，调整后预算1,300万元。", None,
     [("budget", Decimal("12345600"), False), ("adjusted_budget", 1300 * W, False)]),
    ("年初预算数、全年预算数、全年执行数分别为100万元、110万元、95万元。", None,
     [("budget", 100 * W, False), ("adjusted_budget", 110 * W, False), ("actual", 95 * W, False)]),
    ("上年结转资金20万元，当年预算安排80万元，合计100万元。", None,
     [("budget", 20 * W, True), ("budget", 80 * W, True), ("budget", 100 * W, False)]),
    ("预算由100万元调整为80万元。", None, [("budget", 100 * W, False), ("adjusted_budget", 80 * W, False)]),
    ("采购执法记录仪，单价为2.5万元/台。", None, [("other", Decimal("25000"), False)]),
    ("中央财政补助资金200万元，已拨付180万元。", None,
     [("budget", 200 * W, False), ("actual", 180 * W, False)]),
    ("实际支出45万元，其中人员经费20万元，公用经费25万元。", None,
     [("actual", 45 * W, False), ("actual", 20 * W, True), ("actual", 25 * W, True)]),
    ("项目预算300万元，其中中央资金200万元，实际支出280万元。", None,
     [("budget", 300 * W, False), ("budget", 200 * W, True), ("actual", 280 * W, False)]),
    ("截至2022年6月底，累计支出资金95万元。", 2021, [("actual", 95 * W, False)]),
    ("县财政局拨付项目经费叁拾伍万元整，用于设备购置。", None, [("budget", Decimal("350000"), False)]),
    ("本年度共使用资金8.6万元，节约资金1.4万元。", None,
     [("actual", Decimal("86000"), False), ("balance", Decimal("14000"), False)]),
    ("2024年收入预算15621.11万元，其中：财政拨款收入15621.11万元，比2023年预算减少876.75万元。", 2024,
     [("budget", Decimal("156211100"), False), ("budget", Decimal("156211100"), True),
      ("other", Decimal("8767500"), False)]),
    ("“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。", 2024,
     [("other", Decimal("257700"), False)]),
    ("决算支出3,200.15万元，完成年初预算的96.4%。", None, [("actual", Decimal("32001500"), False)]),
    ("年初预算数：50万元；全年执行数：48.5万元。", None,
     [("budget", 50 * W, False), ("actual", Decimal("485000"), False)]),
    ("每超支1万元扣1分。", None, [("other", W, False)]),
    ("项目年度预算资金总额为0.85亿元。", None, [("budget", Decimal("85000000"), False)]),
]


@pytest.mark.parametrize("text,year,expected", PROSE)
def test_budgets_prose_roles(text, year, expected):
    records, _ = _run(_text_doc(text), year)
    assert _roles(records) == expected


@pytest.mark.parametrize("text,year,budget,actual,stated,rate", [
    ("2021年度部门预算安排财政资金69.8万元。\n全年度实际支出52.24万元。", 2021,
     Decimal("698000"), Decimal("522400"), None, Decimal("74.84")),
    ("全年预算数为200万元,执行数为179.43万元,完成预算的89.7%。", None,
     200 * W, Decimal("1794300"), Decimal("89.7"), Decimal("89.7")),
    ("年初预算100万元。年中调整后预算为80万元。全年实际支出78万元。", None,
     80 * W, 78 * W, None, Decimal("97.50")),
    ("2020年实际支出40万元。2021年预算安排50万元，实际支出45万元，预算执行率为90%。", 2021,
     50 * W, 45 * W, Decimal("90"), Decimal("90")),
    ("评分标准：预算执行率≥90%的得满分。项目预算30万元，执行数27万元。", None,
     30 * W, 27 * W, None, Decimal("90.00")),
    ("按每户400元标准发放补助。", None, None, None, None, None),
    ("项目总投资1.2亿元，2021年计划投资3,500万元，年度完成投资3,420.5万元。", 2021,
     3500 * W, Decimal("34205000"), None, Decimal("97.73")),
    ("上年结转资金20万元，当年预算安排80万元，合计100万元。全年支出96万元。", None,
     100 * W, 96 * W, None, Decimal("96.00")),
    # A whole-life total split into its fiscal share and 自筹: the fiscal share is evaluated,
    # and 支付率 is the execution rate.
    ("项目总投资3,560万元，其中财政资金2,800万元，自筹760万元；已支付2,646万元，支付率94.5%。", None,
     2800 * W, 2646 * W, Decimal("94.5"), Decimal("94.5")),
    # 支出进度 states the execution rate too.
    ("上级下达资金3,215.6万元，县财政配套资金420万元，共计3,635.6万元。累计拨付资金3,362.93万元，支出进度92.5%。", None,
     Decimal("36356000"), Decimal("33629300"), Decimal("92.5"), Decimal("92.5")),
    # Parts without cues of their own after the cued first one, then their 合计; 执行 is spend.
    ("共下达资金：中央资金1,500万元、自治区资金300万元、州级配套200万元，合计2,000万元；执行1,846.38万元，执行率92.32%。",
     None, 2000 * W, Decimal("18463800"), Decimal("92.32"), Decimal("92.32")),
    # A whole-year total after an addition is the adjusted budget.
    ("年初预算1.72亿元，经年中追加经费1,400.00万元，全年预算总额1.86亿元。全年实际支出1.795亿元。", None,
     Decimal("186000000"), Decimal("179500000"), None, Decimal("96.51")),
])
def test_budgets_prose_document_figures(text, year, budget, actual, stated, rate):
    _, facts = _run(_text_doc(text), year)
    assert (facts.budget_yuan, facts.actual_yuan) == (budget, actual)
    assert (facts.execution_rate_stated_pct, facts.execution_rate_pct) == (stated, rate)
    assert facts.warnings == ()


@pytest.mark.parametrize("text,warning", [
    ("全年预算数100万元，执行数80万元，预算执行率为95%。", "differs from spend/budget 80.00%"),
    ("预算安排50万元，实际支出55万元。", "exceeds the budget"),
])
def test_budgets_summary_warns(text, warning):
    _, facts = _run(_text_doc(text))
    assert any(warning in w for w in facts.warnings), facts.warnings


def test_budgets_department_budget_takes_income_budget_and_no_spend():
    text = ("2024年，某某街道办事处收入预算15,621.11万元，其中：财政拨款收入15,621.11万元，"
            "比2023年预算减少876.75万元；\n支出预算15,621.11万元。\n"
            "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。\n"
            "2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。")
    _, facts = _run(_text_doc(text), 2024)
    assert facts.budget_yuan == Decimal("156211100") and facts.actual_yuan is None
    assert facts.execution_rate_pct is None


# --- tables -----------------------------------------------------------------------------
SELF_EVAL_ROWS = [
    ["项目名称", ("依法治市工作经费", 7)],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [None, "年度资金总额", "70", "70", "52.24", "10", "74.63%", "7.46"],
    [None, "其中：当年财政拨款", "70", "70", "52.24", "—", "—", "—"],
    [None, "上年结转资金", "", "", "", "—", "—", "—"],
    [None, "其他资金", "", "", "", "—", "—", "—"],
    ["年度总体目标", ("预期目标", 3), None, None, ("实际完成情况", 4)],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "专家人数", "12", "12", "10", "10", ""],
]


def test_budgets_table_self_evaluation_total_row_wins_over_text():
    doc = _table_doc(["2021年度部门预算安排财政资金69.8万元。"], SELF_EVAL_ROWS)
    records, facts = _run(doc, 2021)
    table = [(r.role, r.amount_yuan, r.is_part, r.label) for r in records if r.source == "table"]
    assert table == [
        ("budget", 70 * W, False, "年度资金总额"), ("budget", 70 * W, False, "年度资金总额"),
        ("actual", Decimal("522400"), False, "年度资金总额"),
        ("budget", 70 * W, True, "其中：当年财政拨款"), ("budget", 70 * W, True, "其中：当年财政拨款"),
        ("actual", Decimal("522400"), True, "其中：当年财政拨款"),
    ]
    assert (facts.budget_yuan, facts.actual_yuan) == (70 * W, Decimal("522400"))
    assert facts.execution_rate_stated_pct == Decimal("74.63")
    assert any("the table's total row says 700000" in w for w in facts.warnings)
    row = next(r for r in records if r.label == "年度资金总额")
    assert row.span.evidence.startswith("年度资金总额\t70\t70\t52.24")


@pytest.mark.parametrize("before,rows,budget,actual,stated", [
    pytest.param(["金额单位：元"], [
        ["项目", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"],
        ["资金总额", "1,200,000.00", "1,150,000.00", "1,100,000.00", "95.65%", "10", "9.5"],
        ["财政拨款", "1,000,000.00", "1,000,000.00", "980,000.00", "98%", "", ""],
    ], Decimal("1150000"), Decimal("1100000"), Decimal("95.65"), id="adjusted-column-unit-in-caption"),
    pytest.param(["单位：万元"], [
        ["项目", ("预算数", 2), None, "执行数", "执行率"],
        ["", "年初预算", "调整后预算", "", ""],
        ["合计", "465.49", "480.00", "465.50", "96.98%"],
    ], 480 * W, Decimal("4655000"), Decimal("96.98"), id="two-row-header-merged"),
    pytest.param([], [
        ["项目资金", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "执行率"],
        ["年度资金总额", "50", "55", "54", "98.18%"],
    ], 55 * W, 54 * W, Decimal("98.18"), id="full-year-differs-from-initial-is-adjusted"),
    pytest.param(["全年预算数为30万元。"], [
        ["年初预算数", "全年预算数", "全年执行数"],
        ["30", "30", "28.5"],
    ], 30 * W, Decimal("285000"), None, id="no-unit-read-as-the-text-quotes-it"),
])
def test_budgets_table_layouts(before, rows, budget, actual, stated):
    _, facts = _run(_table_doc(before, rows))
    assert (facts.budget_yuan, facts.actual_yuan, facts.execution_rate_stated_pct) == (budget, actual, stated)


def test_budgets_table_without_two_kinds_of_money_is_not_read():
    rows = [["本年收入", "", "本年支出", ""], ["项目", "预算数", "项目", "预算数"],
            ["一、财政拨款收入", "156,211,123", "一、一般公共服务支出", "2,932,700"]]
    records, facts = _run(_table_doc(["单位：元"], rows))
    assert not [r for r in records if r.source == "table"]
    assert facts.budget_yuan is None


FLAT_PIPES = """附表：项目支出绩效自评表
| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| --- | --- | --- | --- | --- | --- | --- | --- |
| | 年度资金总额 | 200 | 200 | 179.43 | 10 | 89.7% | 8.97 |
| | 其中：当年财政拨款 | 200 | | 179.43 | — | — | — |
| | 上年结转资金 | | | | — | — | — |
| 年度总体目标 | 完成年度考评工作 | | | | | | |"""
FLAT_TABS = ("项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
             "年度资金总额\t200\t200\t179.43\t10\t89.7%\t8.97\n"
             "其中：财政拨款\t200\t200\t179.43\t—\t—\t—\n年度总体目标\t完成年度考评工作")
FLAT_ONE_CELL_A_LINE = "\n".join([
    "单位：万元", "项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
    "年度资金总额", "200", "200", "179.43", "10", "89.7%", "8.97",
    "其中：当年财政拨款", "200", "200", "179.43", "—", "—", "—", "年度总体目标",
])
FLAT_SPACES = ("项目资金(万元) 年初预算 调整后预算数 预算执行数 预算执行率 权重 得分\n"
               "资金总额 220.00 200.00 179.43 89.7% 10 8.97\n本项目由市司法局组织实施。")


@pytest.mark.parametrize("text", [
    pytest.param(FLAT_PIPES, id="pipes"),
    pytest.param(FLAT_TABS, id="tabs"),
    pytest.param(FLAT_ONE_CELL_A_LINE, id="one-cell-a-line"),
    pytest.param(FLAT_SPACES, id="spaces"),
])
def test_budgets_flattened_table(text):
    records, facts = _run(_text_doc(text))
    assert (facts.budget_yuan, facts.actual_yuan) == (200 * W, Decimal("1794300"))
    assert facts.execution_rate_stated_pct == Decimal("89.7")
    total = [r for r in records if r.label in ("年度资金总额", "资金总额")]
    assert total and all(r.source == "table" and not r.is_part for r in total)
    assert all(r.is_part for r in records if r.label and "其中" in r.label)


def test_budgets_flattened_pipe_row_keeps_empty_cells_in_place():
    records, _ = _run(_text_doc(FLAT_PIPES))
    part = [(r.cue, r.amount_yuan) for r in records if r.label == "其中：当年财政拨款"]
    assert part == [("年初预算数", 200 * W), ("全年执行数", Decimal("1794300"))]


def test_budgets_prose_sentence_with_two_role_words_is_not_a_table():
    records, _ = _run(_text_doc("本项目年初预算数 全年预算数均为200万元，全年执行数为179.43万元。"))
    assert all(r.source == "text" for r in records)


@pytest.mark.parametrize("cues,amounts,roles", [
    (("年初预算数", "全年预算数"), (50, 55), ["budget", "adjusted_budget"]),
    (("年初预算数", "全年预算数"), (50, 50), ["budget", "budget"]),
    (("全年预算数", "全年执行数"), (50, 45), ["budget", "budget"]),
])
def test_budgets_mark_adjusted_full_year_differing_from_initial(cues, amounts, roles):
    mentions = [Mention(role="budget", amount_yuan=Decimal(a), start=i, end=i + 1, evidence=(0, 9),
                        source="table", cue=c, label=None, is_part=False)
                for i, (c, a) in enumerate(zip(cues, amounts))]
    assert [m.role for m in mark_adjusted(mentions)] == roles


FLAT_WRAPPED = """附件
          项目资金          年初预算数   全年预算数   全年执行数    分值    执行率    得分
          （万元）
                 年度资金总额：     200          200        179.43       10      89.7%      8.97
                 其中：当年财政拨款  200          200        179.43        —        —         —
                 上年结转资金
                 其他资金
   年度总体目标          完成年度考评工作"""


def test_budgets_flattened_table_with_unit_wrapped_under_its_header():
    records, facts = _run(_text_doc(FLAT_WRAPPED))
    assert (facts.budget_yuan, facts.actual_yuan) == (200 * W, Decimal("1794300"))
    assert facts.warnings == ()  # the unit was stated, under the header
    assert {r.label for r in records} == {"年度资金总额：", "其中：当年财政拨款"}


def test_budgets_word_self_evaluation_table_through_the_reader(tmp_path):
    docx = pytest.importorskip("docx")
    from pipeline.readers import read

    word = docx.Document()
    word.add_paragraph("2021年度依法治市工作经费项目支出绩效自评表")
    rows = [
        ["项目名称", "依法治市工作经费", "", "", "", "", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "69.8", "69.8", "52.24", "10", "74.84%", "7.48"],
        ["", "其中：当年财政拨款", "69.8", "69.8", "52.24", "—", "—", "—"],
        ["", "上年结转资金", "", "", "", "—", "—", "—"],
    ]
    table = word.add_table(rows=len(rows), cols=8)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(0, 1).merge(table.cell(0, 7))
    table.cell(1, 0).merge(table.cell(4, 0)).text = "项目资金（万元）"
    path = tmp_path / "self-eval.docx"
    word.save(path)
    records, facts = _run(read(path))
    assert (facts.budget_yuan, facts.actual_yuan) == (Decimal("698000"), Decimal("522400"))
    assert facts.execution_rate_stated_pct == Decimal("74.84") and facts.warnings == ()
    assert [(r.role, r.is_part) for r in records] == [
        ("budget", False), ("budget", False), ("actual", False),
        ("budget", True), ("budget", True), ("actual", True),
    ]


def test_budgets_table_part_rows_carry_the_adjustment_too():
    rows = [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率"],
            ["年度资金总额", "342.00", "352.00", "351.69", "99.91%"],
            ["其中：当年财政拨款", "342.00", "352.00", "351.69", "—"]]
    records, _ = _run(_table_doc([], rows))
    assert [(r.label, r.role) for r in records if r.cue == "全年预算数"] == [
        ("年度资金总额", "adjusted_budget"), ("其中：当年财政拨款", "adjusted_budget")]


@pytest.mark.parametrize("rows,budget", [
    ([["年初预算数", "全年预算数", "全年执行数"], ["45", "45", "43.2"]], 45 * W),
    ([["年初预算数", "全年预算数", "全年执行数"], ["1,250,000", "1,250,000", "1,180,000"]],
     Decimal("1250000")),
])
def test_budgets_table_without_unit_is_read_by_size_with_a_warning(rows, budget):
    _, facts = _run(_table_doc([], rows))
    assert facts.budget_yuan == budget
    assert any("states no unit" in w for w in facts.warnings)


def test_budgets_text_to_the_fen_beats_the_tables_rounded_figure():
    rows = [
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [None, "年度资金总额", "865.23", "865.23", "843.12", "10", "97.44%", "9.7"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["产出指标", "数量指标", "补贴农户数", "≥3.8万户", "3.86万户", "15", "15", ""],
    ]
    text = "2022年度项目预算资金8,652,340.00元。截至2022年12月31日，实际支出8,431,205.60元，预算执行率97.44%。"
    _, facts = _run(_table_doc([text], rows), 2022)
    assert (facts.budget_yuan, facts.actual_yuan) == (Decimal("8652340.00"), Decimal("8431205.60"))
    assert not any("took the table" in w for w in facts.warnings)
    # A text figure the table's rounding does not cover is another figure: the table wins.
    other = text.replace("8,431,205.60", "8,431,305.60")
    _, facts = _run(_table_doc([other], rows), 2022)
    assert facts.actual_yuan == Decimal("8431200")
    assert any("took the table" in w for w in facts.warnings)
