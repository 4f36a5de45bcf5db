"""The scores as text: the table `jixiao eval` prints and the findings of `--explain`."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from pipeline.evaluate.normalise import WHITESPACE
from pipeline.evaluate.tally import FALSE_POSITIVE, MISS, Scores


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_scores(scores: Scores) -> str:
    """A plain-text table: one line per family, then the micro total."""
    header = f"{'family':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
    lines = [header, "-" * len(header)]
    rows = list(scores.families.items()) + [("micro", scores.micro)]
    for name, t in rows:
        if name == "micro":
            lines.append("-" * len(header))
        lines.append(f"{name:<14}{_fmt(t.precision):>7}{_fmt(t.recall):>7}{_fmt(t.f1):>7}"
                     f"{t.tp:>6}{t.fp:>6}{t.fn:>6}")
    lines.append(f"documents: {len(scores.documents)} scored")
    for doc in scores.unreadable:
        lines.append(f"  not read: {doc.doc} ({doc.error or doc.status})")
    return "\n".join(lines)


def _show(value: Any) -> str:
    """A gold or predicted value as a reader wants it: 12 not Decimal('12'), null not None."""
    if value is None:
        return "null"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):
        return "(" + ", ".join(_show(v) for v in value) + ")"
    return str(value)


def _short(value: Any, limit: int = 100) -> str:
    text = WHITESPACE.sub(" ", _show(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_findings(scores: Scores) -> str:
    """Every miss, false positive and wrong value, grouped by document, with its evidence."""
    if not scores.findings:
        return "no misses or false positives"
    lines: list[str] = []
    status = {d.doc: d for d in scores.documents}
    current = None
    for f in scores.findings:
        if f.doc != current:
            current = f.doc
            doc = status[f.doc]
            note = f" — not read: {doc.error or doc.status}" if doc in scores.unreadable else ""
            lines.append(f"{f.doc}{note}")
        parts = [f"  {f.family:<12} {f.kind:<14} {f.field}"]
        if f.kind != FALSE_POSITIVE:
            parts.append(f"gold={_short(f.gold)}")
        if f.kind != MISS:
            parts.append(f"predicted={_short(f.predicted)}")
        if f.evidence:
            parts.append(f"evidence: {_short(f.evidence)}")
        lines.append("  ".join(parts))
    return "\n".join(lines)
