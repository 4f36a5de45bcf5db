"""pipeline.core numbers, money, quantities: exact numbers, money in yuan, counted quantities, percentages.

Sentences are written in the styles of different regions' reports; every match is checked
for the offset invariant text[start:end] == raw.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from pipeline.core import money, numbers, quantities
from pipeline.core import numerals as chinese_numerals
from pipeline.core.money import find_money, format_money, parse_money, unit_from_caption
from pipeline.core.numerals import NumeralError, parse_chinese_number, to_chinese_numeral, to_financial_capitals
from pipeline.core.quantities import find_percentages, find_quantities, parse_comparator, parse_value_with_unit

D = Decimal
SEED = Path(__file__).resolve().parents[1] / "corpus" / "000_3863e364cbd2cac6.txt"


def assert_offsets(text, matches):
    for m in matches:
        assert text[m.start:m.end] == m.raw, m


# --- Chinese numerals ------------------------------------------------------------------
@pytest.mark.parametrize("s, expected", [
    ("零", 0), ("〇", 0), ("十", 10), ("十二", 12), ("二十", 20), ("一十二", 12),
    ("一百零一", 101), ("一百一十", 110), ("一千零一十", 1010), ("两千三百万", 23000000),
    ("一万零五百", 10500), ("十万零一十", 100010), ("三亿五千万", 350000000),
    ("一亿零一万", 100010000), ("一万亿", 10**12), ("两百", 200), ("幺", 1),
    ("六万一千八百九十八万", 618980000), ("二亿四千七百八十九万一千零六十三万", 2478910630000),
    ("六万九千七百四十四点四八五五万", D("697444855")),
    ("六十九点八", D("69.8")), ("零点五", D("0.5")), ("六十九点八万", 698000),
    ("壹拾贰", 12), ("伍拾万", 500000), ("叁仟", 3000), ("贰佰零伍", 205), ("陆萬", 60000),
    ("壹億", 10**8), ("玖佰玖拾玖", 999),
    ("3.5万", 35000), ("1.2亿", 120000000), ("13万", 130000), ("0.5万", 5000),
    ("12", 12), ("1,234.5", D("1234.5")), ("１，２３４．５", D("1234.5")), ("１２", 12),
    ("二〇二一", 2021), ("一九九八", 1998),
    ("一万五", 15000), ("三百五", 350),  # spoken shorthand: the digit takes the next unit down
    ("负十二", -12), ("-3.5", D("-3.5")),
])
def test_numbers_parse_chinese_number(s, expected):
    assert parse_chinese_number(s) == D(expected)


@pytest.mark.parametrize("s", ["", "十三五", "万亿万", "点五", "十百", "五一二十", "万元", "1.2.3", "三 五"])
def test_numbers_parse_chinese_number_rejects(s):
    with pytest.raises(NumeralError):
        parse_chinese_number(s)


def test_numbers_numeral_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_chinese_number("十三五")


@pytest.mark.parametrize("n, chinese, capitals", [
    (0, "零", "零"), (10, "十", "壹拾"), (12, "十二", "壹拾贰"), (101, "一百零一", "壹佰零壹"),
    (110, "一百一十", "壹佰壹拾"), (10500, "一万零五百", "壹万零伍佰"), (500000, "五十万", "伍拾万"),
    (23000000, "二千三百万", "贰仟叁佰万"), (100010000, "一亿零一万", "壹亿零壹万"),
    (10**12, "一万亿", "壹万亿"),
])
def test_numbers_write_numerals(n, chinese, capitals):
    assert to_chinese_numeral(n) == chinese
    assert to_financial_capitals(n) == capitals


def test_numbers_write_decimal_numeral():
    assert to_chinese_numeral(D("69.8")) == "六十九点八"


@settings(max_examples=400)
@given(st.integers(min_value=0, max_value=10**12))
@example(10**12)
@example(100000001)
@example(10010)
def test_numbers_numeral_round_trip(n):
    assert parse_chinese_number(to_chinese_numeral(n)) == n
    assert parse_chinese_number(to_financial_capitals(n)) == n


# --- money ---------------------------------------------------------------------------
MONEY_SENTENCES = [
    ("2021年度部门预算安排财政资金69.8万元。", [("69.8万元", "698000", "万元", False)]),
    ("全年度实际支出52.24万元，预算执行率74.84%。", [("52.24万元", "522400", "万元", False)]),
    ("本部门2025年收入预算18,976.76万元，比上年增加3355.65万元。",
     [("18,976.76万元", "189767600", "万元", False), ("3355.65万元", "33556500", "万元", False)]),
    ("其中：财政拨款收入465.49万\n元，主要用于街道社区事务。", [("465.49万\n元", "4654900", "万元", False)]),
    ("三公经费预算数为47.91 万元。", [("47.91 万元", "479100", "万元", False)]),
    ("该项目于2020年12月下达人民币五十万元整，专项用于普法宣传。", [("人民币五十万元整", "500000", "万元", False)]),
    ("经区财政局审核，核定补助资金伍拾万元整。", [("伍拾万元整", "500000", "万元", False)]),
    ("省级下达专项资金六十九点八万元，已全部拨付到位。", [("六十九点八万元", "698000", "万元", False)]),
    ("支付劳务费叁仟元整。", [("叁仟元整", "3000", "元", False)]),
    ("退回结余资金壹佰元伍角陆分。", [("壹佰元伍角陆分", "100.56", "元", False)]),
    ("单项支出合计1，234.5元。", [("1，234.5元", "1234.5", "元", False)]),
    ("绩效目标资金２０７.４５３８万元（含上年结转）。", [("２０７.４５３８万元", "2074538", "万元", False)]),
    ("全市共投入乡村振兴资金1.2亿元。", [("1.2亿元", "120000000", "亿元", False)]),
    ("县财政统筹安排3.5亿元用于水利设施建设。", [("3.5亿元", "350000000", "亿元", False)]),
    ("年度预算控制数为2,350千元。", [("2,350千元", "2350000", "千元", False)]),
    ("计划总投资5百万元。", [("5百万元", "5000000", "百万元", False)]),
    ("收支相抵后结余为-3480.83万元。", [("-3480.83万元", "-34808300", "万元", False)]),
    ("支出较上年减少3480.83万元，主要原因是项目完工。", [("3480.83万元", "34808300", "万元", False)]),
    ("合同金额￥1,200.00元，已于8月支付。", [("￥1,200.00元", "1200", "元", False)]),
    ("每户补助¥ 300元。", [("¥ 300元", "300", "元", False)]),
    ("带动社会投资约50万元。", [("约50万元", "500000", "万元", True)]),
    ("累计撬动金融资金1000多万元。", [("1000多万元", "10000000", "万元", True)]),
    ("发放贷款贴息50余万元。", [("50余万元", "500000", "万元", True)]),
    ("节约采购资金近百万元。", [("近百万元", "1000000", "万元", True)]),
    ("培训经费3万元左右。", [("3万元左右", "30000", "万元", True)]),
    ("调整后预算10万元，实际支出9.8万元，结余0.2万元。",
     [("10万元", "100000", "万元", False), ("9.8万元", "98000", "万元", False),
      ("0.2万元", "2000", "万元", False)]),
]


@pytest.mark.parametrize("text, expected", MONEY_SENTENCES)
def test_numbers_find_money(text, expected):
    found = find_money(text)
    assert_offsets(text, found)
    assert [(m.raw, m.amount_yuan, m.unit, m.approx) for m in found] == [
        (raw, D(amount), unit, approx) for raw, amount, unit, approx in expected
    ]


@pytest.mark.parametrize("text", [
    "2021年，我市坚持以习近平新时代中国特色社会主义思想为指导。",
    "11月，江门市牛江镇获评广东省法治政府建设示范项目。",
    "预算执行率为95.5%，满意度达到100%。",
    "联系电话：0750-3271234，联系人：李科长。",
    "根据《关于印发考评办法的通知》（江司〔2021〕5号）执行。",
    "全年接待群众13万人次。",
    "共培训13万人，覆盖全市。",
    "单位：万元",
    "金额单位：元",
    "投入数十万元开展宣传。",  # 数十万 is vague, not an amount
    "推动多元化解纠纷，建设三元里街道调解室。",
    "第5万元以上的部分按规定报批。",
])
def test_numbers_find_money_ignores(text):
    assert find_money(text) == []


@pytest.mark.parametrize("raw, default_unit, expected", [
    ("69.8万元", None, "698000"),
    ("  69.8万元 ", None, "698000"),
    ("人民币五十万元整", None, "500000"),
    ("465.49万\n元", None, "4654900"),
    ("207.4538万元", None, "2074538"),
    ("-3480.83万元", None, "-34808300"),
    ("三十九万零六百二十五千元", None, "390625000"),
    ("1,234.50", "万元", "12345000"),
    ("443.18", "万元", "4431800"),
    ("15621.11", "万元", "156211100"),
    ("５６３４．８１", "万元", "56348100"),
    ("1234567.89", "元", "1234567.89"),
    ("-12.5", "万元", "-125000"),
    ("12.5元", "万元", "12.5"),  # a unit written in the cell wins over the header's
    ("0.35", "亿元", "35000000"),
])
def test_numbers_parse_money(raw, default_unit, expected):
    assert parse_money(raw, default_unit) == D(expected)


@pytest.mark.parametrize("raw, default_unit", [
    ("69.80", None), ("-", "万元"), ("", "万元"), ("13万人次", None), ("2021年", "万元"),
    ("95%", "万元"), ("0750-3271234", "元"), ("0750", "元"), ("保持上年度水平", "万元"),
    ("万元", None),
])
def test_numbers_parse_money_none(raw, default_unit):
    assert parse_money(raw, default_unit) is None


@pytest.mark.parametrize("raw, expected", [
    ("207.4538万元", D("2074538.00")),
    ("0.12345万元", D("1234.5")),
    ("0.1234567万元", D("1234.567")),   # more than cents: keep every digit the text gave
    ("12.345元", D("12.345")),
])
def test_numbers_money_never_rounds_away_information(raw, expected):
    assert parse_money(raw) == expected


def test_numbers_money_is_quantized_to_cents_when_exact():
    assert str(parse_money("69.8万元")) == "698000.00"
    assert str(parse_money("0.1234567万元")) == "1234.567"


def test_numbers_parse_money_unknown_unit():
    with pytest.raises(ValueError, match="unknown money unit"):
        parse_money("12", default_unit="美元")


@pytest.mark.parametrize("text, unit, expected", [
    ("预算数\t69.80\t52.24\t-", "万元", [("69.80", "698000"), ("52.24", "522400")]),
    ("基本支出 443.18 443.18 0.00", "万元", [("443.18", "4431800"), ("443.18", "4431800"), ("0.00", "0")]),
    ("合计\t1,234,567.00\t12.5万元", "元", [("1,234,567.00", "1234567"), ("12.5万元", "125000")]),
    ("电话 0750-3271234", "元", []),
    ("2021年预算", "万元", []),
    ("执行率 95%", "万元", []),
])
def test_numbers_find_money_default_unit(text, unit, expected):
    found = find_money(text, default_unit=unit)
    assert_offsets(text, found)
    assert [(m.raw, m.amount_yuan) for m in found] == [(raw, D(a)) for raw, a in expected]


@pytest.mark.parametrize("caption, unit", [
    ("表1 2025年部门收支总表（单位：万元）", "万元"),
    ("金额单位：元", "元"),
    ("单位:万元", "万元"),
    ("编制单位：万里街道办事处          单位：元", "元"),
    ("项目支出预算表(万元)", "万元"),
    ("预算数（万元）", "万元"),
    ("单位：人民币亿元", "亿元"),
    ("单位： 千元", "千元"),
    ("附表：项目支出绩效自评表", None),
    ("编制单位：江门市司法局", None),
])
def test_numbers_unit_from_caption(caption, unit):
    assert unit_from_caption(caption) == unit


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


# --- formatting and round trips --------------------------------------------------------
@pytest.mark.parametrize("amount, unit, style, text", [
    ("698000", "万元", "digits", "69.8万元"),
    ("522400.00", "万元", "digits", "52.24万元"),
    ("1234.56", "元", "digits", "1234.56元"),
    ("120000000", "亿元", "digits", "1.2亿元"),
    ("2074538", "万元", "digits", "207.4538万元"),
    ("698000", "万元", "chinese", "六十九点八万元"),
    ("500000", "万元", "capitals", "伍拾万元整"),
    ("3000", "元", "capitals", "叁仟元整"),
    ("100.56", "元", "capitals", "壹佰元伍角陆分"),
    ("100.05", "元", "capitals", "壹佰元零伍分"),
])
def test_numbers_format_money(amount, unit, style, text):
    assert format_money(D(amount), unit, style) == text
    assert parse_money(text) == D(amount)


@pytest.mark.parametrize("amount, unit, style", [
    ("1", "美元", "digits"), ("1", "元", "roman"), ("12345", "万元", "capitals"), ("1.234", "元", "capitals"),
])
def test_numbers_format_money_rejects(amount, unit, style):
    with pytest.raises(ValueError):
        format_money(D(amount), unit, style)


yuan_amounts = st.decimals(min_value=0, max_value=D(10**12) - D("0.01"), places=2,
                           allow_nan=False, allow_infinity=False)
whole_yuan = st.integers(min_value=0, max_value=10**12 - 1)
CONTEXTS = [
    "年初预算安排{}，", "全年实际支出{}。", "经审核下达专项资金{}用于项目建设。",
    "其中财政拨款{}；", "结转结余{}\n",
]


@settings(max_examples=400)
@given(yuan_amounts, st.sampled_from(["元", "万元", "亿元", "千元", "百万元"]),
       st.sampled_from(["digits", "chinese"]), st.sampled_from(CONTEXTS))
@example(D("698000"), "万元", "digits", "年初预算安排{}，")
@example(D("698000"), "万元", "chinese", "年初预算安排{}，")
@example(D("0.01"), "亿元", "digits", "{}")
@example(D("618980000"), "万元", "chinese", "{}")  # 六万一千八百九十八万元
def test_numbers_money_round_trip(amount, unit, style, context):
    assume(amount > 0 or style == "digits")  # nobody writes 零万元
    written = format_money(amount, unit, style)
    assert parse_money(written) == amount
    text = context.format(written)
    found = find_money(text)
    assert_offsets(text, found)
    assert [(m.raw, m.amount_yuan) for m in found] == [(written, amount)]


@settings(max_examples=200)
@given(whole_yuan, st.sampled_from(CONTEXTS))
def test_numbers_money_chinese_numeral_round_trip(amount, context):
    written = to_chinese_numeral(amount) + "元"
    text = context.format(written)
    found = find_money(text)
    assert_offsets(text, found)
    assert [(m.raw, m.amount_yuan) for m in found] == [(written, D(amount))]


@settings(max_examples=200)
@given(whole_yuan, st.integers(min_value=0, max_value=99), st.sampled_from(CONTEXTS))
def test_numbers_money_financial_capitals_round_trip(whole, cents, context):
    amount = D(whole) + D(cents) / 100
    written = format_money(amount, "元", "capitals")
    assert written.endswith("整") == (cents == 0)
    text = context.format("人民币" + written)
    found = find_money(text)
    assert_offsets(text, found)
    assert [m.amount_yuan for m in found] == [amount]


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=10**8),
       st.sampled_from(["个", "项", "人次", "份", "户", "家", "场", "件"]),
       st.booleans())
def test_numbers_quantity_round_trip(n, unit, chinese):
    written = (to_chinese_numeral(n) if chinese else str(n)) + unit
    text = f"全年共完成{written}，较上年有所增加。"
    found = find_quantities(text)
    assert_offsets(text, found)
    assert [(q.raw, q.value, q.unit, q.approx) for q in found] == [(written, D(n), unit, False)]


@pytest.mark.parametrize("module", [numbers, money, quantities, chinese_numerals])
def test_numbers_module_never_uses_float(module):
    source = Path(module.__file__).read_text(encoding="utf-8")
    assert not re.search(r"\bfloat\s*\(", source)
