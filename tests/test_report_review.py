"""The report's 复核提示 view: review findings per department and year, each opening its evidence."""
from __future__ import annotations

import re
from html import escape

import pytest

from pipeline.report.build import write_report
from tests.test_report import PLANT, evidence_book, write_tables


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    return write_report(write_tables(tmp_path_factory.mktemp("tables"))).read_text(encoding="utf-8")


def test_report_review_findings_per_department_and_year(page):
    review = page[page.index('<section id="review"'):]
    review = review[:review.index("</section>")]
    assert "共 2 条：错误 0，警告 2，提示 0。" in review
    departments = re.findall(r'<h3 id="review-d\d+">(.*?) <span', review)
    assert len(departments) == 2 and departments[0] == "江门市司法局"
    assert "测试局&lt;script&gt;window" in departments[1]  # the department's key, escaped
    assert "<td class=\"num\">2022</td><td>法律援助经费</td>" in review
    assert f"却得满分{escape(PLANT)}" in review and PLANT not in review
    assert '<li><a href="#review">复核提示</a></li>' in page


def test_report_review_finding_opens_its_evidence(page):
    review = page[page.index('<section id="review"'):]
    entry = evidence_book(page)[re.search(r'data-ev="(ev\d+)"', review).group(1)]
    assert entry["title"] == "未达目标却标为完成：指标“法律援助案件数量”实际完成1288件未达到目标≥1300件，却得满分"
    assert entry["source_path"] == "archive/2022_a2022.txt"
    (passage,) = entry["passages"]
    assert [t for t, m in passage["segments"] if m] == ["法律援助案件数量：≥1300件"]
    assert passage["section_path"] == "二、绩效目标"
    assert entry["note"] == "文中：1288件；应为：≥1300件"


def test_report_of_a_folder_written_before_the_checks_table(tmp_path):
    out = write_tables(tmp_path)
    (out / "checks.parquet").unlink()
    html = write_report(out).read_text(encoding="utf-8")
    assert "没有复核提示。（该输出目录没有 checks 表：请重新运行 jixiao extract。）" in html
