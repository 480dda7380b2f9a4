"""In Chromium: a network head filters the dashboard, opens a member's alliance and leaves a
review; the association's staff sees it on the dashboard and answers. axe-core on every page."""

import pytest

from alliances.tests.factories import AllianceFactory
from core.tests.fixtures import assert_accessible, login, logout
from diagnostics.tests.factories import finished_campaign
from networks.models import Review, ReviewReply
from organisations.models import NetworkMembership, Role
from organisations.tests.factories import (
    AssociationFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkHeadFactory,
)

pytestmark = pytest.mark.browser


def test_network_head_reviews_an_alliance_and_the_staff_answers(page):
    network = NetworkFactory(name="Réseau Rhône Solidaire")
    head = NetworkHeadFactory(network=network).user
    members = []
    for i, department in enumerate(["69", "69", "38", "01", "69", "42"]):
        association = AssociationFactory(name=f"Membre {i} ({department})", department=department)
        NetworkMembership.objects.create(
            network=network, association=association, state=NetworkMembership.State.ACTIVE
        )
        finished_campaign(association, 2 + i % 3)
        members.append(association)
    reviewed = AssociationFactory(name="Entraide Isère", department="38")
    NetworkMembership.objects.create(
        network=network, association=reviewed, state=NetworkMembership.State.ACTIVE
    )
    alliance = AllianceFactory(lead=reviewed, title="Épicerie solidaire partagée")
    editor = MembershipFactory(association=reviewed, role=Role.EDITOR).user

    # The network head filters the dashboard by department.
    login(page, head.email)
    page.goto(f"/reseaux/{network.pk}/")
    assert_accessible(page, "network dashboard")
    page.select_option("#id_department", "38")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_load_state()
    rows = page.locator("main table tbody tr")
    assert rows.count() == 2
    assert "Membre 0" not in page.locator("main table").inner_text()
    assert_accessible(page, "network dashboard, filtered")

    page.goto(f"/reseaux/{network.pk}/portrait/")
    assert page.locator("svg rect[fill='#dbe7f3']").count() > 0
    assert_accessible(page, "network picture")
    page.go_back()

    # Opens the member's alliance (read-only) and leaves a review on step 1.
    page.get_by_role("link", name="Épicerie solidaire partagée").click()
    page.wait_for_load_state()
    assert "lecture seule" in page.locator("main").inner_text()
    assert_accessible(page, "member's alliance, read-only")
    page.get_by_role("link", name="Avis du réseau").click()
    page.wait_for_load_state()
    assert_accessible(page, "reviews, empty")
    page.fill("[name=comment]", "Le besoin est clair ; ajoutez un chiffrage.")
    page.get_by_role("button", name="Envoyer l'avis").click()
    page.wait_for_load_state()
    # No verdict: the message is next to the field, the comment is kept.
    comment = page.locator("[name=comment]").input_value()
    assert comment == "Le besoin est clair ; ajoutez un chiffrage."
    assert page.get_by_text("Choisissez un verdict.").is_visible()
    assert_accessible(page, "review form with an error")
    page.select_option("[name=step]", "1")
    page.get_by_label("À retravailler").check()
    page.get_by_role("button", name="Envoyer l'avis").click()
    page.wait_for_load_state()
    assert page.get_by_text("Le besoin est clair ; ajoutez un chiffrage.").is_visible()
    review = Review.objects.get(alliance=alliance)
    assert review.step == 1 and review.verdict == "rework"
    logout(page)

    # The association's staff sees it on the dashboard and on the step, and answers.
    login(page, editor.email)
    page.goto("/tableau-de-bord/")
    assert page.get_by_role("heading", name="Avis de vos réseaux").is_visible()
    assert_accessible(page, "association dashboard with a review")
    page.goto(f"/alliances/{alliance.pk}/etapes/1/")
    assert page.get_by_text("Le besoin est clair").first.is_visible()
    page.get_by_role("link", name="Lire les avis et répondre").click()
    page.wait_for_load_state()
    page.fill(f"[name=r{review.pk}-body]", "Merci, nous ajoutons les chiffres de 2025.")
    page.get_by_role("button", name="Envoyer la réponse").click()
    page.wait_for_load_state()
    assert page.get_by_text("Merci, nous ajoutons les chiffres de 2025.").is_visible()
    assert ReviewReply.objects.filter(review=review, author=editor).exists()
    assert_accessible(page, "review thread with an answer")
