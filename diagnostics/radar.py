"""Radar chart of the diagnostic's axis scores, as an SVG string made on the server.

The same markup goes into the web page and into the WeasyPrint PDF, so it relies on nothing but
SVG presentation attributes: no `style` attribute and no <style> element, which the site's
Content-Security-Policy forbids in some contexts. It must read without colour (printed in black
and white, or by colour-blind readers): every series has its own line style and point marker, and
the legend shows both.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .scoring import one_decimal

__all__ = ["MAX_SERIES", "RadarSeries", "radar_svg"]

MAX_SERIES = 6
SCALE_MIN = 1
SCALE_MAX = 5


@dataclass(frozen=True)
class _Layout:
    """Sizes in the SVG's own units; the chart is drawn at the width of its container."""

    width: int
    cx: int
    cy: int
    radius: int
    label_gap: int
    line_height: int
    label_size: int
    scale_size: int
    note_size: int
    legend_size: int
    legend_row: int
    legend_left: int
    label_lines: int  # lines a label may take above or below the chart

    @property
    def legend_top(self) -> int:
        return self.cy + self.radius + self.label_gap + self.label_lines * self.line_height + 24


# The page's and the PDF's chart: axis labels in words around the rings.
_FULL = _Layout(
    width=720, cx=360, cy=240, radius=160, label_gap=18, line_height=14, label_size=12,
    scale_size=10, note_size=10, legend_size=12, legend_row=24, legend_left=230, label_lines=3,
)  # fmt: skip
# A phone's chart (under 768 px): 460 units drawn on about 330 pixels, so each text is set
# larger to read at 11 px or more; the axes carry their codes (A1…A8), listed in words under it.
_COMPACT = _Layout(
    width=460, cx=230, cy=200, radius=150, label_gap=14, line_height=26, label_size=24,
    scale_size=16, note_size=16, legend_size=18, legend_row=32, legend_left=10, label_lines=1,
)  # fmt: skip
_LABEL_CHARS = 24

_FONT_FAMILY = "DejaVu Sans, Arial, Helvetica, sans-serif"
_TEXT_COLOUR = "#1a1a1a"
_MUTED_COLOUR = "#4d4d4d"
_GRID_COLOUR = "#8c8c8c"
_NOT_SCORED = "non évalué"
_NOT_SCORED_NOTE = "(insuffisamment renseigné)"


@dataclass(frozen=True)
class _SeriesStyle:
    colour: str
    dasharray: str | None
    marker: str
    width: str


# Colours all have at least 4.5:1 contrast on white; the line style and the marker carry the
# distinction on their own.
_STYLES = (
    _SeriesStyle("#1f4e79", None, "circle", "2.5"),
    _SeriesStyle("#b35900", "8 5", "square", "2"),
    _SeriesStyle("#4d4d4d", "2 4", "triangle", "2"),
    # Past three, for the health check's parties: still a dash pattern and marker apiece.
    _SeriesStyle("#1b5e20", "12 4 2 4", "circle", "2"),
    _SeriesStyle("#6a1b9a", "1 3", "square", "2.5"),
    _SeriesStyle("#8b1a1a", "6 3", "triangle", "2"),
)


@dataclass(frozen=True)
class RadarSeries:
    """One line of the chart: a label for the legend and one value per axis (None: not drawn)."""

    label: str
    values: tuple[Decimal | None, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(self.values))


def radar_svg(
    axis_labels: Sequence[str],
    series: Sequence[RadarSeries],
    *,
    title: str,
    description: str,
    id_prefix: str = "radar",
    axis_codes: Sequence[str] | None = None,
    main: bool = True,
) -> str:
    """The chart as an <svg> element on a 1–5 scale, its values listed in <desc>.

    The first series is the main one (« Ce diagnostic »): it is filled, and axes where it has no
    value get the note « insuffisamment renseigné » under their label. Pass a distinct `id_prefix`
    for each chart of a page, as ids must be unique in a document.

    With `axis_codes` (one short code per axis, « A1 »), the chart is the compact one of a phone's
    screen: each axis carries its code in large type, and the page lists the codes in words.

    With `main=False` no series stands out (the health check's parties, side by side): none
    is filled and no axis gets the note.
    """
    _check(axis_labels, series, id_prefix)
    if axis_codes is not None and len(axis_codes) != len(axis_labels):
        raise ValueError("A compact chart needs one code per axis.")
    layout = _FULL if axis_codes is None else _COMPACT
    title_id = f"{id_prefix}-title"
    desc_id = f"{id_prefix}-desc"
    height = layout.legend_top + len(series) * layout.legend_row + 8
    main_values = series[0].values if series and main else None
    full_description = _full_description(description, axis_labels, series)
    css_class = "radar-chart" if axis_codes is None else "radar-chart radar-chart-compact"

    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {layout.width} {height}"'
            f' width="100%" role="img" aria-labelledby="{title_id} {desc_id}" id="{id_prefix}"'
            f' font-family="{_FONT_FAMILY}" class="{css_class}">'
        ),
        f'<title id="{title_id}">{_escape(title)}</title>',
        f'<desc id="{desc_id}">{_escape(full_description)}</desc>',
        _grid(layout, len(axis_labels)),
        _axis_labels(layout, axis_codes or axis_labels, main_values, wrap=axis_codes is None),
    ]
    for index, one_series in enumerate(series):
        parts.append(_series(layout, index, one_series, filled=main))
    parts.append(_legend(layout, series))
    parts.append("</svg>")
    return "\n".join(parts)


