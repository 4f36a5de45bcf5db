"""The lines a government site puts around every article, and the cues among them.

The main-content extractor drops most of a page's furniture (menus, footers, sidebars) by
the shape of the page; what it keeps when the site puts them in the article's own box —
the 发布时间/来源/浏览次数 line, 【字体：大 中 小】, the share bar, 【打印本页】【关闭窗口】,
附件 links, 相关文章 — is recognised here by its words. Some lines are furniture wherever
they stand (no report says 当前位置： or 网站标识码); a 来源： or 发布日期： line, or a link to
a .xls file, is furniture only before the body's first line or after its last.
"""
from __future__ import annotations

import re

_ANYWHERE = re.compile(
    r"(?:当前|您的|你的|所在)位置\s*[:：]|首页\s*(?:>|＞|»|›|/)"
    r"|[【\[]?\s*(?:字体|字号|文字)\s*[:：]?\s*[【\[]?\s*(?:大|T)\s*[|丨\s]*(?:中|T)\s*[|丨\s]*(?:小|T)"
    r"|[【\[]\s*(?:打印本页|打印|关闭窗口|关闭|收藏本页|我要纠错|返回顶部|加入收藏|设为首页)\s*[】\]]"
    r"|分享到\s*[:：]?|扫一扫在手机(?:上)?打开"
    r"|(?:主办单位|承办单位|主办|承办|协办|技术支持|版权所有|网站维护|维护单位)\s*[:：]"
    r"|.*(?:ICP备|ICP证|公网安备|网站标识码|Copyright\s*©|©\s*Copyright)",
    re.I,
)
_META = re.compile(
    r"(?:发布|发文|更新|成文)?(?:时间|日期)\s*[:：]|(?:信息|文章)?来源\s*[:：]|(?:责任)?编辑\s*[:：]"
    r"|作者\s*[:：]|(?:浏览|访问|点击|阅读)(?:次数|量|数)\s*[:：]"
)
_END_OF_ARTICLE = re.compile(r"相关(?:文章|链接|阅读|新闻|信息|稿件)\s*[:：]?|(?:上一篇|下一篇)\s*[:：].{0,60}")
_ATTACHMENT_LABEL = re.compile(r"(?:相关)?附件\s*(?:下载)?\s*[:：]?")
_ATTACHMENT_FILE = re.compile(
    r".{1,120}\.(?:pdf|docx?|xlsx?|wps|et|ods|odt|zip|rar|7z)\s*(?:[(（][\d.]+\s*[KMG]?B[)）])?", re.I
)
_MAX_FURNITURE_CHARS = 160

# Cues: a value after its label, where a label is not the tail of a longer word (资金来源：).
_NOT_AFTER_WORD = r"(?<![\u4e00-\u9fff])"
_SOURCE = re.compile(_NOT_AFTER_WORD + r"(?:信息|文章)?来源\s*[:：]\s*(?P<v>[^\s\u3000|｜【\[]+)")
_LABEL_AFTER = re.compile(r"(?:发布|发文|浏览|点击|阅读|访问|作者|编辑|时间|日期).*$")
_DATE = re.compile(
    _NOT_AFTER_WORD + r"(?:发布|发文|更新|成文)?(?:时间|日期)\s*[:：]\s*"
    r"(?P<v>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)"
)


def is_furniture(line: str) -> bool:
    """A line that is the site's, wherever it stands."""
    return len(line) <= _MAX_FURNITURE_CHARS and bool(_ANYWHERE.match(line))


def is_edge_furniture(line: str) -> bool:
    """A line that is the site's when it stands before or after the body."""
    return len(line) <= _MAX_FURNITURE_CHARS and bool(
        _ANYWHERE.match(line) or _META.match(line) or is_attachment(line)
    )


def is_attachment(line: str) -> bool:
    """附件： alone, or a link to a file ("附件1：自评表.xls", "自评报告.pdf（215KB）")."""
    return is_attachment_label(line) or bool(_ATTACHMENT_FILE.fullmatch(line))


def is_attachment_label(line: str) -> bool:
    return bool(_ATTACHMENT_LABEL.fullmatch(line))


def ends_article(line: str) -> bool:
    """相关文章, 上一篇：… — everything after such a line is the site's."""
    return bool(_END_OF_ARTICLE.fullmatch(line))


def source_of(lines: list[str]) -> str | None:
    """The publisher on the page's 来源： line."""
    for line in lines:
        if len(line) > _MAX_FURNITURE_CHARS:
            continue
        found = _SOURCE.search(line)
        if found:
            value = _LABEL_AFTER.sub("", found.group("v")).strip("：: ")
            if value:
                return value
    return None


def published_on(lines: list[str]) -> str | None:
    """The date on the page's 发布日期： line, as written."""
    for line in lines:
        found = _DATE.search(line) if len(line) <= _MAX_FURNITURE_CHARS else None
        if found:
            return re.sub(r"\s+", " ", found.group("v")).strip()
    return None
