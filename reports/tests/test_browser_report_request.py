"""« Générer le PDF » in Chromium, in the default set-up (no broker: the web process renders the
report in its thread): the button is disabled with a spinner at once, a double click asks for one
report only, and the report becomes downloadable while the page polls it."""

import pytest
from playwright.sync_api import expect

from core.tests.fixtures import assert_accessible, login
from diagnostics.tests.factories import finished_campaign
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory
from reports.models import Report

pytestmark = pytest.mark.browser


def test_the_pdf_button_waits_with_a_spinner_until_the_report_is_ready(page, settings):
    settings.REPORTS_RENDER_IN_THREAD = True
    association = AssociationFactory(name="Les Amis du Quartier")
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    campaign = finished_campaign(association, 3)

    login(page, admin.email)
    page.goto(f"/autodiagnostic/campagnes/{campaign.pk}/")
    panel = page.locator("[data-report-panel]")
    button = panel.get_by_role("button", name="Générer le rapport PDF")
    expect(button).to_be_enabled()

    # Users clicked twice while nothing seemed to happen: the second click finds the button
    # disabled, its spinner turning.
    button.dblclick()
    busy = panel.get_by_role("button", name="Rapport en préparation…")
    expect(busy).to_be_disabled()
    expect(busy.locator(".spinner-border")).to_be_visible()
    expect(panel.locator("[data-report-pending]")).to_have_count(1)
    assert_accessible(page, "report being prepared")

    download = panel.get_by_role("link", name="Télécharger le PDF")
    expect(download).to_be_visible(timeout=60_000)
    expect(panel.get_by_role("button", name="Générer le rapport PDF")).to_be_enabled()
    assert Report.objects.filter(object_id=campaign.pk, kind="diagnostic").count() == 1
    with page.expect_download() as info:
        download.click()
    with open(info.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
