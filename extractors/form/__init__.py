"""The 自评表 form, wherever it comes from: a workbook sheet, a .docx table, a PDF table.

Not a fact of its own (no extractor, no registry line): the reader that the budgets,
indicators, scores and metadata extractors share, so that the form's vocabulary has one home.
The form and its variants, top to bottom:

    项目支出绩效自评表（2021年度）      | 部门整体支出绩效自评表 | 二级项目支出绩效目标申报表
    项目名称 | X    主管部门 | Y    实施单位 | Z                  labels.py   (metadata)
    项目资金（万元）| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
        年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金   funds.py    (budgets)
      or side by side: 项目总金额（中期规划，万元）：| 9000 | 本年度项目金额（万元）：| 3000
    年度总体目标 | 预期目标 | 实际完成情况                         (ends the blocks around it)
    一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
        (a 申报表: 目标值 | 指标解释, no 完成值; "不适用" rows)     indicators.py (indicators)
    总分 | 100 | 96                                              totals.py   (scores)

vocab.py holds every header word, row label and label cell of it. The form flattened into
lines of text (txt and PDF conversions) is read by budgets/flat.py and indicators/flat.py
with the same vocabulary.
"""
