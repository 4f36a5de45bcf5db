"""pipeline.core.quantities: counted quantities, percentages, comparators and cells like "≥95%"."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.core.money import find_money
from pipeline.core.quantities import find_percentages, find_quantities, parse_comparator, parse_value_with_unit
from tests.test_numbers import assert_offsets

D = Decimal
SEED = Path(__file__).resolve().parents[1] / "corpus" / "000_3863e364cbd2cac6.txt"


# --- quantities ----------------------------------------------------------------------
Q = tuple  # (raw, value, unit, approx, qualifier, value_max)

QUANTITY_SENTENCES = [
    ("收集市县两级党政领导干部年度述法履职书面报告350余份。", [Q(("350余份", "350", "份", True, "余", None))]),
    ("举办业务培训班20多个，参训干部1000多人。",
     [Q(("20多个", "20", "个", True, "多", None)), Q(("1000多人", "1000", "人", True, "多", None))]),
    ("组织近百人参加现场观摩活动。", [Q(("近百人", "100", "人", True, "近", None))]),
    ("新建村级文化活动室约1000㎡。", [Q(("约1000㎡", "1000", "㎡", True, "约", None))]),
    ("用地面积约为4000.6平方米（以实测为准）。", [Q(("约为4000.6平方米", "4000.6", "平方米", True, "约为", None))]),
    ("人员经费和公用经费两部分。", [Q(("两部分", "2", "部分", False, None, None))]),
    ("全年服务群众上千人次。", [Q(("上千人次", "1000", "人次", True, "上", None))]),
    ("受益群众将近200户。", [Q(("将近200户", "200", "户", True, "将近", None))]),
    ("参与企业不到10家，未达预期。", [Q(("不到10家", "10", "家", True, "不到", None))]),
    ("专职调解员不足5人。", [Q(("不足5人", "5", "人", True, "不足", None))]),
    ("培训人数100人左右。", [Q(("100人左右", "100", "人", True, "左右", None))]),
    ("累计受理案件超过500件。", [Q(("超过500件", "500", "件", False, "超过", None))]),
    ("帮扶困难群众逾300户。", [Q(("逾300户", "300", "户", False, "逾", None))]),
    ("建成示范点达到12个。", [Q(("达到12个", "12", "个", False, "达到", None))]),
    ("全年接待来访群众13万人次。", [Q(("13万人次", "130000", "人次", False, None, None))]),
    ("线上普法覆盖1.5万余人次。", [Q(("1.5万余人次", "15000", "人次", True, "余", None))]),
    ("植树造林3.5万平方米。", [Q(("3.5万平方米", "35000", "平方米", False, None, None))]),
    ("指导我市两个工作联系点继续开展现场述法评议活动。", [Q(("两个", "2", "个", False, None, None))]),
    ("深度参与全面依法治省六件实事工作。", [Q(("六件", "6", "件", False, None, None))]),
    ("我市实现2018、2019、2020年连续三年获评优秀等次。", [Q(("三年", "3", "年", False, None, None))]),
    ("全面做好开展自查、实地督察、汇总上报、反馈整改等四阶段工作任务。",
     [Q(("四阶段", "4", "阶段", False, None, None))]),
    ("每个社区配备3-5个网格员。", [Q(("3-5个", "3", "个", False, None, "5"))]),
    ("每批次抽检3至5个样品。", [Q(("3至5个", "3", "个", False, None, "5"))]),
    ("各镇街安排三到五个工作人员。", [Q(("三到五个", "3", "个", False, None, "5"))]),
    ("项目建设周期为3个月。", [Q(("3个月", "3", "个月", False, None, None))]),
    ("近三年累计投入专项经费。", [Q(("近三年", "3", "年", False, "近", None))]),
    ("年内共办理市领导批示件29份（次），召开相关协调会议12次。",
     [Q(("29份", "29", "份", False, None, None)), Q(("12次", "12", "次", False, None, None))]),
    ("考评标准涵盖5个板块68项具体指标。",
     [Q(("5个", "5", "个", False, None, None)), Q(("68项", "68", "项", False, None, None))]),
    ("新增公共停车位１２０个。", [Q(("１２０个", "120", "个", False, None, None))]),
    ("惠及群众1,250户。", [Q(("1,250户", "1250", "户", False, None, None))]),
    ("新修农村公路12.5公里。", [Q(("12.5公里", "12.5", "公里", False, None, None))]),
    ("完成高标准农田建设2000亩。", [Q(("2000亩", "2000", "亩", False, None, None))]),
    ("劳动力转移就业人数12人，较上年增加2个百分点。",
     [Q(("12人", "12", "人", False, None, None)), Q(("2个百分点", "2", "个百分点", False, None, None))]),
    ("累计办理业务两千三百件。", [Q(("两千三百件", "2300", "件", False, None, None))]),
    ("服务对象十余万人次。", [Q(("十余万人次", "100000", "人次", True, "余", None))]),
    ("安装太阳能路灯86盏，清淤1.2万立方。",
     [Q(("86盏", "86", "盏", False, None, None)), Q(("1.2万立方", "12000", "立方", False, None, None))]),
    ("制作宣传展板40幅，开设法治讲堂12堂。",
     [Q(("40幅", "40", "幅", False, None, None)), Q(("12堂", "12", "堂", False, None, None))]),
    ("出动执法人员460人次、执法车辆98台次。",
     [Q(("460人次", "460", "人次", False, None, None)), Q(("98台次", "98", "台次", False, None, None))]),
    ("新增光伏装机500千瓦，配备无人机3架、巡逻船2艘。", [
        Q(("500千瓦", "500", "千瓦", False, None, None)), Q(("3架", "3", "架", False, None, None)),
        Q(("2艘", "2", "艘", False, None, None))]),
    ("本部门中，行政单位 1 家，事业单位 4 家。",
     [Q(("1 家", "1", "家", False, None, None)), Q(("4 家", "4", "家", False, None, None))]),
]


@pytest.mark.parametrize("text, expected", QUANTITY_SENTENCES)
def test_numbers_find_quantities(text, expected):
    found = find_quantities(text)
    assert_offsets(text, found)
    assert [(q.raw, q.value, q.unit, q.approx, q.qualifier, q.value_max) for q in found] == [
        (raw, D(v), unit, approx, qual, D(vmax) if vmax else None)
        for raw, v, unit, approx, qual, vmax in expected
    ]


@pytest.mark.parametrize("text", [
    "2021年，全市法治建设迈出坚实步伐。",
    "2021年度部门预算安排财政资金69.8万元。",
    "11月，江门市牛江镇获评广东省法治政府建设示范项目。",
    "2021年11月5日召开考评工作会议。",
    "截至12月31日，项目全部完工。",
    "1-3月完成前期调研。",
    "21年3月启动项目申报。",
    "二〇二一年十二月",
    "2018-2020年连续获评优秀。",
    "市委全面依法治市委员会第五、第六、第七次会议。",
    "召开第 3 次全体会议。",
    "1 项目基本情况",
    "人民调解员队伍年龄结构偏大，陆续到位，收拾场地。",
    "完满完成第一批广东省法治政府建设示范创建工作。",
    "根据江司〔2021〕5号文件精神，",
    "依据[2021]5号、【2022】3号文件。",
    "联系电话：0750-3271234",
    "1、依法治市咨询专家库专家人数",
    "（一）项目立项背景和依据",
    "1.2项目绩效目标",
    "系统升级至V2.0版本，兼容3.1.2版。",
    "法治江门建设考评覆盖率100%。",
    "全年度实际支出52.24万元。",
    "满意度达到百分之九十五以上。",
    "每一项法律制度、每一个执法决定、每一宗司法案件。",
    "每3个月开展督查。",
    "投入数十人开展排查，几百人参与。",
    "发放一次性补助。",
    "推出一批示范项目。",
    "两三个部门联合执法。",
    "十三五期间累计投入。",
    "入选国家千人计划。",
    "零件采购与零星维修。",
    "学习贯彻十九届历次全会精神，迎接党的二十大胜利召开。",
    "坚决做到两个维护，增强四个意识。",
    "占总人数的三分之一人",
    "本工程为二类高层建筑，位于一类地区。",
])
def test_numbers_find_quantities_ignores(text):
    assert find_quantities(text) == []


def test_numbers_find_quantities_seed_report_counts():
    """The seed report's gold counts, plus the two its gold lists as optional."""
    text = SEED.read_text(encoding="utf-8")
    found = find_quantities(text)
    assert_offsets(text, found)
    got = Counter((q.value, q.unit, q.approx) for q in found)
    gold = Counter({
        (D(5), "个", False): 2, (D(6), "件", False): 1, (D(15), "人次", False): 1,
        (D(350), "份", True): 1, (D(2), "个", False): 1, (D(18), "个", False): 2,
        (D(29), "份", False): 1, (D(8), "次", False): 1, (D(12), "次", False): 1,
        (D(154), "份", False): 1, (D(170), "份", False): 1, (D(3), "年", False): 1,
        (D(23), "个", False): 1, (D(68), "项", False): 1, (D(4), "个", False): 1,
        (D(1), "个", False): 1, (D(3), "个", False): 1, (D(4), "阶段", False): 1,
        # optional in the gold (indicator targets): 12人, 7个市（区）
        (D(12), "人", False): 1, (D(7), "个", False): 1,
    })
    assert got == gold


