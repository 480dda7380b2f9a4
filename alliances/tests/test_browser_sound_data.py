"""In Chromium: a convention party named two ways or twice is refused next to its field, an early
« Échue » too; the economic model shows contributions in kind on both sides; and the alliance's
history shows the edits of its file, its SWOT and its parties. axe-core on every page."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from alliances.models import ConventionParty, ConventionStatus, Resource
from alliances.tests.factories import (
    AllianceFactory,
    AlliancePartnerFactory,
    ConventionFactory,
    PartnerFactory,
)
from core.tests.fixtures import assert_accessible, login

pytestmark = pytest.mark.browser


def _submit(page):
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").last.click()
    page.wait_for_load_state()


def test_an_editor_names_each_party_once_and_sees_every_edit_in_the_history(page, world):
    alliance = AllianceFactory(lead=world.association, title="Pôle support Nord")
    ville = AlliancePartnerFactory(
        alliance=alliance,
        partner=PartnerFactory(association=world.association, name="Ville de Lyon"),
    )
    convention = ConventionFactory(alliance=alliance, title="Convention du pôle")
    Resource.objects.create(
        alliance=alliance, kind="volunteers", description="Trésoriers", amount=Decimal("20600")
    )
    login(page, world.editor.email)

    # A party chosen as a member and as a partner at once is refused next to the field.
    page.goto(f"/alliances/{alliance.pk}/etapes/4/")
    page.get_by_role("link", name=re.compile("Ajouter une partie")).first.click()
    page.select_option("main [name=association]", label=world.association.name)
    page.select_option("main [name=partner]", label="Ville de Lyon")
    page.fill("main [name=commitments]", "Financer le poste mutualisé")
    _submit(page)
    feedback = page.locator("#id_partner").locator("xpath=..").locator(".invalid-feedback")
    expect(feedback).to_contain_text("une seule organisation")
    expect(page.locator("main [name=commitments]")).to_have_value("Financer le poste mutualisé")
    assert_accessible(page, "party form with an error")
    assert not ConventionParty.objects.exists()
    page.select_option("main [name=association]", index=0)
    _submit(page)
    expect(page).to_have_url(re.compile(r"/etapes/4/#conventions$"))
    expect(page.locator("#conventions")).to_contain_text("Ville de Lyon")
    assert ConventionParty.objects.get().partner_id == ville.pk

    # The same partner twice on the convention is refused too.
    page.goto(f"/alliances/{alliance.pk}/partie/ajouter/?convention={convention.pk}")
    page.select_option("main [name=partner]", label="Ville de Lyon")
    page.fill("main [name=commitments]", "Encore")
    _submit(page)
    expect(page.locator(".invalid-feedback")).to_contain_text("déjà partie à cette convention")
    assert ConventionParty.objects.count() == 1

    # « Échue » before the end date is refused, with what to choose instead.
    page.goto(f"/alliances/{alliance.pk}/convention/{convention.pk}/modifier/")
    page.select_option("main [name=status]", "expired")
    end = timezone.localdate() + dt.timedelta(days=90)
    page.fill("main [name=end_date]", end.isoformat())
    _submit(page)
    expect(page.locator(".invalid-feedback")).to_contain_text("Résiliée")
    assert_accessible(page, "convention form with an error")
    convention.refresh_from_db()
    assert convention.status == ConventionStatus.DRAFT

    # The economic model: in kind on both sides, the balance is money only.
    page.goto(f"/alliances/{alliance.pk}/modele-economique/")
    budget = page.locator("table.fa-budget")
    expect(budget).to_contain_text("Contributions volontaires en nature (compte 87)")
    expect(budget).to_contain_text("Emplois des contributions volontaires en nature (compte 86)")
    expect(budget.locator("tfoot")).to_contain_text("0,00")
    assert_accessible(page, "economic model")

    # Step 1's needs and a SWOT item, then the history shows them.
    page.goto(f"/alliances/{alliance.pk}/etapes/1/")
    page.fill("main [name=strategic_priorities]", "Mutualiser la paie")
    with page.expect_navigation():
        page.locator("main form[method=post]").filter(
            has=page.locator("[name=strategic_priorities]")
        ).locator("button[type=submit]").click()
    page.goto(f"/alliances/{alliance.pk}/moff/ajouter/")
    page.select_option("main [name=quadrant]", "strength")
    page.fill("main [name=text]", "Expertise comptable")
    _submit(page)
    page.goto(f"/alliances/{alliance.pk}/historique/")
    history = page.get_by_role("table")
    expect(history).to_contain_text("Étape 1 · Diagnostic interne")
    expect(history).to_contain_text("Mutualiser la paie")
    expect(history).to_contain_text("Élément de la matrice MOFF « Expertise comptable »")
    expect(history).to_contain_text("Partie « Ville de Lyon »")
    assert_accessible(page, "history")
