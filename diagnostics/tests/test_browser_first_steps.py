"""A new association's first steps in Chromium: from its empty dashboard to a self-diagnostic
campaign it answers (asked to confirm before sending), then to its first alliance."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.fixtures import assert_accessible, login
from diagnostics.models import Campaign, Respondent
from diagnostics.tests.factories import statements
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory

pytestmark = pytest.mark.browser


def test_a_new_association_starts_its_diagnostic_and_its_first_alliance_from_the_dashboard(page):
    association = AssociationFactory(name="La Ressourcerie du Plateau")
    admin = MembershipFactory(
        association=association, role=Role.ADMIN, user__first_name="Inès"
    ).user
    statements()  # the questionnaire (transactional tests empty its tables)

    # An empty dashboard says where to start
    login(page, admin.email)
    diagnostic_panel = page.get_by_role("region", name="Autodiagnostic")
    alliance_panel = page.get_by_role("region", name="Alliances")
    expect(diagnostic_panel.get_by_role("link", name="Commencer l'autodiagnostic")).to_be_visible()
    expect(alliance_panel.get_by_role("link", name="Créer une alliance")).to_be_visible()
    assert_accessible(page, "new association's dashboard")

    # The self-diagnostic: a campaign she answers herself
    diagnostic_panel.get_by_role("link", name="Commencer l'autodiagnostic").click()
    page.get_by_label(re.compile("Inès")).check()
    page.get_by_role("button", name="Ouvrir la campagne").click()
    expect(page.get_by_text("La campagne est ouverte")).to_be_visible()
    campaign = Campaign.objects.get(association=association)
    page.get_by_role("link", name="Répondre", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("A1 · "))).to_be_visible()
    first = statements()[0]
    page.locator(f"label[for='answer-{first.pk}-4']").click()
    expect(page.locator(f"#save-{first.pk}")).to_contain_text("Enregistré")

    # « Envoyer mes réponses » asks first: cancelled, nothing is sent…
    page.goto(f"/autodiagnostic/campagnes/{campaign.pk}/mes-reponses/")
    messages = []

    def dismiss(dialog):
        messages.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(page.get_by_role("button", name="Envoyer mes réponses")).to_be_visible()
    assert "39 affirmations sans réponse" in messages[0]
    assert Respondent.objects.get(campaign=campaign).submitted_at is None

    # … confirmed, the answers are sent and the campaign closes (she was its only respondent)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(page.get_by_text("Tout le monde a répondu")).to_be_visible()
    assert Respondent.objects.get(campaign=campaign).submitted_at is not None

    # The first alliance, from the dashboard
    page.goto("/tableau-de-bord/")
    alliance_panel.get_by_role("link", name="Créer une alliance").click()
    page.get_by_label("Titre").fill("Repair café du Plateau")
    page.get_by_role("button", name=re.compile("Créer")).click()
    expect(page.get_by_text("L'alliance est créée")).to_be_visible()
    page.goto("/tableau-de-bord/")
    expect(alliance_panel.get_by_role("link", name="Repair café du Plateau")).to_be_visible()
    assert_accessible(page, "dashboard with its first alliance")
