"""Saved web pages for the tests: a report published the way Chinese government portals
publish one, with all of the site's furniture around it, saved as .html or as an .mht web
archive.

Two site layouts, both modelled on real gov.cn portals:
- "portal": a city portal of divs — top bar, logo, menu, search box, breadcrumb (当前位置：),
  the article's title, a 发布时间/来源/浏览次数 line with 【字体：大 中 小】, the body in
  div#zoom > div.TRS_Editor (headings as bold paragraphs, tables as <table>), 附件 links,
  a share bar, 【打印本页】【关闭窗口】, related articles, and a footer with 主办单位,
  网站标识码, ICP备 and 公网安备 numbers.
- "flat": the same portal with the body straight in the article's box, beside the title,
  the meta line and the share bar, as many sites publish it.
- "county": an older county site laid out with nested tables, the body lines separated by
  <br> and full-width spaces instead of <p>, the meta line in a table cell.

Everything is deterministic: the same call writes the same bytes.
"""
from __future__ import annotations

import html
import quopri
import re
from base64 import encodebytes
from dataclasses import dataclass
from pathlib import Path

from tests.build_docx import BOOKMARK_DEBRIS, INDICATOR_HEADER, INDICATOR_LINE, SECOND_LINE, SEED_PATH

SEED_TITLE = "江门市司法局2021年度依法治市工作经费项目支出绩效自评报告"
SEED_SOURCE = "江门市司法局"
SEED_PUBLISHED = "2022-04-15 10:20"
SITE_NAME = "江门市人民政府门户网站"
URL = "http://www.jiangmen.gov.cn/bmpd/jmssfj/zwgk/czzj/content/post_2583731.html"
# Strings of the site's furniture: none may reach a reader's text.
FURNITURE = (
    "欢迎访问", "无障碍", "长者模式", "政务服务", "互动交流", "搜索", "当前位置", "首页 >",
    "发布时间", "浏览次数", "字体", "分享到", "打印本页", "关闭窗口", "相关文章",
    "主办单位", "承办单位", "网站标识码", "ICP备", "公网安备", "网站地图", "联系我们", SITE_NAME,
)

# A report block: ("p", text), ("h", text) or ("table", rows).
Block = tuple


def seed_blocks(text: str | None = None) -> list[Block]:
    """The seed's lines as published: its own numbering as typed, the five target indicators
    under （一）目标设置情况 in a 序号 | 指标名称 | 指标值 table, converter debris dropped."""
    text = SEED_PATH.read_text(encoding="utf-8") if text is None else text
    blocks: list[Block] = []
    rows: list[list[str]] = []
    for line in text.splitlines():
        line = BOOKMARK_DEBRIS.sub("", line).strip()
        indicator = INDICATOR_LINE.match(line)
        if indicator:
            rows.append([indicator["no"], indicator["name"], indicator["value"]])
            continue
        if rows:
            blocks.append(("table", [list(INDICATOR_HEADER), *rows]))
            rows = []
        if line:
            heading = SECOND_LINE.match(line) or re.match(r"^[一二三四五六七八九十\d]+、\s*\S{2,14}$", line)
            blocks.append(("h" if heading else "p", line))
    return blocks


@dataclass(frozen=True)
class Page:
    title: str
    blocks: list[Block]
    source: str = SEED_SOURCE
    published: str = SEED_PUBLISHED
    attachments: tuple[str, ...] = ("附件1：项目支出绩效自评表.xls",)


def seed_page(text: str | None = None) -> Page:
    return Page(SEED_TITLE, seed_blocks(text))


def render(page: Page, site: str = "portal", charset: str = "utf-8") -> str:
    return {"portal": _portal, "flat": _flat, "county": _county}[site](page, charset)


def build_seed_html(path: Path, site: str = "portal", text: str | None = None) -> Path:
    """The seed as a page saved by a browser ("Web page, HTML only"), UTF-8."""
    path.write_bytes(render(seed_page(text), site).encode("utf-8"))
    return path


def build_seed_mht(path: Path, site: str = "county", charset: str = "gbk", text: str | None = None) -> Path:
    """The seed as a web archive ("Web page, single file"), its HTML in GBK, quoted-printable."""
    path.write_bytes(mht_bytes(render(seed_page(text), site, charset), charset))
    return path


def mht_bytes(page_html: str, charset: str, url: str = URL, transfer: str = "quoted-printable") -> bytes:
    """A MIME multipart/related archive as browsers save one: the page, a stylesheet, a logo."""
    boundary = "----=_NextPart_000_0000_01D83F2A.5C7E8A40"
    body = page_html.encode(charset, "xmlcharrefreplace")
    encoded = quopri.encodestring(body) if transfer == "quoted-printable" else encodebytes(body)
    logo = encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(range(64)))
    parts = [
        b"From: <Saved by Windows Internet Explorer 11>\r\n"
        b"Subject: =?gb2312?B?" + encodebytes(SEED_TITLE.encode("gb2312")).strip() + b"?=\r\n"
        b"Date: Fri, 15 Apr 2022 10:30:00 +0800\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="' + boundary.encode() + b'"\r\n\r\n'
        b"This is a multi-part message in MIME format.\r\n\r\n",
        _part(boundary, b"text/css", b"7bit", b"http://www.jiangmen.gov.cn/css/style.css", b"body{font-size:14px}\r\n"),
        _part(boundary, f'text/html;\r\n\tcharset="{charset}"'.encode(), transfer.encode(), url.encode(), encoded),
        _part(boundary, b"image/png", b"base64", b"http://www.jiangmen.gov.cn/images/logo.png", logo),
        b"--" + boundary.encode() + b"--\r\n",
    ]
    return b"".join(parts)


