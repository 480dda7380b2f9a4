import pytest

from accounts.tests.factories import UserFactory
from core.tests.fixtures import assert_accessible

pytestmark = pytest.mark.browser


def test_signup_keeps_what_was_typed_and_explains_errors_next_to_the_fields(page, db):
    page.goto("/inscription/")
    assert_accessible(page, "signup")
    page.get_by_label("Prénom").fill("Léa")
    page.locator("#id_last_name").fill("Roux")
    page.get_by_label("Votre adresse e-mail").fill("lea@example.org")
    page.get_by_label("Numéro SIREN").fill("732829321")
    page.get_by_role("button", name="Créer mon compte").click()
    assert page.get_by_text("Ce numéro SIREN n'est pas valide").is_visible()
    assert page.get_by_label("Prénom").input_value() == "Léa"
    assert page.get_by_label("Numéro SIREN").input_value() == "732829321"
    assert_accessible(page, "signup with errors")


def test_password_reset_and_lockout_pages_are_accessible(page, db):
    page.goto("/mot-de-passe/oubli/")
    assert_accessible(page, "password reset")
    page.get_by_label("Adresse e-mail").fill("quelqu-un@example.org")
    page.get_by_role("button", name="M'envoyer le lien").click()
    assert page.get_by_role("heading", name="Consultez votre messagerie").is_visible()
    assert_accessible(page, "password reset sent")


def test_a_locked_account_is_told_in_french_what_to_do(page, db):
    user = UserFactory(email="claire@example.org")
    for _attempt in range(10):
        page.goto("/connexion/")
        page.get_by_label("Adresse e-mail").fill(user.email)
        page.get_by_label("Mot de passe").fill("mauvais")
        page.get_by_role("button", name="Se connecter").click()
    assert page.get_by_role("heading", name="Compte temporairement bloqué").is_visible()
    assert page.get_by_role("link", name="Réinitialiser mon mot de passe").is_visible()
    assert_accessible(page, "locked out")
