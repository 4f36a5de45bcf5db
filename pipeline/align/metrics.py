"""What `jixiao compare` can put in its wide table: the levels an entity is followed at and
the metrics of each. Plain data, so the command line can offer them as choices without
loading pandas."""
from __future__ import annotations

LEVELS = ("department", "project", "indicator")
# metric -> (source column, kind). Money is summed exactly as Decimal; other kinds are floats.
DOCUMENT_METRICS = {
    "budget": ("budget_yuan", "money"),
    "actual": ("actual_yuan", "money"),
    "rate": ("execution_rate_pct", "rate"),
    "score": ("self_score", "mean"),
}
INDICATOR_METRICS = {"target": "target_value", "actual": "actual_value", "score": "score",
                     "weight": "weight"}
