"""The pages of personal data and of the API tokens, in a browser, at a laptop's and a phone's
width: accessible (axe-core), valid HTML (the Nu checker reads every answer at the end), no
CSP violation (the API's docs page included: Swagger UI from our own static files)."""

import re

import pytest

from alliances.models import Contact
from core.tests.fixtures import assert_accessible, login, seed_demo
from devtools.management.commands.seed_demo import DEMO_PASSWORD
from organisations.models import Association

pytestmark = pytest.mark.browser

ADMIN = "admin@demo.faire-alliance.fr"


@pytest.fixture
def demo(transactional_db):
    seed_demo()
    contact = Contact.objects.filter(partner__association__memberships__user__email=ADMIN).first()
    association = Association.objects.get(memberships__user__email=ADMIN)
    return {"contact": contact, "association": association}


def overflow(page):
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def test_the_personal_data_pages_on_a_laptop(page, demo):
    journey(page, demo)


def test_the_personal_data_pages_on_a_phone(phone_page, demo):
    journey(phone_page, demo)


def journey(page, demo):
    page.goto("/donnees-personnelles/")
    assert_accessible(page)
    login(page, ADMIN, DEMO_PASSWORD)
    page.goto("/mon-compte/")
    assert_accessible(page)
    page.get_by_role("link", name="Gérer mes jetons d'API").click()
    page.get_by_label("Nom du jeton").fill("Tableau de bord du réseau")
    page.get_by_role("button", name="Créer le jeton").click()
    secret = page.get_by_label("Jeton", exact=True).input_value()
    assert re.fullmatch(r"fa_[\w-]{40,}", secret)
    assert_accessible(page)
    assert overflow(page) == 0
    page.goto("/mon-compte/supprimer/")
    assert_accessible(page)
    contact = demo["contact"]
    page.goto(f"/partenaires/{contact.partner_id}/contacts/{contact.pk}/effacer/")
    assert_accessible(page)
    page.goto(f"/associations/{demo['association'].pk}/donnees/")
    page.get_by_role("button", name="Préparer un nouvel export").click()
    page.get_by_role("link", name="Télécharger le ZIP").wait_for()
    assert_accessible(page)
    assert overflow(page) == 0
    page.goto("/api/v1/docs")
    page.get_by_text("/api/v1/associations", exact=True).first.wait_for()
