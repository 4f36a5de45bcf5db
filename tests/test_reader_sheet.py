"""pipeline/readers/sheet.py: workbooks as Tables, one document per form sheet."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from pipeline.core.errors import ReadError
from pipeline.readers import Unreadable, read, read_all
from pipeline.run import process_file
from tests.conftest import SHARED

SONGGANG = SHARED / "real-extra" / "sz_songgang_perf_goals_a.xlsx"
needs_songgang = pytest.mark.skipif(not SONGGANG.is_file(), reason=f"no {SONGGANG}")


def _form(sheet, project: str, budget: float, rate: float) -> None:
    sheet.append(["项目支出绩效自评表"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=4)
    sheet.append(["项目名称", project, None, None])
    sheet.merge_cells(start_row=2, start_column=2, end_row=2, end_column=4)
    sheet.append(["项目资金（万元）", "全年预算数", "全年执行数", "执行率"])
    sheet.append(["年度资金总额", budget, budget * rate, rate])
    sheet.cell(row=4, column=4).number_format = "0.00%"
    sheet.append(["其中：当年财政拨款", budget, None, None])
    sheet.merge_cells(start_row=4, start_column=1, end_row=5, end_column=1)


def _book(path: Path, sheets: dict[str, tuple[str, float, float]] | None = None, extra=None) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, args in (sheets or {}).items():
        _form(book.create_sheet(name), *args)
    if extra:
        extra(book)
    book.save(path)
    return path


def test_reader_sheet_numbers_read_as_typed_and_percentages_as_shown(tmp_path):
    path = _book(tmp_path / "one.xlsx", {"自评表": ("法律援助", 113.6, 0.9467)})
    (doc,) = read_all(path)
    lines = doc.text.split("\n")
    assert lines[0] == "项目支出绩效自评表"
    assert lines[3] == "年度资金总额\t113.6\t107.54512\t94.67%"
    assert doc.format == "xlsx" and doc.source_path == str(path)


def test_reader_sheet_merged_cells_appear_once_with_their_span(tmp_path):
    path = _book(tmp_path / "one.xlsx", {"自评表": ("法律援助", 100.0, 1.0)})
    (doc,) = read_all(path)
    table = doc.tables[0]
    title = next(c for c in table.cells if c.text == "项目支出绩效自评表")
    assert title.colspan == 4
    total = next(c for c in table.cells if c.text == "年度资金总额")
    assert total.rowspan == 2
    below = table.grid()[total.row + 1][0]
    assert below is not None and below.text == ""  # the merge continues into the row below
    for cell in table.cells:
        assert doc.text[cell.char_start:cell.char_end] == cell.text


def test_reader_sheet_form_sheets_are_documents_of_their_own(tmp_path):
    path = _book(tmp_path / "forms.xlsx", {"1.法律援助": ("法律援助", 100.0, 1.0),
                                          "2.人民调解": ("人民调解", 50.0, 0.9)})
    parts = list(read_all(path))
    assert [p.source_path for p in parts] == [f"{path}#1.法律援助", f"{path}#2.人民调解"]
    assert len({p.doc_id for p in parts}) == 2
    assert "人民调解" in parts[1].text and "法律援助" not in parts[1].text
    with pytest.raises(ReadError, match="several documents"):
        read(path)


def test_reader_sheet_workbook_without_forms_is_one_document(tmp_path):
    def sheets(book):
        for name in ("收入", "支出"):
            sheet = book.create_sheet(name)
            sheet.append([f"{name}预算表", None])
            sheet.append(["合计", 1200.5])
            sheet.append(["日期", dt.datetime(2024, 1, 15)])
    (doc,) = read_all(_book(tmp_path / "budget.xlsx", extra=sheets))
    assert len(doc.tables) == 2
    assert "收入预算表" in doc.text and "支出预算表" in doc.text
    assert "日期\t2024-01-15" in doc.text and "合计\t1200.5" in doc.text


@pytest.mark.parametrize("data,message", [
    (b"PK\x03\x04 this is not a workbook", "not a readable xlsx workbook"),
    (b"\xd0\xcf\x11\xe0 truncated", "not a readable xls workbook"),
])
def test_reader_sheet_damaged_file_is_one_error_row(tmp_path, data, message):
    path = tmp_path / ("bad.xlsx" if data.startswith(b"PK") else "bad.xls")
    path.write_bytes(data)
    (part,) = read_all(path)
    assert isinstance(part, Unreadable) and message in str(part.error)
    (result,) = process_file(path)
    assert result.status == "error" and result.rows["errors"][0]["stage"] == "read"


@needs_songgang
def test_reader_sheet_real_workbook_gives_its_twenty_forms():
    results = process_file(SONGGANG)
    assert len(results) == 20 and all(r.status == "ok" for r in results)
    first = results[0].rows["documents"][0]
    assert first["source_path"].endswith("#1.政府购买服务（专业技术服务类社区工作站管理经费）花果山社区")
    assert first["project"] == "政府购买服务（专业技术服务类社区工作站管理经费）花果山社区工作站"
    assert first["department"] == "深圳市宝安区松岗街道办事处"