def test_numbers_quantities_and_money_do_not_overlap():
    text = "下达资金52.24万元，惠及13万人次，其中贫困户1000多户，人均补助500元。"
    money = find_money(text)
    quantities = find_quantities(text)
    assert [m.raw for m in money] == ["52.24万元", "500元"]
    assert [q.raw for q in quantities] == ["13万人次", "1000多户"]


# --- percentages and comparators -----------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("法治江门建设考评覆盖率100%。", [("100%", "100", None)]),
    ("群众满意度95.5％，高于全省平均水平。", [("95.5％", "95.5", None)]),
    ("群众满意度达到百分之九十五。", [("达到百分之九十五", "95", "=")]),
    ("全年增长百分之十二点五。", [("百分之十二点五", "12.5", None)]),
    ("指标值：≥95%", [("≥95%", "95", "≥")]),
    ("目标值≦0%", [("≦0%", "0", "≤")]),
    ("合格率＞90%", [("＞90%", "90", ">")]),
    ("结案率不低于90%，投诉率不高于5%。", [("不低于90%", "90", "≥"), ("不高于5%", "5", "≤")]),
    ("差错率不超过1%", [("不超过1%", "1", "≤")]),
    ("偏差率≤3%", [("≤3%", "3", "≤")]),
    ("误差小于等于2%", [("小于等于2%", "2", "≤")]),
    ("预算执行率达到100%", [("达到100%", "100", "=")]),
    ("完成率达100%", [("达100%", "100", "=")]),
    ("事故发生率低于5%", [("低于5%", "5", "<")]),
    ("优良率高于80%，及格率大于60%。", [("高于80%", "80", ">"), ("大于60%", "60", ">")]),
    ("满意度95%以上", [("95%以上", "95", "≥")]),
    ("返工率5%及以下", [("5%及以下", "5", "≤")]),
    ("同比下降-5%", [("-5%", "-5", None)]),
    ("覆盖率≥ 95 %", [("≥ 95 %", "95", "≥")]),
    ("区间为90%-95%", [("90%", "90", None), ("95%", "95", None)]),
])
def test_numbers_find_percentages(text, expected):
    found = find_percentages(text)
    assert_offsets(text, found)
    assert [(p.raw, p.value, p.op) for p in found] == [(r, D(v), op) for r, v, op in expected]


