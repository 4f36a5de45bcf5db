"""The seed as a 项目支出绩效自评表 workbook: the national template (财政部 2021 edition) filled
with the seed report's figures, written as .xlsx (openpyxl: merged cells, 执行率 formatted as a
percentage) and as .xls (xlwt: merged cells; the .xls readers keep no styles, so 执行率 reads as
the fraction 0.7484), and the gold of the families such a form states.

The figures come from the seed's gold file (department, year, project, budget, spend, score and
the five indicators with their targets). What the report does not state and a form must — the
indicators' levels, actuals, weights and scores — is filled in here so that the scores add up
to the seed's 96 (88.52 for the indicators + 7.48 for budget execution).

    python -m tests.build_form_book DIR        # DIR/gold/, DIR/xlsx/, DIR/xls/ for `jixiao eval`
    python -m tests.build_form_book --example  # corpus/formats/jiangmen_2021_self_evaluation_form.xlsx

Deterministic: the same call writes the same bytes (.xlsx timestamps fixed; xlwt writes none).
"""
from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
import sys
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_NAME = "000_3863e364cbd2cac6"
GOLD_DIRS = (REPO.parent / "shared" / "gold", REPO / "corpus" / "seed-gold")
FORM_FAMILIES = ("metadata", "budget", "score", "indicators")
WIDTH = 10  # columns of the national template
PERCENT = "0.00%"
FIXED_TIME = dt.datetime(2022, 3, 15, 9, 0, 0)
EXAMPLE = REPO / "corpus" / "formats" / "jiangmen_2021_self_evaluation_form.xlsx"

# (level 1, level 2, actual, weight, score, 偏差原因) of the seed's five indicators, in order.
INDICATOR_ROWS = (
    ("产出指标", "数量指标", "12人", 20, 20, ""),
    ("产出指标", "数量指标", "7个市（区）", 20, 20, ""),
    ("产出指标", "质量指标", "100%", 20, 20, ""),
    ("效益指标", "社会效益指标", "保持优秀等次", 15, 15, ""),
    ("效益指标", "社会效益指标", "有提高", 15, Decimal("13.52"), "基层依法治理水平仍需提升"),
)
BUDGET_WEIGHT, BUDGET_SCORE = 10, Decimal("7.48")
GOAL = "统筹推进科学立法、严格执法、公正司法、全民守法，完成法治江门建设考评，提升全市依法治市水平。"
DONE = "全面完成年度各项工作任务，连续三年获评法治广东建设考评优秀等次。"


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    value: object
    last_row: int | None = None
    last_col: int | None = None
    percent: bool = False


def seed_gold(gold_dirs: tuple[Path, ...] = GOLD_DIRS) -> dict:
    for folder in gold_dirs:
        path = folder / f"{SEED_NAME}.json"
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    raise FileNotFoundError(f"no gold for the seed in {', '.join(map(str, gold_dirs))}")


def form_cells(gold: dict) -> list[Cell]:
    """The filled template, cell by cell (0-based rows and columns, merges by their last cell)."""
    meta, money = gold["metadata"], gold["budget"]
    budget, actual = _wan(money["budget_yuan"]), _wan(money["actual_yuan"])
    rate = (Decimal(money["actual_yuan"]) / Decimal(money["budget_yuan"])).quantize(Decimal("0.0001"))
    cells = [
        Cell(0, 0, "项目支出绩效自评表", last_col=WIDTH - 1),
        Cell(1, 0, f"（{meta['year']}年度）", last_col=WIDTH - 1),
        Cell(2, 0, "项目名称"), Cell(2, 1, f"全面{meta['project_contains']}", last_col=WIDTH - 1),
        Cell(3, 0, "主管部门"), Cell(3, 1, meta["department"], last_col=4),
        Cell(3, 5, "实施单位"), Cell(3, 6, meta["department"], last_col=WIDTH - 1),
        Cell(4, 0, "项目资金（万元）", last_row=8),
        *_row(4, ["", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None]),
        *_row(5, ["年度资金总额", None, budget, budget, actual, BUDGET_WEIGHT, Cell(5, 7, float(rate), percent=True),
                  float(BUDGET_SCORE), None]),
        *_row(6, ["其中：当年财政拨款", None, budget, budget, actual, "—", "—", "—", None]),
        *_row(7, ["上年结转资金", None, "", "", "", "—", "—", "—", None]),
        *_row(8, ["其他资金", None, "", "", "", "—", "—", "—", None]),
        Cell(9, 0, "年度总体目标", last_row=10),
        Cell(9, 1, "预期目标", last_col=5), Cell(9, 6, "实际完成情况", last_col=WIDTH - 1),
        Cell(10, 1, GOAL, last_col=5), Cell(10, 6, DONE, last_col=WIDTH - 1),
    ]
    first = 11
    indicators = gold["indicators"]
    cells.append(Cell(first, 0, "绩效指标", last_row=first + len(indicators)))
    cells += _row(first, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                          "偏差原因分析及改进措施", None])
    cells += _levels(first + 1)
    for i, (indicator, (_, _, done, weight, score, reason)) in enumerate(zip(indicators, INDICATOR_ROWS)):
        r = first + 1 + i
        cells += [Cell(r, 3, indicator["name"]), Cell(r, 4, indicator["target_raw"]), Cell(r, 5, done),
                  Cell(r, 6, weight), Cell(r, 7, float(score)), Cell(r, 8, reason, last_col=WIDTH - 1)]
    total = first + 1 + len(indicators)
    cells += [Cell(total, 0, "总分", last_col=5), Cell(total, 6, 100), Cell(total, 7, gold["score"]),
              Cell(total, 8, "", last_col=WIDTH - 1)]
    return cells


