"""Network head invites an association; its admin accepts; the head sees the new member."""

import pytest

from core.tests.fixtures import assert_accessible, login, logout
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory

pytestmark = pytest.mark.browser


def test_network_invitation_journey(page, world):
    candidate = AssociationFactory(name="Les Jardins Partagés", rna="W691000123")
    candidate_admin = MembershipFactory(association=candidate, role=Role.ADMIN).user

    # The network head invites the association by its RNA number
    login(page, world.network_head.email)
    page.get_by_role("link", name="Inviter une association").click()
    assert_accessible(page, "invite an association")
    page.get_by_label("Numéro RNA ou SIREN de l'association").fill("W691000123")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    assert page.get_by_text("Les Jardins Partagés est invitée").is_visible()
    members = page.locator("table")
    assert members.get_by_role("link", name="Les Jardins Partagés").count() == 0
    logout(page)

    # Its administrator sees the invitation on the dashboard and accepts it
    login(page, candidate_admin.email)
    page.get_by_role("link", name="Répondre").click()
    assert_accessible(page, "association networks")
    page.get_by_role("button", name="Accepter Réseau Témoin").click()
    assert page.get_by_text("est désormais membre du réseau « Réseau Témoin »").is_visible()
    assert page.get_by_role("heading", name="Réseaux ayant accès à vos données").is_visible()
    logout(page)

    # The network head now sees it among the members
    login(page, world.network_head.email)
    assert page.locator("table").get_by_role("link", name="Les Jardins Partagés").is_visible()
    assert_accessible(page, "network members")


def test_admin_invites_a_colleague_and_manages_roles_in_the_browser(page, world):
    login(page, world.assoc_admin.email)
    page.goto(f"/associations/{world.association.pk}/membres/")
    assert_accessible(page, "members")
    page.get_by_label("Adresse e-mail de votre collègue").fill("pas-une-adresse")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    # The browser's own check or ours: either way nothing is sent and the value stays
    assert page.get_by_label("Adresse e-mail de votre collègue").input_value() == "pas-une-adresse"
    page.get_by_label("Adresse e-mail de votre collègue").fill("nora@example.org")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    assert page.get_by_text("Une invitation a été envoyée à nora@example.org").is_visible()
    assert page.get_by_text("nora@example.org · Éditeur").is_visible()
