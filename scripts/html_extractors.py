"""Main-content extractors measured on saved government pages (tests/build_web.py).

    .venv/bin/pip install trafilatura     # measured against; not a dependency of jixiao
    .venv/bin/python scripts/html_extractors.py

For each page: the share of the report's lines and table cells found in the extracted text
(recall), how many of the site's furniture strings leaked into it, and the milliseconds.
Pages: the seed on the three site layouts of tests/build_web.py, and two shapes that trip
extractors — a short article (two lines, a link list around it) and a form (one line, then
a 自评表 as a table).
"""
from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import lxml.html  # noqa: E402
from readability import Document as Readability  # noqa: E402

from pipeline.readers import read  # noqa: E402
from tests.build_web import FURNITURE, Page, render, seed_page  # noqa: E402

FORM = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]] + [
    ["产出指标", "数量指标", f"培训人次{i}", f"{i * 10}人次", f"{i * 10}人次", "10", "10"] for i in range(1, 8)
]


def pages() -> list[tuple[str, Page, str]]:
    seed = seed_page()
    short = Page("某县财政局2021年度项目支出绩效自评报告", [("p", "现将我县2021年度项目支出绩效自评报告公开如下，请查阅附件。")])
    form = Page("某区教育局2021年度项目支出绩效自评表", [("p", "项目支出绩效自评表如下。"), ("table", FORM)])
    return [(f"seed/{site}", seed, site) for site in ("portal", "flat", "county")] + [
        ("short/portal", short, "portal"), ("form/portal", form, "portal"), ("form/county", form, "county"),
    ]


def wanted(page: Page) -> list[str]:
    lines = []
    for kind, content in page.blocks:
        lines += [cell for row in content for cell in row] if kind == "table" else [content]
    return lines


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_tables=True) or ""


def _readability(html: str) -> str:
    return lxml.html.fromstring(Readability(html).summary(html_partial=True)).text_content()


def _jixiao(html: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(html, encoding="utf-8")
        return read(path).text


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def main() -> None:
    extractors = {"trafilatura": _trafilatura, "readability": _readability, "jixiao": _jixiao}
    print(f"{'page':14} {'extractor':12} {'recall':>7} {'leaks':>6} {'ms':>6}  leaked")
    for name, page, site in pages():
        html = render(page, site)
        for label, extract in extractors.items():
            started = time.perf_counter()
            text = _squeeze(extract(html))
            ms = (time.perf_counter() - started) * 1000
            lines = wanted(page)
            recall = sum(_squeeze(line) in text for line in lines) / len(lines)
            leaks = [f for f in FURNITURE if _squeeze(f) in text]
            print(f"{name:14} {label:12} {recall:7.3f} {len(leaks):6d} {ms:6.0f}  {' '.join(leaks[:6])}")


if __name__ == "__main__":
    main()