def form_gold(gold: dict, file: str) -> dict:
    """The seed's gold cut to what the form states; the form also states the rate and actuals."""
    derived = {"file": file, **{key: copy.deepcopy(gold[key]) for key in FORM_FAMILIES}}
    derived["budget"]["execution_rate_pct"] = derived["budget"]["execution_rate_computed_pct"]
    for indicator, row in zip(derived["indicators"], INDICATOR_ROWS):
        indicator["actual_raw"] = row[2]
    return derived


def write_xlsx(path: Path, cells: list[Cell]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.properties.creator = "jixiao tests"
    book.properties.created = FIXED_TIME
    sheet = book.active
    sheet.title = "项目支出绩效自评表"
    for cell in cells:
        target = sheet.cell(row=cell.row + 1, column=cell.col + 1, value=cell.value)
        if cell.percent:
            target.number_format = PERCENT
        if cell.last_row is not None or cell.last_col is not None:
            sheet.merge_cells(start_row=cell.row + 1, start_column=cell.col + 1,
                              end_row=(cell.last_row if cell.last_row is not None else cell.row) + 1,
                              end_column=(cell.last_col if cell.last_col is not None else cell.col) + 1)
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(_fixed_times(buffer.getvalue()))
    return path


def write_xls(path: Path, cells: list[Cell]) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("项目支出绩效自评表")
    percent = xlwt.easyxf(num_format_str=PERCENT)
    for cell in cells:
        style = percent if cell.percent else xlwt.Style.default_style
        if cell.last_row is not None or cell.last_col is not None:
            last_row = cell.last_row if cell.last_row is not None else cell.row
            last_col = cell.last_col if cell.last_col is not None else cell.col
            sheet.write_merge(cell.row, last_row, cell.col, last_col, cell.value, style)
        else:
            sheet.write(cell.row, cell.col, cell.value, style)
    book.save(str(path))
    return path


def form_grid(cells: list[Cell]) -> list[list[str]]:
    """The form as rows of cell texts, "<" where a merge continues from the left and "^" from
    above (corpus.model's markers), for the Word and PDF renderings."""
    from corpus.model import MERGE_LEFT, MERGE_UP

    n_rows = max((c.last_row if c.last_row is not None else c.row) for c in cells) + 1
    rows = [[""] * WIDTH for _ in range(n_rows)]
    for cell in cells:
        last_row = cell.last_row if cell.last_row is not None else cell.row
        last_col = cell.last_col if cell.last_col is not None else cell.col
        for r in range(cell.row, last_row + 1):
            for c in range(cell.col, last_col + 1):
                rows[r][c] = MERGE_UP if r > cell.row else MERGE_LEFT if c > cell.col else _shown(cell)
    return rows


def write_docx(path: Path, cells: list[Cell]) -> Path:
    """The form as the one table of a Word document, merged cells merged."""
    import docx

    rows = form_grid(cells)
    word = docx.Document()
    table = word.add_table(rows=len(rows), cols=WIDTH)
    for cell in cells:
        table.cell(cell.row, cell.col).text = _shown(cell)
        last_row = cell.last_row if cell.last_row is not None else cell.row
        last_col = cell.last_col if cell.last_col is not None else cell.col
        if (last_row, last_col) != (cell.row, cell.col):
            table.cell(cell.row, cell.col).merge(table.cell(last_row, last_col)).text = _shown(cell)
    word.save(path)
    return path


def write_pdf(path: Path, cells: list[Cell]) -> Path:
    """The form as a ruled grid on one PDF page (the page too narrow for the goal texts: they
    are cut to their first clause)."""
    from reportlab.pdfgen.canvas import Canvas

    from corpus.pdf_canvas import PAGE_H, PAGE_W, register_font
    from tests.build_pdf import Sheet

    register_font()
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    rows = [[text.split("，")[0] for text in row] for row in form_grid(cells)]
    Sheet(canvas).table(rows, [56, 40, 48, 100, 62, 62, 24, 28, 76, 1], row_h=22, size=6)
    canvas.showPage()
    canvas.save()
    return path


def build_form_book(folder: Path, gold: dict | None = None) -> dict[str, Path]:
    """folder/gold/SEED.json, folder/xlsx/SEED.xlsx and folder/xls/SEED.xls."""
    gold = gold or seed_gold()
    cells = form_cells(gold)
    written = {}
    for suffix, writer in (("xlsx", write_xlsx), ("xls", write_xls)):
        (folder / suffix).mkdir(parents=True, exist_ok=True)
        written[suffix] = writer(folder / suffix / f"{SEED_NAME}.{suffix}", cells)
    (folder / "gold").mkdir(parents=True, exist_ok=True)
    derived = form_gold(gold, f"{SEED_NAME}.txt")
    written["gold"] = folder / "gold" / f"{SEED_NAME}.json"
    written["gold"].write_text(json.dumps(derived, ensure_ascii=False, indent=2), encoding="utf-8")
    return written


def _row(r: int, values: list) -> list[Cell]:
    """Cells of row r from column 1; None continues the cell on its left (a merge), a Cell
    stands for itself."""
    cells: list[Cell] = []
    for c, value in enumerate(values, start=1):
        if isinstance(value, Cell):
            cells.append(value)
        elif value is None:
            cells[-1] = Cell(cells[-1].row, cells[-1].col, cells[-1].value, last_col=c)
        else:
            cells.append(Cell(r, c, value))
    return cells


def _levels(first: int) -> list[Cell]:
    """Level cells merged down over the rows they head."""
    cells = []
    for col, key in ((1, 0), (2, 1)):
        r = 0
        while r < len(INDICATOR_ROWS):
            end = r
            while end + 1 < len(INDICATOR_ROWS) and INDICATOR_ROWS[end + 1][:key + 1] == INDICATOR_ROWS[r][:key + 1]:
                end += 1
            cells.append(Cell(first + r, col, INDICATOR_ROWS[r][key], last_row=first + end if end > r else None))
            r = end + 1
    return cells


def _fixed_times(package: bytes) -> bytes:
    """The .xlsx package with fixed zip and document timestamps, so the bytes never change."""
    from corpus.wordml import ZIP_EPOCH

    with zipfile.ZipFile(io.BytesIO(package)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in entries:
            if name == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + FIXED_TIME.isoformat().encode() + b"Z",
                                 content)
            target.writestr(zipfile.ZipInfo(name, date_time=ZIP_EPOCH), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _shown(cell: Cell) -> str:
    """A cell's text as a sheet shows it: 69.8, 20, 74.84%."""
    if cell.percent:
        return f"{Decimal(str(cell.value)) * 100:.2f}%"
    if isinstance(cell.value, float):
        return format(Decimal(str(cell.value)).normalize(), "f")
    return str(cell.value)


def _wan(yuan) -> float:
    return float(Decimal(yuan) / Decimal(10000))


def build_example(path: Path = EXAMPLE) -> Path:
    """The bundled example of a 自评表 workbook (corpus/formats/), for `make demo`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_xlsx(path, form_cells(seed_gold()))


if __name__ == "__main__":
    if sys.argv[1:] == ["--example"]:
        print(build_example())
    elif len(sys.argv) == 2:
        for kind, path in build_form_book(Path(sys.argv[1])).items():
            print(f"{kind}: {path}")
    else:
        sys.exit("usage: python -m tests.build_form_book DIR | --example")
