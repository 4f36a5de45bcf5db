"""Saved web pages: the report without the site, tables with offsets, the page's cues,
every encoding and archive form a browser saves, and bad input as one error row."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import run as runner
from pipeline.core.errors import ReadError
from pipeline.core.schema import SPAN_COLUMN
from pipeline.readers import read
from pipeline.evaluate import score
from pipeline.evaluate.formatting import format_findings
from pipeline.evaluate.gold import load_gold
from pipeline.evaluate.predictions import predictions_from_tables
from tests.build_docx import INDICATOR_HEADER
from tests.build_renderings import CORPUS_FORMATS
from tests.build_web import (
    FURNITURE, SEED_PUBLISHED, SEED_SOURCE, SEED_TITLE, Page, build_seed_html, build_seed_mht, mht_bytes,
    render, seed_blocks, seed_page,
)
from tests.conftest import CORPUS, SEED, SHARED

GOLD = SHARED / "gold" if (SHARED / "gold").is_dir() else CORPUS / "seed-gold"
SITES = ["portal", "flat", "county"]


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _page(tmp_path: Path, blocks: list, site: str = "portal", name: str = "page.html", **kw) -> Path:
    return _write(tmp_path, name, render(Page(kw.pop("title", "某区财政局2021年度项目支出绩效自评报告"), blocks, **kw), site))


@pytest.fixture(scope="module", params=[(s, fmt) for s in SITES for fmt in ("html", "mht")], ids=str)
def seed_doc(request, tmp_path_factory):
    site, fmt = request.param
    path = tmp_path_factory.mktemp("web") / f"seed.{fmt}"
    (build_seed_html if fmt == "html" else build_seed_mht)(path, site)
    return read(path)


def test_html_furniture_is_not_in_the_text(seed_doc):
    assert [f for f in FURNITURE if f in seed_doc.text] == []


def test_html_body_lines_are_kept_in_order(seed_doc):
    expected = [SEED_TITLE] + [
        "\t".join(row) if kind == "table" else content
        for kind, content in seed_blocks() for row in (content if kind == "table" else [None])
    ]
    assert seed_doc.text.split("\n") == expected


def test_html_table_is_a_table_with_offsets(seed_doc):
    (table,) = seed_doc.tables
    assert table.row_texts()[0] == list(INDICATOR_HEADER)
    assert table.row_texts()[1] == ["1", "依法治市咨询专家库专家人数", "12人"]
    assert table.n_rows == 6
    for cell in table.cells:
        assert seed_doc.text[cell.char_start:cell.char_end] == cell.text
    assert seed_doc.text[table.char_start:table.char_end].startswith("序号\t指标名称\t指标值\n1\t")


def test_html_page_cues_are_kept_out_of_the_text(seed_doc):
    assert seed_doc.cues["source"] == SEED_SOURCE
    assert seed_doc.cues["published"].startswith(SEED_PUBLISHED[:10])
    assert seed_doc.cues["title"].startswith(SEED_TITLE + "_")
    assert "来源" not in seed_doc.text and SEED_PUBLISHED[:10] not in seed_doc.text
    assert seed_doc.text.split("\n")[0] == SEED_TITLE


def test_html_mht_keeps_the_saved_address(tmp_path):
    doc = read(build_seed_mht(tmp_path / "seed.mht"))
    assert doc.cues["url"].startswith("http://www.jiangmen.gov.cn/")
    assert doc.format == "mht" and doc.source_path.endswith("seed.mht")


@pytest.mark.parametrize("charset", ["utf-8", "gbk", "gb2312", "gb18030"])
@pytest.mark.parametrize("form", ["html", "mht-qp", "mht-base64"])
def test_html_every_charset_and_archive_form_reads_the_same(tmp_path, charset, form):
    page = render(seed_page(), "portal", charset)
    if form == "html":
        data = page.encode(charset, "xmlcharrefreplace")  # as a browser saves what the charset lacks
    else:
        data = mht_bytes(page, charset, transfer="quoted-printable" if form == "mht-qp" else "base64")
    doc = read(_write(tmp_path, "page." + form.split("-")[0], data))
    assert doc.text == read(build_seed_html(tmp_path / "utf8.html")).text


def test_html_charset_guessed_when_undeclared_or_false(tmp_path):
    page = render(seed_page(), "portal", "gbk")
    undeclared = re.sub(r'<meta http-equiv="Content-Type"[^>]*>', "", page).encode("gbk")
    false_label = render(seed_page(), "portal", "gb2312").encode("utf-8")  # says gb2312, is UTF-8
    expected = read(build_seed_html(tmp_path / "utf8.html")).text
    assert read(_write(tmp_path, "undeclared.html", undeclared)).text == expected
    assert read(_write(tmp_path, "false.htm", false_label)).text == expected


def test_html_characters_beyond_gb2312_survive_a_gb2312_label(tmp_path):
    page = render(Page("镕基路改造项目自评报告", [("p", "镕基路、堃园、喆园三个项目均已完工，项目资金共计三百万元。")]), "portal", "gb2312")
    doc = read(_write(tmp_path, "rare.html", page.encode("gb18030")))
    assert "镕基路、堃园、喆园" in doc.text


@pytest.mark.parametrize(
    "data, message",
    [
        (b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
         b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n", "holds no HTML page"),
        (b"just some bytes that are no archive at all", "not a web archive"),
        (b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n", "is empty"),
    ],
    ids=["cut-before-the-page", "not-mime", "empty-page"],
)
def test_html_broken_mht_is_a_read_error(tmp_path, data, message):
    with pytest.raises(ReadError, match=message):
        read(_write(tmp_path, "broken.mht", data))


def test_html_broken_mht_is_one_error_row_and_the_batch_goes_on(tmp_path):
    whole = mht_bytes(render(seed_page(), "county", "gbk"), "gbk")
    _write(tmp_path, "cut.mht", whole[:whole.index(b"Content-Type: text/html")])
    build_seed_html(tmp_path / "seed.html")
    result = runner.run([tmp_path], jobs=1)
    status = {Path(r["source_path"]).name: r["status"] for r in result.tables["documents"]}
    assert status == {"cut.mht": "error", "seed.html": "ok"}
    (error,) = result.tables["errors"]
    assert "\n" not in error["message"] and "no HTML page" in error["message"]


def test_html_merged_cells_keep_their_spans(tmp_path):
    table = """<table border="1"><tr><th rowspan="2">一级指标</th><th colspan="2">指标</th><th>得分</th></tr>
    <tr><td>数量指标</td><td>专家人数</td><td>10</td></tr>
    <tr><td>效益指标</td><td colspan="2">依法治市水平有提高</td><td>9</td></tr></table>"""
    page = f"<html><head><title>自评表</title></head><body><div id='zoom'><p>{'项目支出绩效自评表如下。' * 3}</p>{table}</div></body></html>"
    doc = read(_write(tmp_path, "t.html", page))
    (grid,) = doc.tables
    assert grid.row_texts() == [["一级指标", "指标", "", "得分"], ["", "数量指标", "专家人数", "10"],
                                ["效益指标", "依法治市水平有提高", "", "9"]]
    first = grid.grid()[0][0]
    assert (first.rowspan, grid.grid()[0][1].colspan) == (2, 2)
    assert doc.text.split("\n")[2:5] == ["一级指标\t指标\t得分", "\t数量指标\t专家人数\t10", "效益指标\t依法治市水平有提高\t9"]
    assert all(doc.text[c.char_start:c.char_end] == c.text for c in grid.cells)


def test_html_layout_tables_are_walked_not_kept(tmp_path):
    doc = read(build_seed_mht(tmp_path / "seed.mht", "county"))
    assert len(doc.tables) == 1 and doc.tables[0].n_cols == 3


def test_html_attachments_and_related_articles_in_the_article_box(tmp_path):
    blocks = [("p", "一、项目基本情况"), ("p", "本项目年初预算安排资金120万元，全年实际支出118.5万元。" * 3),
              ("p", "附件："), ("p", "附件1：项目支出绩效自评表.xls"), ("p", "2021年度自评报告.pdf（215KB）"),
              ("p", "相关文章"), ("p", "某区财政局2020年度项目支出绩效自评报告")]
    doc = read(_page(tmp_path, blocks))
    assert doc.text.split("\n") == ["某区财政局2021年度项目支出绩效自评报告", "一、项目基本情况", blocks[1][1]]
    assert doc.cues["attachments"] == "附件1：项目支出绩效自评表.xls\n2021年度自评报告.pdf（215KB）"


def test_html_site_lines_inside_the_article_are_dropped(tmp_path):
    body = ["一、项目基本情况", "本项目年初预算安排资金120万元，全年实际支出118.5万元。" * 3]
    note = "（本报告数据截至2021年12月31日，金额单位为万元。）"
    blocks = [("p", line) for line in [*body, "分享到：微信 微博", "【打印本页】【关闭窗口】", "扫一扫在手机打开当前页", note]]
    doc = read(_page(tmp_path, blocks))
    assert doc.text.split("\n")[1:] == [*body, note]


def test_html_meta_lines_inside_the_body_stay(tmp_path):
    """来源： at the edge of the article is the site's; inside the body it is the report's."""
    lines = ["一、项目资金情况", "来源：区级财政资金，年初预算120万元。" * 2, "资金来源：上级转移支付资金30万元。" * 2]
    body = "".join(f"<p>{line}</p>" for line in ["发布日期：2022-03-01　来源：某区财政局　浏览次数：12", *lines])
    page = f"<html><head><title>某区2021年度自评报告_某区政府网</title></head><body><div class='article'>{body}</div></body></html>"
    doc = read(_write(tmp_path, "m.html", page))
    assert doc.text.split("\n") == ["某区2021年度自评报告", *lines]
    assert doc.cues["source"] == "某区财政局" and doc.cues["published"] == "2022-03-01"


def test_html_heading_levels_from_h_tags(tmp_path):
    body = "<h2>一、项目概况</h2><p>" + "项目年初预算120万元。" * 8 + "</p><h3>（一）项目基本情况</h3><p>" + "内容。" * 30 + "</p>"
    page = f"<html><head><title>某局自评报告 - 某市人民政府</title></head><body><div class='article'>{body}</div></body></html>"
    doc = read(_write(tmp_path, "h.html", page))
    lines = doc.text.split("\n")
    assert lines[0] == "某局自评报告"  # no heading names it: the <title> without the site
    starts = {lines[i]: doc.heading_levels.get(doc.text.index(lines[i])) for i in (1, 3)}
    assert starts == {"一、项目概况": 1, "（一）项目基本情况": 2}


@pytest.mark.parametrize(
    "page_title, h1, expected",
    [
        ("江门市人民政府门户网站", "", None),  # the <title> names only the site
        ("某局2021年度项目支出绩效自评…_某市人民政府", "<h1>某局2021年度项目支出绩效自评报告</h1>", "某局2021年度项目支出绩效自评报告"),
        ("某局2021年度项目支出绩效自评报告_财政资金_某市人民政府门户网站", "<h1>某市</h1>", "某局2021年度项目支出绩效自评报告"),
    ],
    ids=["site-name-only", "cut-short-title", "logo-h1"],
)
def test_html_title_line(tmp_path, page_title, h1, expected):
    body = "".join(f"<p>{line}</p>" for line in ["一、项目概况", "项目年初预算120万元，全年支出118.5万元。" * 4])
    page = f"<html><head><title>{page_title}</title></head><body>{h1}<div class='article'>{body}</div></body></html>"
    first = read(_write(tmp_path, "t.html", page)).text.split("\n")[0]
    assert first == (expected or "一、项目概况")


def test_html_breadcrumb_and_end_of_article_lines(tmp_path):
    body = ["一、项目概况", "项目年初预算120万元，全年支出118.5万元。" * 3, "相关信息已按要求在门户网站公开。"]
    lines = ["首页 > 政务公开 > 财政资金", *body, "上一篇：某局2020年度项目支出绩效自评报告", "下一篇：某局2022年部门预算"]
    doc = read(_page(tmp_path, [("p", line) for line in lines]))
    assert doc.text.split("\n")[1:] == body


def test_html_whitespace_as_a_browser_shows_it(tmp_path):
    body = "<p>项目\n概况：年初预算  120\n万元，&nbsp;&nbsp;实际支出 \t 118.5 万元。</p>" * 4
    doc = read(_write(tmp_path, "w.html", f"<html><head><title>自评报告</title></head><body><div>{body}</div></body></html>"))
    assert doc.text.split("\n")[1] == "项目概况：年初预算 120万元，  实际支出 118.5 万元。"


def test_html_publisher_names_the_department_when_the_report_does_not(tmp_path):
    blocks = [("p", "一、项目基本情况"), ("p", "我局2021年度中小学校舍维修改造项目年初预算安排资金120万元，全年实际支出118.5万元。" * 2)]
    path = _page(tmp_path, blocks, title="2021年度中小学校舍维修改造项目支出绩效自评报告", source="湖州市教育局")
    ((document,),) = [r.rows["documents"] for r in runner.process_file(path)]
    assert document["department"] == "湖州市教育局"


def test_html_records_point_at_their_text(tmp_path):
    checked = 0
    for path in (build_seed_html(tmp_path / "seed.html"), build_seed_mht(tmp_path / "seed.mht")):
        (result,) = runner.process_file(path)
        text = result.rows["doc_text"][0]["text"]
        for table, column in SPAN_COLUMN.items():
            for row in result.rows[table]:
                assert text[row["char_start"]:row["char_end"]] == row[column]
                checked += 1
    assert checked > 40


@pytest.mark.parametrize("fmt", ["html", "mht"])
def test_html_seed_rendering_scores_like_the_text(tmp_path, fmt):
    path = tmp_path / f"{SEED.stem}.{fmt}"
    (build_seed_html if fmt == "html" else build_seed_mht)(path)
    tables = runner.run([path], jobs=1).tables
    scores = score(load_gold(GOLD), predictions_from_tables(tables), match_stem=True)
    assert scores.micro.f1 >= 0.90, format_findings(scores)


@pytest.mark.parametrize("fmt, build", [("html", build_seed_html), ("mht", build_seed_mht)])
def test_html_corpus_examples_are_what_the_helper_builds(tmp_path, fmt, build):
    assert (CORPUS_FORMATS / f"seed.{fmt}").read_bytes() == build(tmp_path / f"seed.{fmt}").read_bytes()
