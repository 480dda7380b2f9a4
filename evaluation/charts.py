"""The indicator chart as plain numbers for an inline SVG (pages and PDF alike).

Pure and query-free. Readable without colour: the measured series is a solid line with round
markers, the target a dashed line labelled « Cible », the baseline a dotted line labelled
« Référence », the expected trajectory a thin dash-dot line; every series is also named in a legend.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.template.defaultfilters import floatformat

WIDTH, HEIGHT = 640, 280
# TOP leaves room above the plot for the unit, clear of the highest value's label.
LEFT, RIGHT, TOP, BOTTOM = 76, 20, 32, 44


@dataclass
class Point:
    x: float
    y: float
    label: str
    date: dt.date
    value: Decimal


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_x: int = WIDTH - RIGHT
    top: int = TOP
    bottom_y: int = HEIGHT - BOTTOM
    points: list = field(default_factory=list)
    polyline: str = ""
    target_y: float | None = None
    baseline_y: float | None = None
    expected: tuple | None = None  # (x1, y1, x2, y2)
    y_ticks: list = field(default_factory=list)  # [(y, label)]
    x_ticks: list = field(default_factory=list)  # [(x, label)]
    empty: bool = True


def _fmt(value: Decimal) -> str:
    places = 0 if value == value.to_integral_value() else 1
    return floatformat(value, f"{places}g")


def _nice_step(span: Decimal) -> Decimal:
    raw = span / 4 if span > 0 else Decimal(1)
    magnitude = Decimal(10) ** (raw.adjusted())
    for factor in (1, 2, 5, 10):
        step = magnitude * factor
        if step >= raw:
            return step
    return magnitude * 10


def build(
    *,
    measurements,
    baseline: Decimal | None,
    baseline_date: dt.date | None,
    target: Decimal | None,
    target_date: dt.date | None,
) -> Chart:
    """`measurements`: objects with date and Decimal value, oldest first."""
    series = [m for m in measurements if m.value is not None]
    chart = Chart()
    values = [m.value for m in series]
    values += [v for v in (baseline, target) if v is not None]
    dates = [m.date for m in series] + [d for d in (baseline_date, target_date) if d]
    if not values or not dates:
        return chart
    chart.empty = not series
    low, high = min(values), max(values)
    step = _nice_step(high - low)
    low = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    high = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    if high == low:
        high = low + step
    first, last = min(dates), max(dates)
    days = max((last - first).days, 1)
    plot_w = chart.right_x - chart.left
    plot_h = chart.bottom_y - chart.top

    def x_of(day):
        return round(chart.left + plot_w * (day - first).days / days, 1)

    def y_of(value):
        return round(float(chart.bottom_y - plot_h * (value - low) / (high - low)), 1)

    chart.points = [
        Point(x_of(m.date), y_of(m.value), _fmt(m.value), m.date, m.value) for m in series
    ]
    chart.polyline = " ".join(f"{p.x},{p.y}" for p in chart.points)
    if target is not None:
        chart.target_y = y_of(target)
    if baseline is not None:
        chart.baseline_y = y_of(baseline)
    if None not in (baseline, baseline_date, target, target_date):
        chart.expected = (x_of(baseline_date), y_of(baseline), x_of(target_date), y_of(target))
    tick = low
    while tick <= high:
        chart.y_ticks.append((y_of(tick), _fmt(tick)))
        tick += step
    # Up to 6 date ticks, on the first of a month.
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    every = max(1, -(-months // 6))
    year, month = first.year, first.month
    for _index in range(0, months, every):
        day = dt.date(year, month, 1)
        if first <= day <= last:
            chart.x_ticks.append((x_of(day), day.strftime("%m/%Y")))
        month += every
        while month > 12:
            month -= 12
            year += 1
    return chart
