"""Metadata: department, region, year, project and report kind, from titles, labels and body."""
from __future__ import annotations

import pytest

from extractors import metadata
from extractors.context import Context
from extractors.metadata.names import region_of
from pipeline import sections
from pipeline.core.document import Cell, Document, TextBuilder

BODY = "\n一、项目概况\n本项目用于保障年度重点工作，资金已按计划拨付到位。\n二、存在问题\n部分指标设置不够细化。\n"


def facts_of(text: str):
    doc = Document(doc_id="t", source_path="t.txt", format="txt", text=text)
    sections.build(doc)
    (facts,) = metadata.extract(doc, Context())
    return facts


def facts_of_table(paragraphs: list[str], rows: list[list[str]], after: list[str] = ()):
    builder = TextBuilder()
    for paragraph in paragraphs:
        builder.add_paragraph(paragraph)
    builder.add_table([[Cell(0, c, text, 0, 0) for c, text in enumerate(row)] for row in rows])
    for paragraph in after:
        builder.add_paragraph(paragraph)
    doc = Document(doc_id="t", source_path="t.docx", format="docx", text=builder.text(),
                   tables=builder.tables)
    sections.build(doc)
    (facts,) = metadata.extract(doc, Context())
    return facts


@pytest.mark.parametrize("title,department,region", [
    ("江门市司法局2021年度依法治市项目支出绩效自评报告", "江门市司法局", "江门市"),
    ("2021年度广西壮族自治区财政厅部门整体支出绩效自评报告", "广西壮族自治区财政厅", "广西壮族自治区"),
    ("中共湖州市委宣传部2022年度部门整体支出绩效自评报告", "中共湖州市委宣传部", "湖州市"),
    ("湖州市吴兴区教育局2022年度学前教育补助资金项目绩效自评报告", "湖州市吴兴区教育局", "湖州市吴兴区"),
    ("延边朝鲜族自治州图们市教育局2020年度部门决算", "延边朝鲜族自治州图们市教育局", "延边朝鲜族自治州图们市"),
    ("内蒙古自治区鄂尔多斯市达拉特旗财政局2021年部门整体支出绩效自评报告",
     "内蒙古自治区鄂尔多斯市达拉特旗财政局", "内蒙古自治区鄂尔多斯市达拉特旗"),
    ("四川省凉山彝族自治州西昌市卫生健康局2023年基本公共卫生服务项目绩效自评报告",
     "四川省凉山彝族自治州西昌市卫生健康局", "四川省凉山彝族自治州西昌市"),
    ("北京市朝阳区人民政府建外街道办事处2022年度部门预算", "北京市朝阳区人民政府建外街道办事处", "北京市朝阳区"),
    ("上海市普陀区人民政府万里街道办事处2024年部门预算", "上海市普陀区人民政府万里街道办事处", "上海市普陀区"),
    # A year in Chinese numerals right after the organ ("局二〇二一年度" reads "局二|〇|二一").
    ("宁夏回族自治区银川市兴庆区卫生健康局二〇二一年度家庭医生签约服务项目绩效自评报告",
     "宁夏回族自治区银川市兴庆区卫生健康局", "宁夏回族自治区银川市兴庆区"),
    ("某某县城关镇人民政府2021年度乡村振兴专项资金绩效自评报告", "某某县城关镇人民政府", "某某县"),
    ("江门市新会区双水镇人民政府2021年度部门整体支出绩效自评报告", "江门市新会区双水镇人民政府", "江门市新会区"),
    ("深圳市南山区市场监督管理局2021年食品安全抽检项目绩效自评报告", "深圳市南山区市场监督管理局", "深圳市南山区"),
    ("江门市智慧城市管理中心2021年度运维经费项目自评报告", "江门市智慧城市管理中心", "江门市"),
    ("广州市增城区教育局2021年度部门决算", "广州市增城区教育局", "广州市增城区"),
    ("中共江门市委政法委员会2021年度部门整体支出绩效自评报告", "中共江门市委政法委员会", "江门市"),
    ("江苏省南京市玄武区教育局2023年部门预算", "江苏省南京市玄武区教育局", "江苏省南京市玄武区"),
    ("新疆维吾尔自治区财政厅2022年度部门整体支出绩效自评报告", "新疆维吾尔自治区财政厅", "新疆维吾尔自治区"),
    ("盐城市大丰区卫生健康委员会2022年度家庭医生签约服务项目绩效自评报告", "盐城市大丰区卫生健康委员会", "盐城市大丰区"),
    ("晋城市财政局关于2021年度政府采购监管经费绩效自评的报告", "晋城市财政局", "晋城市"),
    ("江门市人民政府办公室2021年度部门整体支出绩效自评报告", "江门市人民政府办公室", "江门市"),
    ("黔东南苗族侗族自治州凯里市住房和城乡建设局2022年度老旧小区改造项目绩效自评报告",
     "黔东南苗族侗族自治州凯里市住房和城乡建设局", "黔东南苗族侗族自治州凯里市"),
    ("杭州市西湖区人力资源和社会保障局2023年部门预算", "杭州市西湖区人力资源和社会保障局", "杭州市西湖区"),
    ("中共江门市委员会宣传部2021年度部门整体支出绩效自评报告", "中共江门市委员会宣传部", "江门市"),
    ("共青团江门市委员会2021年度部门整体支出绩效自评报告", "共青团江门市委员会", "江门市"),
    ("上海市浦东新区人民政府陆家嘴街道办事处2023年部门预算", "上海市浦东新区人民政府陆家嘴街道办事处", "上海市浦东新区"),
    ("湖南省郴州市宜章县黄沙镇人民政府2021年度部门决算", "湖南省郴州市宜章县黄沙镇人民政府", "湖南省郴州市宜章县"),
    ("江门市中级人民法院2021年度部门整体支出绩效自评报告", "江门市中级人民法院", "江门市"),
])
def test_metadata_department_and_region_from_the_title(title, department, region):
    facts = facts_of(title + BODY)
    assert (facts.department, facts.region) == (department, region)


