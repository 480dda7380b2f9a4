"""In Chromium: a sign-up and a partner filled from their SIREN (recorded answers of the API
Recherche d'entreprises on a local server), and a messy spreadsheet imported into the partner
directory through its upload, columns, dry run and import. axe-core on every step."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from alliances.models import ActorType, Partner
from alliances.tests.factories import PartnerFactory
from core.tests.fixtures import assert_accessible, login
from organisations.models import Association

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_sign_up_filled_from_the_siren(page, identity_api):
    page.goto("/inscription/")
    page.fill("#identity-number", "775 671 464")

    expect(page.locator("#id_association-name")).to_have_value("SOLIDARITES LYON NORD (SLN)")
    expect(page.locator("#id_association-rna")).to_have_value("W691234567")
    expect(page.locator("#id_association-city")).to_have_value("LYON")
    expect(page.locator("#id_association-department")).to_have_value("69")
    expect(page.locator("#div_id_association-name [data-identity-source]")).to_contain_text(
        "API Recherche d'entreprises"
    )
    assert_accessible(page, "sign-up filled from a SIREN")

    page.fill("[name=first_name]", "Camille")
    page.fill("[name=last_name]", "Martin")
    page.fill("[name=email]", "camille@example.org")
    page.fill("[name=password1]", "une-phrase-de-passe-2026")
    page.fill("[name=password2]", "une-phrase-de-passe-2026")
    page.select_option("[name=association-sector]", index=1)
    page.select_option("[name=association-budget_band]", index=1)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    association = Association.objects.get(siren="775671464")
    assert association.name == "SOLIDARITES LYON NORD (SLN)"
    assert (association.postal_code, association.department) == ("69004", "69")
    assert "DUPONTEL" not in str(Association.objects.values().get(pk=association.pk)).upper()


def test_a_partner_filled_from_its_siret_and_flagged_closed(page, world, identity_api):
    login(page, world.editor.email)
    page.goto(f"/partenaires/association/{world.association.pk}/nouveau/")
    page.fill("#identity-number", "775 671 464 00029")

    expect(page.locator("#id_name")).to_have_value("SOLIDARITES LYON NORD (SLN)")
    expect(page.locator("#id_actor_type")).to_have_value("association")
    expect(page.locator("#id_postal_code")).to_have_value("69003")
    expect(page.locator("#id_is_closed")).to_be_checked()
    expect(page.locator("#identity-lookup-result")).to_contain_text("INSEE")
    assert_accessible(page, "partner form filled from a SIRET")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    partner = Partner.objects.get(association=world.association)
    assert partner.siret == "77567146400029"
    assert partner.is_closed and partner.identity_checked_on is not None
    page.goto(f"/partenaires/association/{world.association.pk}/")
    expect(page.locator("main table")).to_contain_text("Fermé")


def test_a_partner_typed_by_hand_when_the_lookup_finds_nothing(page, world, identity_api):
    login(page, world.editor.email)
    page.goto(f"/partenaires/association/{world.association.pk}/nouveau/")
    page.fill("#identity-number", "900000019")

    expect(page.locator("#identity-lookup-result")).to_contain_text("Aucune organisation")
    expect(page.locator("#id_name")).to_have_value("")


def test_a_messy_spreadsheet_imported_step_by_step(page, world):
    PartnerFactory(
        association=world.association,
        name="Ville de Lyon",
        siren="216901231",
        actor_type=ActorType.LOCAL_AUTHORITY,
    )
    login(page, world.editor.email)
    page.goto(f"/partenaires/association/{world.association.pk}/")
    page.locator(f"a[href='/partenaires/association/{world.association.pk}/import/']").click()
    assert_accessible(page, "import: the file")

    page.set_input_files("[name=file]", str(FIXTURES / "partenaires_utf8_bom.csv"))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/colonnes/$"))
    expect(page.locator("#id_column_name")).to_have_value("0")
    expect(page.locator("#id_column_siren")).to_have_value("2")
    assert_accessible(page, "import: the columns")

    page.select_option("#id_default_actor_type", "company")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/apercu/$"))
    expect(page.locator("#import-create")).to_contain_text("Fondation du Rhône pour l'Enfance")
    expect(page.locator("#import-merge")).to_contain_text("Ville de Lyon")
    expect(page.locator("#import-refused")).to_contain_text("Équipement culturel")
    assert_accessible(page, "import: the dry run")
    assert Partner.objects.filter(association=world.association).count() == 1

    with page.expect_navigation():
        page.locator("main form[action$='/importer/'] button[type=submit]").click()
    expect(page.locator("main table")).to_contain_text("Imprimerie du Grand Parc")
    assert Partner.objects.filter(association=world.association).count() == 5
