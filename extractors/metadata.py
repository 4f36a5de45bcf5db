"""Who reported on what, for which year: department, region, year, project, report kind.

Labels (主管部门：…, 项目名称：…) win over the title, the title over the body. The year is the
year evaluated: a year in the title, else the year most often named with 年度/年 in the
first part of the report — plans for the next year come later in the text.
"""
from __future__ import annotations

import re
from collections import Counter

from extractors.records import DocFacts
from pipeline.document import Document

_HEAD_CHARS = 600  # the title block and first paragraphs
_ADMIN = r"(?:[\u4e00-\u9fa5]{2,7}?(?:省|自治区|市|自治州|州|盟|地区|区|县|自治县|旗))"
_ORGAN_END = r"(?:局|委员会|委|办公室|办|厅|院|中心|办事处|馆|所|站|队|处|部|会|社|校|学校|医院|政府)"
# Function words a lazy match would otherwise take as the start of a place name ("根据江门市…").
_LEAD_WORDS = r"(?:根据|按照|依据|依照|经|由|对|在|向|为|是|与|和|及|将|从|会同|配合|协助|组织|指导|我|本)"
DEPARTMENT = re.compile(
    rf"(?:{_LEAD_WORDS})?(?P<dept>(?:中共)?{_ADMIN}{{1,3}}(?:人民政府)?[\u4e00-\u9fa5]{{0,14}}?{_ORGAN_END})"
)
_DEPT_LABEL = re.compile(
    r"(?:预算主管部门|主管部门|部门名称|单位名称|预算单位|实施单位|项目单位|填报单位|评价单位)(?:（盖章）|\(盖章\))?\s*[：:]\s*"
    r"(?P<dept>[^\s\t\n，。；]{4,40})"
)
_REGION = re.compile(rf"^(?P<region>(?:中共)?{_ADMIN}{{1,3}})")
_PROJECT_LABEL = re.compile(r"项目名称\s*[：:\t]\s*(?P<project>[^\t\n，。；]{2,60})")
_PROJECT_TITLE = re.compile(r"(?:关于)?(?P<project>[^\n]{2,60}?)(?:项目)?(?:支出)?(?:绩效)?(?:自评|评价)(?:报告)?")
_YEAR = re.compile(r"(?<!\d)(?P<year>20[0-4]\d|19[89]\d)\s*年(?!\d)")
_TITLE_YEAR = re.compile(r"(?<!\d)(?P<year>20[0-4]\d|19[89]\d)\s*年")

# (report kind, cue regex) in order: the first whose cue matches the head of the text wins.
REPORT_KINDS: list[tuple[str, str]] = [
    ("部门整体支出绩效自评报告", r"部门整体(?:支出)?绩效"),
    ("项目支出绩效自评报告", r"项目(?:支出)?绩效自评|项目自评|(?:项目)?绩效自评报告"),
    ("部门决算", r"部门决算|决算公开"),
    ("部门预算", r"部门预算|预算公开"),
    ("绩效评价报告", r"绩效评价报告|重点绩效评价"),
]
# A report with no title still shows its kind by its sections.
_PROJECT_REPORT_BODY = re.compile(r"项目(?:自评结论|概况|绩效情况|组织实施)")


def extract(doc: Document, found: dict) -> list:
    text = doc.text
    head = text[:_HEAD_CHARS]
    department = _department(text, head)
    return [DocFacts(
        department=department,
        region=_region(department),
        year=_year(text, head),
        project=_project(text, head),
        report_kind=_report_kind(text, head),
    )]


def _department(text: str, head: str) -> str | None:
    label = _DEPT_LABEL.search(text)
    if label and DEPARTMENT.search(label.group("dept")):
        return label.group("dept")
    in_head = DEPARTMENT.search(head)
    if in_head:
        return in_head.group("dept")
    mentions = Counter(m.group("dept") for m in DEPARTMENT.finditer(text))
    return mentions.most_common(1)[0][0] if mentions else None


def _region(department: str | None) -> str | None:
    if not department:
        return None
    match = _REGION.match(department)
    if not match:
        return None
    region = match.group("region")
    return region[2:] if region.startswith("中共") else region


def _title_lines(head: str) -> list[str]:
    """The short lines before the first paragraph of prose: title, subtitle, issuer."""
    lines = []
    for line in head.strip().split("\n")[:4]:
        if len(line.strip()) > 60 or line.strip().endswith("。"):
            break
        lines.append(line.strip())
    return lines


def _year(text: str, head: str) -> int | None:
    title_year = _TITLE_YEAR.search("\n".join(_title_lines(head)[:2]))
    if title_year:
        return int(title_year.group("year"))
    first_half = text[: max(len(text) // 2, _HEAD_CHARS)]
    years = Counter(int(m.group("year")) for m in _YEAR.finditer(first_half))
    if not years:
        return None
    top = max(years.values())
    # On a tie the earlier year: later years in a report are plans, not the year evaluated.
    return min(year for year, n in years.items() if n == top)


def _project(text: str, head: str) -> str | None:
    label = _PROJECT_LABEL.search(text)
    if label:
        return label.group("project").strip()
    first_line = head.strip().split("\n", 1)[0].strip()
    titled = _PROJECT_TITLE.fullmatch(first_line)
    if titled and len(titled.group("project")) >= 4:
        return titled.group("project")
    return None


def _report_kind(text: str, head: str) -> str | None:
    title = "\n".join(_title_lines(head))
    for kind, cue in REPORT_KINDS:
        if re.search(cue, title):
            return kind
    if _PROJECT_REPORT_BODY.search(text):
        return "项目支出绩效自评报告"
    return None
