"""Text wrapped at a fixed width is put back into paragraphs; text of one paragraph a line,
flattened tables and headings are left as they are."""
from __future__ import annotations

from pipeline.readers import read
from pipeline.readers.hardwrap import columns, join_hard_wraps

WRAPPED = (
    "一、基本情况\n"
    "2022年，我市学生资助专项资金主要用于学前教育\n"
    "幼儿资助、义务教育家庭经济困难学生生活补助、普\n"
    "通高中国家助学金和免学费等。全年共安排资金\n"
    "3,426.5万元，其中中央资金1,856万元，省级资金\n"
    "972.3万元，市级资金598.2万元。\n"
    "二、自评结论\n"
    "经自评，2022年度学生资助专项资金绩效自评得分\n"
    "97分，等级为优。\n"
)


def test_hardwrap_columns_count_cjk_as_two():
    assert columns("资金3,426.5万元") == 2 * 4 + 7


def test_hardwrap_wrapped_paragraphs_are_joined_and_headings_kept(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    lines = read(path).text.split("\n")
    assert lines[0] == "一、基本情况"
    assert lines[1].startswith("2022年，我市") and lines[1].endswith("市级资金598.2万元。")
    assert "全年共安排资金3,426.5万元" in lines[1] and "义务教育家庭经济困难学生生活补助" in lines[1]
    assert lines[2] == "二、自评结论"
    assert lines[3] == "经自评，2022年度学生资助专项资金绩效自评得分97分，等级为优。"


def test_hardwrap_latin_words_are_joined_with_a_space():
    text = "\n".join(["项目采用 GIS 平台对全县农村公路进行动态管理 and"] * 3 + ["then more。"])
    assert join_hard_wraps(text).endswith("动态管理 and then more。")


def test_hardwrap_one_paragraph_a_line_is_left_alone():
    text = (
        "一、项目概况\n"
        "本项目年初预算安排资金120万元，用于全市法律援助案件办理、法律咨询和普法宣传工作，全年共办理案件94件。\n"
        "全年实际支出112.4万元，执行率93.67%，资金使用规范，未发现挤占挪用情况。\n"
        "项目实施后群众满意度达到95%以上，较好地完成了年度绩效目标和各项工作任务\n"
        "二、存在问题\n"
        "部分案件办理周期偏长。\n"
    )
    assert join_hard_wraps(text) == text


def test_hardwrap_flattened_table_rows_and_indented_paragraphs_are_not_joined():
    rows = "产出指标 数量指标 新增高效节水灌溉面积 ≥2万亩 2.1万亩 20 20\n" * 4
    assert join_hard_wraps(rows) == rows
    indented = "\n".join(["　　" + "项目资金全部用于农村饮水安全工程建设和管护工作的各个环节中" + str(i) for i in range(4)])
    assert join_hard_wraps(indented) == indented


def test_hardwrap_a_line_before_a_list_item_is_not_joined():
    body = "项目资金全部用于农村饮水安全工程建设和管护工作的各个方面以及"
    text = f"{body}\n" * 4 + "（一）部分工程建设进度滞后。\n"
    joined = join_hard_wraps(text)
    assert joined.split("\n")[:2] == [body * 4, "（一）部分工程建设进度滞后。"]
