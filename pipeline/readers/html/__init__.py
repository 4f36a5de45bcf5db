"""Saved web pages (.html, .htm) and web archives (.mht, .mhtml): the report on the page.

Choices a reader of the output should know about:
- The article is found by readability-lxml (Mozilla Readability's scoring, on lxml), chosen
  by measuring it against trafilatura on pages built like gov.cn portals
  (scripts/html_extractors.py): both keep the whole body, but trafilatura returns the whole
  page — menus, breadcrumb, footer — from portals laid out with tables and from short
  articles, which readability does not; what readability keeps of the article's own box
  (the 发布时间/来源 line, the share bar) is recognised line by line in furniture.py.
- `text` is the article's title (the page's heading, else its <title> without the site's
  name) and then the body: lines, and data tables as Tables with offsets (blocks.py).
- What the page says about the report outside it is in `doc.cues`, not in `text`: 'title'
  (the <title>), 'source' (来源：, the publisher), 'published' (发布日期：), 'url' and
  'attachments' (the files the article links to, one a line).
- Headings marked up as h1…h6 inside the body give `heading_levels`, the top one found as 1.
"""
from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement
from readability import Document as Readability
from readability.readability import Unparseable

from pipeline.core.document import Document, TextBuilder, new_document
from pipeline.core.errors import ReadError
from pipeline.readers import DEFAULT_OPTIONS, ReadOptions
from pipeline.readers.cleanup import clean_text
from pipeline.readers.html import furniture
from pipeline.readers.html.blocks import Block, Grid, Line, blocks, lines_of, normalize
from pipeline.readers.html.source import load

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# "标题_栏目_网站名", "标题 - 网站名", "网站名|标题": the report's name is the longest part.
_TITLE_PARTS = re.compile(r"\s*(?:_|\||｜|--|-\s|\s-|–|—)\s*")
_SITE_NAME = re.compile(r"(?:网|网站|门户|政府|平台|首页|主页)$")
_META_TITLE = ("ArticleTitle", "og:title")
_META_SOURCE = ("ContentSource", "source")
_META_DATE = ("PubDate", "publishdate", "article:published_time")


def read(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    page = load(path)
    html = clean_text(_XML_DECLARATION.sub("", page.html, 1))
    whole = _parse(html)
    cues = _cues(whole, page.url)
    title = _heading(whole, cues.get("title"))
    try:
        article = Readability(html).summary(html_partial=True)
    except Unparseable as exc:
        raise ReadError(f"cannot find the article in the page ({exc})") from exc
    body, attachments = _trimmed(blocks(_parse(article)), title)
    if attachments:
        cues["attachments"] = "\n".join(attachments)
    builder = TextBuilder()
    if title:
        builder.add_paragraph(title)
    top = min((b.level for b in body if isinstance(b, Line) and b.level), default=1)
    for block in body:
        if isinstance(block, Grid):
            builder.add_table(block.rows)
        else:
            builder.add_paragraph(block.text, block.level - top + 1 if block.level else None)
    doc = new_document(path, path.suffix.lower().lstrip("."), builder.text())
    doc.tables, doc.heading_levels, doc.cues = builder.tables, builder.heading_levels, cues
    return doc


def _parse(html: str) -> HtmlElement:
    try:
        return lxml.html.document_fromstring(html)
    except (ParserError, ValueError) as exc:  # lxml's "Document is empty" and friends
        raise ReadError(f"not a readable web page ({exc})") from exc


def _meta(root: HtmlElement, names: tuple[str, ...]) -> str | None:
    wanted = {n.lower() for n in names}
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").lower()
        content = normalize(meta.get("content") or "")
        if name in wanted and content:
            return content
    return None


def _cues(root: HtmlElement, url: str | None) -> dict[str, str]:
    lines = lines_of(root.body) if root.find("body") is not None else []
    title = root.find(".//title")
    cues = {
        "title": normalize(title.text_content()) if title is not None else None,
        "source": _meta(root, _META_SOURCE) or furniture.source_of(lines),
        "published": _meta(root, _META_DATE) or furniture.published_on(lines),
        "url": url or _meta(root, ("og:url",)),
    }
    return {key: value for key, value in cues.items() if value}


def _heading(root: HtmlElement, page_title: str | None) -> str | None:
    """The report's title: the site's own ArticleTitle, the heading that the <title> names
    (some sites cut titles short), else the longest part of the <title> that is not the
    site's name."""
    declared = _meta(root, _META_TITLE)
    if declared:
        return declared
    parts = [p.rstrip(".…") for p in _TITLE_PARTS.split(page_title or "")]
    parts = sorted((p for p in parts if p and not _SITE_NAME.search(p)), key=len, reverse=True)
    if not parts:
        return None
    for element in root.iter("h1", "h2", "h3"):
        heading = normalize(element.text_content())
        if heading.startswith(parts[0]):
            return heading
    return parts[0]


def _trimmed(found: list[Block], title: str | None) -> tuple[list[Block], list[str]]:
    """The body without the site's lines; and the attachments listed after it."""
    body = [b for b in found if not (isinstance(b, Line) and furniture.is_furniture(b.text))]
    body = [b for b in body if not (isinstance(b, Grid) and _all_furniture(b))]
    end = next((i for i, b in enumerate(body) if isinstance(b, Line) and furniture.ends_article(b.text)), len(body))
    body = body[:end]
    start = 0
    while start < len(body) and isinstance(body[start], Line) and (
        furniture.is_edge_furniture(body[start].text) or _same(body[start].text, title)
    ):
        start += 1
    attachments: list[str] = []
    while len(body) > start and isinstance(body[-1], Line) and furniture.is_edge_furniture(body[-1].text):
        line = body.pop().text
        if furniture.is_attachment(line):
            attachments.insert(0, line)
    return body[start:], [a for a in attachments if not furniture.is_attachment_label(a)]


def _all_furniture(grid: Grid) -> bool:
    texts = [c.text for row in grid.rows for c in row if c.text.strip()]
    return all(furniture.is_edge_furniture(t) for t in texts)


def _same(line: str, title: str | None) -> bool:
    return title is not None and re.sub(r"\s", "", line) == re.sub(r"\s", "", title)
