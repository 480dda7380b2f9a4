"""In Chromium: each report kind's web page (keyboard, axe-core), and a share link opened in a
private browser context, counted for its owner, then revoked."""

import pytest
from django.contrib.contenttypes.models import ContentType
from playwright.sync_api import expect

from alliances.tests.dossier_data import dossier_alliance
from core.tests.fixtures import assert_accessible, login, record_markup
from diagnostics.tests.factories import finished_campaign
from evaluation.tests.test_report import build_alliance
from networks.tests.test_network_dashboard import _members
from organisations.models import Role
from organisations.tests.factories import (
    AssociationFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkHeadFactory,
)
from reports.models import Report
from reports.tasks import render_report

pytestmark = pytest.mark.browser


def _rendered(code, subject, user):
    """A report made by the pipeline's task, as the button makes it."""
    report = Report.objects.create(
        kind=code,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        requested_by=user,
        title=code,
    )
    render_report(report.pk)
    report.refresh_from_db()
    assert report.status == Report.Status.READY, report.error_message
    return report


def test_every_report_kind_reads_as_a_web_page_by_keyboard_without_axe_violations(page):
    association = AssociationFactory(name="Les Amis du Quartier")
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    network = NetworkFactory(name="Union régionale des associations solidaires")
    _members(network, 6)
    head = NetworkHeadFactory(network=network).user
    evaluated = build_alliance(2)
    evaluated.lead = association
    evaluated.save()
    reports = [
        (admin, _rendered("diagnostic", finished_campaign(association, 3), admin)),
        (admin, _rendered("evaluation", evaluated, admin)),
        (admin, _rendered("dossier", dossier_alliance(lead=association), admin)),
        (head, _rendered("network", network, head)),
    ]

    for user, report in reports:
        page.context.clear_cookies()
        login(page, user.email)
        page.goto(f"/rapports/{report.pk}/page/")
        expect(page.locator("h1")).to_have_count(1)
        # The keyboard's first stop skips to the report, the next ones are the bar's links.
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name="Aller au rapport")).to_be_focused()
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name="Retour aux rapports")).to_be_focused()
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name="Télécharger le PDF")).to_be_focused()
        assert_accessible(page, report.kind)
        # On a phone, the page never gets wider than the screen (a wide table scrolls in its box).
        page.set_viewport_size({"width": 390, "height": 844})
        page.reload()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, report.kind
        assert_accessible(page, f"{report.kind} on a phone")
        page.set_viewport_size({"width": 1280, "height": 900})


def test_a_share_link_opens_in_a_private_window_is_counted_then_revoked(
    page, browser, served_markup
):
    association = AssociationFactory(name="Les Amis du Quartier")
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    alliance = dossier_alliance(lead=association, created_by=admin)
    report = _rendered("dossier", alliance, admin)

    # The owner finds the share links from the dossier's place, step 2.
    login(page, admin.email)
    page.goto(f"/alliances/{alliance.pk}/etapes/2/")
    page.get_by_role("link", name="Partager").first.click()
    page.get_by_label("Valable").select_option("7")
    page.get_by_role("button", name="Créer le lien").click()
    expect(page.get_by_text("Le lien de partage est créé")).to_be_visible()
    assert_accessible(page, "share links")
    url = page.locator("[data-share-url]").first.input_value()
    assert report.data_as_of

    # Someone without an account, in a private window, opens it.
    private = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    try:
        visitor = private.new_page()
        visitor.on("response", record_markup(served_markup, "share link"))
        answer = visitor.goto(url)
        assert answer.status == 200
        expect(visitor.locator("h1")).to_have_text("Pôle mutualisé Nord")
        expect(visitor.get_by_text(f"données au {report.data_as_of:%d/%m/%Y}")).to_be_visible()
        expect(visitor.get_by_role("link", name="Retour aux rapports")).to_have_count(0)
        assert_accessible(visitor, "shared report")

        # Its owner sees the opening, then revokes the link.
        page.reload()
        expect(page.locator("tbody tr").first.locator("td").nth(2)).to_have_text("1")
        page.get_by_role("button", name="Révoquer").first.click()
        expect(page.get_by_text("révoqué").first).to_be_visible()

        assert visitor.goto(url).status == 404
    finally:
        private.close()