def _check(axis_labels: Sequence[str], series: Sequence[RadarSeries], id_prefix: str) -> None:
    if len(axis_labels) < 3:
        raise ValueError("A radar chart needs at least 3 axes.")
    if len(series) > MAX_SERIES:
        raise ValueError(f"A radar chart shows at most {MAX_SERIES} series.")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", id_prefix):
        raise ValueError(f"{id_prefix!r} is not a valid id prefix.")
    for one_series in series:
        if len(one_series.values) != len(axis_labels):
            raise ValueError(f"Series {one_series.label!r} needs one value per axis.")
        for value in one_series.values:
            if value is not None and not SCALE_MIN <= value <= SCALE_MAX:
                raise ValueError(f"Series {one_series.label!r}: {value} is not within 1–5.")


# --- Text ----------------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _french_decimal(value: Decimal | None) -> str:
    if value is None:
        return _NOT_SCORED
    return str(one_decimal(value)).replace(".", ",")


def _full_description(
    description: str, axis_labels: Sequence[str], series: Sequence[RadarSeries]
) -> str:
    """The caller's description, then every value in words, for screen readers."""
    sentences = [description.strip()] if description.strip() else []
    for one_series in series:
        values = " ; ".join(
            f"{label} : {_french_decimal(value)}"
            for label, value in zip(axis_labels, one_series.values, strict=True)
        )
        sentences.append(f"{one_series.label} — {values}.")
    sentences.append("Échelle de 1 à 5.")
    return " ".join(sentences)


def _wrap(label: str, width: int = _LABEL_CHARS) -> list[str]:
    """At most two lines, the second shortened with an ellipsis if need be."""
    words = label.split()
    first: list[str] = []
    while words and len(" ".join([*first, words[0]])) <= width:
        first.append(words.pop(0))
    if not first:  # a single word longer than the width
        first.append(words.pop(0))
    lines = [" ".join(first)]
    if words:
        rest = " ".join(words)
        if len(rest) > width:
            rest = rest[: width - 1].rstrip() + "…"
        lines.append(rest)
    return lines


# --- Geometry ------------------------------------------------------------------------------------


def _angle(index: int, count: int) -> float:
    """First axis straight up, then clockwise."""
    return -math.pi / 2 + 2 * math.pi * index / count


def _point(layout: _Layout, index: int, count: int, value: float) -> tuple[float, float]:
    radius = layout.radius * value / SCALE_MAX
    angle = _angle(index, count)
    return layout.cx + radius * math.cos(angle), layout.cy + radius * math.sin(angle)


def _fmt(number: float) -> str:
    text = f"{number:.1f}"
    return "0.0" if text == "-0.0" else text


def _points_attr(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in points)


# --- Drawing -------------------------------------------------------------------------------------


def _grid(layout: _Layout, count: int) -> str:
    parts = ['<g class="radar-grid" fill="none" stroke="' + _GRID_COLOUR + '">']
    for ring in range(SCALE_MIN, SCALE_MAX + 1):
        ring_points = [_point(layout, i, count, ring) for i in range(count)]
        width = "1" if ring == SCALE_MAX else "0.6"
        parts.append(f'<polygon points="{_points_attr(ring_points)}" stroke-width="{width}"/>')
    for i in range(count):
        x, y = _point(layout, i, count, SCALE_MAX)
        parts.append(
            f'<line x1="{layout.cx}" y1="{layout.cy}" x2="{_fmt(x)}" y2="{_fmt(y)}"'
            ' stroke-width="0.6"/>'
        )
    parts.append("</g>")
    # Each figure of the scale on a white patch left of the first axis, so that no ring or axis
    # line crosses it.
    size = layout.scale_size
    parts.append(
        f'<g class="radar-scale" font-size="{size}" fill="{_MUTED_COLOUR}" text-anchor="end">'
    )
    for ring in range(SCALE_MIN, SCALE_MAX + 1):
        _, y = _point(layout, 0, count, ring)
        patch = f'width="{_fmt(size * 0.9)}" height="{_fmt(size * 1.1)}"'
        parts.append(
            f'<rect x="{_fmt(layout.cx - size * 1.2)}" y="{_fmt(y + 2)}" {patch} fill="#ffffff"/>'
            f'<text x="{_fmt(layout.cx - size * 0.4)}" y="{_fmt(y + size * 1.1)}">{ring}</text>'
        )
    parts.append("</g>")
    return "\n".join(parts)


