"""Network head invites an association; its admin accepts; the head sees the new member."""

import pytest
from playwright.sync_api import expect

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


def test_a_head_invites_an_unregistered_association_which_signs_up_and_consents(page, world):
    from urllib.parse import urlsplit

    from django.core import mail

    # The network head invites, by e-mail, an association that is not on the platform
    login(page, world.network_head.email)
    page.get_by_role("link", name="Inviter une association").click()
    page.get_by_label("Numéro RNA ou SIREN de l'association").fill("W691000123")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    expect(page.get_by_text("invitez-la par e-mail ci-dessous")).to_be_visible()
    page.get_by_label("Nom de l'association").fill("Les Jardins Partagés")
    page.get_by_label("Adresse e-mail de son contact").fill("lea@jardins-partages.org")
    page.get_by_role("button", name="Inviter par e-mail").click()
    expect(page.get_by_text("Une invitation à s'inscrire a été envoyée")).to_be_visible()
    news = page.get_by_role("region", name="Nouvelles de vos membres")
    expect(news.get_by_text("lea@jardins-partages.org")).to_be_visible()
    logout(page)

    # Its contact follows the link of the e-mail and registers the association
    [message] = [m for m in mail.outbox if m.to == ["lea@jardins-partages.org"]]
    link = next(word for word in message.body.split() if "/inscription/reseau/" in word)
    page.goto(urlsplit(link).path)  # the e-mail's link, on the test server
    expect(page.get_by_text("invite votre association à rejoindre son réseau")).to_be_visible()
    assert_accessible(page, "sign-up from a network's invitation")
    expect(page.get_by_label("Votre adresse e-mail")).to_have_value("lea@jardins-partages.org")
    expect(page.locator("#id_association-name")).to_have_value("Les Jardins Partagés")
    page.get_by_label("Prénom").fill("Léa")
    page.locator("#id_last_name").fill("Roux")
    page.locator("#id_password1").fill("un-mot-de-passe-solide-42")
    page.locator("#id_password2").fill("un-mot-de-passe-solide-42")
    page.locator("#id_association-rna").fill("W691000123")
    page.locator("#id_association-department").select_option("69")
    page.locator("#id_association-sector").select_option(index=1)
    page.locator("#id_association-budget_band").select_option(index=1)
    page.get_by_role("button", name="Créer mon compte").click()

    # … lands on its networks, where the network waits for its consent, and accepts
    expect(page.get_by_text("Votre association est inscrite")).to_be_visible()
    assert_accessible(page, "the new association's networks")
    page.get_by_role("button", name="Accepter Réseau Témoin").click()
    expect(page.get_by_text("est désormais membre du réseau « Réseau Témoin »")).to_be_visible()
    logout(page)

    # The head was told, and sees the new member on the dashboard
    assert any("Les Jardins Partagés a rejoint" in m.subject for m in mail.outbox)
    login(page, world.network_head.email)
    members = page.locator("table")
    expect(members.get_by_role("link", name="Les Jardins Partagés")).to_be_visible()
    expect(news.get_by_text("Les Jardins Partagés")).to_be_visible()
    assert_accessible(page, "network dashboard with its news")
