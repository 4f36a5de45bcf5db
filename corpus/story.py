"""The facts behind the archive: departments, projects and what happened in each year.

Everything a cross-year question can ask about lives here as data — budgets, indicator
targets and actuals, counted achievements, problems and suggestions per year, the format
each year's report was filed in. Scores are derived from these facts (`facts(...)`), so the
indicator table of a report adds up to the self-score its text states (unless a review-check
plant of corpus/plants.py writes it otherwise).

Planted story (corpus/README.md repeats it):
- budgets that grow every year: legal-aid, school-repair, rural-water, relief, elderly-care;
- indicator targets that rise every year: 法律援助案件办理数量 (1000 → 1400件),
  维修改造校舍面积 (20000 → 36000平方米), 城乡低保标准 (880 → 1100元/月),
  人民调解员培训人次 (500 → 900人次);
- a problem recurring three years running, reworded each year, then gone: theme
  "subsidy-low" of legal-aid 2019–2021 (fixed 2022: subsidy raised) and one such theme
  per project (see RECURRING);
- a problem that appears once and is fixed: theme "archive" of legal-aid in 2020 only
  (see FIXED for every project);
- for the review checks (corpus/plants.py): mediation 2023 spends over budget, legal-aid 2022
  gives a missed indicator full marks and 2023 scores one above its 分值, student-aid 2023
  copies a 2022 problem word for word.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from corpus.fmt import rate

YEARS = (2019, 2020, 2021, 2022, 2023)


def _d(values) -> tuple:
    return tuple(None if v is None else Decimal(v) for v in values)


@dataclass(frozen=True)
class Indicator:
    key: str
    level1: str
    level2: str
    name: str
    op: str  # "≥" | "=" | "≤" | "" (qualitative)
    unit: str | None
    weight: int
    targets: tuple  # one per year of YEARS: Decimal, or text for a qualitative indicator
    actuals: tuple
    scores: tuple | None = None  # explicit scores of a qualitative indicator (None: full marks)


@dataclass(frozen=True)
class Funds:
    budget: Decimal  # 年初预算
    adjusted: Decimal | None  # 调整后（全年）预算, when the budget was changed during the year
    actual: Decimal  # 全年执行数


@dataclass(frozen=True)
class Item:
    theme: str  # the substance: the same theme in several years is the same problem reworded
    text: str


@dataclass(frozen=True)
class Tally:
    """A counted achievement per year: (value, qualifier) or None when not reported.
    Qualifiers: None, 余, 多, 近, 约 (approximate), cn (Chinese numerals), cn余, cn多,
    万余 / 近万 / 约万 (written with 万: 1.2万余份)."""

    key: str
    unit: str
    values: tuple


@dataclass(frozen=True)
class Project:
    slug: str
    names: tuple  # the project's name as written in each year's report
    contains: str  # the distinctive part that every year's name holds
    implementer: str
    source: str  # 资金来源
    goal: str  # 年度总体目标 (自评表)
    indicators: tuple
    tallies: tuple
    funds: tuple  # Funds per year
    formats: tuple  # per year: txt:utf-8 | txt:utf-8-sig | txt:gbk | docx | pdf
    problems: dict  # year -> [Item]; [] means the report states it found no problem
    suggestions: dict  # year -> [Item]
    other_money: dict  # year -> (key, Decimal): a non-budget amount the prose mentions
    deductions: dict = None  # year -> {indicator key: points taken off in the self-evaluation}


@dataclass(frozen=True)
class Department:
    slug: str
    name: str
    region: str  # the 市/县 as written in the department's name
    province: str
    finance: str  # the finance bureau that asks for the self-evaluation
    style: str  # house style of the reports (corpus/layouts.py)
    rule: str  # an internal finance rule the reports cite
    projects: tuple


def _items(theme_texts) -> list:
    return [Item(theme, text) for theme, text in theme_texts]


def _sugg(texts) -> list:
    return [Item("s", text) for text in texts]


def _funds(*rows) -> tuple:
    return tuple(Funds(Decimal(b), None if a is None else Decimal(a), Decimal(x)) for b, a, x in rows)


# ---------------------------------------------------------------- 江门市司法局

LEGAL_AID = Project(
    slug="legal-aid",
    names=("法律援助专项经费", "法律援助专项经费", "法律援助经费", "法律援助经费", "法律援助经费"),
    contains="法律援助",
    implementer="江门市法律援助处",
    source="市级财政预算资金",
    goal="为经济困难群众和特殊案件当事人提供法律咨询、代理、刑事辩护等无偿法律服务，保障困难群众合法权益",
    indicators=(
        Indicator("cases", "产出指标", "数量指标", "法律援助案件办理数量", "≥", "件", 20,
                  _d([1000, 1100, 1200, 1300, 1400]), _d([1068, 1152, 1236, 1288, 1457])),
        Indicator("consult", "产出指标", "数量指标", "法律咨询接待人次", "≥", "人次", 10,
                  _d([8000] * 5), _d([8650, 7420, 9130, 9876, 10240])),
        Indicator("closing", "产出指标", "质量指标", "法律援助案件结案率", "≥", "%", 15,
                  _d([95] * 5), _d(["96.3", "95.8", "97.1", "96.5", "98.2"])),
        Indicator("subsidy", "产出指标", "时效指标", "办案补贴发放及时率", "=", "%", 10,
                  _d([100] * 5), _d([100] * 5)),
        Indicator("rights", "效益指标", "社会效益指标", "困难群众合法权益保障", "", None, 15,
                  ("有效保障",) * 5, ("有效保障", "基本保障", "有效保障", "有效保障", "有效保障"),
                  scores=_d([15, 12, 15, 15, 15])),
        Indicator("satisfaction", "满意度指标", "服务对象满意度指标", "受援人满意度", "≥", "%", 20,
                  _d([90] * 5), _d(["93.5", "88.6", "94.2", "95.1", "96.0"])),
    ),
    tallies=(
        Tally("stations", "个", ((86, None), (88, None), (92, None), (95, None), (98, None))),
        Tally("outreach", "场", ((30, "cn余"), (20, "cn多"), (40, "余"), (52, None), (60, "余"))),
        Tally("leaflets", "份", ((12000, "万余"), None, (20000, "近万"), (15000, "余"), None)),
        Tally("training", "期", ((3, "cn"), (2, "cn"), (4, None), (3, "cn"), (5, None))),
        Tally("trainees", "人次", ((260, "余"), (180, "近"), (320, None), (300, "余"), (410, None))),
        Tally("duty", "名", (None, (46, None), (52, None), None, (60, "约"))),
        Tally("streak", "年", (None, None, (3, "cn"), None, (5, "cn"))),
    ),
    funds=_funds(("800000", None, "753600"), ("850000", "826000", "801200"),
                 ("920000", None, "868500"), ("1000000", None, "987300"),
                 ("1080000", "1130000", "1126400")),
    formats=("txt:gbk", "txt:utf-8", "docx", "pdf", "docx"),
    problems={
        2019: _items([
            ("subsidy-low", "法律援助办案补贴标准偏低，与律师实际办案成本差距较大，社会律师承办法律援助案件的积极性不高"),
            ("publicity", "法律援助宣传覆盖面还不够广，偏远镇村群众对法律援助的知晓率有待提高"),
        ]),
        2020: _items([
            ("subsidy-low", "案件补贴标准多年未作调整，难以覆盖律师办案的交通、调查取证等实际支出，律师参与办案的主动性不足"),
            ("archive", "部分法律援助案卷归档不及时，卷宗材料装订和目录编制不够规范"),
            ("epidemic", "受疫情影响线下咨询接待量明显下降，法律咨询接待人次未达到年度目标"),
        ]),
        2021: _items([
            ("subsidy-low", "律师办理法律援助案件的补贴水平偏低，与办案工作量不相匹配，影响了优秀律师参与法律援助工作"),
            ("target-detail", "绩效目标设置不够细化，部分效益指标以定性描述为主，难以量化考核"),
        ]),
        2022: _items([
            ("staff", "基层法律援助工作站专职人员力量薄弱，业务骨干流动较快"),
            ("cases-short", "受案件来源结构变化影响，全年法律援助案件办理数量略低于年度目标"),
        ]),
        2023: [],
    },
    suggestions={
        2019: _sugg(["推动建立法律援助办案补贴动态调整机制，适当提高补贴标准",
                     "加大法律援助宣传力度，推动宣传活动向镇村延伸",
                     "加强法律援助案件质量管理，落实案件质量评查制度"]),
        2020: _sugg(["积极争取财政支持，研究提高法律援助案件补贴标准",
                     "规范案卷归档管理，落实结案即归档要求",
                     "拓展线上法律咨询渠道，完善热线和网络平台服务"]),
        2021: _sugg(["修订法律援助办案补贴办法，按案件类型实行差异化补贴",
                     "细化量化绩效目标，增加可考核的效益指标",
                     "深化法律援助与公证、调解等业务协同"]),
        2022: _sugg(["加强基层法律援助队伍建设，通过政府购买服务充实工作力量",
                     "拓宽案件来源渠道，加强与法院、检察院、公安机关的衔接",
                     "持续做好法律援助案件质量评估工作"]),
        2023: _sugg(["持续推进法律援助标准化、规范化建设",
                     "推动法律援助服务向农民工、残疾人等重点群体倾斜",
                     "加强项目资金全过程绩效管理"]),
    },
    other_money={2019: ("wages", Decimal("6860000")), 2021: ("wages", Decimal("9124500")),
                 2022: ("wages", Decimal("10382000"))},
    # Planted for the review checks (corpus/plants.py): in 2022 the missed 案件办理数量 (1288 of
    # 1300件, 19.8 points by the rule) is given full marks; in 2023 受援人满意度 gets a bonus point
    # above its 分值 of 20.
    deductions={2019: {"rights": 3, "satisfaction": 2}, 2020: {"closing": 1}, 2021: {"rights": 2},
                2022: {"rights": 3, "cases": "-0.2"}, 2023: {"rights": 1, "satisfaction": -1}},
)

MEDIATION = Project(
    slug="mediation",
    names=("人民调解“以案定补”经费", "人民调解工作经费", "人民调解工作经费", "人民调解工作经费", "人民调解工作经费"),
    contains="人民调解",
    implementer="江门市司法局基层工作科",
    source="市级财政预算资金",
    goal="落实人民调解“以案定补”政策，加强人民调解员队伍建设，及时就地化解矛盾纠纷，维护社会和谐稳定",
    indicators=(
        Indicator("disputes", "产出指标", "数量指标", "调解矛盾纠纷数量", "≥", "件", 20,
                  _d([3000, 3000, 3200, 3200, 3500]), _d([3286, 2954, 3412, 3305, 3618])),
        Indicator("trained", "产出指标", "数量指标", "人民调解员培训人次", "≥", "人次", 10,
                  _d([500, 600, 700, 800, 900]), _d([536, 612, 745, 823, 951])),
        Indicator("success", "产出指标", "质量指标", "调解成功率", "≥", "%", 20,
                  _d([95] * 5), _d(["97.6", "96.9", "97.2", "98.1", "97.8"])),
        Indicator("timely", "产出指标", "时效指标", "“以案定补”资金发放及时率", "=", "%", 10,
                  _d([100] * 5), _d([100, 100, 100, 95, 100])),
        Indicator("local", "效益指标", "社会效益指标", "矛盾纠纷就地化解", "", None, 15,
                  ("有效化解",) * 5, ("有效化解",) * 5),
        Indicator("satisfaction", "满意度指标", "服务对象满意度指标", "当事人满意度", "≥", "%", 15,
                  _d([90] * 5), _d(["95.2", "94.7", "96.1", "92.3", "95.6"])),
    ),
    tallies=(
        Tally("committees", "个", ((1562, None), (1570, None), (1578, None), (1581, None), (1590, None))),
        Tally("mediators", "名", ((318, None), (345, None), (362, None), (380, "余"), (400, "近"))),
        Tally("screenings", "次", ((4600, "余"), (5200, "余"), (5800, "多"), (6000, "近"), (6500, "余"))),
        Tally("major", "宗", ((56, None), (61, None), (73, None), (68, None), (80, "余"))),
        Tally("brands", "个", ((2, "cn"), (3, "cn"), (5, None), (6, "cn"), (8, None))),
    ),
    funds=_funds(("450000", None, "412680"), ("450000", None, "398400"),
                 ("480000", None, "466350"), ("480000", "420000", "419800"),
                 ("500000", None, "503600")),  # 2023 spends over budget and never says why (plants.py)
    formats=("txt:utf-8-sig", "pdf", "txt:gbk", "docx", "txt:utf-8"),
    problems={
        2019: _items([
            ("fund-late", "“以案定补”资金拨付周期较长，部分镇（街）补贴兑现不够及时"),
            ("mediator-aging", "人民调解员队伍年龄结构偏大，专业化水平有待提高"),
        ]),
        2020: _items([
            ("mediator-aging", "基层人民调解员老龄化问题比较突出，懂法律、懂政策的专业调解员偏少"),
            ("cases-short", "受疫情影响，年度调解矛盾纠纷数量未达到目标值"),
        ]),
        2021: _items([
            ("mediator-aging", "调解员队伍专业素质参差不齐，年龄偏大、知识结构老化的问题依然存在"),
            ("info", "人民调解信息化平台录入不及时，案件数据统计与实际存在偏差"),
        ]),
        2022: _items([
            ("fund-incomplete", "部分“以案定补”资金因审核材料不全未能按时发放，影响资金发放及时率"),
            ("dossier", "调解卷宗制作质量不高，个别卷宗要素不齐全"),
        ]),
        2023: _items([
            ("dossier", "少数调解卷宗记录过于简单，协议书格式不够统一"),
        ]),
    },
    suggestions={
        2019: _sugg(["简化“以案定补”资金审核流程，缩短补贴兑现周期",
                     "加强人民调解员队伍建设，通过公开招聘、政府购买服务等方式充实专职调解力量",
                     "推动人民调解与行政调解、司法调解衔接联动"]),
        2020: _sugg(["优化调解员队伍结构，吸纳退休法官、律师等专业人员参与调解",
                     "创新线上调解方式，推广视频调解、微信调解",
                     "加强矛盾纠纷排查预警，做到早发现、早化解"]),
        2021: _sugg(["分层分类开展调解员业务培训，提升调解员专业素养",
                     "规范人民调解信息化平台数据录入，建立数据核查机制",
                     "总结推广品牌调解室经验"]),
        2022: _sugg(["严格“以案定补”申报材料审核，实行限时办结",
                     "开展调解卷宗评查活动，提升卷宗制作质量",
                     "加强行业性专业性调解组织建设"]),
        2023: _sugg(["统一调解协议书和卷宗格式，强化卷宗质量抽查",
                     "深化“枫桥式”司法所创建",
                     "强化资金绩效运行监控"]),
    },
    other_money={2021: ("claims", Decimal("126000000")), 2023: ("claims", Decimal("158600000"))},
    deductions={2019: {"local": 3}, 2020: {"local": 4}, 2021: {"local": 2, "trained": 1}, 2022: {"satisfaction": 2}},
)

# ---------------------------------------------------------------- 湖州市教育局

SCHOOL_REPAIR = Project(
    slug="school-repair",
    names=("中小学校舍维修改造专项资金", "中小学校舍维修改造资金", "中小学校舍维修改造资金",
           "中小学校舍维修改造资金", "中小学校舍维修改造资金"),
    contains="校舍维修改造",
    implementer="湖州市教育局计划财务处",
    source="市级财政专项资金",
    goal="对市直中小学存在安全隐患和功能缺陷的校舍实施维修改造，消除校舍安全隐患，改善办学条件",
    indicators=(
        Indicator("area", "产出指标", "数量指标", "维修改造校舍面积", "≥", "平方米", 20,
                  _d([20000, 24000, 28000, 32000, 36000]), _d([21350, 23800, 29120, 33400, 36850])),
        Indicator("schools", "产出指标", "数量指标", "实施维修改造学校数量", "≥", "所", 10,
                  _d([18, 21, 22, 25, 26]), _d([18, 21, 23, 25, 27])),
        Indicator("acceptance", "产出指标", "质量指标", "工程验收合格率", "=", "%", 15,
                  _d([100] * 5), _d([100] * 5)),
        Indicator("ontime", "产出指标", "时效指标", "项目按期完工率", "≥", "%", 10,
                  _d([95] * 5), _d(["96.4", "90.5", "95.7", "96.0", "100"])),
        Indicator("hazard", "效益指标", "社会效益指标", "校舍安全隐患消除情况", "", None, 15,
                  ("有效消除",) * 5, ("有效消除",) * 5),
        Indicator("satisfaction", "满意度指标", "服务对象满意度指标", "师生满意度", "≥", "%", 20,
                  _d([90] * 5), _d(["94.0", "92.6", "95.3", "93.8", "96.7"])),
    ),
    tallies=(
        Tally("roofs", "处", ((42, None), (37, None), (55, None), (61, None), (48, None))),
        Tally("dorms", "间", ((120, "余"), None, (160, None), None, (210, "余"))),
        Tally("toilets", "座", ((16, None), (9, "cn"), (23, None), (18, None), (20, "约"))),
        Tally("desks", "套", ((3200, "约"), None, (5000, "近"), None, (4600, "余"))),
        Tally("students", "人", ((36000, "万余"), (38000, "近万"), (41000, "万余"), (43000, "约万"), (45000, "万余"))),
        Tally("buildings", "栋", (None, (860, None), None, (912, None), None)),
    ),
    funds=_funds(("5000000", None, "4612300"), ("5600000", None, "4983250"),
                 ("6200000", "6500000", "6171800"), ("7000000", None, "6650400"),
                 ("7800000", None, "7734560")),
    formats=("docx", "docx", "pdf", "txt:utf-8", "pdf"),
    problems={
        2019: _items([
            ("archive", "部分学校项目验收资料归档不全，工程结算资料报送滞后"),
            ("planning", "项目储备不足，年初预算编制时部分项目前期论证不够充分"),
        ]),
        2020: _items([
            ("pay-slow", "项目前期工作推进较慢，部分工程开工时间推迟，资金支付进度滞后"),
            ("delay", "受疫情和汛期影响，个别项目未能按期完工"),
        ]),
        2021: _items([
            ("pay-slow", "个别维修项目招投标和审批环节耗时较长，资金拨付进度偏慢"),
            ("supervision", "对学校工程现场监管的频次不够，质量监督存在薄弱环节"),
        ]),
        2022: _items([
            ("pay-slow", "资金支付与工程进度衔接不够紧密，年底集中支付的现象仍然存在"),
            ("goal", "绩效目标中效益指标设置偏少，难以全面反映项目实施成效"),
        ]),
        2023: _items([
            ("upkeep", "部分学校日常维护保养意识不强，维修后的设施管护不到位"),
        ]),
    },
    suggestions={
        2019: _sugg(["建立项目验收资料清单制度，督促学校及时归档",
                     "提前谋划下一年度校舍维修项目，做深做实项目前期论证",
                     "加强对学校基建管理人员的业务培训"]),
        2020: _sugg(["提前启动项目前期工作，力争寒暑假集中施工",
                     "建立资金支付进度月通报制度",
                     "合理安排施工计划，避开汛期等不利时段"]),
        2021: _sugg(["优化招投标和审批流程，压缩项目前期时间",
                     "加大对工程现场的巡查频次，引入第三方质量检测",
                     "强化预算执行进度考核"]),
        2022: _sugg(["按工程进度及时拨付资金，避免年底集中支付",
                     "完善绩效指标体系，增设反映育人环境改善的效益指标",
                     "加强项目全过程跟踪管理"]),
        2023: _sugg(["建立校舍日常维护保养制度，落实管护责任",
                     "将校舍维修改造纳入学校年度安全工作考核",
                     "继续做好校舍安全隐患排查"]),
    },
    other_money={},
    deductions={2019: {"hazard": 2}, 2020: {"hazard": 3, "satisfaction": 2}, 2021: {"hazard": 3}, 2022: {"hazard": 5}, 2023: {"hazard": 1}},
)

STUDENT_AID = Project(
    slug="student-aid",
    names=("家庭经济困难学生资助资金",) * 5,
    contains="学生资助",
    implementer="湖州市学生资助管理中心",
    source="中央、省级补助资金和市级配套资金",
    goal="落实国家和省学生资助政策，对家庭经济困难学生给予资助，保障学生不因家庭经济困难而失学",
    indicators=(
        Indicator("students", "产出指标", "数量指标", "资助家庭经济困难学生人次", "≥", "人次", 20,
                  _d([12000, 12000, 11500, 12500, 13000]), _d([12680, 12311, 11872, 12960, 13245])),
        Indicator("accuracy", "产出指标", "质量指标", "资助对象认定准确率", "=", "%", 15,
                  _d([100] * 5), _d([100] * 5)),
        Indicator("coverage", "产出指标", "质量指标", "困难学生应助尽助率", "=", "%", 10,
                  _d([100] * 5), _d([100] * 5)),
        Indicator("timely", "产出指标", "时效指标", "资助资金发放及时率", "=", "%", 10,
                  _d([100] * 5), _d([100, "98.5", 100, 100, 100])),
        Indicator("dropout", "效益指标", "社会效益指标", "因贫辍学率", "≤", "%", 15,
                  _d(["0.5"] * 5), _d([0] * 5)),
        Indicator("satisfaction", "满意度指标", "服务对象满意度指标", "受助学生及家长满意度", "≥", "%", 20,
                  _d([95] * 5), _d(["96.8", "97.2", "96.1", "97.5", "95.4"])),
    ),
    tallies=(
        Tally("publicity", "场", ((30, "余"), (25, None), (28, None), (35, "余"), (40, "近"))),
        Tally("visits", "户", ((1200, "余"), (980, None), (1350, "余"), (1420, None), (1500, "多"))),
        Tally("posts", "个", ((260, None), None, (310, None), None, (356, None))),
        Tally("schools", "所", ((186, None), (183, None), (181, None), (178, None), (176, None))),
    ),
    funds=_funds(("3260000", None, "3260000"), ("3380000", None, "3317520"),
                 ("3150000", None, "3098760"), ("3420000", "3520000", "3516900"),
                 ("3600000", None, "3575235.50")),
    formats=("txt:gbk", "txt:utf-8-sig", "docx", "pdf", "txt:utf-8"),
    problems={
        2019: _items([
            ("identify", "家庭经济困难学生认定标准不够统一，各校认定程序执行不尽一致"),
            ("data", "学生资助管理信息系统数据更新不够及时"),
        ]),
        2020: _items([
            ("identify", "困难学生认定工作仍存在学校之间标准把握不一的情况，量化认定指标有待完善"),
            ("late", "受学期调整影响，部分资助资金发放时间晚于规定时限"),
        ]),
        2021: [],
        2022: _items([
            ("identify", "困难学生精准认定仍有短板，部分学校对家庭经济状况变化掌握不及时"),
            ("education", "资助育人功能发挥不够充分，资助与励志、诚信教育结合不紧"),
        ]),
        2023: _items([
            # copied word for word from the 2022 report (a review-check plant: corpus/plants.py)
            ("education", "资助育人功能发挥不够充分，资助与励志、诚信教育结合不紧"),
            ("balance", "资金结余率略高，预算编制精准度有待提高"),
        ]),
    },
    suggestions={
        2019: _sugg(["统一困难学生认定标准和程序，推行量化认定",
                     "加强资助管理信息系统数据维护",
                     "加大资助政策宣传力度"]),
        2020: _sugg(["完善家庭经济困难学生认定量化指标",
                     "合理安排资助资金发放时间，确保按时足额发放",
                     "加强资助工作人员业务培训"]),
        2021: _sugg(["持续推进精准资助，做到应助尽助",
                     "深化资助育人工作",
                     "加强资金使用监管"]),
        2022: _sugg(["建立困难学生家庭经济状况动态监测机制",
                     "将资助工作与励志教育、诚信教育有机结合",
                     "加强对各校资助工作的督查"]),
        2023: _sugg(["建立资助育人成效跟踪评估机制",
                     "提高预算编制的精准度，减少资金结余",
                     "推进资助数据与民政、残联等部门共享"]),
    },
    other_money={2020: ("donations", Decimal("1286000")), 2022: ("donations", Decimal("1530000"))},
    deductions={2019: {"accuracy": 3}, 2020: {"accuracy": 2}, 2022: {"accuracy": 2, "satisfaction": 1}, 2023: {"satisfaction": 2}},
)

# ---------------------------------------------------------------- 长兴县水利局

RURAL_WATER = Project(
    slug="rural-water",
    names=("农村饮水安全巩固提升工程", "农村饮水安全巩固提升工程", "农村饮水安全巩固提升工程",
           "农村饮水安全巩固提升工程资金", "农村饮水安全巩固提升工程资金"),
    contains="饮水安全",
    implementer="长兴县农村饮用水工程管理中心",
    source="省级补助资金和县级财政资金",
    goal="实施农村供水管网延伸和老旧管网改造，提高农村自来水普及率和供水保证率，保障农村居民饮水安全",
    indicators=(
        Indicator("pipes", "产出指标", "数量指标", "新建改造供水管网长度", "≥", "公里", 20,
                  _d([120, 135, 150, 160, 170]), _d(["126.5", "138.2", "143.6", "162.8", "171.3"])),
        Indicator("people", "产出指标", "数量指标", "受益农村人口", "≥", "人", 10,
                  _d([30000, 32000, 35000, 36000, 38000]), _d([31250, 32860, 35420, 36100, 38760])),
        Indicator("quality", "产出指标", "质量指标", "农村供水水质达标率", "≥", "%", 15,
                  _d([90, 92, 95, 95, 96]), _d(["92.3", "94.1", "95.6", "96.2", "97.0"])),
        Indicator("ontime", "产出指标", "时效指标", "工程按期完工率", "≥", "%", 10,
                  _d([90] * 5), _d(["91.7", "93.3", "88.9", "95.0", "100"])),
        Indicator("tapwater", "效益指标", "可持续影响指标", "农村自来水普及率", "≥", "%", 15,
                  _d([98, "98.5", 99, "99.5", "99.5"]), _d(["98.6", "99.0", "99.2", "99.6", "99.8"])),
        Indicator("satisfaction", "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", "%", 20,
                  _d([90] * 5), _d(["91.2", "93.5", "90.8", "94.6", "95.9"])),
    ),
    tallies=(
        Tally("plants", "座", ((12, None), (8, "cn"), (10, None), (7, "cn"), (9, None))),
        Tally("meters", "只", ((6500, "约"), (7200, "余"), (8000, "近"), (8600, None), (9100, "余"))),
        Tally("tests", "批次", ((460, None), (520, "余"), (580, None), (640, None), (700, "近"))),
        Tally("repairs", "件", ((1300, "余"), None, (1560, None), (1480, "多"), (1620, None))),
        Tally("towns", "个", ((15, None), None, (15, None), None, (15, None))),
    ),
    funds=_funds(("12000000", None, "11236700"), ("13500000", None, "12870000"),
                 ("15000000", None, "13862450"), ("16800000", None, "16218000"),
                 ("18000000", "17200000", "17032600")),
    formats=("pdf", "txt:gbk", "txt:utf-8", "docx", "pdf"),
    problems={
        2019: _items([
            ("upkeep", "部分单村水站重建轻管，日常运行维护经费保障不足"),
            ("testing", "个别偏远山区水站水质检测频次偏低"),
        ]),
        2020: _items([
            ("upkeep", "农村供水工程“重建设、轻管护”现象仍不同程度存在，管护经费来源单一"),
            ("land", "个别管网工程涉及政策处理，施工一度受阻"),
        ]),
        2021: _items([
            ("upkeep", "已建工程长效管护机制尚不健全，部分镇级水站缺乏专业运维人员"),
            ("delay", "部分管网项目受原材料价格上涨影响未能按期完工，管网长度未达年度目标"),
        ]),
        2022: _items([
            ("settlement", "工程竣工结算审计周期长，部分工程尾款未能在当年支付"),
        ]),
        2023: _items([
            ("adjust", "年中调减预算后，绩效目标未同步调整"),
        ]),
    },
    suggestions={
        2019: _sugg(["落实农村供水工程管护主体和管护经费",
                     "加密偏远山区水站水质检测频次",
                     "加强水站运维人员培训"]),
        2020: _sugg(["建立多元化管护经费保障机制，推行“以水养水”",
                     "提前做好政策处理工作，减少施工阻工",
                     "加快推进城乡供水一体化"]),
        2021: _sugg(["健全农村供水工程长效管护机制，推行县级统管",
                     "科学编制施工计划，做好原材料采购储备",
                     "加强工程建设进度督查"]),
        2022: _sugg(["加快工程竣工结算审计进度，及时支付工程尾款",
                     "加强农村供水数字化管理平台建设",
                     "持续提升农村供水保障水平"]),
        2023: _sugg(["预算调整时同步调整绩效目标",
                     "强化农村供水水质保障",
                     "持续做好工程运行管护"]),
    },
    other_money={},
    deductions={2019: {"tapwater": 4, "satisfaction": 3}, 2020: {"tapwater": 3}, 2021: {"tapwater": 4}, 2022: {"satisfaction": 1}, 2023: {"pipes": 2}},
)

RESERVOIR = Project(
    slug="reservoir",
    names=("小型水库除险加固项目资金", "小型水库除险加固项目资金", "小型水库除险加固资金",
           "小型水库除险加固资金", "小型水库除险加固资金"),
    contains="小型水库",
    implementer="长兴县水利工程建设管理中心",
    source="中央、省级补助资金和县级配套资金",
    goal="对病险小型水库实施除险加固，消除工程安全隐患，恢复和提高水库防洪能力，保障下游群众生命财产安全",
    indicators=(
        Indicator("reservoirs", "产出指标", "数量指标", "完成除险加固水库数量", "≥", "座", 20,
                  _d([6, 4, 7, 5, 8]), _d([6, 4, 6, 5, 8])),
        Indicator("quality", "产出指标", "质量指标", "工程质量验收合格率", "=", "%", 15,
                  _d([100] * 5), _d([100] * 5)),
        Indicator("flood", "产出指标", "时效指标", "主汛期前完成主体工程比例", "≥", "%", 15,
                  _d([90] * 5), _d([100, 100, "85.7", 100, 100])),
        Indicator("protected", "效益指标", "社会效益指标", "下游受保护人口", "≥", "人", 10,
                  _d([12000, 8000, 15000, 10000, 18000]), _d([12600, 8350, 13800, 10400, 18650])),
        Indicator("capacity", "效益指标", "可持续影响指标", "水库防洪能力", "", None, 10,
                  ("明显提升",) * 5, ("明显提升", "明显提升", "有所提升", "明显提升", "明显提升"),
                  scores=_d([10, 10, 8, 10, 10])),
        Indicator("satisfaction", "满意度指标", "服务对象满意度指标", "周边群众满意度", "≥", "%", 20,
                  _d([90] * 5), _d(["92.0", "93.4", "89.1", "94.0", "96.2"])),
    ),
    tallies=(
        Tally("seepage", "处", ((14, None), (9, None), (16, None), (11, None), (18, None))),
        Tally("spillways", "条", ((5, "cn"), (3, "cn"), (6, None), (4, "cn"), (7, None))),
        Tally("gauges", "套", ((24, None), (16, None), (28, None), (20, None), (32, None))),
        Tally("inspections", "次", ((3, "cn"), (4, None), (2, "cn"), (3, "cn"), (4, "cn"))),
        Tally("drills", "场", ((2, "cn"), (3, "cn"), (2, "cn"), (4, None), (5, None))),
    ),
    funds=_funds(("6800000", None, "6523400"), ("4500000", None, "4391200"),
                 ("7200000", None, "6120000"), ("5600000", None, "5498760"),
                 ("8400000", None, "8396500")),
    formats=("txt:utf-8-sig", "docx", "pdf", "txt:gbk", "docx"),
    problems={
        2019: _items([
            ("design", "部分水库除险加固设计深度不够，施工中设计变更较多"),
        ]),
        2020: _items([
            ("monitoring", "水库雨水情测报和安全监测设施运行维护不到位"),
        ]),
        2021: _items([
            ("monitoring", "部分已建安全监测设施数据上传不稳定，运行管理有待加强"),
            ("delay", "个别水库受汛期影响，主体工程未能在主汛期前完工"),
        ]),
        2022: _items([
            ("monitoring", "安全监测设施运维经费不足，部分设施带病运行"),
        ]),
        2023: [],
    },
    suggestions={
        2019: _sugg(["提高除险加固设计质量，加强设计审查",
                     "严格控制设计变更，规范变更审批程序"]),
        2020: _sugg(["落实水库安全监测设施运行维护经费和责任人",
                     "加强水库巡查管护人员培训"]),
        2021: _sugg(["建立监测设施运维台账，提高数据上传稳定性",
                     "合理安排施工时序，确保主汛期前完成主体工程",
                     "加强小型水库标准化管理"]),
        2022: _sugg(["将监测设施运维经费纳入年度预算",
                     "推行小型水库专业化管护",
                     "加快水库数字化监管平台建设"]),
        2023: _sugg(["巩固除险加固成果，落实水库安全运行管理责任",
                     "持续推进小型水库标准化管理"]),
    },
    other_money={},
    deductions={2019: {"capacity": 2}, 2020: {"capacity": 3}, 2021: {"satisfaction": 3, "protected": 2}, 2022: {"capacity": 2}, 2023: {"capacity": 1}},
)

# ---------------------------------------------------------------- 鹤山市民政局

RELIEF = Project(
    slug="relief",
    names=("困难群众救助补助资金",) * 5,
    contains="困难群众救助",
    implementer="鹤山市民政局社会救助股",
    source="中央、省级补助资金和市级财政资金",
    goal="保障城乡低保对象、特困人员和临时遇困群众的基本生活，做到应保尽保、应救尽救",
    indicators=(
        Indicator("dibao", "产出指标", "数量指标", "城乡低保对象保障人数", "≥", "人", 15,
                  _d([5200, 5200, 5000, 4800, 4800]), _d([5386, 5512, 5104, 4906, 4871])),
        Indicator("tekun", "产出指标", "数量指标", "特困人员供养人数", "≥", "人", 10,
                  _d([900] * 5), _d([936, 948, 921, 915, 902])),
        Indicator("temporary", "产出指标", "数量指标", "临时救助人次", "≥", "人次", 10,
                  _d([1500, 1500, 1800, 1800, 2000]), _d([1623, 2356, 1915, 1840, 2087])),
        Indicator("standard", "产出指标", "质量指标", "城乡低保标准", "≥", "元/月", 15,
                  _d([880, 940, 1000, 1050, 1100]), _d([880, 940, 1000, 1050, 1100])),
        Indicator("paid", "产出指标", "时效指标", "救助资金按时足额发放率", "=", "%", 10,
                  _d([100] * 5), _d([100] * 5)),
        Indicator("livelihood", "效益指标", "社会效益指标", "困难群众基本生活保障", "", None, 10,
                  ("有效保障",) * 5, ("有效保障",) * 5),
        Indicator("satisfaction", "满意度指标", "服务对象满意度指标", "救助对象满意度", "≥", "%", 20,
                  _d([90] * 5), _d(["92.4", "93.1", "95.0", "94.2", "96.3"])),
    ),
    tallies=(
        Tally("checks", "户", ((3600, "余"), (4100, "余"), (4500, "近"), (4800, None), (5000, "约"))),
        Tally("removed", "户", ((126, None), (98, None), (143, None), (87, None), (76, None))),
        Tally("towns", "个", ((10, None), (10, None), None, (10, None), (10, None))),
        Tally("visits", "人次", ((2300, "余"), (2800, "多"), (2600, None), (3100, "余"), (3000, "近"))),
    ),
    funds=_funds(("23500000", None, "23486120"), ("26800000", "29300000", "29012760"),
                 ("27600000", None, "27600000"), ("28900000", None, "28735400"),
                 ("30200000", None, "30158900")),
    formats=("pdf", "txt:utf-8", "docx", "txt:utf-8-sig", "pdf"),
    problems={
        2019: _items([
            ("dynamic", "低保动态管理不够到位，部分对象家庭收入变化未能及时核查"),
            ("staff", "镇（街）社会救助经办人员力量不足，兼职多、变动频繁"),
        ]),
        2020: _items([
            ("dynamic", "低保对象家庭经济状况核查不够及时，动态调整存在滞后"),
            ("temporary", "临时救助审批时限偏长，“先行救助”落实不够"),
        ]),
        2021: _items([
            ("dynamic", "社会救助对象动态退出机制执行不严，个别“应退未退”情况仍有发生"),
            ("sharing", "救助信息与其他部门数据共享不够顺畅"),
        ]),
        2022: [],
        2023: _items([
            ("discovery", "主动发现机制不够完善，对低收入人口的监测预警有待加强"),
        ]),
    },
    suggestions={
        2019: _sugg(["健全低保对象定期核查机制，加强动态管理",
                     "充实镇（街）社会救助经办力量",
                     "加强救助政策宣传"]),
        2020: _sugg(["推进低保对象家庭经济状况信息化核对，提高核查效率",
                     "简化临时救助审批程序，全面落实“先行救助”",
                     "加强救助资金发放监管"]),
        2021: _sugg(["严格落实低保动态退出机制，做到应退尽退",
                     "推进社会救助信息与人社、住建等部门数据共享",
                     "加强基层经办人员业务培训"]),
        2022: _sugg(["持续规范社会救助管理",
                     "加强资金发放全过程监管",
                     "推动“物质+服务”救助模式"]),
        2023: _sugg(["建立低收入人口动态监测预警机制，完善主动发现机制",
                     "推进社会救助服务向困难群众身边延伸",
                     "加强救助资金绩效管理"]),
    },
    other_money={2020: ("price-subsidy", Decimal("1865400")), 2022: ("price-subsidy", Decimal("982300"))},
    deductions={2019: {"livelihood": 2}, 2020: {"livelihood": 3}, 2021: {"livelihood": 3}, 2023: {"livelihood": 1}},
)

ELDERLY_CARE = Project(
    slug="elderly-care",
    names=("居家养老服务补贴资金",) * 5,
    contains="居家养老",
    implementer="鹤山市民政局养老服务股",
    source="市级财政预算资金和福利彩票公益金",
    goal="为符合条件的困难老年人提供居家养老服务补贴，引导专业机构上门提供助餐、助洁、助医等服务",
    indicators=(
        Indicator("elders", "产出指标", "数量指标", "享受居家养老服务补贴老年人数", "≥", "人", 20,
                  _d([600, 650, 700, 750, 800]), _d([612, 640, 718, 763, 815])),
        Indicator("hours", "产出指标", "数量指标", "上门服务时长", "≥", "小时", 10,
                  _d([36000, 39000, 42000, 45000, 48000]), _d([36820, 37560, 42680, 45390, 48600])),
        Indicator("followup", "产出指标", "质量指标", "服务对象回访覆盖率", "≥", "%", 15,
                  _d([95] * 5), _d(["96.0", "95.5", "97.2", "98.0", "98.5"])),
        Indicator("monthly", "产出指标", "时效指标", "补贴资金按月拨付率", "=", "%", 10,
                  _d([100] * 5), _d([100] * 5)),
        Indicator("life", "效益指标", "社会效益指标", "居家老年人生活质量", "", None, 15,
                  ("明显改善",) * 5, ("有所改善", "明显改善", "明显改善", "明显改善", "明显改善"),
                  scores=_d([12, 15, 15, 15, 15])),
        Indicator("satisfaction", "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "%", 20,
                  _d([90] * 5), _d(["89.5", "91.2", "93.6", "94.8", "96.1"])),
    ),
    tallies=(
        Tally("stations", "个", ((4, "cn"), (6, None), (8, None), (10, None), (12, None))),
        Tally("agencies", "家", ((3, "cn"), (3, "cn"), (4, "cn"), (5, None), (5, None))),
        Tally("services", "人次", ((10000, "近万"), (12000, "余"), (15600, None), (18000, "约"), (21000, "余"))),
        Tally("carers", "名", ((85, None), (96, None), (120, "余"), (140, None), (150, "近"))),
        Tally("canteens", "间", (None, None, (2, "cn"), (5, None), (7, None))),
    ),
    funds=_funds(("1800000", None, "1562400"), ("2000000", None, "1683000"),
                 ("2200000", None, "2108960"), ("2400000", None, "2358200"),
                 ("2600000", None, "2599300")),
    formats=("docx", "pdf", "txt:gbk", "pdf", "docx"),
    problems={
        2019: _items([
            ("quality", "服务机构服务质量参差不齐，部分服务项目流于形式"),
            ("forecast", "享受补贴老人数量增长较快，年初预算安排与实际需求存在差距"),
        ]),
        2020: _items([
            ("quality", "居家养老服务质量监管手段单一，对服务机构的考核评估不够"),
            ("epidemic", "受疫情影响上门服务一度暂停，服务时长未达到年度目标"),
        ]),
        2021: _items([
            ("quality", "第三方服务机构专业护理人员不足，服务质量仍有提升空间"),
            ("pace", "部分镇（街）补贴资金拨付进度不一"),
        ]),
        2022: _items([
            ("platform", "居家养老服务信息平台功能不完善，服务记录核查依赖人工"),
        ]),
        2023: _items([
            ("platform", "智慧养老平台数据与民政业务系统尚未完全打通"),
        ]),
    },
    suggestions={
        2019: _sugg(["建立服务机构考核评估制度，提升服务质量",
                     "科学测算补贴对象增长趋势，合理编制年度预算",
                     "扩大居家养老服务覆盖面"]),
        2020: _sugg(["引入第三方评估机构，对服务质量开展定期评估",
                     "在疫情防控常态化条件下创新服务方式",
                     "加强服务机构监督管理"]),
        2021: _sugg(["督促服务机构配齐专业护理人员，开展护理技能培训",
                     "加快补贴资金拨付进度",
                     "建立服务对象满意度定期回访制度"]),
        2022: _sugg(["完善居家养老服务信息平台功能，实现服务记录线上核查",
                     "推进居家养老服务标准化建设",
                     "加强资金使用监管"]),
        2023: _sugg(["推动智慧养老平台与民政业务系统数据对接",
                     "持续提升居家养老服务质量",
                     "探索建立家庭养老床位服务"]),
    },
    other_money={},
    deductions={2019: {"followup": 4, "satisfaction": 4}, 2020: {"followup": 2}, 2021: {"satisfaction": 3}, 2022: {"life": 2}, 2023: {"life": "1.5"}},
)

DEPARTMENTS = (
    Department("jiangmen-justice", "江门市司法局", "江门市", "广东省", "江门市财政局", "jm",
               "江门市司法局机关财务管理规定", (LEGAL_AID, MEDIATION)),
    Department("huzhou-education", "湖州市教育局", "湖州市", "浙江省", "湖州市财政局", "hz",
               "湖州市教育局专项资金管理办法", (SCHOOL_REPAIR, STUDENT_AID)),
    Department("changxing-water", "长兴县水利局", "长兴县", "浙江省", "长兴县财政局", "cx",
               "长兴县水利建设资金管理办法", (RURAL_WATER, RESERVOIR)),
    Department("heshan-civil", "鹤山市民政局", "鹤山市", "广东省", "鹤山市财政局", "hs",
               "鹤山市困难群众救助资金管理办法", (RELIEF, ELDERLY_CARE)),
)

# The planted cross-year facts, as data the tests and README can rely on.
RECURRING = {  # project -> (theme, years it is reported)
    "legal-aid": ("subsidy-low", (2019, 2020, 2021)),
    "mediation": ("mediator-aging", (2019, 2020, 2021)),
    "school-repair": ("pay-slow", (2020, 2021, 2022)),
    "student-aid": ("identify", (2019, 2020, 2022)),
    "rural-water": ("upkeep", (2019, 2020, 2021)),
    "reservoir": ("monitoring", (2020, 2021, 2022)),
    "relief": ("dynamic", (2019, 2020, 2021)),
    "elderly-care": ("quality", (2019, 2020, 2021)),
}
FIXED = {  # project -> (theme, the one year it is reported)
    "legal-aid": ("archive", 2020), "mediation": ("info", 2021), "school-repair": ("archive", 2019),
    "student-aid": ("late", 2020), "rural-water": ("land", 2020), "reservoir": ("design", 2019),
    "relief": ("temporary", 2020), "elderly-care": ("epidemic", 2020),
}


# ---------------------------------------------------------------- derived facts

GRADES = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (Decimal(0), "差"))


@dataclass(frozen=True)
class IndicatorYear:
    indicator: Indicator
    target: Decimal | str
    actual: Decimal | str
    score: Decimal


@dataclass(frozen=True)
class YearFacts:
    department: Department
    project: Project
    year: int
    name: str
    funds: Funds
    budget_used: Decimal  # adjusted when there is one
    rate2: Decimal  # execution rate, 2 decimals
    budget_score: Decimal  # 分值 10 × execution rate
    indicators: tuple  # IndicatorYear
    score: Decimal
    grade: str
    fmt: str
    encoding: str | None
    problems: list
    suggestions: list
    tallies: tuple  # (Tally, value, qualifier) reported this year
    other_money: tuple | None


def _indicator_score(ind: Indicator, target, actual, explicit) -> Decimal:
    weight = Decimal(ind.weight)
    if not ind.op:
        return weight if explicit is None else explicit
    met = actual <= target if ind.op == "≤" else actual >= target
    if met:
        return weight
    return (weight * actual / target).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def facts(department: Department, project: Project, year: int) -> YearFacts:
    i = YEARS.index(year)
    funds = project.funds[i]
    used = funds.adjusted if funds.adjusted is not None else funds.budget
    rate2 = min(rate(funds.actual, used, 2), Decimal(100))
    budget_score = (rate2 / 10).quantize(Decimal("0.01"))
    rows = []
    taken = (project.deductions or {}).get(year, {})
    for ind in project.indicators:
        explicit = ind.scores[i] if ind.scores else None
        score = _indicator_score(ind, ind.targets[i], ind.actuals[i], explicit)
        score -= Decimal(str(taken.get(ind.key, 0)))
        rows.append(IndicatorYear(ind, ind.targets[i], ind.actuals[i], score))
    score = budget_score + sum(r.score for r in rows)
    grade = next(name for floor, name in GRADES if score >= floor)
    fmt, _, encoding = project.formats[i].partition(":")
    tallies = tuple((t, *t.values[i]) for t in project.tallies if t.values[i] is not None)
    return YearFacts(department, project, year, project.names[i], funds, used, rate2, budget_score,
                     tuple(rows), score, grade, fmt, encoding or None, project.problems[year],
                     project.suggestions[year], tallies, project.other_money.get(year))


def all_facts() -> list[YearFacts]:
    return [facts(dept, proj, year) for dept in DEPARTMENTS for proj in dept.projects for year in YEARS]
