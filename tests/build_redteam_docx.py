"""Writes the hand-made red-team Word (and Word save-as-text) documents of the shapes offices
publish most: the 项目支出绩效自评表 as the whole document, a report whose headings are plain
bold paragraphs, and a 部门整体 report with a table of projects. Deterministic: run
`python -m tests.build_redteam_docx` to rewrite them in tests/data/redteam/.
"""
from __future__ import annotations

from pathlib import Path

import docx

from corpus.wordml import save

REDTEAM = Path(__file__).parent / "data" / "redteam"

# --- (a)/(b) the 自评表 alone -------------------------------------------------------------
TABLE_TITLE = "项目支出绩效自评表（2022年度）"
LEFT = "<"  # a cell merged into its left neighbour
UP = "^"  # a cell merged into the cell above
INDICATOR_HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
ROAD_INDICATORS = [
    ["产出指标", "数量指标", "农村公路养护里程", "≥1200公里", "1230公里", "20", "20", ""],
    ["产出指标", "质量指标", "养护路段优良路率", "≥80%", "82.5%", "15", "15", ""],
    ["产出指标", "时效指标", "养护任务完成时间", "2022年12月底前", "2022年12月", "10", "10", ""],
    ["产出指标", "成本指标", "每公里养护成本", "≤7000元", "6640元", "5", "5", ""],
    ["效益指标", "社会效益指标", "群众出行条件", "有效改善", "有效改善", "20", "18", "部分偏远路段路面破损修复不及时，下一步加快修复进度"],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", "10", "10", ""],
]


