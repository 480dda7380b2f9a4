from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import UserFactory
from core.tests.fixtures import PASSWORD
from organisations.tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def test_an_english_browser_gets_the_site_in_french_by_default(client):
    response = client.get(reverse("accounts:login"), **ENGLISH_BROWSER)
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "Se connecter" in page
    assert response["Content-Language"] == "fr"


def test_choosing_english_before_logging_in_keeps_it_in_a_cookie(client):
    response = client.post(
        reverse("accounts:set_language"),
        {"language": "en", "next": reverse("accounts:login")},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert response.cookies[COOKIE].value == "en"
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="en">' in page
    assert "Log in" in page


def test_a_language_the_site_does_not_offer_gives_french(client):
    client.cookies[COOKIE] = "de"
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert '<html lang="fr">' in page


def test_a_logged_in_choice_is_stored_on_the_user_and_follows_them_to_another_device(client):
    user = UserFactory(email="ines@example.org")
    client.force_login(user)
    client.post(
        reverse("accounts:set_language"),
        {"language": "en", "next": reverse("accounts:profile")},
    )
    user.refresh_from_db()
    assert user.language == "en"

    # Another browser, French-speaking and with no cookie, logs in as the same person.
    other = client_class_instance()
    response = other.post(
        reverse("accounts:login"),
        {"username": "ines@example.org", "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE="fr-FR",
    )
    assert response.status_code == 302
    # The first response after the login hands the choice to the cookie...
    assert response.cookies[COOKIE].value == "en"
    page = other.get(reverse("accounts:profile"), HTTP_ACCEPT_LANGUAGE="fr-FR").content
    assert '<html lang="en">' in page.decode()
    # ... so that the pages seen after logging out stay in English.
    other.post(reverse("accounts:logout"))
    assert "Log in" in other.get(reverse("accounts:login")).content.decode()


def client_class_instance():
    from django.test import Client

    return Client()


def test_the_stored_language_wins_over_a_stale_cookie(client):
    user = UserFactory(language="fr")
    client.force_login(user)
    client.cookies[COOKIE] = "en"
    response = client.get(reverse("accounts:profile"))
    assert '<html lang="fr">' in response.content.decode()
    assert response.cookies[COOKIE].value == "fr"


def test_my_account_offers_the_language_and_saves_it(client):
    user = UserFactory(language="en")
    client.force_login(user)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'value="en" id="id_language_en" checked' in page
    response = client.post(
        reverse("accounts:set_language"),
        {"language": "fr", "next": reverse("accounts:profile")},
        follow=True,
    )
    user.refresh_from_db()
    assert user.language == "fr"
    assert "Mon compte" in response.content.decode()


def test_an_unknown_language_changes_nothing(client):
    user = UserFactory(language="fr")
    client.force_login(user)
    response = client.post(reverse("accounts:set_language"), {"language": "xx", "next": "/"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "fr"


def test_a_sign_up_made_in_english_gives_an_english_account(client):
    client.cookies[COOKIE] = "en"
    response = client.post(
        reverse("accounts:signup"),
        {
            "first_name": "Ada",
            "last_name": "Byron",
            "email": "ada@example.org",
            "password1": "a-long-and-unusual-passphrase",
            "password2": "a-long-and-unusual-passphrase",
            "association-name": "Solidarity Lab",
            "association-rna": "W751234567",
            "association-siren": "",
            "association-department": "75",
            "association-sector": "social",
            "association-employees": "0",
            "association-volunteers": "12",
            "association-budget_band": "lt10k",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    from accounts.models import User

    assert User.objects.get(email="ada@example.org").language == "en"


@pytest.mark.parametrize(
    ("language", "short", "long", "amount"),
    [
        ("fr", "15/08/2026", "15 août 2026", "1\u00a0250,00\u00a0€"),
        ("en", "15/08/2026", "15 August 2026", "1,250.00\u00a0€"),
    ],
)
def test_dates_and_amounts_follow_the_chosen_language(language, short, long, amount):
    template = Template(
        "{% load fr_format %}"
        '{{ day|date:"SHORT_DATE_FORMAT" }}|{{ day|long_date }}|{{ sum|euros }}|{{ day }}'
    )
    with translation.override(language):
        shown = template.render(Context({"day": date(2026, 8, 15), "sum": Decimal("1250")}))
    # A date Django writes by itself (no filter, the admin) is in figures, never 08/15/2026.
    assert shown == f"{short}|{long}|{amount}|{short}"


def test_each_recipient_gets_an_e_mail_in_their_language(django_capture_on_commit_callbacks):
    from organisations import services as org_services

    association = AssociationFactory(name="Entraide d'Ici")
    inviter = UserFactory(first_name="Inès", last_name="Martin", language="en")
    UserFactory(email="already@example.org", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        org_services.invite_colleague(
            association=association, email="new@example.org", role="editor", invited_by=inviter
        )
    # An address with no account: French, whatever the language of the one who invites.
    (message,) = mail.outbox
    assert message.to == ["new@example.org"]
    assert "vous invite à rejoindre Entraide d'Ici" in message.body
    assert "avec le rôle Éditeur" in message.body
    assert "&#x27;" not in message.body and "&#x27;" not in message.subject
    assert "Entraide d&#x27;Ici" in message.alternatives[0][0]  # the HTML part stays escaped


def test_a_known_recipient_gets_english_when_they_chose_it(django_capture_on_commit_callbacks):
    from core.emails import send_after_commit

    UserFactory(email="ada@example.org", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        send_after_commit(
            "password_reset", ["ada@example.org", "louis@example.org"], {"name": "Ada"}
        )
    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert "Someone asked to reset the password" in by_recipient[("ada@example.org",)].body
    assert "Une demande de réinitialisation" in by_recipient[("louis@example.org",)].body
