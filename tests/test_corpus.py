"""The sample archive (corpus/archive, corpus/gold): reproducible, complete, and its gold
consistent with itself and with the story it was generated from."""
from __future__ import annotations

import codecs
import json
import re
import zipfile
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from corpus.build import build
from corpus.plants import PLANTS, plant_for
from corpus.story import DEPARTMENTS, FIXED, RECURRING, YEARS, all_facts
from pipeline.checks import RULE_IDS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ARCHIVE = CORPUS / "archive"
GOLD = CORPUS / "gold"
REGENERATE = "run `python -m corpus.build` (make corpus) and commit corpus/archive and corpus/gold"


def _documents() -> list[Path]:
    return sorted(p for p in ARCHIVE.iterdir() if p.suffix in (".txt", ".docx", ".pdf"))


def _gold(document: Path) -> dict:
    return json.loads((GOLD / f"{document.stem}.json").read_text(encoding="utf-8"))


def _golds() -> dict[str, dict]:
    return {p.name: _gold(p) for p in _documents()}


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    build(out)
    return out


@pytest.mark.parametrize("folder", ["archive", "gold"])
def test_corpus_rebuild_is_byte_identical(rebuilt: Path, folder: str) -> None:
    committed = {p.name: p.read_bytes() for p in (CORPUS / folder).iterdir() if p.is_file()}
    fresh = {p.name: p.read_bytes() for p in (rebuilt / folder).iterdir() if p.is_file()}
    assert sorted(fresh) == sorted(committed), REGENERATE
    changed = [name for name in fresh if fresh[name] != committed[name]]
    assert not changed, f"{changed} differ from a fresh build: {REGENERATE}"


def test_corpus_covers_departments_years_and_formats() -> None:
    documents = _documents()
    golds = [_gold(p) for p in documents]
    assert len(documents) >= 40
    assert len({g["metadata"]["department"] for g in golds}) >= 4
    assert len({g["metadata"]["region"] for g in golds}) >= 2
    assert {g["metadata"]["year"] for g in golds} == set(YEARS)
    formats = Counter(p.suffix for p in documents)
    assert set(formats) == {".txt", ".docx", ".pdf"}
    assert all(n >= 10 for n in formats.values()), formats


def test_corpus_txt_encodings_present() -> None:
    kinds = set()
    for path in (p for p in _documents() if p.suffix == ".txt"):
        data = path.read_bytes()
        if data.startswith(codecs.BOM_UTF8):
            kinds.add("utf-8-sig")
            continue
        try:
            data.decode("utf-8")
            kinds.add("utf-8")
        except UnicodeDecodeError:
            data.decode("gbk")  # strict: the GBK files are real GBK
            kinds.add("gbk")
    assert kinds == {"utf-8", "utf-8-sig", "gbk"}


def test_corpus_every_document_has_its_gold() -> None:
    documents = _documents()
    assert {p.stem for p in documents} == {p.stem for p in GOLD.glob("*.json")}
    for path in documents:
        assert _gold(path)["file"] == path.name


@pytest.mark.parametrize("name,gold", sorted(_golds().items()))
def test_corpus_gold_is_consistent(name: str, gold: dict) -> None:
    budget = gold["budget"]
    computed = (Decimal(str(budget["actual_yuan"])) / Decimal(str(budget["budget_yuan"])) * 100).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert Decimal(str(budget["execution_rate_computed_pct"])) == computed
    if budget["execution_rate_pct"] is not None:
        assert abs(budget["execution_rate_pct"] - budget["execution_rate_computed_pct"]) < 0.1
    assert gold["score"] is not None and 60 <= gold["score"] <= 100
    assert gold["sections_top"] and gold["indicators"] and gold["suggestions"]
    assert gold["metadata"]["project_contains"]
    for count in gold["counts"]:
        assert count["value"] > 0 and count["unit"] and count["evidence"]


