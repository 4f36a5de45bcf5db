"""Gold files: what a gold folder may hold, and one readable error for a malformed one."""
from __future__ import annotations

import json

import pytest

from pipeline.core.errors import JixiaoError
from pipeline.evaluate.gold import load_gold


def test_evaluate_load_gold_skips_readme_and_other_files(tmp_path):
    (tmp_path / "README.md").write_text("# gold", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a.json").write_text(json.dumps({"file": "a.txt", "score": 90}), encoding="utf-8")
    golds = load_gold(tmp_path)
    assert [g.file for g in golds] == ["a.txt"]


@pytest.mark.parametrize("content,message", [
    ('{"file": "a.txt", "score": 9', "not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
    ('{"score": 9}', 'no "file" field'),
    ('{"file": "a.txt", "sections_top": "项目概况"}', '"sections_top" must be list'),
    ('{"file": "a.txt", "problems": [1]}', 'every item of "problems"'),
    ('{"file": "a.txt", "score": true}', '"score" must be'),
])
def test_evaluate_malformed_gold_is_one_line_naming_the_file(tmp_path, content, message):
    (tmp_path / "broken.json").write_text(content, encoding="utf-8")
    with pytest.raises(JixiaoError) as raised:
        load_gold(tmp_path)
    text = str(raised.value)
    assert "broken.json" in text and message in text and "\n" not in text


@pytest.mark.parametrize("setup,message", [
    ("missing", "no gold folder"),
    ("empty", "no gold files"),
    ("duplicate", "are both the gold for"),
])
def test_evaluate_load_gold_folder_errors(tmp_path, setup, message):
    folder = tmp_path / "gold"
    if setup != "missing":
        folder.mkdir()
    if setup == "duplicate":
        for name in ("a.json", "b.json"):
            (folder / name).write_text('{"file": "r.txt"}', encoding="utf-8")
    with pytest.raises(JixiaoError, match=message):
        load_gold(folder)