@pytest.mark.parametrize("text", ["2021年预算69.8万元", "联系电话0750-3271234", "提高2个百分点"])
def test_numbers_find_percentages_ignores(text):
    assert find_percentages(text) == []


@pytest.mark.parametrize("s, expected", [
    ("≥95%", ("≥", "95%")), ("≧95%", ("≥", "95%")), ("⩾95%", ("≥", "95%")), (">=95%", ("≥", "95%")),
    ("≤5%", ("≤", "5%")), ("≦5%", ("≤", "5%")), ("⩽5%", ("≤", "5%")),
    ("＞90%", (">", "90%")), (">90", (">", "90")), ("＜10天", ("<", "10天")), ("<10", ("<", "10")),
    ("=100%", ("=", "100%")), ("＝100%", ("=", "100%")),
    ("不低于90%", ("≥", "90%")), ("不少于12人", ("≥", "12人")), ("不小于3个", ("≥", "3个")),
    ("大于等于80%", ("≥", "80%")), ("不高于5%", ("≤", "5%")), ("不超过10天", ("≤", "10天")),
    ("不大于3次", ("≤", "3次")), ("小于等于2%", ("≤", "2%")), ("达到100%", ("=", "100%")),
    ("高于80%", (">", "80%")), ("低于5%", ("<", "5%")), ("大于60%", (">", "60%")),
    ("小于1%", ("<", "1%")), ("超过500人", (">", "500人")),
    ("  ≥ 95%", ("≥", "95%")), ("不低于上年度水平", ("≥", "上年度水平")),
    ("95%", (None, "95%")), ("达标", (None, "达标")), ("", (None, "")),
])
def test_numbers_parse_comparator(s, expected):
    assert parse_comparator(s) == expected


