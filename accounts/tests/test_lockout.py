"""The account lockout counts one address whatever its case, and a new password lifts it."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def _fail(client, username, times):
    url = reverse("accounts:login")
    for _attempt in range(times):
        client.post(url, {"username": username, "password": "faux"})


def test_the_lockout_counts_every_case_of_the_address_as_one(client):
    UserFactory(email="claire@example.org")
    # Ten wrong passwords spread over three spellings of the same address.
    _fail(client, "claire@example.org", 4)
    _fail(client, "CLAIRE@EXAMPLE.ORG", 3)
    _fail(client, " Claire@Example.org ", 3)
    response = client.post(
        reverse("accounts:login"), {"username": "claire@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429


def test_the_right_password_in_another_case_does_not_open_a_locked_account(client):
    UserFactory(email="claire@example.org")
    _fail(client, "claire@example.org", 10)
    for spelling in ("CLAIRE@EXAMPLE.ORG", "Claire@example.org"):
        response = client.post(
            reverse("accounts:login"), {"username": spelling, "password": PASSWORD}
        )
        assert response.status_code == 429
        assert "_auth_user_id" not in client.session


def test_a_new_password_from_the_reset_e_mail_lifts_the_lockout(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="claire@example.org")
    _fail(client, "Claire@Example.org", 10)
    response = client.post(
        reverse("accounts:login"), {"username": "claire@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429
    # The lockout page promises a reset; follow it through.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "claire@example.org"})
    body = mail.outbox[0].body
    link = next(line for line in body.splitlines() if "/mot-de-passe/reinitialiser/" in line)
    response = client.get(link[link.index("/mot-de-passe/") :].strip(), follow=True)
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "nouveau-secret-2026", "new_password2": "nouveau-secret-2026"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("accounts:login"),
        {"username": "CLAIRE@example.org", "password": "nouveau-secret-2026"},
    )
    assert response.status_code == 302
