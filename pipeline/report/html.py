"""The page around the report: CSS, the evidence view's script, and small HTML helpers.

Every piece of document text goes through `esc` (html.escape, quotes included). Data for the
script is JSON inside <script type="application/json">, with <, > and & written as \\u003c,
\\u003e, \\u0026 so that no `</script>` or `<!--` can end or change the block, and the script
reads it with textContent. A Content-Security-Policy allows only the one inline script (by
its hash) and no network at all.
"""
from __future__ import annotations

import base64
import hashlib
import json
from html import escape

CSS = """
:root { --ink: #1d2733; --muted: #5b6776; --line: #d7dde4; --bg: #f6f8fa; --accent: #2f6fb3;
        --good: #2e7d4f; --bad: #b3362f; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.55 system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei",
       "Microsoft YaHei", "PingFang SC", sans-serif; color: var(--ink); background: #fff; }
header { padding: 18px 28px 10px; border-bottom: 1px solid var(--line); background: var(--bg); }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: var(--muted); }
.layout { display: flex; align-items: flex-start; }
nav.toc { position: sticky; top: 0; width: 230px; flex: none; max-height: 100vh; overflow-y: auto;
          padding: 14px 10px 14px 20px; border-right: 1px solid var(--line); font-size: 13px; }
nav.toc ul { list-style: none; margin: 0; padding-left: 12px; }
nav.toc > ul { padding-left: 0; }
nav.toc a { color: var(--ink); text-decoration: none; display: block; padding: 1px 0; }
nav.toc a:hover { color: var(--accent); }
main { flex: 1; min-width: 0; padding: 8px 28px 60px; }
h2 { margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); font-size: 19px; }
h3 { margin: 24px 0 6px; font-size: 16px; color: var(--accent); }
h4 { margin: 14px 0 4px; font-size: 14px; }
.sub { color: var(--muted); font-weight: normal; font-size: 13px; }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; white-space: nowrap; }
table.figures td.dim { font-size: 12px; }
.nowrap { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.charts { display: flex; flex-wrap: wrap; gap: 10px; }
svg.chart { border: 1px solid var(--line); border-radius: 4px; background: #fff; max-width: 100%; height: auto; }
svg text { font-size: 11px; fill: var(--ink); }
svg text.title { font-size: 13px; font-weight: 600; }
svg text.unit, svg text.tick { fill: var(--muted); }
svg .grid { stroke: #e8ecf0; }
svg .axis { stroke: #9aa5b1; }
svg .line { fill: none; stroke-width: 2; }
svg .pt { stroke: #fff; stroke-width: 1.5; cursor: pointer; }
svg .pt:hover, svg .pt:focus, svg .pt.selected { stroke: var(--ink); stroke-width: 2.5; outline: none; }
[data-ev] { cursor: pointer; }
td[data-ev]:hover, li[data-ev]:hover, td.selected, li.selected { background: #fff4c2; }
.ok { color: var(--good); } .miss { color: var(--bad); }
td.sev { white-space: nowrap; font-weight: 600; }
td.sev.error { color: var(--bad); } td.sev.warning { color: #9a6700; } td.sev.info { color: var(--muted); }
.empty, .note, .dim { color: var(--muted); }
ul.problems { margin: 4px 0; padding-left: 18px; }
ul.problems li { margin: 2px 0; }
.tag { display: inline-block; padding: 0 6px; border-radius: 8px; background: var(--bg);
       border: 1px solid var(--line); font-size: 12px; color: var(--muted); margin-right: 4px; }
aside#evidence { position: fixed; right: 16px; bottom: 16px; width: 460px; max-width: calc(100vw - 32px);
                 max-height: 55vh; overflow-y: auto; background: #fff; border: 1px solid #9aa5b1;
                 border-radius: 6px; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 10px 14px; }
aside#evidence h3 { margin: 0 28px 6px 0; color: var(--ink); font-size: 15px; }
aside#evidence button { position: absolute; top: 6px; right: 8px; border: 0; background: none;
                        font-size: 20px; cursor: pointer; color: var(--muted); }
aside#evidence blockquote { margin: 6px 0 2px; padding: 6px 10px; background: var(--bg);
                            border-left: 3px solid var(--accent); white-space: pre-wrap; tab-size: 4; }
aside#evidence mark { background: #ffd84d; padding: 0 1px; }
aside#evidence .file { font-family: ui-monospace, monospace; font-size: 12px; margin: 0; word-break: break-all; }
aside#evidence .label { margin: 8px 0 0; font-weight: 600; font-size: 12px; }
aside#evidence .where { color: var(--muted); font-size: 12px; margin: 0 0 6px; }
"""

