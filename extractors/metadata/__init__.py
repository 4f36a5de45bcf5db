"""Who reported on what, for which year: department, region, year, project, report kind.

Sources, from most to least authoritative: label cells and lines (主管部门：…, 项目名称：…),
the title block, the signature above the closing date, then the body. A 主管部门 label
outranks the body named in the title — the department reports on the projects its units
carry out — unless the two agree; the implementing unit (实施单位) is used only when
nothing better names the department.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.context import Context
from extractors.metadata import project
from extractors.form.labels import labelled
from extractors.form.vocab import DEPARTMENT_LABELS, OUTSIDER_LABELS
from extractors.metadata.labels import signature, title_block
from extractors.metadata.lexicon import ADMIN_SUFFIXES, PROJECT_KINDS, STRUCTURE_KINDS, TITLE_KINDS
from extractors.metadata.names import (
    LocatedValue, departments_in, is_department, level_department_at, most_named, region_of, regions_in,
)
from extractors.metadata import reporter
from extractors.metadata.view import name_view
from extractors.metadata.year import YearFinding, year_of
from extractors.records import DocFacts
from pipeline.core.document import Document

_TITLE_KINDS = [(kind, re.compile(cue)) for kind, cue in TITLE_KINDS]
_STRUCTURE_KINDS = [(kind, re.compile(cue)) for kind, cue in STRUCTURE_KINDS]
# A title that says 自评 but not what of: the structure tells project from department.
_PROJECT_TITLE = re.compile(r"项目|专项|资金|经费")
_SELF_EVALUATION_KINDS = ("项目支出绩效自评报告", "部门整体支出绩效自评报告")
_STRUCTURE_HEAD_CHARS = 400
# Firms that evaluate projects for a finance bureau (会计师事务所, 资产评估有限公司 …).
_FIRM = re.compile(r"事务所$|(?:咨询|评估|评价|审计|会计|顾问)[^局厅委办]{0,12}公司$")
# Kinds written after the year they report on (a 部门预算 is written before its year).
LOOKING_BACK = ("项目支出绩效自评报告", "部门整体支出绩效自评报告", "绩效评价报告", "部门决算")
_REGION_SEARCH_CHARS = 3000
_LEVELS = "省市县区州旗"
SHEET_FORMATS = ("xlsx", "xls", "et", "ods")


def extract(doc: Document, ctx: Context) -> list:
    names = name_view(doc)
    doc = names.doc
    title = title_block(doc)
    kind = _report_kind(doc, title)
    found = _department(doc, title)
    department = reporter.completed(found, doc, title.value if title else "") if found else None
    year = year_of(doc, (title.start, title.end) if title else None, looks_back=kind in LOOKING_BACK)
    proj, inferred = None, False
    if kind in PROJECT_KINDS or kind is None:
        named = department.value if department else None
        proj = project.from_label(doc) or (project.from_title(title, named) if title else None)
        if not proj and kind:
            proj, inferred = project.from_body(doc), True
    facts = _facts(doc, title, kind, (department, found), year, proj, inferred)
    return [replace(facts, department=facts.department and names.simplified(facts.department),
                    project=facts.project and names.as_written(facts.project))]


def _facts(doc: Document, title: LocatedValue | None, kind: str | None,
           named: tuple[LocatedValue | None, LocatedValue | None],
           year: YearFinding | None, proj: LocatedValue | None, inferred: bool) -> DocFacts:
    department, written = named  # the name completed, and as the report writes it
    warnings = []
    if year and year.warning:
        warnings.append(year.warning)
    if proj and inferred:
        warnings.append(f"{project.INFERRED}: {proj.value}")
    return DocFacts(
        department=department.value if department else None,
        region=_completed_region(doc, title, department, written),
        year=year.year if year else None,
        project=proj.value if proj else None,
        report_kind=kind,
        warnings=tuple(warnings),
    )


def _report_kind(doc: Document, title: LocatedValue | None) -> str | None:
    by_structure = _kind_from_structure(doc)
    if title:
        for kind, cue in _TITLE_KINDS:
            if cue.search(title.value):
                if kind == "项目支出绩效自评报告" and not _PROJECT_TITLE.search(title.value) \
                        and by_structure in _SELF_EVALUATION_KINDS:
                    return by_structure
                return kind
    sheet = _sheet_name(doc)
    return next((kind for kind, cue in _TITLE_KINDS if cue.search(sheet)), by_structure)


def _sheet_name(doc: Document) -> str:
    """"book.xlsx#项目支出绩效目标申报表": a workbook's form sheet names what it holds."""
    return doc.source_path.rpartition("#")[2] if doc.format in SHEET_FORMATS and "#" in doc.source_path else ""


