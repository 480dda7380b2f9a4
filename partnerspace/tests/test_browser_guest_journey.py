"""In Chromium: the lead's admin invites a partner's contact; the contact follows the e-mail's
link, creates an account with its consent, lands on the shared space and enters a measurement;
the association sees it. axe-core on every page (and the Nu HTML Checker on every answer)."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from alliances.tests.factories import AllianceFactory, AlliancePartnerFactory, PartnerFactory
from core.tests.fixtures import assert_accessible, login, logout
from evaluation.models import IndicatorContribution, Measurement
from evaluation.tests.factories import IndicatorFactory

pytestmark = pytest.mark.browser


def test_a_partners_contact_goes_from_the_emails_link_to_a_measurement_the_association_sees(
    page, world
):
    alliance = AllianceFactory(lead=world.association, title="Pôle mutualisé")
    link = AlliancePartnerFactory(
        alliance=alliance,
        partner=PartnerFactory(association=world.association, name="Crédit Coopératif"),
        role="Mécène de compétences",
    )
    indicator = IndicatorFactory(
        alliance=alliance,
        name="Bénévoles formés",
        unit="personnes",
        direction="increase",
        baseline=0,
        target=40,
    )
    IndicatorContribution.objects.create(
        indicator=indicator, partner=link, date="2026-09-30", value=4
    )

    # The lead's admin invites the partner's contact
    login(page, world.assoc_admin.email)
    page.goto(f"/alliances/{alliance.pk}/espace-partenaires/")
    assert_accessible(page, "the association's partners' space")
    page.locator("#id_partner").select_option(str(link.pk))
    page.locator("#id_email").fill("lucie@credit-cooperatif.example")
    page.locator("#id_role").select_option("contributor")
    page.locator("main form[action$='/inviter/'] button[type=submit]").click()
    expect(page.get_by_text("lucie@credit-cooperatif.example").first).to_be_visible()
    logout(page)

    # The contact follows the e-mail's link, creates an account and consents
    [message] = [m for m in mail.outbox if m.to == ["lucie@credit-cooperatif.example"]]
    assert "Pôle mutualisé" in message.body
    url = next(word for word in message.body.split() if "/espace-partenaires/invitation/" in word)
    page.goto(urlsplit(url).path)
    assert_accessible(page, "accepting the invitation")
    page.locator("#id_first_name").fill("Lucie")
    page.locator("#id_last_name").fill("Moreau")
    page.locator("#id_password1").fill("un-mot-de-passe-solide-42")
    page.locator("#id_password2").fill("un-mot-de-passe-solide-42")
    page.locator("main form button[type=submit]").first.click()
    # Without consent, nothing is created and what was typed stays
    expect(page.locator("#id_first_name")).to_have_value("Lucie")
    page.locator("#id_consent").check()
    page.locator("#id_password1").fill("un-mot-de-passe-solide-42")
    page.locator("#id_password2").fill("un-mot-de-passe-solide-42")
    page.locator("main form button[type=submit]").first.click()

    # … and lands on the alliance's shared space
    expect(page).to_have_url(re.compile(rf"/espace-partenaires/{alliance.pk}/$"))
    expect(page.get_by_text("Crédit Coopératif").first).to_be_visible()
    assert_accessible(page, "the guest's shared space")

    # The guest enters its organisation's measurement
    page.goto(f"/espace-partenaires/{alliance.pk}/indicateurs/")
    assert_accessible(page, "the guest's indicators")
    page.locator(f"a[href$='/indicateurs/{indicator.pk}/mesure/']").click()
    assert_accessible(page, "the guest's measurement form")
    day = timezone.localdate() - dt.timedelta(days=2)
    page.locator("#id_date").fill(day.isoformat())
    page.locator("#id_value").fill("12")
    page.locator("#id_source").fill("Feuilles d'émargement")
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/indicateurs/$"))
    measurement = Measurement.objects.get(indicator=indicator)
    assert measurement.value == 12
    # The association's pages are not there for the guest
    response = page.goto(f"/alliances/{alliance.pk}/")
    assert response.status == 404
    logout(page)

    # The association sees the measurement, by whom and for which organisation
    login(page, world.editor.email)
    page.goto(f"/evaluation/alliances/{alliance.pk}/indicateurs/{indicator.pk}/")
    expect(page.locator("main")).to_contain_text("Lucie Moreau")
    page.goto(f"/alliances/{alliance.pk}/espace-partenaires/")
    expect(page.locator("main")).to_contain_text("Lucie Moreau (Crédit Coopératif)")
    assert_accessible(page, "the association sees the partner's activity")
