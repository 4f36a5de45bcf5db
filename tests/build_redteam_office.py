"""Red-team round 4: two reports as an office writes them in Word, and their PDFs as Word's
"save as PDF" would print them (LibreOffice here, a PDF producer none of our renderers imitate).

- rt42: headings from Word's automatic numbering (一、 / （一） live in numbering.xml, not in the
  text), money to the fen in the text and rounded to 万元 in the attached 自评表, indicator rows
  under vertically merged 一级/二级 cells;
- rt43: a 部门整体 report whose spending is a table (基本支出 / 项目支出 / 合计) and whose
  problems and measures stand side by side in a two-column table.

Gold for both was written by hand before the first run (tests/data/redteam/gold). Run
`python -m tests.build_redteam_office` to rewrite the .docx (byte-stable) and the .pdf files
(LibreOffice stamps a date in them) in tests/data/redteam/.
"""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from corpus.wordml import Lvl, Numbering, number, save
from tests.build_redteam_docx import INDICATOR_HEAD, LEFT, _table

REDTEAM = Path(__file__).parent / "data" / "redteam"
RT42 = "rt42_fujian_jiaocheng_farmland_autonumber"
RT43 = "rt43_hubei_enshi_forestry_dept_tables"


def _title(document, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.font.size = True, Pt(18)


def _body(document, text: str) -> None:
    paragraph = document.add_paragraph(text)
    paragraph.paragraph_format.first_line_indent = Pt(24)


def build_rt42(path: Path) -> Path:
    document = docx.Document()
    headings = Numbering(document).add_list(
        Lvl("chineseCounting", "%1、", suffix="nothing"),
        Lvl("chineseCounting", "（%2）", suffix="nothing"),
        multilevel=True,
    )

    def heading(text: str, level: int) -> None:
        paragraph = number(document.add_paragraph(), headings, level)
        paragraph.add_run(text).bold = True

    _title(document, "宁德市蕉城区农业农村局2022年度耕地地力保护补贴项目支出绩效自评报告")
    heading("项目基本情况", 0)
    heading("项目概况", 1)
    _body(document, "耕地地力保护补贴资金用于支持全区种粮农民保护耕地地力，补贴对象为拥有耕地承包权的种地农民。"
                    "2022年全区补贴面积46.2万亩，涉及农户3.86万户。")
    heading("项目资金情况", 1)
    _body(document, "2022年度项目预算资金8,652,340.00元，全部为中央财政资金。截至2022年12月31日，"
                    "实际支出8,431,205.60元，预算执行率97.44%。")
    heading("绩效目标完成情况", 0)
    _body(document, "项目各项绩效指标完成情况见附件。补贴资金通过“一卡通”直接发放到农户账户。")
    heading("存在的问题", 0)
    _body(document, "1.补贴面积核实工作量大，基层核查人员不足。")
    _body(document, "2.部分农户耕地地力保护意识不强，存在重用轻养现象。")
    heading("改进措施", 0)
    _body(document, "1.充实基层核查力量，运用遥感技术辅助核实补贴面积。")
    _body(document, "2.加大政策宣传力度，引导农户保护耕地地力。")
    heading("自评结论", 0)
    _body(document, "经自评，该项目2022年度绩效自评得分96.7分，评价等级为优。")
    document.add_paragraph("附件：项目支出绩效自评表").runs[0].bold = True
    _table(document, [
        ["项目名称", "耕地地力保护补贴", LEFT, LEFT, LEFT, LEFT, LEFT, LEFT],
        ["主管部门", "宁德市蕉城区农业农村局", LEFT, LEFT, "实施单位", "宁德市蕉城区农业农村局", LEFT, LEFT],
        ["项目资金（万元）", LEFT, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", LEFT, "865.23", "865.23", "843.12", "10", "97.44%", "9.7"],
        ["其中：当年财政拨款", LEFT, "865.23", "865.23", "843.12", "—", "—", "—"],
        ["上年结转资金", LEFT, "0", "0", "0", "—", "—", "—"],
        INDICATOR_HEAD,
        ["产出指标", "数量指标", "补贴发放面积", "≥45万亩", "46.2万亩", "20", "20", ""],
        ["产出指标", "数量指标", "补贴农户数", "≥3.8万户", "3.86万户", "15", "15", ""],
        ["产出指标", "质量指标", "补贴面积核实准确率", "≥98%", "99.2%", "10", "10", ""],
        ["产出指标", "时效指标", "补贴资金发放及时率", "100%", "100%", "15", "15", ""],
        ["效益指标", "社会效益指标", "耕地地力保护意识", "明显提高", "有所提高", "20", "17", "部分农户认识不足，下一步加强宣传"],
        ["满意度指标", "服务对象满意度指标", "补贴对象满意度", "≥90%", "95%", "10", "10", ""],
        ["总分", LEFT, LEFT, LEFT, LEFT, "100", "96.7", ""],
    ])
    return save(document, path)


def build_rt43(path: Path) -> Path:
    document = docx.Document()

    def heading(text: str) -> None:
        document.add_paragraph(text, style="Heading 1")

    _title(document, "恩施市林业局2023年度部门整体支出绩效自评报告")
    heading("一、部门概况")
    _body(document, "恩施市林业局是市政府工作部门，内设机构6个，下属事业单位3个，2023年末在职人员86人。")
    heading("二、部门整体支出情况")
    _body(document, "2023年度部门整体支出情况如下表（单位：万元）：")
    _table(document, [
        ["项目", "年初预算数", "全年预算数", "全年执行数", "执行率"],
        ["基本支出", "1,026.40", "1,058.72", "1,052.36", "99.40%"],
        ["项目支出", "2,380.00", "2,915.60", "2,688.47", "92.21%"],
        ["合计", "3,406.40", "3,974.32", "3,740.83", "94.13%"],
    ], merge_first_column=False)
    heading("三、部门整体绩效目标完成情况")
    _body(document, "全年完成营造林2.35万亩，森林抚育1.2万亩，查处林业行政案件42起，森林火灾受害率控制在0.3‰以内。")
    heading("四、存在的问题及改进措施")
    _body(document, "存在的问题及改进措施见下表：")
    _table(document, [
        ["存在的问题", "改进措施"],
        ["项目支出预算执行进度不均衡，下半年支出集中。", "加强预算执行监控，按季度通报执行进度。"],
        ["部分绩效指标设置偏宽泛，难以量化考核。", "细化绩效指标，提高指标的可衡量性。"],
    ], merge_first_column=False)
    heading("五、自评结论")
    _body(document, "经自评，恩施市林业局2023年度部门整体支出绩效自评得分为93分，等级为优。")
    document.add_paragraph("恩施市林业局").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("2024年3月20日").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return save(document, path)


def to_pdf(source: Path, target: Path) -> Path:
    """LibreOffice's print of a .docx, with a private profile so that runs do not collide."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
             "--convert-to", "pdf", "--outdir", tmp, str(source)],
            check=True, capture_output=True, timeout=180,
        )
        target.write_bytes((Path(tmp) / f"{source.stem}.pdf").read_bytes())
    return target


def main() -> None:
    for stem, build in ((RT42, build_rt42), (RT43, build_rt43)):
        source = build(REDTEAM / f"{stem}.docx")
        to_pdf(source, REDTEAM / f"{stem.replace('_', 'p_', 1)}.pdf")


if __name__ == "__main__":
    main()