def _road_rows() -> list[list[str]]:
    """The 自评表 as rows of 8 cells; LEFT marks a cell merged with its left neighbour."""
    project = "咸安区农村公路养护项目"
    goal = "完成全区农村公路日常养护，保持路况良好，保障群众安全便捷出行。"
    done = "完成农村公路日常养护1230公里，路况总体良好。"
    return [
        ["项目名称", project, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT],
        ["主管部门", "咸宁市咸安区交通运输局", LEFT, LEFT, "实施单位", "咸宁市咸安区公路事业发展中心", LEFT, LEFT],
        ["项目资金（万元）", LEFT, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", LEFT, "800", "850", "816", "10", "96%", "9.6"],
        ["其中：当年财政拨款", LEFT, "800", "850", "816", "—", "—", "—"],
        ["上年结转资金", LEFT, "0", "0", "0", "—", "—", "—"],
        ["其他资金", LEFT, "0", "0", "0", "—", "—", "—"],
        ["年度总体目标", "预期目标", LEFT, LEFT, "实际完成情况", LEFT, LEFT, LEFT],
        [UP, goal, LEFT, LEFT, done, LEFT, LEFT, LEFT],
        INDICATOR_HEAD,
        *ROAD_INDICATORS,
        ["总分", LEFT, LEFT, LEFT, LEFT, "100", "87.6", ""],
    ]


def _table(document, rows: list[list[str]], merge_first_column: bool = True):
    """A ruled table; LEFT cells merge across, equal level cells (一级/二级) merge down."""
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = document.styles["Table Grid"]
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            end = c
            while end + 1 < len(row) and row[end + 1] == LEFT:
                end += 1
            cell = table.cell(r, c)
            if end > c:
                cell = cell.merge(table.cell(r, end))
            if row[c] == UP:
                above = table.cell(r - 1, c)
                above.merge(cell).text = rows[r - 1][c]
            else:
                cell.text = row[c]
            c = end + 1
    if merge_first_column:
        head = next((i for i, row in enumerate(rows) if row[:1] == ["一级指标"]), None)
        if head is not None:
            for col in (0, 1):
                r = head + 1
                while r < len(rows):
                    end = r
                    while end + 1 < len(rows) and rows[end + 1][col] == rows[r][col] \
                            and rows[end + 1][0] not in ("总分",) and len(rows[end + 1]) == width:
                        end += 1
                    if end > r:
                        merged = table.cell(r, col).merge(table.cell(end, col))
                        merged.text = rows[r][col]
                    r = end + 1
    return table


def build_table_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(TABLE_TITLE).runs[0].bold = True
    _table(document, _road_rows())
    document.add_paragraph("填报单位（盖章）：咸宁市咸安区交通运输局　　填报日期：2023年3月15日")
    return save(document, path)


def build_table_txt(path: Path) -> Path:
    """Word's save-as-text: one line per row, cells split by tabs, a merged cell written once
    (across) or left empty in the rows it spans (down)."""
    lines = [TABLE_TITLE]
    previous: list[str] | None = None
    for row in _road_rows():
        cells = ["" if c == UP else c for c in row if c != LEFT]
        if previous is not None and row[:1] != ["总分"] and row[0] in ("产出指标", "效益指标", "满意度指标") \
                and previous[:1] == row[:1]:
            cells = [""] + cells[1:]
        previous = row
        lines.append("\t".join(cells))
    lines.append("填报单位（盖章）：咸宁市咸安区交通运输局　　填报日期：2023年3月15日")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- (c) bold paragraphs as headings ------------------------------------------------------
def _bold(document, text: str):
    document.add_paragraph().add_run(text).bold = True


def build_bold_headings_docx(path: Path) -> Path:
    document = docx.Document()
    _bold(document, "赣州市南康区教育科技体育局2022年度学生资助项目支出绩效自评报告")
    _bold(document, "一、基本情况")
    _bold(document, "（一）项目概况")
    document.add_paragraph(
        "学生资助项目由区教育科技体育局组织实施，全区共有中小学校42所，资助对象为在校家庭经济困难学生。")
    _bold(document, "（二）资金情况")
    document.add_paragraph("2022年全年预算数为560万元，全年实际支出548.8万元，预算执行率98%。")
    _bold(document, "二、绩效目标完成情况")
    document.add_paragraph("项目绩效目标基本完成，各项指标完成情况详见附表。")
    _bold(document, "三、存在的问题")
    document.add_paragraph("1.资助对象动态管理不够及时，个别学生家庭经济状况变化后未能及时调整。")
    document.add_paragraph("2.资助政策宣传覆盖面不足，部分家长对政策了解不多。")
    _bold(document, "四、改进建议")
    document.add_paragraph("1.加强资助对象动态管理，每学期开展一次复核。")
    document.add_paragraph("2.拓宽资助政策宣传渠道，利用家长会和微信群广泛宣传。")
    _bold(document, "五、自评结论")
    document.add_paragraph("经综合评价，本项目2022年度绩效自评得分为95分，评价等级为“优”。")
    document.add_paragraph("附表：项目支出绩效自评表")
    rows = [
        INDICATOR_HEAD,
        ["产出指标", "数量指标", "资助家庭经济困难学生人次", "≥4500人次", "4680人次", "20", "20", ""],
        ["产出指标", "质量指标", "资助资金发放准确率", "100%", "100%", "20", "20", ""],
        ["产出指标", "时效指标", "资助资金发放及时率", "100%", "100%", "10", "10", ""],
        ["效益指标", "社会效益指标", "家庭经济困难学生辍学率", "≤0.5%", "0.2%", "20", "17", "个别学生因病休学"],
        ["满意度指标", "服务对象满意度指标", "受助学生满意度", "≥90%", "96%", "20", "18", ""],
        ["总分", LEFT, LEFT, LEFT, LEFT, "100", "95", ""],
    ]
    _table(document, rows)
    return save(document, path)


# --- (d) 部门整体 with a table of projects --------------------------------------------------
def build_department_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("祁东县林业局2022年度部门整体支出绩效自评报告").runs[0].bold = True
    document.add_heading("一、部门基本情况", level=1)
    document.add_paragraph("祁东县林业局内设股室6个，下属事业单位3个，主要负责全县林业资源保护与发展工作。")
    document.add_heading("二、部门整体支出情况", level=1)
    document.add_paragraph(
        "2022年部门预算总额为2,356.8万元，全年实际支出2,248.4万元，预算执行率95.4%。主要项目支出情况如下：")
    rows = [
        ["项目名称", "预算数（万元）", "执行数（万元）", "执行率"],
        ["森林防火专项", "320", "305.6", "95.5%"],
        ["生态公益林补偿", "860", "842.8", "98%"],
        ["国土绿化", "410", "372.4", "90.83%"],
    ]
    _table(document, rows, merge_first_column=False)
    document.add_heading("三、部门整体支出绩效情况", level=1)
    document.add_paragraph("全年完成人工造林1.2万亩，森林覆盖率稳定在58%以上，未发生重大森林火灾。")
    document.add_heading("四、存在的问题", level=1)
    document.add_paragraph("（一）预算执行进度不均衡。上半年支出进度偏慢，资金集中在四季度支付。")
    document.add_paragraph("（二）项目绩效目标设置不够量化。部分项目目标以定性描述为主。")
    document.add_heading("五、改进措施", level=1)
    document.add_paragraph("（一）加强预算执行监控。按月通报支出进度。")
    document.add_paragraph("（二）提高绩效目标编制质量。细化量化各项指标。")
    document.add_heading("六、自评结论", level=1)
    document.add_paragraph("经综合评价，祁东县林业局部门整体支出绩效自评得分为91.5分，等级为“优”。")
    return save(document, path)


def main() -> None:
    build_table_docx(REDTEAM / "rt09w_hubei_xianan_road_table.docx")
    build_table_txt(REDTEAM / "rt09_hubei_xianan_road_table.txt")
    build_bold_headings_docx(REDTEAM / "rt10w_jiangxi_nankang_bold_headings.docx")
    build_department_docx(REDTEAM / "rt11w_hunan_qidong_forestry_dept.docx")


if __name__ == "__main__":
    main()
