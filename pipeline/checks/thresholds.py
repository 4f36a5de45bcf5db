"""Every threshold of the review rules, in one place.

Precision first: a reviewer stops trusting a tool that cries wolf, so each tolerance leans
towards staying silent where a report may be right.
"""
from __future__ import annotations

from decimal import Decimal

# --- arithmetic -----------------------------------------------------------------------------
# A stated execution rate agrees with spend / budget when it is the computed rate rounded half
# up, or cut off, at the decimals the report writes (budget.py); 100% also stands for a spend
# over budget (many forms cap the rate at 100%).
# 执行数 above 预算数 by more than this share of the budget is overspending (0.5 ‰ leaves
# rounding of the written amounts alone).
OVERSPEND_MIN_SHARE = Decimal("0.0005")
# Parts and their total: each written amount may be rounded to half a unit of its last digit
# (10,070.48 万元 ± 50 元); the sum may be off by the sum of those halves, and never less than
# this many yuan.
PARTS_MIN_TOLERANCE_YUAN = Decimal(1)

# --- self-scores -----------------------------------------------------------------------------
# A self-score at or above this is "high" (the floor of the grade 优 in the national
# guidance's 100-point scale).
HIGH_SELF_SCORE = Decimal(90)
# …and yet budget execution below this rate, in percent,
LOW_EXECUTION_RATE = Decimal(85)
# …or at least this many indicators whose result misses its target.
MISSED_INDICATORS = 2
# The scale of a self-evaluation when its table states no total weight.
FULL_MARKS = Decimal(100)

# --- indicators -------------------------------------------------------------------------------
# A list where every indicator lacks its result is one finding for the list, not one per
# indicator, when it has at least this many indicators.
RESULTS_MISSING_AS_ONE = 3

# --- recurrence -------------------------------------------------------------------------------
# Two problems of consecutive years read as "the same wording" at or above this rapidfuzz
# ratio of their normalised texts (punctuation, spaces, numbering removed); reworded problems
# of the sample archive score below 60.
SAME_WORDING_MIN = 90
