"""Tests of the server-side SVG radar chart."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from diagnostics.radar import RadarSeries, radar_svg

SVG = "{http://www.w3.org/2000/svg}"
D = Decimal
LABELS = [
    "A1 · Vision et stratégie partenariale",
    "A2 · Connaissance de l'écosystème",
    "A3 · Diversité des alliances",
    "A4 · Gouvernance et pilotage",
    "A5 · Moyens et compétences",
    "A6 · Formalisation des engagements",
    "A7 · Co-construction et innovation",
    "A8 · Évaluation et valorisation",
]
CURRENT = RadarSeries(
    "Ce diagnostic", [D("3.4"), D("2.2"), None, D("4.1"), D("3"), D("2.65"), D(4), D(5)]
)
PREVIOUS = RadarSeries("Diagnostic précédent", [D("2.8")] * 8)
MEDIAN = RadarSeries("Médiane du réseau", [D("3.1"), None, D("3.2"), D(3), D(1), D(3), D(3), D(3)])


def chart(series=(CURRENT, PREVIOUS, MEDIAN), **kwargs):
    options = {"title": "Profil partenarial", "description": "Scores par axe, de 1 à 5."}
    options.update(kwargs)
    return radar_svg(LABELS, list(series), **options)


def series_groups(root):
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == "radar-series"]


def series_line(group):
    lines = [
        element
        for element in group
        if element.tag in (f"{SVG}polygon", f"{SVG}polyline")
        and element.get("class") == "radar-line"
    ]
    assert len(lines) <= 1
    return lines[0] if lines else None


def test_the_chart_parses_as_svg_with_a_viewbox_and_a_fluid_width():
    root = ET.fromstring(chart())
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox").startswith("0 0 ")
    assert root.get("width") == "100%"


def test_three_series_draw_three_lines():
    root = ET.fromstring(chart())
    groups = series_groups(root)
    assert len(groups) == 3
    assert all(series_line(group) is not None for group in groups)


def test_a_missing_value_is_skipped_and_the_line_joins_the_remaining_points():
    root = ET.fromstring(chart())
    current, previous, median = (series_line(group) for group in series_groups(root))
    assert len(current.get("points").split()) == 7
    assert len(previous.get("points").split()) == 8
    assert len(median.get("points").split()) == 7
    markers = [e for e in series_groups(root)[0] if e.get("class") == "radar-marker"]
    assert len(markers) == 7


def test_a_series_with_two_values_is_a_line_and_with_one_only_a_marker():
    two = RadarSeries("Deux", [D(3), D(4)] + [None] * 6)
    one = RadarSeries("Un", [D(3)] + [None] * 7)
    root = ET.fromstring(chart(series=[two, one]))
    first, second = series_groups(root)
    assert series_line(first).tag == f"{SVG}polyline"
    assert series_line(second) is None
    assert len([e for e in second if e.get("class") == "radar-marker"]) == 1


def test_each_series_has_its_own_line_style_and_marker_shape():
    root = ET.fromstring(chart())
    dashes, shapes = [], []
    for group in series_groups(root):
        dashes.append(series_line(group).get("stroke-dasharray"))
        marker = next(e for e in group if e.get("class") == "radar-marker")
        shapes.append(marker.tag)
    assert len(set(dashes)) == 3
    assert shapes == [f"{SVG}circle", f"{SVG}rect", f"{SVG}polygon"]


def test_the_legend_shows_each_series_label_with_its_line_and_marker():
    root = ET.fromstring(chart())
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "radar-legend")
    texts = [t.text for t in legend.iter(f"{SVG}text")]
    assert texts == ["Ce diagnostic", "Diagnostic précédent", "Médiane du réseau"]
    assert len(list(legend.iter(f"{SVG}line"))) == 3
    assert len([e for e in legend if e.get("class") == "radar-marker"]) == 3


def test_the_grid_has_five_rings_labelled_1_to_5():
    root = ET.fromstring(chart())
    grid = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "radar-grid")
    assert len(list(grid.iter(f"{SVG}polygon"))) == 5
    scale = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "radar-scale")
    assert [t.text for t in scale.iter(f"{SVG}text")] == ["1", "2", "3", "4", "5"]


def test_long_axis_labels_are_wrapped_on_two_lines():
    root = ET.fromstring(chart())
    labels = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "radar-axis-labels")
    first = next(labels.iter(f"{SVG}text"))
    assert [span.text for span in first] == ["A1 · Vision et stratégie", "partenariale"]


def test_an_axis_without_a_main_score_says_it_is_insufficiently_answered():
    svg = chart()
    assert svg.count("(insuffisamment renseigné)") == 1


def test_the_chart_is_an_image_labelled_by_its_title_and_description():
    root = ET.fromstring(chart(id_prefix="radar-2026"))
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title.text == "Profil partenarial"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.get("id").startswith("radar-2026")


def test_the_description_lists_the_values_with_a_decimal_comma():
    desc = ET.fromstring(chart()).find(f"{SVG}desc").text
    assert desc.startswith("Scores par axe, de 1 à 5.")
    assert "Ce diagnostic — A1 · Vision et stratégie partenariale : 3,4 ;" in desc
    assert "A3 · Diversité des alliances : non évalué" in desc
    assert "A6 · Formalisation des engagements : 2,7" in desc  # 2.65 rounds half up
    assert "A5 · Moyens et compétences : 3,0" in desc
    assert "Médiane du réseau — " in desc
    assert "3.4" not in desc


def test_text_is_escaped():
    nasty = '<script>alert("x")</script> & co'
    svg = radar_svg(
        [nasty, "B", "C"],
        [RadarSeries(nasty, [D(1), D(2), D(3)])],
        title=nasty,
        description=nasty,
    )
    assert "<script>" not in svg
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == nasty
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "radar-legend")
    assert next(legend.iter(f"{SVG}text")).text == nasty


def test_there_is_no_inline_style():
    svg = chart()
    assert "style=" not in svg
    assert "<style" not in svg
    for element in ET.fromstring(svg).iter():
        assert "style" not in element.attrib


def test_two_charts_with_different_prefixes_share_no_id():
    def ids(svg):
        return {e.get("id") for e in ET.fromstring(svg).iter() if e.get("id")}

    assert ids(chart(id_prefix="radar-a")).isdisjoint(ids(chart(id_prefix="radar-b")))


def test_no_series_draws_an_empty_grid():
    root = ET.fromstring(chart(series=[]))
    assert series_groups(root) == []
    assert "insuffisamment" not in ET.tostring(root, encoding="unicode")


@pytest.mark.parametrize(
    ("labels", "series", "id_prefix"),
    [
        (LABELS[:2], [], "radar"),
        (LABELS, [CURRENT, PREVIOUS, MEDIAN] * 2 + [CURRENT], "radar"),
        (LABELS, [RadarSeries("Court", [D(3)] * 7)], "radar"),
        (LABELS, [RadarSeries("Hors échelle", [D(6)] * 8)], "radar"),
        (LABELS, [], 'x" onload="alert(1)'),
    ],
)
def test_invalid_input_is_refused(labels, series, id_prefix):
    with pytest.raises(ValueError):
        radar_svg(labels, series, title="t", description="d", id_prefix=id_prefix)


CODES = [f"A{n}" for n in range(1, 9)]


def group(root, name):
    return next(g for g in root.iter(f"{SVG}g") if g.get("class") == name)


def test_the_compact_chart_carries_the_axes_codes_in_type_that_reads_on_a_phone():
    # Given the compact chart, drawn on about 330 px of a 390 px phone
    root = ET.fromstring(chart(axis_codes=CODES, id_prefix="radar-compact"))
    width = float(root.get("viewBox").split()[2])
    scale = 330 / width

    # Then each axis carries its code alone, and every text reads at 11 px or more
    labels = group(root, "radar-axis-labels")
    assert ["".join(t.itertext()).strip() for t in labels.iter(f"{SVG}text")] == CODES
    for name in ("radar-axis-labels", "radar-scale", "radar-legend"):
        assert float(group(root, name).get("font-size")) * scale >= 11, name
    assert "radar-chart-compact" in root.get("class")
    # The description still names every axis in words and gives every value.
    assert "A1 · Vision et stratégie partenariale : 3,4" in root.find(f"{SVG}desc").text


def test_the_compact_chart_needs_one_code_per_axis():
    with pytest.raises(ValueError):
        chart(axis_codes=CODES[:3])