def _kind_from_structure(doc: Document) -> str | None:
    outline = "\n".join([s.title for s in doc.sections] + [doc.text[:_STRUCTURE_HEAD_CHARS]])
    votes = [(len(cue.findall(outline)), -i, kind) for i, (kind, cue) in enumerate(_STRUCTURE_KINDS)]
    best = max(votes)
    return best[2] if best[0] else None


def _department(doc: Document, title: LocatedValue | None) -> LocatedValue | None:
    outsiders = _outsiders(doc)
    itself = reporter.self_reference(doc)
    if itself and any(reporter.agrees(name, itself) for name in outsiders):
        itself = None  # the evaluating firm speaks ("我所"), not the unit it evaluated
    return _reporter(doc, title, itself, outsiders) or _reporter(doc, title, None, outsiders)


def _outsiders(doc: Document) -> set[str]:
    """Names of a third-party evaluation's firm and commissioner (评价机构：…, 委托单位：…, a
    firm that signs): they write about the project, they did not carry it out."""
    names = {f.value for f in labelled(doc, OUTSIDER_LABELS)}
    signed = signature(doc)
    if signed and _FIRM.search(signed.value):
        names.add(signed.value)
    return names


def _reporter(doc: Document, title: LocatedValue | None, itself: str | None,
              outsiders: set[str]) -> LocatedValue | None:
    """The reporting body among the names a report gives, keeping only those that fit the
    word it calls itself by (我局 …) when `itself` is given, and none of the outsiders."""
    def fitting(found: list[LocatedValue]) -> list[LocatedValue]:
        return [f for f in found if reporter.agrees(f.value, itself) and f.value not in outsiders]

    tiers = [fitting([f for f in labelled(doc, labels) if is_department(f.value)]) for labels in DEPARTMENT_LABELS]
    in_title = []
    if title:
        in_title = departments_in(doc.text, title.start, title.end, "title")[:1]
        in_title = fitting(in_title or list(filter(None, [level_department_at(doc.text, title.start, title.end)])))
    if in_title and any(f.value == in_title[0].value for tier in tiers for f in tier):
        return in_title[0]
    signed = signature(doc)
    signed = fitting([signed] if signed and is_department(signed.value) else [])
    sources = fitting(reporter.page_sources(doc))
    # The unit that carries the project out reports when it signs or heads the report itself.
    own = [f.value for f in in_title + signed + sources]
    confirmed = [f for tier in tiers[1:] for f in tier if f.value in own]
    for candidates in (confirmed, tiers[0], in_title, signed, sources, *tiers[1:]):
        if candidates:
            return candidates[0]
    return most_named(fitting(departments_in(doc.text, 0, len(doc.text), "body")))


def _completed_region(doc: Document, title: LocatedValue | None, department: LocatedValue | None,
                      written: LocatedValue | None) -> str | None:
    """For a name completed from its level ("区教育局" → "吴兴区教育局"), the place the report
    writes at that level ("湖州市吴兴区") when it holds the completing unit, else that unit."""
    if department is None or written is None or department.value == written.value:
        return _region(doc, title, department)
    place, unit = _region(doc, title, written), region_of(department.value)
    return place if place and unit and unit in place else unit


def _region(doc: Document, title: LocatedValue | None, department: LocatedValue | None) -> str | None:
    """The department's own place; else the place the title or body names, cut to the
    level the department's name starts with ("市司法局" → the city)."""
    if department:
        own = region_of(department.value)
        if own:
            return own
    places = regions_in(title.value) if title else []
    places += [region_of(f.value) for f in departments_in(doc.text, 0, _REGION_SEARCH_CHARS, "body")]
    places += regions_in(doc.text[:_REGION_SEARCH_CHARS])
    level = department.value[0] if department and department.value[0] in _LEVELS else None
    for place in filter(None, places):
        cut = _cut_to_level(place, level)
        if cut:
            return cut
    return None


def _cut_to_level(place: str, level: str | None) -> str | None:
    if level is None:
        return place
    end = max((i + 1 for i, ch in enumerate(place) if ch == level and _ends_unit(place, i + 1)), default=0)
    return place[:end] or None


def _ends_unit(place: str, end: int) -> bool:
    head = place[:end]
    return head.endswith(ADMIN_SUFFIXES) and region_of(head) == head
