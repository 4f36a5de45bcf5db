"""Heading detection and the section tree.

Numbering alone cannot give the outline. Real reports skip numbers, mix numbering styles at
one level (`1、 项目概况` … `二、项目组织实施情况`), and reuse a heading style for plain lists
(`1、依法治市咨询专家库专家人数  12人`). So every line that could be a heading becomes a
`Candidate` carrying what the line alone says (`content`: positive reads like a heading,
negative like a list item), and its level is chosen by scoring each level it could take
against the outline built so far: the level its numbering style was seen at, whether its
ordinal continues that level's sequence, the GB/T 9704 order of styles (一、 > （一） > 1. >
（1）), the title's vocabulary, and the Word outline level when the reader found one. A
candidate becomes a section only when its best level score plus its content score is
positive.

candidates.py reads the lines (what each says, lists and tables of contents among them),
outline.py places them at levels; the numbering styles themselves are pipeline/core/numbering.py.
"""
from __future__ import annotations

from pipeline.core.document import Document, Section
from pipeline.sections.candidates import (
    PLAIN, Candidate, drop_toc, line_numbers, mark_lists, scan, sentence_list_lines,
)
from pipeline.sections.names import canonical_name, is_disclosure
from pipeline.sections.outline import Outline, to_sections
from pipeline.sections.toc import find_toc, guided_headings

__all__ = ["build", "canonical_name"]

# Numbering styles that open a top-level section; an outline with none of them is bare titles.
_NUMBERED_TOPS = ("part", "chapter", "cn")
MIN_PLAIN_TOPS = 2


# The opening of a document that holds its title.
TITLE_CHARS = 120


def build(doc: Document) -> list[Section]:
    """Detect headings in `doc.text`, set `doc.sections` to the tree and return it."""
    toc = find_toc(doc)
    # A table of contents names the parts of the body itself; without one, a budget
    # disclosure's parts are known by their names.
    disclosure = toc is None and is_disclosure(doc.match_text[:TITLE_CHARS])
    candidates = scan(doc, disclosure=disclosure)
    if _unnumbered_outline(candidates):
        candidates = scan(doc, every_name=True)
    if toc is not None:
        guided = guided_headings(doc, toc, line_numbers(doc))
        taken = {c.start for c in guided}
        candidates = sorted(
            [c for c in candidates if not toc.start <= c.start < toc.end and c.start not in taken] + guided,
            key=lambda c: c.start)
    candidates = mark_lists(drop_toc(candidates), sentence_list_lines(doc))
    doc.sections = to_sections(doc, Outline().place_all(candidates))
    return doc.sections


def _unnumbered_outline(candidates: list[Candidate]) -> bool:
    """An outline of bare titles ("项目基本情况", "资金安排及使用情况" …) with no numbered
    top level and no Word styles: nothing else can open a section there, so a title the
    vocabulary keeps for subsections opens a top-level one too."""
    plain_tops = [c for c in candidates if c.style == PLAIN and c.hint is None and c.top_level]
    return (len(plain_tops) >= MIN_PLAIN_TOPS
            and not any(c.style in _NUMBERED_TOPS for c in candidates)
            and not any(c.hint is not None for c in candidates))
