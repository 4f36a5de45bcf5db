"""Vocabulary of report metadata: place names, organ names, report kinds, year cues (the labels
of label cells and lines are the form's: extractors/form/vocab.py).

Patterns run on `Document.match_text` (full-width ASCII folded: "：" reads ":", "（" reads
"("), so one pattern covers both widths. Everything here is data; the matching lives in
names.py, year.py, project.py and the package's extract.
"""
from __future__ import annotations


HAN = "\u4e00-\u9fa5"

# --- places ------------------------------------------------------------------------------
# One administrative unit as written: a stem and the suffix of its level. The autonomous
# suffixes come first so that "广西壮族自治区" is one unit, not "广西壮族自治" + "区".
ADMIN_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "州",
                  "盟", "县", "区", "旗")
# Templates and redacted copies write "XX市", "××区" for the stem.
ADMIN_UNIT = rf"(?:[{HAN}]{{2,9}}?|[Xx×*]{{2,3}})(?:{'|'.join(ADMIN_SUFFIXES)})"
# Words ending in a level suffix that name no administrative unit ("智慧城市", "社区", "园区").
# Checked on jieba tokens, so a real place written alike ("晋城市", "增城区") still passes.
NOT_ADMIN_WORDS = frozenset((
    "城市", "超市", "集市", "夜市", "股市", "上市", "都市", "门市", "社区", "园区", "景区", "小区",
    "校区", "辖区", "片区", "街区", "库区", "山区", "矿区", "灾区", "林区", "牧区", "垦区", "营区",
    "学区", "城区", "市区", "郊区", "示范区", "保护区", "试验区", "功能区", "开发区", "服务区",
    "先行区", "试点区", "核心区", "老城区", "主城区", "中心城区",
))
# "我市", "全区": a place pointed at, not named.
DEICTIC_PLACE = r"[全本我该各此][省市县区州旗]"
# Placeholders a generic template writes instead of a place ("XX市", "某某县").
PLACEHOLDER_STEMS = ("XX", "xx", "××", "某某", "**", "〇〇", "○○")

# --- organs ------------------------------------------------------------------------------
# How the name of a government body or public institution ends. Longer endings first: at one
# position the alternation takes the first that fits ("办事处" before "办").
ORGAN_ENDS = (
    "人民代表大会常务委员会", "人民政府办公室", "人民政府办公厅", "人民政府", "管理委员会",
    "委员会", "办公室", "办公厅", "办事处", "管委会", "联合会", "研究院", "研究所", "研究中心",
    "事务中心", "服务中心", "中心", "检察院", "法院", "医院", "卫生院", "学院", "大学", "党校",
    "中学", "小学", "学校", "幼儿园", "图书馆", "博物馆", "纪念馆", "文化馆", "档案馆", "监狱",
    "戒毒所", "看守所", "管理局", "管理处", "管理所", "管理站", "街道", "协会", "总工会", "工会",
    "妇联", "团委", "集团", "公司", "政府", "局", "厅", "委", "办", "院", "署", "处", "所", "站",
    "队", "部", "社", "会", "馆", "镇", "乡",
)
# An organ that commonly has named sub-units written straight after it:
# 中共江门市委 + 宣传部, 江门市人民政府 + 办公室, 上海市普陀区人民政府 + 万里街道办事处.
PARENT_ORGAN_ENDS = ("委员会", "人民政府", "政府", "委")
# Sub-units of a parent organ end like this (a shorter list than ORGAN_ENDS: after "委",
# "会同" must not read as an organ ending in "会").
SUB_UNIT_ENDS = ("办公室", "办公厅", "办事处", "委员会", "中心", "街道", "部", "局", "办", "委",
                 "厅", "处", "镇", "乡")
# Words that cannot stand inside an organ name: where a match runs into them it has left
# the name and entered the sentence ("江门市司法局会同…", "…项目支出").
NOT_IN_ORGAN = ("关于", "项目", "资金", "经费", "绩效", "自评", "评价", "报告", "预算", "决算",
                "年度", "工作", "会同", "配合", "协助", "根据", "按照", "以及", "坚持", "开展",
                "组织", "召开", "的", "对", "在", "向", "是", "为", "将", "了", "获")
