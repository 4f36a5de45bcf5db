"""The report in a real browser: Debian's headless Chromium driven by selenium.

Checks that the page loads without console errors, the charts render, clicking a chart point,
a table cell, a problem or a review finding opens the evidence view with the highlighted text, and that a
`<script>` planted in a document stays inert text.

Also makes the README screenshot (needs `make demo` first, or any output folder):

    .venv/bin/python -m tests.test_report_browser outputs/ docs/report.png
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

from pipeline.report.build import TITLE, write_report
from tests.test_report import PLANT, write_tables

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()),
    reason="needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): "
           "run `bash scripts/sysdeps.sh`",
)


def start_chromium(width: int = 1280, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='jixiao-chromium-')}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("selenium", reason="selenium is in the test extras: pip install -e '.[test]'")
    driver = start_chromium()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    """The report of the hand-built tables (with the planted script), loaded; its console log."""
    html = write_report(write_tables(tmp_path_factory.mktemp("tables")))
    browser.get(html.resolve().as_uri())
    return browser, browser.get_log("browser")


def _evidence(driver) -> tuple[str, list[str]]:
    panel = driver.find_element("id", "evidence")
    assert panel.is_displayed()
    marks = [m.text for m in panel.find_elements("css selector", "mark")]
    return panel.text, marks


def test_report_browser_loads_without_console_errors(page):
    driver, log = page
    assert driver.title == TITLE
    assert [entry for entry in log if entry["level"] in ("SEVERE", "WARNING")] == []


def test_report_browser_charts_render(page):
    driver, _ = page
    sizes = driver.execute_script(
        "return Array.from(document.querySelectorAll('svg.chart')).map(function (svg) {"
        "  var box = svg.getBoundingClientRect(); return [box.width, box.height]; });")
    assert len(sizes) == 3 * 2  # three charts for each of the two projects
    assert all(w > 100 and h > 100 for w, h in sizes)
    point = driver.execute_script(
        "var box = document.querySelector('svg.money circle.pt').getBoundingClientRect();"
        "return [box.width, box.height];")
    assert all(v > 0 for v in point)


@pytest.mark.parametrize("selector, marks, words", [
    ("svg.money circle.pt", ["80万元"], ["2019年预算安排", "archive/2019_a2019.txt", "一、项目概况"]),
    ("table.figures td[data-ev]", ["80万元"], ["预算数 800,000.00 元"]),
    ("table.indicators td[data-ev]", ["≥1000件", "1068件"], ["二、绩效目标"]),
    ("ul.problems li[data-ev]", ["补贴标准偏低" + PLANT], ["三、存在问题"]),
    # the 复核提示 view: a finding opens the row it points at, with what the text states
    ("table.review td[data-ev]", ["法律援助案件数量：≥1300件"],
     ["未达目标却标为完成", "archive/2022_a2022.txt", "二、绩效目标", "文中：1288件；应为：≥1300件"]),
])
def test_report_browser_click_shows_evidence(page, selector, marks, words):
    driver, _ = page
    target = driver.find_element("css selector", selector)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
    target.click()
    text, shown = _evidence(driver)
    assert shown == marks
    assert all(word in text for word in words)
    driver.find_element("id", "evidence-close").click()
    assert not driver.find_element("id", "evidence").is_displayed()


def test_report_browser_planted_script_stays_text(page):
    driver, _ = page
    assert driver.execute_script("return window.__pwned === undefined")
    assert driver.title == TITLE
    body = driver.find_element("tag name", "body").text
    assert f"项目{PLANT}" in body and f"补贴标准偏低{PLANT}" in body
    assert driver.execute_script("return document.querySelectorAll('script').length") == 2
    assert driver.execute_script("return document.querySelectorAll('img').length") == 0
    # the evidence view builds its DOM from data with textContent: still nothing runs
    driver.find_element("css selector", "ul.problems li[data-ev]").click()
    assert driver.execute_script("return window.__pwned === undefined && document.querySelectorAll('img').length === 0")
    assert [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"] == []


def screenshot(out: Path, png: Path, width: int = 1280, height: int = 1400) -> None:
    """The README picture: the report of `out`, scrolled to the first project with one budget
    point's evidence open."""
    html = write_report(out, Path(tempfile.mkdtemp()) / "report.html")
    driver = start_chromium(width, height)
    try:
        driver.get(html.resolve().as_uri())
        project = driver.find_element("css selector", "section.project")
        driver.execute_script("arguments[0].scrollIntoView()", project)
        point = project.find_elements("css selector", "svg.money circle.s0")[-1]
        # a smaller spend point may sit on top of it (budget = spend): click the budget itself
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", point)
        png.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(png))
    finally:
        driver.quit()


if __name__ == "__main__":  # pragma: no cover - maintainer's tool
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]))