SCRIPT = """
(function () {
  "use strict";
  var book = JSON.parse(document.getElementById("evidence-data").textContent);
  var panel = document.getElementById("evidence");
  var heading = document.getElementById("evidence-title");
  var body = document.getElementById("evidence-body");
  var selected = null;
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }
  function show(origin) {
    var entry = book[origin.getAttribute("data-ev")];
    if (!entry) { return; }
    heading.textContent = entry.title;
    body.replaceChildren();
    if (entry.source_path) { body.appendChild(el("p", "file", entry.source_path)); }
    entry.passages.forEach(function (passage) {
      if (passage.label) { body.appendChild(el("p", "label", passage.label)); }
      var quote = el("blockquote");
      passage.segments.forEach(function (segment) {
        quote.appendChild(segment[1] ? el("mark", null, segment[0]) : document.createTextNode(segment[0]));
      });
      body.appendChild(quote);
      var where = [];
      if (passage.page !== null) { where.push("第 " + passage.page + " 页"); }
      if (passage.section_path) { where.push(passage.section_path); }
      if (where.length) { body.appendChild(el("p", "where", where.join(" · "))); }
    });
    if (entry.note) { body.appendChild(el("p", "note", entry.note)); }
    if (selected) { selected.classList.remove("selected"); }
    selected = origin;
    origin.classList.add("selected");
    panel.hidden = false;
  }
  function hide() {
    panel.hidden = true;
    if (selected) { selected.classList.remove("selected"); selected = null; }
  }
  document.addEventListener("click", function (event) {
    var origin = event.target.closest("[data-ev]");
    if (origin) { show(origin); }
  });
  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    if (event.key === "Escape") { hide(); }
    else if ((event.key === "Enter" || event.key === " ") && active && active.hasAttribute("data-ev")) {
      event.preventDefault();
      show(active);
    }
  });
  document.getElementById("evidence-close").addEventListener("click", hide);
}());
"""


def esc(value) -> str:
    return "" if value is None else escape(str(value), quote=True)


def script_json(data) -> str:
    """JSON that is safe inside <script type="application/json">: no `<`, `>` or `&` left raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return ("default-src 'none'; style-src 'unsafe-inline'; "
            f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")


def page(title: str, subtitle: str, toc: str, body: str, evidence: dict) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_csp())}">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{esc(title)}</h1><p>{subtitle}</p></header>\n"
        f'<div class="layout">\n<nav class="toc" aria-label="目录">{toc}</nav>\n<main>\n{body}\n</main>\n</div>\n'
        '<aside id="evidence" hidden aria-live="polite">'
        '<button id="evidence-close" type="button" aria-label="关闭">×</button>'
        '<h3 id="evidence-title"></h3><div id="evidence-body"></div></aside>\n'
        f'<script type="application/json" id="evidence-data">{script_json(evidence)}</script>\n'
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def table(header: list[str], rows: list[list[str]], css_class: str = "") -> str:
    """A table whose header cells are plain text and whose row cells are HTML already built."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(rows_cell for rows_cell in row) + "</tr>" for row in rows)
    cls = f' class="{esc(css_class)}"' if css_class else ""
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def cell(text, evidence: str | None = None, css: str = "", tooltip: str | None = None,
         header: bool = False) -> str:
    tag = "th" if header else "td"
    attrs = f' class="{esc(css)}"' if css else ""
    if evidence:
        attrs += f' data-ev="{esc(evidence)}" tabindex="0"'
    if tooltip:
        attrs += f' title="{esc(tooltip)}"'
    return f"<{tag}{attrs}>{esc(text)}</{tag}>"