@pytest.mark.parametrize("text,department,region", [
    # The department written by its level only: the body's place of that level completes it.
    ("市司法局2021年度法律援助项目支出绩效自评报告\n一、项目概况\n为保障江门市困难群众获得法律援助，设立本项目。\n",
     "江门市司法局", "江门市"),
    ("2022年度部门整体支出绩效自评报告\n单位名称：区教育局\n一、部门概况\n湖州市吴兴区教育局下设股室8个。\n",
     "吴兴区教育局", "湖州市吴兴区"),
    # No title, no label: the organ the body names most often.
    ("一、项目概况\n根据江门市司法局承担的职责设立本项目。\n二、项目组织实施情况\n严格执行《江门市司法局财务管理规定》。"
     "配合珠海市委依法治市办开展调研。\n", "江门市司法局", "江门市"),
])
def test_metadata_department_without_place_or_title(text, department, region):
    facts = facts_of(text)
    assert (facts.department, facts.region) == (department, region)


@pytest.mark.parametrize("text,department", [
    ("项目支出绩效自评报告\n主管部门：江门市司法局\n实施单位：江门市法律援助处\n一、项目概况\n本项目保障法律援助。\n",
     "江门市司法局"),
    ("2021年度项目支出绩效自评报告\n填报单位（盖章）：佛山市南海区财政局    填报日期：2022年3月1日\n一、项目概况\n概述。\n",
     "佛山市南海区财政局"),
    # The title names the implementing unit, the label its department: the department wins.
    ("江门市第一中学2021年度校舍维修项目绩效自评报告\n主管部门：江门市教育局\n一、项目概况\n概述。\n", "江门市教育局"),
    # Signed above the closing date; the body names other bodies more often.
    ("2021年度法律援助项目支出绩效自评报告\n一、项目概况\n配合江门市财政局、江门市财政局完成预算编制。\n"
     "二、自评结论\n自评得分95分。\n江门市司法局（盖章）\n2022年3月15日\n", "江门市司法局"),
    ("附件1：2021年度普法项目支出绩效自评报告\n填报单位名称：江门市司法局\n一、项目概况\n概述。\n", "江门市司法局"),
    # Both agree: the title's form is kept.
    ("江门市司法局2021年度普法项目绩效自评报告\n实施单位：江门市司法局\n一、项目概况\n概述。\n", "江门市司法局"),
    # A third-party evaluation: the firm speaks (我所) and signs, the finance bureau commissioned
    # it; the project unit is the one reported on.
    ("2021年度普法项目支出绩效评价报告\n委托单位：江门市财政局\n项目单位：江门市司法局\n"
     "评价机构：广东某某会计师事务所有限公司\n江门市财政局：\n受贵局委托，我所对该项目开展了评价。我所认为项目管理规范。\n"
     "一、项目概况\n概述。\n广东某某会计师事务所有限公司\n2022年5月10日\n", "江门市司法局"),
])
def test_metadata_department_labels(text, department):
    assert facts_of(text).department == department