def _axis_labels(
    layout: _Layout,
    axis_labels: Sequence[str],
    main_values: Sequence[Decimal | None] | None,
    *,
    wrap: bool,
) -> str:
    count = len(axis_labels)
    parts = [f'<g class="radar-axis-labels" font-size="{layout.label_size}" fill="{_TEXT_COLOUR}">']
    for i, label in enumerate(axis_labels):
        angle = _angle(i, count)
        cos, sin = math.cos(angle), math.sin(angle)
        x = layout.cx + (layout.radius + layout.label_gap) * cos
        y = layout.cy + (layout.radius + layout.label_gap) * sin
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        lines = [(line, False) for line in (_wrap(label) if wrap else [label])]
        # The compact chart's list under it says which axes are not scored.
        if wrap and main_values is not None and main_values[i] is None:
            lines.append((_NOT_SCORED_NOTE, True))
        block = (len(lines) - 1) * layout.line_height
        if sin < -0.3:  # above the chart: the block ends on the label point
            first = y - block
        elif sin > 0.3:  # below the chart: the block starts under the label point
            first = y + layout.label_size * 5 / 6
        else:
            first = y - block / 2 + layout.label_size / 3
        parts.append(f'<text text-anchor="{anchor}">')
        for n, (line, is_note) in enumerate(lines):
            extra = f' font-size="{layout.note_size}" fill="{_MUTED_COLOUR}"' if is_note else ""
            parts.append(
                f'<tspan x="{_fmt(x)}" y="{_fmt(first + n * layout.line_height)}"{extra}>'
                f"{_escape(line)}</tspan>"
            )
        parts.append("</text>")
    parts.append("</g>")
    return "\n".join(parts)


def _series(layout: _Layout, index: int, series: RadarSeries, filled: bool = True) -> str:
    style = _STYLES[index]
    count = len(series.values)
    points = [
        _point(layout, i, count, float(value))
        for i, value in enumerate(series.values)
        if value is not None
    ]
    dash = f' stroke-dasharray="{style.dasharray}"' if style.dasharray else ""
    fill = f'fill="{style.colour}" fill-opacity="0.12"' if index == 0 and filled else 'fill="none"'
    parts = [f'<g class="radar-series" data-series="{index}">']
    line_attrs = (
        f'points="{_points_attr(points)}" {fill} stroke="{style.colour}"'
        f' stroke-width="{style.width}" stroke-linejoin="round"{dash}'
    )
    if len(points) >= 3:
        parts.append(f'<polygon class="radar-line" {line_attrs}/>')
    elif len(points) == 2:
        parts.append(f'<polyline class="radar-line" {line_attrs}/>')
    for x, y in points:
        parts.append(_marker(style, x, y))
    parts.append("</g>")
    return "\n".join(parts)


def _marker(style: _SeriesStyle, x: float, y: float) -> str:
    common = f'class="radar-marker" fill="{style.colour}" stroke="#ffffff" stroke-width="1"'
    if style.marker == "circle":
        return f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="4.5" {common}/>'
    if style.marker == "square":
        return f'<rect x="{_fmt(x - 4)}" y="{_fmt(y - 4)}" width="8" height="8" {common}/>'
    triangle = [(x, y - 5.5), (x + 5, y + 3.5), (x - 5, y + 3.5)]
    return f'<polygon points="{_points_attr(triangle)}" {common}/>'


def _legend(layout: _Layout, series: Sequence[RadarSeries]) -> str:
    left = layout.legend_left
    parts = [f'<g class="radar-legend" font-size="{layout.legend_size}" fill="{_TEXT_COLOUR}">']
    for index, one_series in enumerate(series):
        style = _STYLES[index]
        y = layout.legend_top + index * layout.legend_row
        dash = f' stroke-dasharray="{style.dasharray}"' if style.dasharray else ""
        parts.append(
            f'<line x1="{left}" y1="{y}" x2="{left + 44}" y2="{y}" stroke="{style.colour}"'
            f' stroke-width="{style.width}"{dash}/>'
        )
        parts.append(_marker(style, left + 22, y))
        parts.append(
            f'<text x="{left + 56}" y="{y + round(layout.legend_size / 3)}">'
            f"{_escape(one_series.label)}</text>"
        )
    parts.append("</g>")
    return "\n".join(parts)
