import pytest
from django.core import mail
from django.urls import reverse

from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_ten_wrong_passwords_in_a_row_lock_the_account_with_a_french_message(client):
    user = UserFactory(email="claire@example.org")
    url = reverse("accounts:login")
    for _attempt in range(9):
        response = client.post(url, {"username": user.email, "password": "faux"})
        assert response.status_code == 200
    response = client.post(url, {"username": user.email, "password": "faux"})
    assert response.status_code == 429
    assert "Compte temporairement bloqué" in response.content.decode()
    # Even the right password is refused while locked
    response = client.post(url, {"username": user.email, "password": "correct-horse-battery"})
    assert response.status_code == 429


def test_a_wrong_password_says_so_in_french_and_keeps_the_address(client):
    UserFactory(email="claire@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "claire@example.org", "password": "faux"}
    )
    content = response.content.decode()
    assert "Adresse e-mail ou mot de passe incorrect" in content
    assert 'value="claire@example.org"' in content


def test_login_is_case_insensitive_on_the_address(client):
    UserFactory(email="claire@example.org")
    response = client.post(
        reverse("accounts:login"),
        {"username": "Claire@Example.org", "password": "correct-horse-battery"},
    )
    assert response.status_code == 302


def test_a_forgotten_password_is_reset_through_a_french_e_mail(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory(email="claire@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "claire@example.org"})
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "mot de passe" in mail.outbox[0].subject.lower()
    link = next(line for line in body.splitlines() if "/mot-de-passe/reinitialiser/" in line)
    path = link[link.index("/mot-de-passe/") :].strip()
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "nouveau-secret-2026", "new_password2": "nouveau-secret-2026"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("nouveau-secret-2026")


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "personne@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_signup_creates_the_association_with_its_first_administrator(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "first_name": "Léa",
            "last_name": "Roux",
            "email": "lea@example.org",
            "password1": "un-mot-de-passe-solide-42",
            "password2": "un-mot-de-passe-solide-42",
            "association-name": "Les Amis du Quartier",
            "association-rna": "W751234567",
            "association-siren": "",
            "association-department": "75",
            "association-sector": "social",
            "association-employees": "0",
            "association-volunteers": "12",
            "association-budget_band": "lt10k",
        },
    )
    assert response.status_code == 302
    from organisations.models import AssociationMembership

    membership = AssociationMembership.objects.get(user__email="lea@example.org")
    assert membership.role == "admin"
    assert membership.association.name == "Les Amis du Quartier"
