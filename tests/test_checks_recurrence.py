"""Review check across years: a problem reported again the next year in the same words."""
from __future__ import annotations

import pytest

from pipeline.checks import across_documents
from pipeline.core.schema import TABLES
from pipeline.run.process import extract_document
from tests.build_checks import CLEAN, document

COPIED = "基层法律援助工作站人员力量薄弱"
# The other problem of each year's report: a different one every year.
OTHER = {2020: "案卷归档不够及时", 2021: "办案补贴标准偏低", 2022: "法律援助宣传覆盖面不够广"}


def _report(year: int, problem: str) -> str:
    text = CLEAN.replace("2022", str(year)).replace(COPIED, problem)
    return text.replace("法律援助宣传覆盖面不够广", OTHER[year])


def _tables(*reports: tuple[int, str]) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for year, problem in reports:
        rows = extract_document(document(_report(year, problem), doc_id=f"d{year}")).rows
        for name, found in rows.items():
            tables[name].extend(found)
    return tables


@pytest.mark.parametrize("reports, found", [
    (((2021, COPIED), (2022, COPIED)), [("d2022", COPIED)]),
    (((2021, COPIED), (2022, "一、" + COPIED)), [("d2022", "一、" + COPIED)]),  # numbering aside
    (((2021, COPIED), (2022, "基层工作站专职人员少，业务骨干流动较快")), []),  # reworded: a recurrence, no copy
    (((2020, COPIED), (2022, COPIED)), []),  # not consecutive years
])
def test_checks_recurring_problem(reports, found):
    rows = across_documents(_tables(*reports))
    assert [(r["doc_id"], r["value_stated"]) for r in rows if r["rule"] == "recurring_problem"] == found
    for row in rows:
        assert row["severity"] == "warning" and "与2021年报告所列问题表述相同" in row["message"]


def test_checks_recurring_problems_of_an_archive_run_match_the_rule_on_its_tables(tmp_path):
    """extract_to finds recurring problems group by group and reads the documents they are in
    one at a time (assemble._rows_of_docs): its checks rows are the rule's on the same tables,
    byte-identical copies (one doc_id, two documents rows) included."""
    from pipeline import store
    from pipeline.run import extract_to

    folder = tmp_path / "in"
    folder.mkdir()
    for year in (2020, 2021, 2022):
        text = CLEAN.replace("2022", str(year))  # the same problems every year
        (folder / f"{year}.txt").write_text(text, encoding="utf-8")
    (folder / "2022-copy.txt").write_text(CLEAN, encoding="utf-8")
    extract_to([folder], tmp_path / "out", jobs=1)
    tables = store.load(tmp_path / "out")
    found = tables.checks[tables.checks["rule"] == "recurring_problem"]
    expected = [r for r in across_documents({name: getattr(tables, name) for name in TABLES})
                if r["rule"] == "recurring_problem"]
    assert len(found) == len(expected) == 4  # two problems, again in 2021 and in 2022
    columns = ["doc_id", "char_start", "char_end", "value_stated", "evidence", "section_path"]
    assert found[columns].to_dict("records") == [{c: r[c] for c in columns} for r in expected]