def test_corpus_gold_matches_story() -> None:
    golds = {(g["metadata"]["department"], g["metadata"]["project_contains"], g["metadata"]["year"]): g
             for g in _golds().values()}
    for facts in all_facts():
        gold = golds[(facts.department.name, facts.project.contains, facts.year)]
        assert gold["budget"]["budget_yuan"] == float(facts.budget_used)
        assert gold["budget"]["actual_yuan"] == float(facts.funds.actual)
        # a planted 总分 off its rows (corpus/plants.py) is the score the report states
        assert gold["score"] == float(facts.score + (plant_for(facts.project.slug, facts.year).score_offset or 0))
        assert facts.project.contains in facts.name
        assert len(gold["problems"]) == len(facts.problems)


def test_corpus_plants_every_review_rule() -> None:
    planted = Counter(c["rule"] for g in _golds().values() for c in g["checks"])
    assert set(planted) == set(RULE_IDS), set(RULE_IDS) - set(planted)
    for (slug, year), plant in PLANTS.items():
        gold = next(g for g in _golds().values() if g["metadata"]["year"] == year and
                    g["file"].split("_")[2].startswith(slug))
        assert plant.rule in {c["rule"] for c in gold["checks"]}, (slug, year, plant.rule)


def test_corpus_checks_gold_is_a_list_everywhere() -> None:
    """Every report is scored for checks, the clean ones too: a finding there is a false positive."""
    assert all(isinstance(g["checks"], list) for g in _golds().values())
    assert sum(not g["checks"] for g in _golds().values()) >= 20


def _problem_years(slug: str, theme: str) -> set[int]:
    project = next(p for d in DEPARTMENTS for p in d.projects if p.slug == slug)
    golds = _golds()
    years = set()
    for year in YEARS:
        gold = next(g for g in golds.values()
                    if g["metadata"]["year"] == year and g["metadata"]["project_contains"] == project.contains)
        wanted = [item.text for item in project.problems[year] if item.theme == theme]
        if wanted:
            assert any(wanted[0].startswith(prefix) for prefix in gold["problems"])
            years.add(year)
    return years


@pytest.mark.parametrize("slug,theme,years", [(s, t, y) for s, (t, y) in sorted(RECURRING.items())])
def test_corpus_recurring_problem_is_in_those_years_only(slug: str, theme: str, years: tuple) -> None:
    assert _problem_years(slug, theme) == set(years)


@pytest.mark.parametrize("slug,theme,year", [(s, t, y) for s, (t, y) in sorted(FIXED.items())])
def test_corpus_fixed_problem_appears_once(slug: str, theme: str, year: int) -> None:
    assert _problem_years(slug, theme) == {year}


def test_corpus_rising_target_and_growing_budget() -> None:
    golds = [g for g in _golds().values() if g["metadata"]["project_contains"] == "法律援助"]
    golds.sort(key=lambda g: g["metadata"]["year"])
    targets = [next(i["target_value"] for i in g["indicators"] if i["name"] == "法律援助案件办理数量") for g in golds]
    assert targets == [1000, 1100, 1200, 1300, 1400]
    budgets = [f.funds.budget for f in all_facts() if f.project.slug == "legal-aid"]
    assert budgets == sorted(budgets) and len(set(budgets)) == 5


@pytest.mark.parametrize("path", [p for p in _documents() if p.suffix == ".docx"], ids=lambda p: p.name)
def test_corpus_docx_headings_are_numbered_by_word(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        body = z.read("word/document.xml").decode("utf-8")
        assert "<w:lvlText" in z.read("word/numbering.xml").decode("utf-8")
    heading1 = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles, re.S).group(0)
    assert "<w:numId " in heading1
    titles = re.findall(r'<w:pStyle w:val="Heading1"/>.*?<w:t>([^<]*)</w:t>', body)
    assert titles and not any(re.match(r"[一二三四五六七八九十\d第]", t) for t in titles)
    assert "<w:vMerge" in body and "<w:gridSpan" in body


@pytest.mark.parametrize("path", [p for p in _documents() if p.suffix == ".pdf"], ids=lambda p: p.name)
def test_corpus_pdf_embeds_the_font_and_crosses_lines(path: Path) -> None:
    data = path.read_bytes()
    assert b"/FontFile2" in data and b"ReportLab" in data
    assert _gold(path)["text_contains"]
