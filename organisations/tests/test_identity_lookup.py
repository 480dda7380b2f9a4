"""The identity lookup from a SIREN, SIRET or RNA number, against recorded answers of the API
Recherche d'entreprises served by a local stand-in (identity_server.py): never the internet."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organisations import identity_lookup
from organisations.identity_lookup import LookupUnavailable, classify, lookup
from organisations.identity_views import department_of
from organisations.tests.identity_server import BROKEN_SIREN, SLOW_SIREN

ASSOCIATION_SIREN = "775671464"


@pytest.mark.parametrize(
    ("typed", "kind", "compact"),
    [
        ("775 671 464", "siren", "775671464"),
        ("775 671 464 00011", "siret", "77567146400011"),
        ("w691234567", "rna", "W691234567"),
    ],
)
def test_a_typed_number_is_recognised_with_its_spaces(typed, kind, compact):
    assert classify(typed) == (kind, compact)


@pytest.mark.parametrize("typed", ["775671465", "77567146400012", "W69123456", "12345"])
def test_a_number_with_a_wrong_check_digit_or_format_is_refused(typed):
    with pytest.raises(ValidationError):
        classify(typed)


def test_the_lookup_is_off_in_the_tests_by_default(settings):
    assert settings.IDENTITY_LOOKUP_URL == ""
    with pytest.raises(LookupUnavailable):
        lookup(ASSOCIATION_SIREN)


def test_a_siren_gives_the_association_s_identity(identity_api):
    identity = lookup("775 671 464")

    assert identity.name == "SOLIDARITES LYON NORD (SLN)"
    assert identity.acronym == "SLN"
    assert identity.siret == "77567146400011"
    assert identity.address == "12 RUE DES TANNEURS"
    assert (identity.postal_code, identity.city) == ("69004", "LYON")
    assert identity.legal_form == "Association déclarée"
    assert identity.main_activity == "88.99B"
    assert identity.creation_date == dt.date(2001, 3, 12)
    assert identity.rna == "W691234567"
    assert identity.is_closed is False
    assert identity.actor_type == "association"


def test_the_request_says_who_asks_and_what_for(identity_api):
    lookup(ASSOCIATION_SIREN)

    query, headers = identity_api.requests[-1]
    assert query == ASSOCIATION_SIREN
    assert headers["User-Agent"].startswith("FaireAlliance/")
    assert "identity" in headers["User-Agent"]


def test_a_siret_gives_its_own_establishment_closed_here(identity_api):
    identity = lookup("77567146400029")

    assert identity.siret == "77567146400029"
    assert identity.address == "3 PLACE GUICHARD"
    assert identity.postal_code == "69003"
    assert identity.is_closed is True


def test_an_rna_number_finds_the_association(identity_api):
    assert lookup("W691234567").siren == ASSOCIATION_SIREN


@pytest.mark.parametrize(
    ("siren", "actor_type", "closed"),
    [
        ("216901231", "local_authority", False),
        ("484528039", "foundation", False),
        ("834123457", "company", True),
    ],
)
def test_the_actor_type_is_suggested_from_the_legal_form_and_flags(
    identity_api, siren, actor_type, closed
):
    identity = lookup(siren)
    assert identity.actor_type == actor_type
    assert identity.is_closed is closed


@pytest.mark.parametrize(
    ("code", "complements", "expected"),
    [
        ("9220", {}, "association"),
        ("5710", {"est_association": True}, "association"),
        ("7229", {"collectivite_territoriale": {"code": "69"}}, "local_authority"),
        ("7346", {}, "local_authority"),
        ("7120", {}, "state"),
        ("7389", {}, "state"),
        ("7383", {}, "academic"),
        ("9300", {}, "foundation"),
        ("5499", {}, "company"),
        ("8110", {}, ""),
    ],
)
def test_actor_type_of_each_legal_form(code, complements, expected):
    assert identity_lookup.suggest_actor_type(code, complements) == expected


def test_a_number_the_api_does_not_know_is_none(identity_api):
    assert lookup("900000019") is None


def test_a_slow_api_is_given_up_after_the_timeout(identity_api):
    with pytest.raises(LookupUnavailable):
        lookup(SLOW_SIREN)


def test_an_api_error_is_unavailable(identity_api):
    with pytest.raises(LookupUnavailable):
        lookup(BROKEN_SIREN)


def test_the_leaders_never_leave_the_lookup(identity_api):
    identity = lookup(ASSOCIATION_SIREN)
    assert "DUPONTEL" not in repr(identity.as_dict()).upper()


@pytest.mark.parametrize(
    ("postal_code", "department"),
    [("69004", "69"), ("20000", "2A"), ("20290", "2B"), ("97400", "974"), ("6900", "")],
)
def test_the_department_follows_from_the_postal_code(postal_code, department):
    assert department_of(postal_code) == department


# The htmx endpoint.


def _ask(client, number, target="association"):
    return client.get(
        reverse("organisations:identity_lookup"),
        {"identity_number": number, "pour": target},
        headers={"HX-Request": "true"},
    )


@pytest.mark.django_db
def test_the_sign_up_lookup_fills_the_association_fields(client, identity_api):
    response = _ask(client, "775 671 464")

    assert response.status_code == 200
    html = response.content.decode()
    assert "&quot;id_association-name&quot;: &quot;SOLIDARITES LYON NORD (SLN)&quot;" in html
    assert "&quot;id_association-department&quot;: &quot;69&quot;" in html
    assert "&quot;id_association-rna&quot;: &quot;W691234567&quot;" in html
    assert "API Recherche d&#x27;entreprises" in html or "API Recherche d'entreprises" in html
    assert "DUPONTEL" not in html.upper()


@pytest.mark.django_db
def test_the_partner_lookup_suggests_the_actor_type(client, identity_api):
    html = _ask(client, "216901231", target="partner").content.decode()

    assert "&quot;id_actor_type&quot;: &quot;local_authority&quot;" in html
    assert "&quot;id_identity_checked_on&quot;: &quot;" in html
    assert "MARTIN" not in html  # the mayor is a person, as leaders are


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("number", "message"),
    [
        (SLOW_SIREN, "ne répond pas"),
        (BROKEN_SIREN, "ne répond pas"),
        ("900000019", "Aucune organisation"),
        ("775671465", "SIREN"),
    ],
)
def test_a_failed_lookup_says_so_briefly_and_fills_nothing(client, identity_api, number, message):
    html = _ask(client, number).content.decode()

    assert message in html
    assert "identity-fill" not in html


@pytest.mark.django_db
def test_a_number_still_being_typed_asks_nothing(client, identity_api):
    response = _ask(client, "7756")

    assert response.status_code == 200
    assert identity_api.requests == []


@pytest.mark.django_db
def test_the_sign_up_shows_the_lookup_only_when_it_is_on(client, settings):
    assert "identity-number" not in client.get(reverse("accounts:signup")).content.decode()
    settings.IDENTITY_LOOKUP_URL = "http://127.0.0.1:9"
    assert "identity-number" in client.get(reverse("accounts:signup")).content.decode()
