"""Budget tables flattened into text lines, as txt and PDF conversions leave them.

A header line naming the money columns (see extractors/form/vocab.py) is followed by rows
of a label and values: tab- or pipe-separated cells (empty cells keep their place),
space-separated cells, or one cell a line. Values are matched to the header's columns in
order; the rows end at prose, at a line of words with no numbers, or after a few lines per
column.
"""
from __future__ import annotations

import re

from extractors.budgets.tables import BudgetTable, Quoted, build
from extractors.form.flat import is_value, rows_of
from extractors.form.funds import FundBlock, FundRow, Token, caption
from extractors.form.vocab import (
    FUND_LABEL, MAX_HEADER_LEN, MONEY_ROLES, fund_header_role, names_fund_columns,
)
from pipeline.core.money import unit_from_caption
from pipeline.core.document import Document

_CELL = re.compile(r"\S+")
_ROW_LINES_PER_COLUMN = 4  # rows of a flattened table end within this many lines per column


def from_lines(doc: Document, known: Quoted) -> list[BudgetTable]:
    """Budget tables in the lines outside the tables the reader recognised."""
    spans = [(t.char_start, t.char_end) for t in doc.tables]
    # Header words and labels matched as written in simplified (預算數 reads 预算数); same offsets.
    lines = [line for line in _lines(doc.match_text, spans) if not any(s <= line[0].start < e for s, e in spans)]
    tables, i = [], 0
    while i < len(lines):
        found = _flat_table(lines, i, known, doc)
        if found is None:
            i += 1
            continue
        table, i = found
        if table is not None:
            tables.append(table)
    return tables


def _lines(text: str, tables: list[tuple[int, int]] = ()) -> list[list[Token]]:
    """Non-empty lines as cell tokens; pipe and tab rows keep their empty cells. The lines
    of `tables` (spans wholly holding them) are left out: their cells were read as cells."""
    out, pos = [], 0
    for line in text.split("\n"):
        if any(s <= pos < e and pos + len(line) <= e for s, e in tables):
            pos += len(line) + 1
            continue
        if "|" in line or "｜" in line or "\t" in line:
            sep = r"[|｜]" if ("|" in line or "｜" in line) else r"\t"
            tokens, at = [], pos
            for piece in re.split(sep, line):
                stripped = piece.strip()
                lead = len(piece) - len(piece.lstrip())
                tokens.append(Token(stripped, at + lead, at + lead + len(stripped)))
                at += len(piece) + 1
            while tokens and not tokens[0].text:
                tokens.pop(0)
            while tokens and not tokens[-1].text:
                tokens.pop()
        else:
            tokens = [Token(m.group(), pos + m.start(), pos + m.end()) for m in _CELL.finditer(line)]
        if tokens:
            out.extend(rows_of(tokens))  # a whole form copied into one line: its rows
        pos += len(line) + 1
    return out


def _flat_table(lines: list[list[Token]], i: int, known: Quoted,
                doc: Document) -> tuple[BudgetTable | None, int] | None:
    """The table whose header starts on line i, and the index of the line after it."""
    line = lines[i]
    first = next((k for k, t in enumerate(line) if fund_header_role(t.text) in MONEY_ROLES), None)
    if first is None:
        return None
    header = [t for t in line[first:] if t.text]
    j = i + 1
    while j < len(lines) and all(fund_header_role(t.text) for t in lines[j]):
        header += lines[j]  # one header cell a line
        j += 1
    roles = [fund_header_role(t.text) for t in header]
    if None in roles or not names_fund_columns(roles):
        return None
    rows: list[FundRow] = []
    units: list[str] = []
    for tokens in lines[j:j + _ROW_LINES_PER_COLUMN * (len(header) + 1)]:
        if not _add_tokens(rows, tokens, header, roles, units, doc.text):
            break
        j += 1
    rows = [r for r in rows if r.values or (r.label and FUND_LABEL.search(r.label.text))]
    if not rows:
        return None
    head_texts = caption(doc.match_text, line[0].start) + [t.text for t in line] + [t.text for t in header] + units
    return build(FundBlock(rows, head_texts), known), j


def _add_tokens(rows: list[FundRow], tokens: list[Token], header, roles, units: list[str], text: str) -> bool:
    """Adds a line's cells to the rows; False when the line is not part of the table. Tokens
    are read on the match view; a row's label is kept as the text writes it."""
    for token in tokens:
        if unit_from_caption(token.text) and len(token.text) <= MAX_HEADER_LEN:
            units.append(token.text)  # （万元） wrapped under its header cell
            continue
        if token.text and not is_value(token.text):
            if len(token.text) > 20 or re.search(r"[。；;]", token.text):
                return False
            if rows and not rows[-1].values and rows[-1].label and not FUND_LABEL.search(rows[-1].label.text):
                if rows[-1].label.start < tokens[0].start:
                    return False  # a line of words with no numbers after it: prose, not a table
                rows.pop()  # 项目资金 | 年度资金总额: the row's label is its last word cell
            rows.append(FundRow(Token(text[token.start:token.end], token.start, token.end), []))
            continue
        if not rows:
            rows.append(FundRow(None, []))  # values right under the header: a one-row table
        row = rows[-1]
        k = len(row.values)
        if k < len(header):
            row.values.append((roles[k], header[k].text, token))
    return True
