"""The network picture: distribution of the members' scores per axis (box plots), maturity
levels (histogram) and their evolution year over year, drawn from the network's stored
benchmark (diagnostics/models/benchmark.py). Groups smaller than MIN_GROUP_SIZE are
never shown, so that no member can be singled out. The SVG geometry is computed here and drawn
by templates/networks/network_picture.html."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from diagnostics.models import NetworkBenchmark
from diagnostics.scoring import MIN_GROUP_SIZE, Quartiles

# Box plots: scores 1..5 drawn on a 0..WIDTH axis.
WIDTH = 400
LEFT = 10
# Where the plot starts, right of the axis titles.
PLOT_X = 260
ROW = 40


def x_of(score) -> float:
    return round(LEFT + (float(score) - 1) / 4 * WIDTH, 1)


@dataclass
class AxisBox:
    code: str
    title: str
    count: int
    stats: object | None  # Quartiles, None when fewer than MIN_GROUP_SIZE

    @property
    def shown(self):
        return self.stats is not None

    y: float = 0

    @property
    def geometry(self):
        s = self.stats
        q1, median, q3 = (x_of(s.q1) + PLOT_X, x_of(s.median) + PLOT_X, x_of(s.q3) + PLOT_X)
        return {"q1": q1, "median": median, "q3": q3, "width": round(q3 - q1, 1)}


@dataclass
class YearPoint:
    year: int
    count: int
    median: object | None


def _quartiles(data) -> Quartiles | None:
    if not data:
        return None
    return Quartiles(
        q1=Decimal(data["q1"]),
        median=Decimal(data["median"]),
        q3=Decimal(data["q3"]),
        count=data["count"],
    )


def picture(network):
    """The picture's geometry: one query (the network's benchmark)."""
    benchmark = NetworkBenchmark.objects.filter(network=network).first()
    figures = benchmark.figures if benchmark else {}
    return draw(figures)


def draw(figures: dict) -> dict:
    """Pure: the SVG geometry of a benchmark's figures (scoring.network_benchmark)."""
    axes = figures.get("axes", [])
    boxes = [
        AxisBox(
            axis["code"],
            axis["title"],
            axis["count"],
            _quartiles(axis["quartiles"]),
            y=10 + index * ROW,
        )
        for index, axis in enumerate(axes)
    ]
    levels = figures.get("levels")
    histogram = None
    if levels:
        counts = {int(level): n for level, n in levels.items()}
        top = max(counts.values()) or 1
        histogram = [
            {
                "level": level,
                "count": counts.get(level, 0),
                "height": round(counts.get(level, 0) / top * 150, 1),
                "x": 40 + (level - 1) * 90,
                "y": 170 - round(counts.get(level, 0) / top * 150, 1),
                "label_y": 164 - round(counts.get(level, 0) / top * 150, 1),
                "middle": 70 + (level - 1) * 90,
            }
            for level in (1, 2, 3, 4)
        ]
    evolution = [
        YearPoint(
            point["year"],
            point["count"],
            Decimal(point["median"]) if point["median"] is not None else None,
        )
        for point in figures.get("evolution", [])
    ]
    return {
        "member_count": figures.get("members", 0),
        "with_results": figures.get("contributors", 0),
        "boxes": boxes,
        "histogram": histogram,
        "with_level": figures.get("with_level", 0),
        "evolution": evolution,
        "min_group": MIN_GROUP_SIZE,
        "ticks": [{"score": s, "x": x_of(s) + PLOT_X} for s in (1, 2, 3, 4, 5)],
        "plot_bottom": 10 + len(boxes) * ROW,
        "tick_label_y": 28 + len(boxes) * ROW,
        "height": 40 + len(boxes) * ROW,
    }