@pytest.mark.parametrize("cell, value, unit", [
    ("12人", "12", "人"), ("≥95%", "95", "%"), ("100%", "100", "%"), ("100", "100", None),
    ("50个", "50", "个"), ("7个市（区）", "7", "个"), ("5.5万人次", "55000", "人次"),
    ("≤69.8万元", "698000", "元"), ("约200人", "200", "人"), ("3个月", "3", "个月"),
    ("100分", "100", "分"), ("不少于两次", "2", "次"), ("≥ 90 %", "90", "%"),
    ("保持上年度考评等次", None, None), ("有提高", None, None), ("是", None, None),
    ("2022年12月底前完成", None, None), ("", None, None),
    ("12月底前", None, None), ("6月30日前完成", None, None), ("≤5个工作日", "5", "个工作日"),
])
def test_numbers_parse_value_with_unit(cell, value, unit):
    assert parse_value_with_unit(cell) == (D(value) if value is not None else None, unit)


# --- text as mirrors and converters deliver it ------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # A space injected after the decimal point inside running text.
    ("本项目年初预算资金35. 6万元，实际支出34. 2万元。", [("35. 6万元", D("356000")), ("34. 2万元", D("342000"))]),
    ("全年預算資金1,260萬元，實際支出1.2億元。", [("1,260萬元", D("12600000")), ("1.2億元", D("120000000"))]),
    # After a list number it is no decimal: "1. 5万元" here is item 1, 5万元.
    ("（二）\n1. 5万元用于培训。", [("5万元", D("50000"))]),
])
def test_numbers_money_in_copied_and_traditional_text(text, expected):
    found = find_money(text)
    assert_offsets(text, found)
    assert [(m.raw, m.amount_yuan) for m in found] == expected


@pytest.mark.parametrize("text, expected", [
    ("修缮道路3. 5公里。", [("3. 5公里", D("3.5"), "公里")]),
    ("涉及全縣16個鄉鎮，接待讀者15.2萬人次。", [("16個", D(16), "个"), ("15.2萬人次", D(152000), "人次")]),
])
def test_numbers_quantities_in_copied_and_traditional_text(text, expected):
    found = find_quantities(text)
    assert_offsets(text, found)
    assert [(q.raw, q.value, q.unit) for q in found] == expected


@pytest.mark.parametrize("text", [
    "于2022年11月3日至5日举办。", "于2023年4月23日—25日开展。", "2022年 9 月 28日拨付。",
    "截至2022年12月 31日。", "附件1 项目支出绩效自评表", "附表2部门整体支出绩效自评表",
])
def test_numbers_dates_and_attachment_labels_are_no_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("cell, op, value, unit", [
    ("不少於450公里", "≥", D(450), "公里"),
    ("不低於90%", "≥", D(90), "%"),
    ("≥12個", "≥", D(12), "个"),
])
def test_numbers_indicator_cells_in_traditional_text(cell, op, value, unit):
    assert parse_comparator(cell)[0] == op
    assert parse_value_with_unit(cell) == (value, unit)
