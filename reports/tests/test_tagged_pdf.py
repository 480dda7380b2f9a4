"""Every report kind is written as tagged PDF/UA-1 (RGAA 13.3): read back, each PDF is tagged,
in French, its headings go down one level at a time, its tables have header cells and each of
its figures has an alternative text."""

import pytest

from agreements.tests.factories import accepted_version
from alliances.tests.dossier_data import dossier_alliance
from diagnostics.tests.factories import finished_campaign
from evaluation.tests.factories import StrategicObjectiveFactory, VisionFactory
from evaluation.tests.test_report import build_alliance
from healthchecks.tests.factories import finished_health_check
from networks.tests.test_network_dashboard import _members
from organisations.tests.factories import AssociationFactory, NetworkFactory
from reports.kinds import get_kind
from reports.rendering import html_to_pdf, render_html, report_context

from .pdf_structure import read_structure

pytestmark = pytest.mark.django_db


def _pdf(code, subject):
    kind = get_kind(code)
    subject = kind.get_subject(subject.pk)
    return html_to_pdf(render_html(kind.template, report_context(kind, subject, None)))


def _subject(code):
    if code == "diagnostic":
        return finished_campaign(AssociationFactory(name="Solidarité Quartier Nord"), 3)
    if code == "evaluation":
        return build_alliance(2)
    if code == "convention_version":
        return accepted_version()
    if code == "health_check":
        return finished_health_check()
    if code == "network":
        network = NetworkFactory(name="Union régionale des associations solidaires")
        _members(network, 6)
        return network
    alliance = dossier_alliance()
    VisionFactory(alliance=alliance)
    StrategicObjectiveFactory(alliance=alliance, priority=1)
    return alliance


@pytest.mark.parametrize(
    ("code", "charts"),
    [
        ("diagnostic", 1),
        ("evaluation", 2),
        ("network", 2),
        ("dossier", 0),
        ("convention_version", 0),
        ("health_check", 1),
    ],
)
def test_every_report_kind_is_a_tagged_pdf_with_its_structure(code, charts):
    structure = read_structure(_pdf(code, _subject(code)))

    assert structure.tagged, code
    assert structure.lang == "fr"
    assert structure.title  # the document's title, shown instead of its file name
    assert structure.headings[0] == 1  # the cover's title
    assert structure.headings.count(1) == 1
    assert len(structure.headings) > 3
    assert structure.heading_jumps() == []  # no level skipped on the way down
    assert structure.tables and all(header_cells > 0 for header_cells in structure.tables)
    assert len([alt for alt in structure.figures if alt]) >= charts
    assert all(alt and alt.strip() for alt in structure.figures), structure.figures


def test_an_untagged_pdf_fails_the_structure_check():
    """The check reads what the variant writes: without it, nothing is tagged."""
    kind = get_kind("network")
    network = _subject("network")
    html = render_html(kind.template, report_context(kind, network, None))

    structure = read_structure(html_to_pdf(html, variant=None))

    assert not structure.tagged
    assert structure.headings == []
