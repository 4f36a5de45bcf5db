"""Line charts as inline SVG, built by hand: text stays text (so Chinese labels render with the
reader's fonts), every value is a point with an exact tooltip (<title>) and an evidence id."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

WIDTH, HEIGHT = 300, 210
LEFT, RIGHT, TOP, BOTTOM = 50, 22, 36, 28
COLORS = ("#2f6fb3", "#d9822b", "#3a9b5c", "#9b4dca")


@dataclass(frozen=True)
class Point:
    year: int
    value: float
    tooltip: str            # exact figure, e.g. "预算数 2021: 920,000.00 元"
    evidence: str | None    # id of an entry in the evidence book


@dataclass
class Series:
    name: str
    points: list[Point] = field(default_factory=list)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]: steps of 1, 2, 2.5 or 5 × 10^k."""
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step + 1e-9) * step
    end = math.ceil(high / step - 1e-9) * step
    ticks = [round(start + i * step, 10) for i in range(round((end - start) / step) + 1)]
    return ticks


def _tick_label(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def line_chart(title: str, unit: str, years: list[int], series: list[Series],
               from_zero: bool = False, min_span: float = 0.0, css_class: str = "chart") -> str:
    """One SVG line chart: years on x, `unit` on the y axis, one coloured line per series.

    A missing year breaks the line; every present value is one `<circle class="pt">`. The y axis
    starts at 0 with `from_zero`, and otherwise spans at least `min_span` below the highest value
    (so that 94.4 and 94.7 do not look a world apart)."""
    values = [p.value for s in series for p in s.points]
    if not values or not years:
        return f'<p class="empty">{escape(title)}：无数据</p>'
    low, high = min(values), max(values)
    if from_zero:
        low = min(0.0, low)
    else:
        pad = (high - low) * 0.15 or max(abs(high) * 0.02, 1.0)
        low, high = min(low - pad, high - min_span), high + pad
    ticks = nice_ticks(low, high)
    y0, y1 = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(year: int) -> float:
        if len(years) == 1:
            return LEFT + plot_w / 2
        return LEFT + plot_w * (year - years[0]) / (years[-1] - years[0])

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - (value - y0) / ((y1 - y0) or 1))

    parts = [
        f'<svg class="{escape(css_class)}" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f'<text class="title" x="{LEFT}" y="14">{escape(title)}</text>',
        f'<text class="unit" x="{LEFT - 6}" y="{TOP - 8}" text-anchor="end">{escape(unit)}</text>',
    ]
    for tick in ticks:
        y = y_of(tick)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
                     f"{escape(_tick_label(tick))}</text>")
    for year in years:
        x = x_of(year)
        parts.append(f'<line class="axis" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP + plot_h}" y2="{TOP + plot_h + 4}"/>')
        parts.append(f'<text class="year" x="{x:.1f}" y="{HEIGHT - 8}" text-anchor="middle">{year}</text>')
    parts.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}"/>')
    for index, line in enumerate(series):
        parts.extend(_series(index, line, x_of, y_of))
    parts.extend(_legend(series))
    parts.append("</svg>")
    return "".join(parts)


def _series(index: int, line: Series, x_of, y_of) -> list[str]:
    color = COLORS[index % len(COLORS)]
    parts = []
    by_year = {p.year: p for p in line.points}
    run: list[str] = []
    for year in range(min(by_year, default=0), max(by_year, default=-1) + 2):
        if year in by_year:
            run.append(f"{x_of(year):.1f},{y_of(by_year[year].value):.1f}")
            continue
        if len(run) > 1:
            parts.append(f'<polyline class="line" stroke="{color}" points="{" ".join(run)}"/>')
        run = []
    # Later series draw smaller points on top, so that equal values (budget = spend) leave a
    # ring of the point below to see and to click.
    radius = max(5.5 - 2 * index, 3.0)
    for point in sorted(line.points, key=lambda p: p.year):
        ev = f' data-ev="{escape(point.evidence)}" tabindex="0"' if point.evidence else ""
        parts.append(
            f'<circle class="pt s{index}" cx="{x_of(point.year):.1f}" cy="{y_of(point.value):.1f}" '
            f'r="{radius}" fill="{color}"{ev}><title>{escape(point.tooltip)}</title></circle>'
        )
    return parts


def _legend(series: list[Series]) -> list[str]:
    parts, x = [], WIDTH - RIGHT
    for index in reversed(range(len(series))):
        name = series[index].name
        x -= 14 * len(name) + 22
        color = COLORS[index % len(COLORS)]
        parts.append(f'<g class="legend"><rect x="{x}" y="6" width="10" height="10" fill="{color}"/>'
                     f'<text x="{x + 14}" y="15">{escape(name)}</text></g>')
    return parts
