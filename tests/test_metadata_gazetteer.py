"""The gazetteer of administrative divisions (cpca's data) and the metadata's simplified view."""
from __future__ import annotations

import subprocess
import sys

from extractors import metadata
from extractors.context import Context
from extractors.metadata.gazetteer import COUNTY, PROVINCE, gazetteer
from extractors.metadata.view import name_view
from pipeline import sections
from pipeline.core.document import Document


def test_metadata_gazetteer_places_with_their_parents():
    found = gazetteer().places_in("保障宁化县群众，呼和浩特市和内蒙古的盟市")
    chains = [[place.chain() for place in readings] for _, _, readings in found]
    assert chains == [[("福建省", "三明市", "宁化县")], [("内蒙古自治区", "呼和浩特市")], [("内蒙古自治区",)]]
    assert found[0][2][0].level == COUNTY and found[2][2][0].level == PROVINCE


def test_metadata_gazetteer_keeps_every_reading_of_a_shared_name():
    (_, _, readings), = gazetteer().places_in("朝阳区")
    assert {place.province for place in readings} == {"北京市", "吉林省"}


def test_metadata_gazetteer_words_ending_like_places_are_none():
    assert gazetteer().places_in("老城区和矿区的社区") == []


def test_metadata_gazetteer_is_loaded_on_first_use_only():
    code = ("import sys, extractors, extractors.metadata; "
            "print('cpca' in sys.modules, extractors.metadata.gazetteer._load.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "0"]


def test_metadata_view_drops_pinyin_and_reads_simplified():
    doc = Document(doc_id="t", source_path="t.txt", format="txt",
                   text="平陽縣(xiàn)交通運(yùn)輸局\n2022年度農村公路養護工程項目支出績效自評報告\n一、項目基本情況\n概述。\n")
    sections.build(doc)
    view = name_view(doc)
    assert view.doc.text.startswith("平阳县交通运输局\n")
    assert view.as_written("农村公路养护工程") == "農村公路養護工程"
    (facts,) = metadata.extract(doc, Context())
    assert (facts.department, facts.project) == ("平阳县交通运输局", "農村公路養護工程")


def test_metadata_view_keeps_the_texts_punctuation():
    doc = Document(doc_id="t", source_path="t.txt", format="txt", text="上海市財政局（單位）")
    assert name_view(doc).simplified("上海市财政局(单位)") == "上海市财政局（单位）"