@pytest.mark.parametrize("rows,department,project", [
    ([["项目名称", "依法治市工作经费", "", ""],
      ["主管部门", "江门市司法局", "实施单位", "江门市司法局依法治市办"],
      ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数"]],
     "江门市司法局", "依法治市工作经费"),
    # Labels as a header row with the values in the row below.
    ([["项目名称", "主管部门", "实施单位"],
      ["农村饮水安全巩固提升工程", "宁夏回族自治区水利厅", "固原市水务局"]],
     "宁夏回族自治区水利厅", "农村饮水安全巩固提升工程"),
    ([["项目名称：", "社区矫正专项经费"], ["预算单位（盖章）", "成都市武侯区司法局"]],
     "成都市武侯区司法局", "社区矫正专项经费"),
])
def test_metadata_label_cells_of_a_self_evaluation_table(rows, department, project):
    facts = facts_of_table(["项目支出绩效自评表", "（2021年度）"], rows)
    assert (facts.department, facts.project) == (department, project)
    assert facts.report_kind == "项目支出绩效自评报告"
    assert facts.year == 2021


@pytest.mark.parametrize("text,year", [
    ("江门市司法局2021年度依法治市项目支出绩效自评报告" + BODY, 2021),
    ("二〇二一年度江门市财政局部门整体支出绩效自评报告" + BODY, 2021),
    # A budget for 2024 is published in 2023 and compares with 2023 throughout.
    ("上海市普陀区2024年区级部门预算\n预算主管部门：上海市普陀区人民政府万里街道办事处\n"
     "2024年收入预算15621.11万元，比2023年预算减少876.75万元。2023年当年预算执行数为60.13万元。\n", 2024),
    # The signature date and next-year plans are not the year evaluated.
    ("一、项目概况\n2021年度部门预算安排财政资金69.8万元。2021年完成了各项任务。\n二、存在问题及建议\n"
     "2022年是开局之年，2022年我们将持续发力，2022年计划完成立法3件。\n江门市司法局\n2022年3月15日\n", 2021),
    ("一、部门概况\n本部门2020年度决算支出120万元。\n二、下一步工作计划\n2021年拟新增项目2个。2021年力争完成。"
     "2021年加强预算管理。2021年推进改革。\n", 2020),
    # A label names the year.
    ("项目支出绩效自评报告\n评价年度：2022\n一、项目概况\n2023年3月开展自评。2023年4月完成。\n", 2022),
    # Ranges: the title covers three years; the last one is taken (with a warning).
    ("深圳市南山区市场监督管理局2019-2021年食品安全项目绩效评价报告" + BODY, 2021),
    ("关于2019年至2021年度水污染防治专项资金绩效评价的报告" + BODY, 2021),
    # "截至…12月31日" closes the year under report; the signature date does not count.
    ("一、项目概况\n截至2020年12月31日，实际支出1287.00万元。\n二、自评结论\n自评得分96分。\n长兴县水利局\n2021年3月23日\n", 2020),
    # No year in the text at all: a self-evaluation signed in spring is about the year before.
    ("一、项目概况\n本年度全市共有调解委员会1590个。\n二、项目自评结论\n自评得分100分。\n江门市司法局\n2024年3月21日\n", 2023),
    # A date under the title is when it was written.
    ("2021年度江门市司法局部门整体支出绩效自评报告\n（2022年3月）\n一、部门概况\n概述。\n", 2021),
])
def test_metadata_year_evaluated(text, year):
    assert facts_of(text).year == year


def test_metadata_year_from_the_signature_warns_and_needs_a_looking_back_kind():
    signed = "一、项目概况\n本年度完成调解。\n二、项目自评结论\n自评得分100分。\n江门市司法局\n2024年3月21日\n"
    assert any("signature" in w for w in facts_of(signed).warnings)
    budget = "上海市普陀区区级部门预算\n一、部门主要职能\n负责社区治理。\n上海市普陀区财政局\n2024年1月20日\n"
    assert facts_of(budget).year is None


def test_metadata_year_range_warns():
    facts = facts_of("关于2019-2021年度水污染防治专项资金绩效评价的报告" + BODY)
    assert any("2019" in w and "2021" in w for w in facts.warnings)


@pytest.mark.parametrize("text,project", [
    ("江门市司法局2021年度依法治市项目支出绩效自评报告" + BODY, "依法治市"),
    ("关于2022年度农村公路养护项目绩效自评情况的报告" + BODY, "农村公路养护"),
    ("湖州市吴兴区教育局2022年度学前教育补助资金项目绩效自评报告" + BODY, "学前教育补助资金"),
    ("晋城市城区市场监督管理局食品安全抽检经费绩效自评报告（2021年度）" + BODY, "食品安全抽检经费"),
    ("2021年度江门市司法局\n律师行业党建经费项目\n支出绩效自评报告" + BODY, "律师行业党建经费"),
    ("二〇二一年度江门市司法局社区矫正项目支出绩效自评报告" + BODY, "社区矫正"),
    ("银川市兴庆区卫生健康局二〇二一年度家庭医生签约服务项目绩效自评报告" + BODY, "家庭医生签约服务"),
    ("江门市2021年度城市更新项目绩效自评报告" + BODY, "城市更新"),
    ("项目支出绩效自评报告\n项目名称：2021年度中小学校舍安全维护\n一、项目概况\n概述。\n", "2021年度中小学校舍安全维护"),
    # A report written as a letter: the salutation under the title is no part of it.
    ("正定县文化广电和旅游局\n关于2022年度公共文化服务体系建设专项资金绩效自评情况的报告\n县财政局：\n"
     "按照要求，我局开展了绩效自评。\n一、项目基本情况\n概述。\n", "公共文化服务体系建设专项资金"),
    # A 公文 head (份号, 密级, the issuer's 文件, 文号) above a cover letter's title.
    ("000016\n密级：非涉密　　紧急程度：平件\n昌吉回族自治州水利局文件\n昌州水发〔2024〕27号　　签发人：马建军\n"
     "关于报送2023年度大中型灌区续建配套\n与节水改造项目绩效自评报告的报告\n昌吉州财政局：\n我局开展了自评。\n"
     "一、项目基本情况\n概述。\n", "大中型灌区续建配套与节水改造"),
    # A form copied from a web page one cell a line: each label above its value.
    ("项目支出绩效自评表\n项目名称\n农产品质量安全监管能力提升项目\n主管部门\n遵义市农业农村局\n"
     "一、项目概况\n概述。\n", "农产品质量安全监管能力提升项目"),
])
def test_metadata_project_from_title_or_label(text, project):
    facts = facts_of(text)
    assert facts.project == project
    assert not any("inferred" in w for w in facts.warnings)


@pytest.mark.parametrize("overview,project", [
    # A phrase written as the name of a project ("…资金", "…项目") outranks a repeated part of it.
    ("居家养老服务补贴资金用于向符合条件的老年人提供居家养老服务补贴，资金来源为市级财政预算资金。"
     "为困难老年人提供居家养老服务补贴。", "居家养老服务补贴"),
    ("我县小型水库多建于上世纪。按照部署，县水利局组织实施小型水库除险加固项目，对病险水库实施除险加固。",
     "小型水库除险加固"),
])
def test_metadata_project_named_in_the_overview(overview, project):
    text = f"一、项目概况\n{overview}\n二、项目实施情况\n{project}工作按计划推进，{project}资金及时拨付。\n"
    facts = facts_of(text)
    assert facts.project == project


def test_metadata_project_inferred_from_the_overview_with_a_warning():
    text = ("一、项目概况\n（一）立项背景\n为推进全面依法治市，协调全面依法治市规划，设立本项目。\n"
            "（二）完成情况\n全面依法治市工作迈出坚实步伐。\n二、项目组织实施情况\n依法治市办统筹推进。\n"
            "三、项目自评结论\n自评得分95分。\n")
    facts = facts_of(text)
    assert "依法治市" in facts.project
    assert any(w.startswith("project inferred from the body") for w in facts.warnings)


@pytest.mark.parametrize("text", [
    "一、部门概况\n本局负责全市财政工作。\n二、部门整体支出绩效情况\n完成年度目标。\n",
    "上海市普陀区2024年区级部门预算\n一、部门主要职能\n七、项目经费情况说明\n一、项目概况\n社区治理项目。社区治理项目。\n",
])
def test_metadata_no_project_outside_project_reports(text):
    assert facts_of(text).project is None


@pytest.mark.parametrize("title,kind", [
    ("江门市司法局2021年度依法治市项目支出绩效自评报告", "项目支出绩效自评报告"),
    ("2021年度广西壮族自治区财政厅部门整体支出绩效自评报告", "部门整体支出绩效自评报告"),
    ("江门市教育局2021年度单位整体支出绩效自评报告", "部门整体支出绩效自评报告"),
    ("上海市普陀区2024年区级部门预算", "部门预算"),
    ("江门市司法局2023年单位预算", "部门预算"),
    ("延边朝鲜族自治州图们市教育局2020年度部门决算", "部门决算"),
    ("中共湖州市委宣传部2022年度决算公开", "部门决算"),
    ("2021年度农村公路养护项目绩效评价报告", "绩效评价报告"),
    ("关于2021年度城乡居民医疗保险补助资金绩效自评的报告", "项目支出绩效自评报告"),
])
def test_metadata_report_kind_from_the_title(title, kind):
    assert facts_of(title + BODY).report_kind == kind


@pytest.mark.parametrize("text,kind", [
    # No title: the section titles tell a project report from a department one.
    ("1、项目概况\n概述。\n二、项目组织实施情况\n实施。\n三、项目绩效情况\n完成。\n六、项目自评结论及得分\n自评得分96分。\n",
     "项目支出绩效自评报告"),
    ("一、部门基本概况\n（一）部门职能\n负责全县教育。\n二、部门整体支出绩效情况\n完成。\n", "部门整体支出绩效自评报告"),
    # A title saying only 绩效自评报告: the structure decides.
    ("江门市财政局2021年度绩效自评报告\n一、部门基本概况\n（一）部门职责\n负责财政。\n二、部门整体支出管理\n规范。\n",
     "部门整体支出绩效自评报告"),
])
def test_metadata_report_kind_from_the_structure(text, kind):
    assert facts_of(text).report_kind == kind


@pytest.mark.parametrize("name,region", [
    ("江门市司法局", "江门市"),
    ("上海市普陀区人民政府万里街道办事处", "上海市普陀区"),
    ("中共湖州市委宣传部", "湖州市"),
    ("江门市智慧城市管理中心", "江门市"),
    ("晋城市城区市场监督管理局", "晋城市"),
    ("市司法局", None),
    ("根据江门市", None),
    ("XX市XX区财政局", "XX市XX区"),
])
def test_metadata_region_of_a_name(name, region):
    assert region_of(name) == region


@pytest.mark.parametrize("text,department,region", [
    # Completed through the gazetteer's parents: 呼和浩特市 is in 内蒙古自治区.
    ("自治区文化和旅游厅2021年度部门整体支出绩效自评报告\n一、部门基本情况\n我厅下属单位主要分布在呼和浩特市。\n",
     "内蒙古自治区文化和旅游厅", "内蒙古自治区"),
    # The cited authorities name a province and a city; the level is the county's.
    ("县司法局2022年度法律援助经费项目支出绩效自评报告\n根据《福建省财政厅关于…的通知》和三明市财政局要求，我局开展自评。\n"
     "一、项目基本情况\n本项目保障宁化县困难群众获得法律援助。\n", "宁化县司法局", "宁化县"),
    # A party body keeps its prefix before the completed place.
    ("中共市委宣传部2021年度部门整体支出绩效自评报告\n一、部门概况\n我部负责全市宣传工作，服务湖州市发展大局。\n",
     "中共湖州市委宣传部", "湖州市"),
    # Nothing of that level named: the name stays as written.
    ("县司法局2022年度法律援助经费项目支出绩效自评报告\n一、项目基本情况\n本项目保障困难群众获得法律援助。\n",
     "县司法局", None),
])
def test_metadata_shortened_name_completed_by_the_gazetteer(text, department, region):
    facts = facts_of(text)
    assert (facts.department, facts.region) == (department, region)


@pytest.mark.parametrize("text,department", [
    # The report says 我局: the authority it cites first (a 厅) is not the reporter.
    ("2022年度法律援助项目支出绩效自评报告\n根据《福建省财政厅关于开展绩效自评工作的通知》，我局开展了自评。\n"
     "一、项目概况\n宁化县司法局负责实施，宁化县司法局统筹。福建省财政厅、福建省财政厅、福建省财政厅指导。\n",
     "宁化县司法局"),
    # A page copied as text: 来源 names the reporter, the portal's name does not.
    ("海口市龙华区人民政府门户网站\n当前位置：首页 > 政务公开\n发布日期：2023-04-12　　来源：海口市龙华区民政局　　浏览次数：356\n"
     "一、项目概况\n我局负责补贴发放。海口市龙华区人民政府统筹。\n", "海口市龙华区民政局"),
    # The 项目单位 signs the report: it reports, not the 主管部门 above it.
    ("2022年度茶产业发展专项资金项目绩效自评报告\n主管部门：黔东南苗族侗族自治州农业农村局\n项目单位：雷山县农业农村局\n"
     "一、项目概况\n本单位负责实施。\n雷山县农业农村局\n2023年2月28日\n", "雷山县农业农村局"),
    # Unsigned, the 主管部门 still reports on its unit's project.
    ("2022年度茶产业发展专项资金项目绩效自评报告\n主管部门：黔东南苗族侗族自治州农业农村局\n项目单位：雷山县农业农村局\n"
     "一、项目概况\n本单位负责实施。\n", "黔东南苗族侗族自治州农业农村局"),
])
def test_metadata_who_reports(text, department):
    assert facts_of(text).department == department
