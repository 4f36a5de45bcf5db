"""Counts: which quantities are tallies, what they count, and the clause that states them."""
from __future__ import annotations

from decimal import Decimal

import pytest

from extractors import counts
from extractors.context import Context
from extractors.records import IndicatorRecord, make_span
from pipeline import sections
from pipeline.core.document import Cell, Document, TextBuilder


def document(text: str) -> Document:
    return Document(doc_id="t", source_path="t.txt", format="txt", text=text)


def extract(doc: Document, ctx: Context | None = None) -> list:
    records = counts.extract(doc, ctx or Context())
    for r in records:
        assert doc.text[r.span.char_start:r.span.char_end] == r.raw
        assert r.raw in r.span.evidence
    return records


def facts(text: str) -> list[tuple]:
    return [(r.value, r.unit, r.approx, r.qualifier, r.subject) for r in extract(document(text))]


def C(value, unit, approx=False, qualifier=None, subject=None) -> tuple:
    return (Decimal(value), unit, approx, qualifier, subject)


@pytest.mark.parametrize("text, expected", [
    ("收集市县两级党政领导干部年度述法履职书面报告350余份。", [C(350, "份", True, "余", "书面报告")]),
    ("全市共收到18个申报项目。", [C(18, "个", subject="申报项目")]),
    ("指导我市两个工作联系点（蓬江区和台山市）继续开展现场述法评议活动。",
     [C(2, "个", subject="工作联系点")]),
    ("召开相关协调会议12次，报送市领导阅件154份。",
     [C(12, "次", subject="协调会议"), C(154, "份", subject="市领导阅件")]),
    ("全年共办理法律援助案件1,286件，同比增长12%。", [C(1286, "件", subject="法律援助案件")]),
    ("组织开展业务培训6期，培训基层干部300余人次。",
     [C(6, "期", subject="业务培训"), C(300, "人次", True, "余", "基层干部")]),
    ("惠及困难群众1200户。", [C(1200, "户", subject="困难群众")]),
    ("新建村级综合文化服务中心12个，提升农家书屋35家。",
     [C(12, "个", subject="村级综合文化服务中心"), C(35, "家", subject="农家书屋")]),
    ("发放宣传资料2万余份，解答群众咨询800余人次。",
     [C(20000, "份", True, "余", "宣传资料"), C(800, "人次", True, "余", "群众咨询")]),
    ("修缮农村公路12.5公里。", [C("12.5", "公里", subject="农村公路")]),
    ("配备基本医疗设备126台套。", [C(126, "台套", subject="基本医疗设备")]),
    ("参训人员达1500人。", [C(1500, "人", False, "达", "参训人员")]),
    ("全区累计排查安全隐患3,412处，已整改3,398处。",
     [C(3412, "处", subject="安全隐患"), C(3398, "处")]),
    ("举办各类招聘会28场次，提供就业岗位1.2万个。",
     [C(28, "场次", subject="招聘会"), C(12000, "个", subject="就业岗位")]),
    ("新增城镇就业人员约3200人。", [C(3200, "人", True, "约", "城镇就业人员")]),
    ("项目覆盖3个乡镇、27个行政村。", [C(3, "个", subject="乡镇"), C(27, "个", subject="行政村")]),
    ("聘请法律顾问两名，开展法治讲座十二场。",
     [C(2, "名", subject="法律顾问"), C(12, "场", subject="法治讲座")]),
    ("建成污水处理设施8座，铺设管网46.8公里。",
     [C(8, "座", subject="污水处理设施"), C("46.8", "公里", subject="铺设管网")]),
    ("全年巡查河道超过300次。", [C(300, "次", False, "超过", "巡查河道")]),
    ("救助流浪乞讨人员百余人次。", [C(100, "人次", True, "余", "流浪乞讨人员")]),
    ("单位现有在职职工46名，其中专业技术人员21名。",
     [C(46, "名", subject="在职职工"), C(21, "名", subject="专业技术人员")]),
    ("调解各类矛盾纠纷1,034宗，调解成功率98.6%。", [C(1034, "宗", subject="矛盾纠纷")]),
    ("面向社会公开招募志愿者120名。", [C(120, "名", subject="志愿者")]),
    ("种植苗木一千二百株。", [C(1200, "株", subject="苗木")]),
    ("召开专题会议3次，形成会议纪要3份。", [C(3, "次", subject="专题会议"), C(3, "份", subject="会议纪要")]),
    ("我市实现连续三年获评优秀等次。", [C(3, "年")]),
    ("全面做好自查、实地督察、汇总上报、反馈整改等四阶段工作任务。", [C(4, "阶段", subject="工作任务")]),
    ("本部门中，行政单位 1 家，事业单位 4 家。",
     [C(1, "家", subject="行政单位"), C(4, "家", subject="事业单位")]),
    ("单价100万元（含）以上设备（不含车辆）0台（套）。", [C(0, "台", subject="设备")]),
    ("受益群众将近两千户，其中脱贫户不到300户。",
     [C(2000, "户", True, "将近", "群众"), C(300, "户", True, "不到", "脱贫户")]),
    ("服务对象十余万人次。", [C(100000, "人次", True, "余", "服务对象")]),
    ("完成校园厕所改造16座，受理并处理用水报修1,300余件。",
     [C(16, "座", subject="校园厕所改造"), C(1300, "件", True, "余", "用水报修")]),
    ("截至2019年底，工程覆盖全县15个乡镇（街道）；安装智能水表约6,500只。",
     [C(15, "个", subject="乡镇"), C(6500, "只", True, "约", "智能水表")]),
    ("培训养老护理员近150名，开展防汛应急演练三场。",
     [C(150, "名", True, "近", "养老护理员"), C(3, "场", subject="防汛应急演练")]),
])
def test_counts_value_unit_approx_qualifier_subject(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize("text", [
    "市委全面依法治市委员会第五、第六、第七次会议。",
    "完满完成第一批广东省法治政府建设示范创建工作。",
    "2021年11月5日召开考评工作会议，1-3月完成前期调研。",
    "根据江司〔2021〕5号文件精神，组织自查。",
    "联系电话：0750-3271234，邮编：529000。",
    "1、项目概况\n2、项目绩效情况\n1.2项目绩效目标",
    "全年度实际支出52.24万元，结余17.56万元。",
    "法治江门建设考评覆盖率100%，满意度达到百分之九十五以上。",
    "形成一个长效机制，完成一项重要任务，推出一批示范项目。",
    "实施农村人居环境整治三年行动计划。",
    "推行一门式服务，构建三位一体工作格局。",
    "加快推进二期工程建设。",
    "法治政府建设考评位列全省前三名。",
    "群众申请事项5个工作日内办结，3日内答复。",
    "群众满意度较上年提高2个百分点。",
    "坚决做到两个维护，增强四个意识。",
    "每季度开展1次督查，每月通报2次。",
    "每个社区配备3名网格员，为每户发放1套应急包。",
    "落实“两不愁三保障”和“四个不摘”要求，抓好三个一批。",
    "开通24小时服务热线，实行7×24小时值班，全年365天无休。",
    "该项目自评得分为96分。",
    "法律援助案件办理数量目标值不少于1000件，实际完成1068件。",
    "人民调解员培训人次年度目标500人次，实际完成值536人次。",
    "1、调解矛盾纠纷数量  ≥3200件\n（2）实施维修改造学校数量：22所\n3、法律咨询接待人次 8000人次",
    "人民调解员队伍年龄结构偏大。",
    "基本支出包括人员经费和公用经费两部分。",
    "为60周岁以上老年人发放高龄津贴，庆祝建党100周年。",
    "严格落实8小时工作制，实行2人一组开展巡查。",
    "路面宽3.5米，厚度18厘米，管径为110毫米。",
])
def test_counts_excludes_what_is_not_a_tally(text):
    assert facts(text) == []


def test_counts_skips_heading_numbers():
    doc = document("一、项目概况\n1 项目基本情况\n全年开展普法活动12场。\n")
    sections.build(doc)
    assert [(r.raw, r.subject) for r in extract(doc)] == [("12场", "普法活动")]


def test_counts_skips_quantities_inside_indicator_spans():
    text = "（一）目标设置情况\n1、依法治市咨询专家库专家人数  12人\n2、法治江门建设考评  7个市（区）\n全年共召开会议8次。"
    doc = document(text)
    ctx = Context(indicators=[
        IndicatorRecord(name=name, raw=doc.text[s:e], span=make_span(doc, s, e))
        for name in ("依法治市咨询专家库专家人数", "法治江门建设考评")
        for s in [text.index(name)] for e in [text.index("\n", s)]
    ])
    assert [r.raw for r in extract(doc, ctx)] == ["8次"]


@pytest.mark.parametrize("text, actual, evidence, kept", [
    # the actual of a target stated in a goals paragraph, read from a later sentence
    ("共组建家庭医生团队118个。\n年度目标：家庭医生团队数量≥100个。\n全年组建家庭医生团队118个，签约率74%。",
     "118个", "全年组建家庭医生团队118个，签约率74%。", ["118个"]),
    # only the actual is dropped, not the other tallies of its sentence
    ("全年培训医生200人次，开展巡诊36场。", "36场", "全年培训医生200人次，开展巡诊36场。", ["200人次"]),
])
def test_counts_skip_an_indicators_actual_read_from_prose(text, actual, evidence, kept):
    doc = document(text)
    s = text.rindex(actual)
    ctx = Context(indicators=[IndicatorRecord(name="x", raw=actual, span=make_span(doc, 0, 1),
                                              actual_raw=actual, actual_evidence=evidence)])
    assert [r.raw for r in extract(doc, ctx)] == kept
    assert all(r.span.char_start != s for r in extract(doc, ctx))


def table_document(header: list[str], rows: list[list[str]], caption: str = "",
                   prose: str = "全年开展培训6期。") -> Document:
    builder = TextBuilder()
    if caption:
        builder.add_paragraph(caption)
    builder.add_table([[Cell(r, c, text, 0, 0) for c, text in enumerate(row)]
                       for r, row in enumerate([header, *rows])])
    builder.add_paragraph(prose)
    return Document(doc_id="t", source_path="t.docx", format="docx", text=builder.text(),
                    tables=builder.tables)


@pytest.mark.parametrize("header, rows, caption", [
    (["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
     [["产出指标", "数量指标", "培训人数", "≥300人", "326人"]], ""),
    (["项目", "年初预算", "执行数"], [["宣传资料印制", "2", "1.8"]], "单位：万元"),
    (["支出功能分类科目", "人员数", "金额"], [["行政运行", "12人", "88.6"]], ""),
])
def test_counts_skips_budget_and_indicator_tables(header, rows, caption):
    doc = table_document(header, rows, caption)
    assert [r.raw for r in extract(doc)] == ["6期"]


def test_counts_in_other_tables_take_the_row_label_as_subject():
    doc = table_document(["工作内容", "完成情况"], [["举办培训班", "23期"], ["培训人次", "3600余人次"]])
    assert [(r.raw, r.subject, r.span.evidence) for r in extract(doc)] == [
        ("23期", "举办培训班", "23期"), ("3600余人次", "培训人次", "3600余人次"), ("6期", "培训", "全年开展培训6期")]


@pytest.mark.parametrize("text, raw, evidence", [
    ("向省委依法治省办抄报年终述职工作内容15人次、收集市县两级党政领导干部书面报告350余份。",
     "15人次", "向省委依法治省办抄报年终述职工作内容15人次"),
    ("全年召开会议12次，印发文件170份。", "170份", "印发文件170份"),
    ("培训干部200人次、发放资料3000份、走访群众500户；成效明显。", "3000份", "发放资料3000份"),
    ("会同市委办公室、市政府办公室、市中级法院等23个单位考评各县工作。", "23个",
     "会同市委办公室、市政府办公室、市中级法院等23个单位考评各县工作"),
    ("一、主要成效\n共走访企业36家\n形成调研报告2篇", "2篇", "形成调研报告2篇"),
    ("考评标准涵盖5个板块68项具体指标！", "68项", "考评标准涵盖5个板块68项具体指标"),
    ("全年救助困难群众8,562人次，其中住院救助3,215人次、门诊救助5,347人次。", "5,347人次", "门诊救助5,347人次"),
])
def test_counts_evidence_is_the_clause(text, raw, evidence):
    found = {r.raw: r.span.evidence for r in extract(document(text))}
    assert found[raw] == evidence


def test_counts_offsets_hold_with_full_width_digits_and_spaces():
    doc = document("全镇新增公共停车位１２０个，下属 5 家预算单位。")
    records = extract(doc)
    assert [(r.raw, r.value, r.subject) for r in records] == [
        ("１２０个", Decimal(120), "公共停车位"), ("5 家", Decimal(5), "预算单位")]
    assert [r.span.char_start for r in records] == [doc.text.index("１２０"), doc.text.index("5 家")]


@pytest.mark.parametrize("text, expected", [
    ("全年举办各类讲座共计58次。", [C(58, "次", subject="讲座")]),
    ("图书外借8.6万册次，服务读者逾12万人次。",
     [C(86000, "册次"), C(120000, "人次", False, "逾")]),
    ("组织志愿者服务1,600人天，投入机械作业320台班。", [C(1600, "人天"), C(320, "台班")]),
])
def test_counts_compound_units_and_bounds(text, expected):
    assert [(v, u, a, q) for v, u, a, q, _ in facts(text)] == [c[:4] for c in expected]


@pytest.mark.parametrize("text", [
    "本届文化节于2022年11月3日至5日举办。",
    "读书月活动于2023年4月23日—25日集中开展。",
    "资金于2022年 9 月 28日全部拨付到位。",
    "附件1 项目支出绩效自评表\n附表2 部门整体支出绩效自评表\n",
    "附件3项目绩效目标表",
])
def test_counts_dates_and_attachment_numbers_are_not_tallies(text):
    assert facts(text) == []


def test_counts_an_attachment_count_in_a_sentence_is_a_tally():
    assert [(v, u) for v, u, *_ in facts("按要求报送附件3份。")] == [(Decimal(3), "份")]


def test_counts_read_traditional_text_with_simplified_units():
    doc = document("涉及全縣(xiàn)16個鄉鎮，圖書外借8.6萬冊次，舉辦各類講座共計42次。")
    records = extract(doc)
    assert [(r.raw, r.value, r.unit) for r in records] == [
        ("16個", Decimal(16), "个"), ("8.6萬冊次", Decimal(86000), "册次"), ("42次", Decimal(42), "次")]
    assert records[2].subject == "讲座"