# Words that end like an organ but are none ("社会", "内部"): a name may not end in one.
NOT_ORGAN_WORDS = frozenset((
    "社会", "机会", "大会", "全会", "都会", "学会", "体会", "全部", "内部", "外部", "局部", "干部",
    "部分", "到处", "好处", "住所", "场所", "厕所", "网站", "车站", "部队", "团队", "梯队", "学院派",
    "全局", "大局", "布局", "格局", "结局", "开局", "当局", "报社", "公社", "结社", "城乡", "乡镇",
    "城镇", "村镇", "集镇", "家乡", "下乡", "老乡",
))
MAX_ORGAN_MIDDLE = 12  # characters between the place and the organ's ending

# --- report kinds ------------------------------------------------------------------------
# (kind, cue in the title). First match wins, so a self-evaluation of a whole department
# is decided before the project cues, and self-evaluation before third-party evaluation.
# A 绩效目标申报表 declares the year's goals before the money is spent: no self-evaluation.
TITLE_KINDS = (
    ("绩效目标申报表", r"绩效目标(?:申报|表)|目标申报表"),
    ("部门整体支出绩效自评报告", r"部门整体|整体支出|单位整体"),
    ("项目支出绩效自评报告", r"自评"),
    ("部门决算", r"决算"),
    ("部门预算", r"预算(?:公开|信息|情况说明|草案)?$|部门预算|单位预算"),
    ("绩效评价报告", r"绩效评价|评价报告"),
)
# Without a title the structure tells the kind: (kind, cue in section titles and labels).
# The kind with the most cues wins; a tie goes to the earlier entry.
STRUCTURE_KINDS = (
    ("项目支出绩效自评报告", r"项目(?:基本)?概况|项目(?:组织)?实施|项目绩效|项目自评|项目名称|项目支出"),
    ("部门整体支出绩效自评报告", r"部门(?:基本)?概况|部门整体|部门职[能责]|整体支出|单位整体"),
    ("部门预算", r"预算编制说明|收支预算总表|预算主管部门|预算表"),
    ("部门决算", r"决算表|收入支出决算|决算说明|决算情况"),
    ("绩效评价报告", r"评价机构|委托|第三方"),
)
# Reports of these kinds are about one project; the others have no project to name.
PROJECT_KINDS = ("项目支出绩效自评报告", "绩效评价报告", "绩效目标申报表")

# --- project inference --------------------------------------------------------------------
# Tokens that say nothing about what a project is about; a phrase made of (or ending in,
# or starting with) them is never taken as the project's name.
GENERIC_TOKENS = frozenset((
    "项目", "工作", "情况", "建设", "发展", "管理", "实施", "开展", "推进", "完成", "提高", "提升",
    "加强", "根据", "按照", "负责", "主要", "有关", "相关", "重大", "重要", "进一步", "全面",
    "深入", "贯彻", "落实", "坚持", "资金", "经费", "预算", "财政", "支出", "绩效", "目标",
    "指标", "年度", "我市", "全市", "本", "该", "部门", "单位", "职责", "主要职责", "背景", "依据",
    "立项", "服务", "保障", "问题", "政策", "研究", "方面", "任务", "要求", "规定", "制度",
    "习近平", "新", "时代", "中国", "特色", "社会主义", "思想", "党", "精神", "中央", "省委",
    "市委", "政府", "人民", "群众", "明显", "通过", "进行", "提出", "协调", "决策", "部署",
    "省级", "市级", "县级", "区级", "镇级", "地方", "本级", "配套", "财政资金", "存在", "使用",
    "用于", "组织", "安排", "年初", "全年", "每年", "我县", "我区", "我省",
))
# Money and its handling: how a project is paid for, never what it is about.
NOT_A_SUBJECT = r"预算|支付|拨付|支出|执行|结余|到位|累计|资金来源|财政|配套"
# Words that join other words; a subject phrase is written without them.
FUNCTION_WORDS = frozenset(("的", "和", "与", "及", "等", "在", "为", "对", "将", "把", "被", "了",
                            "是", "或", "并", "由", "从", "向", "以", "于", "之", "其"))