def _part(boundary: str, content_type: bytes, transfer: bytes, location: bytes, payload: bytes) -> bytes:
    return (b"--" + boundary.encode() + b"\r\nContent-Type: " + content_type
            + b"\r\nContent-Transfer-Encoding: " + transfer + b"\r\nContent-Location: " + location
            + b"\r\n\r\n" + payload.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") + b"\r\n\r\n")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _table(rows: list[list[str]], attrs: str = 'border="1" cellspacing="0" cellpadding="0"') -> str:
    lines = [f"<table {attrs}><tbody>"]
    for r, row in enumerate(rows):
        tag = "th" if r == 0 else "td"
        cells = "".join(f'<{tag} valign="center"><p align="center">{_e(c)}</p></{tag}>' for c in row)
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _head(page: Page, charset: str) -> str:
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<title>{_e(page.title)}_财政资金_{SITE_NAME}</title>
<meta name="SiteName" content="{SITE_NAME}">
<meta name="ColumnName" content="财政资金">
<meta name="ArticleTitle" content="{_e(page.title)}">
<meta name="PubDate" content="{page.published}">
<meta name="ContentSource" content="{_e(page.source)}">
<link rel="stylesheet" href="/css/style.css">
<script type="text/javascript">var _hmt = _hmt || []; function doZoom(size) {{ document.getElementById('zoom').style.fontSize = size + 'px'; }}</script>
</head>
"""


_MENU = ("首页", "走进江门", "政务公开", "政务服务", "互动交流", "专题专栏")
_RELATED = ("江门市司法局2020年度法律援助经费项目支出绩效自评报告", "江门市司法局2022年部门预算",
            "江门市财政局关于2021年度市级预算绩效自评工作的通知")
_FOOTER = (
    "主办单位：江门市人民政府办公室　承办单位：江门市政务服务数据管理局",
    "网站标识码：4407000001　粤ICP备05086480号-1　粤公网安备 44070302000101号",
)


def _flat(page: Page, charset: str) -> str:
    return _portal(page, charset, boxed=False)


def _portal(page: Page, charset: str, boxed: bool = True) -> str:
    body = []
    for kind, content in page.blocks:
        if kind == "table":
            body.append(_table(content))
        elif kind == "h":
            body.append(f'<p style="text-indent:2em"><strong>{_e(content)}</strong></p>')
        else:
            body.append(f'<p style="text-indent:2em;line-height:1.8">{_e(content)}</p>')
    menu = "".join(f'<li><a href="/{i}/">{m}</a></li>' for i, m in enumerate(_MENU))
    related = "".join(f'<li><a href="/post_{i}.html">{_e(t)}</a><span>2022-0{i + 1}-10</span></li>'
                      for i, t in enumerate(_RELATED))
    files = "".join(f'<p><a href="/attachment/{i}.xls">{_e(a)}</a></p>' for i, a in enumerate(page.attachments))
    return _head(page, charset) + f"""<body>
<div class="topbar"><div class="wrap"><span>欢迎访问{SITE_NAME}！</span><a href="#">无障碍</a> | <a href="#">长者模式</a> | <a href="#">繁體</a> | <a href="#">English</a></div></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="{SITE_NAME}"></div>
<div class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div></div>
<div class="nav"><ul>{menu}</ul></div>
<div class="main wrap">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czzj/">财政资金</a></div>
<div class="article">
<h1 class="title">{_e(page.title)}</h1>
<div class="info"><span>发布时间：{page.published}</span>　<span>来源：{_e(page.source)}</span>　<span>浏览次数：<em id="hits">1862</em></span>　<span class="font">【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</span></div>
{'<div class="content" id="zoom"><div class="TRS_Editor">' if boxed else ''}
{chr(10).join(body)}
{'</div></div>' if boxed else ''}
<div class="fujian"><p>附件：</p>{files}</div>
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul>{related}</ul></div>
</div>
<div class="footer"><div class="wrap">{"".join(f"<p>{f}</p>" for f in _FOOTER)}
<p><a href="#">联系我们</a> | <a href="#">网站地图</a> | <a href="#">隐私声明</a></p>
<script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E"));</script></div></div>
</body>
</html>
"""


def _county(page: Page, charset: str) -> str:
    body = []
    for kind, content in page.blocks:
        if kind == "table":
            body.append(_table(content, 'width="90%" border="1" cellspacing="0" align="center"'))
        else:
            body.append(f"&nbsp;&nbsp;&nbsp;&nbsp;{_e(content)}<br>")
    menu = "</td><td>".join(f'<a href="/{i}/">{m}</a>' for i, m in enumerate(_MENU))
    footer = "<br>".join(_FOOTER)
    return _head(page, charset) + f"""<body topmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="/images/banner.jpg" width="1000" height="120" alt="{SITE_NAME}"></td></tr>
<tr><td><table width="100%" class="menu"><tr><td>{menu}</td></tr></table></td></tr>
<tr><td class="dqwz">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk/">信息公开</a> &gt;&gt; 财政资金</td></tr>
<tr><td><table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td align="center" class="bt"><b>{_e(page.title)}</b></td></tr>
<tr><td align="center" class="fbxx">发布日期：{page.published[:10]}&nbsp;&nbsp;来源：{_e(page.source)}&nbsp;&nbsp;浏览次数：<script>document.write(1862)</script>&nbsp;&nbsp;【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</td></tr>
<tr><td class="bt_content" id="zoom">
{chr(10).join(body)}
</td></tr>
<tr><td align="right"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table></td></tr>
<tr><td class="footer" align="center">{footer}<br>技术支持：江门市信息中心</td></tr>
</table>
</body>
</html>
"""
