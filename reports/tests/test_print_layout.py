"""What every PDF report looks like once WeasyPrint has laid it out: no heading left alone at the
foot of a page, cover figures that do not overlap, the network report's charts, chart labels
clear of their axis."""

import datetime as dt
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.template.loader import get_template, render_to_string
from django.utils import translation

from diagnostics.tests.factories import finished_campaign
from evaluation.charts import build
from evaluation.tests.test_report import build_alliance
from healthchecks.tests.factories import finished_health_check
from networks.tests.test_network_dashboard import _members
from organisations.tests.factories import AssociationFactory, NetworkFactory
from reports.kinds import get_kind
from reports.rendering import render_html

from .pdf_layout import block_boxes, boxes_past_the_right_margin, orphan_headings

pytestmark = pytest.mark.django_db


def _report_html(code, subject):
    kind = get_kind(code)
    subject = kind.get_subject(subject.pk)
    return render_html(kind.template, {**kind.build_context(subject), "report": None})


@pytest.fixture
def network():
    network = NetworkFactory(name="Union régionale des associations solidaires")
    _members(network, 6)
    return network


@pytest.fixture
def reports_html(network):
    campaign = finished_campaign(AssociationFactory(name="Solidarité Quartier Nord"), 3)
    return {
        "diagnostic": _report_html("diagnostic", campaign),
        "evaluation": _report_html("evaluation", build_alliance(3)),
        "network": _report_html("network", network),
    }


def test_no_report_leaves_a_heading_at_the_foot_of_a_page(reports_html):
    for code, html in reports_html.items():
        assert orphan_headings(html) == [], code


# What follows a heading in the reports' templates.
FOLLOWERS = {
    "a paragraph": "<p>Texte qui suit le titre, sur plusieurs lignes de la page.</p>",
    "a table": "<table><thead><tr><th>Axe</th><th class='num'>Score</th></tr></thead><tbody>"
    + "<tr><td>Vision</td><td class='num'>3,4</td></tr>" * 6
    + "</tbody></table>",
    "a key figure": "<div class='keyfigure'><div class='score'>3,4</div>"
    "<div class='level'>Niveau 3</div></div>",
    "key figures": "<div class='keyfigures'><div><strong>2</strong>objectifs</div>"
    "<div><strong>3</strong>indicateurs</div><div><strong>1</strong>à surveiller</div>"
    "<div><strong>4</strong>partenaires</div></div>",
    "a boxed text": "<div class='box'><p>Une conclusion encadrée.</p></div>",
    "a chart": "<figure class='chart'><svg viewBox='0 0 680 300' width='100%'>"
    "<rect width='680' height='300' fill='#dbe7f3'/></svg></figure>",
    "a note and a table": "<p class='note'>Une note.</p><table><tbody>"
    + "<tr><td>Ligne</td></tr>" * 6
    + "</tbody></table>",
}


def _print_stylesheet(template):
    """The <style> of a report template as it renders (evaluation.html has its own)."""
    source = get_template(template).template.source
    style = re.search(r"<style>.*?</style>", source, re.S).group(0)
    return Template("{% load i18n %}" + style).render(Context())


@pytest.mark.parametrize("template", ["reports/base_print.html", "reports/evaluation.html"])
def test_with_either_print_stylesheet_a_heading_goes_to_the_next_page_with_what_follows(
    template,
):
    """Each heading level followed by each kind of block the reports use, pushed down 3 mm at a
    time across the foot of a page (one case a page): the heading never stays alone there."""
    cases = [
        f"<section style='break-before: page'><div style='height: {down}mm'></div>"
        f"<{heading}>{heading} · {name} · {down}</{heading}>{follower}</section>"
        for heading in ("h2", "h3")
        for name, follower in FOLLOWERS.items()
        for down in range(205, 256, 3)
    ]
    html = (
        f"<html lang='fr'><head><meta charset='utf-8'>{_print_stylesheet(template)}</head>"
        f"<body>{''.join(cases)}</body></html>"
    )
    assert orphan_headings(html) == []


def test_the_cover_figures_never_overlap_even_on_two_lines(network):
    html = _report_html("network", network)
    # A label long enough to wrap, as « Avec des résultats d'autodiagnostic » did.
    html = html.replace("<dt>", "<dt>Un libellé bien plus long que la colonne prévue pour lui ", 1)
    labels = block_boxes(html, "dt", page=1)
    figures = block_boxes(html, "dd", page=1)
    assert len(labels) == len(figures) == 3
    rows = sorted(labels)
    for (top, height), (next_top, _next_height) in zip(rows, rows[1:], strict=False):
        assert top + height <= next_top + 0.01, rows
    for (label_top, label_height), (figure_top, _h) in zip(labels, figures, strict=True):
        assert label_top <= figure_top < label_top + label_height


def test_the_network_report_draws_the_charts_of_the_network_picture(client, network):
    from organisations.tests.factories import NetworkHeadFactory

    head = NetworkHeadFactory(network=network).user
    client.force_login(head)
    page = client.get(f"/reseaux/{network.pk}/portrait/").content.decode()
    report = _report_html("network", network)
    for chart in ("axes-svg-title", "levels-svg-title"):
        page_svg = re.search(rf'<svg role="img" aria-labelledby="{chart}".*?</svg>', page, re.S)
        report_svg = re.search(rf'<svg role="img" aria-labelledby="{chart}".*?</svg>', report, re.S)
        assert page_svg and report_svg, chart
        assert page_svg.group(0) == report_svg.group(0)
    assert report.count('fill="#dbe7f3"') == 8  # one box per axis


def test_the_indicator_chart_writes_its_unit_above_the_axis_labels():
    measurements = [
        SimpleNamespace(date=dt.date(2026, month, 15), value=Decimal(value))
        for month, value in ((2, 2), (5, 5), (8, 7), (11, 9))
    ]
    chart = build(
        measurements=measurements,
        baseline=Decimal(0),
        baseline_date=dt.date(2025, 12, 1),
        target=Decimal(10),
        target_date=dt.date(2026, 12, 31),
    )
    indicator = SimpleNamespace(pk=1, name="Comités de pilotage tenus", unit="réunions")
    with translation.override("fr"):
        html = render_to_string("evaluation/_chart.html", {"chart": chart, "indicator": indicator})
    svg = ET.fromstring(re.search(r"<svg.*?</svg>", html, re.S).group(0))
    texts = [(e.text or "", e.attrib) for e in svg.iter() if e.tag.endswith("}text")]
    font = float(svg.attrib["font-size"])
    [unit] = [attrs for text, attrs in texts if text == "réunions"]
    values = [float(a["y"]) for _t, a in texts if a.get("dominant-baseline") == "middle"]
    assert len(values) >= 3
    # The unit's baseline is above the top of the highest value label, with a margin…
    assert float(unit["y"]) <= min(values) - font / 2 - 2
    # … and it starts right of the value labels, which end left of the axis.
    assert unit["text-anchor"] == "start" and float(unit["x"]) >= chart.left


def test_the_health_check_scores_stay_on_the_page_whatever_the_parties_names():
    # A column a party, its name in the header: long names pushed the last column off the page.
    health_check = finished_health_check(
        names=(
            "Association solidaire des quartiers nord de Lyon",
            "Les Jardins partagés de Villeurbanne et de Vaulx-en-Velin",
            "Crédit Coopératif, agence Lyon Part-Dieu",
        )
    )

    html = _report_html("health_check", health_check)

    assert "Les Jardins partagés de Villeurbanne et de Vaulx-en-Velin" in html
    assert boxes_past_the_right_margin(html) == []
