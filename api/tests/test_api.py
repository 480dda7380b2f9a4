"""The public API: its document, its tokens, its scope (a token sees what its user sees),
its pages and filters, its rate limit."""

from unittest import mock

import pytest
from django.urls import reverse
from openapi_spec_validator import validate

from alliances.tests.factories import ActionFactory, AllianceFactory, AllianceMemberFactory
from api import services
from api.models import ApiToken
from diagnostics.tests.factories import finished_campaign
from evaluation.tests.factories import IndicatorFactory, MeasurementFactory
from organisations.tests.factories import AssociationFactory, NetworkMembershipFactory

pytestmark = pytest.mark.django_db


def call(client, url, token, **params):
    return client.get(url, params, headers={"Authorization": f"Bearer {token}"})


def token_of(user):
    return services.create_token(user=user, name="Test")[1]


def test_the_openapi_document_is_served_and_valid(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert set(document["paths"]) == {
        "/api/v1/associations",
        "/api/v1/associations/{association_id}",
        "/api/v1/alliances",
        "/api/v1/alliances/{alliance_id}",
        "/api/v1/indicators",
        "/api/v1/actions",
    }
    # Read-only, and every route behind the token.
    for operations in document["paths"].values():
        assert set(operations) == {"get"}
        for operation in operations.values():
            assert operation["security"] == [{"TokenAuth": []}]


def test_the_docs_page_loads_nothing_from_another_site(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html


def test_a_token_sees_what_its_user_sees_and_nothing_else(client, world):
    # given an alliance of asso, an alliance of another association, asso's diagnostic
    own = AllianceFactory(lead=world.association, title="Alliance de Témoin")
    AllianceFactory(lead=world.other_association, title="Alliance d'ailleurs")
    finished_campaign(world.association, value=3)
    token = token_of(world.reader)
    # when the reader lists associations and alliances
    associations = call(client, "/api/v1/associations", token).json()
    alliances = call(client, "/api/v1/alliances", token).json()
    # then only asso and its alliance, with its latest diagnostic
    assert [item["name"] for item in associations["items"]] == ["Asso Témoin"]
    assert associations["items"][0]["latest_diagnostic"]["maturity_level"] is not None
    assert [item["id"] for item in alliances["items"]] == [own.pk]
    other = world.other_association.pk
    assert call(client, f"/api/v1/associations/{other}", token).status_code == 404


def test_a_network_head_lists_the_active_members_of_its_network(client, world):
    member = AssociationFactory(name="Membre B")
    NetworkMembershipFactory(network=world.network, association=member)
    token = token_of(world.network_head)
    names = [
        item["name"]
        for item in call(client, "/api/v1/associations", token, network=world.network.pk).json()[
            "items"
        ]
    ]
    assert names == ["Asso Témoin", "Membre B"]
    other = world.other_association.pk
    assert call(client, f"/api/v1/associations/{other}", token).status_code == 404


def test_an_alliance_joined_by_the_association_is_seen(client, world):
    joined = AllianceFactory(lead=world.other_association)
    AllianceMemberFactory(alliance=joined, association=world.association)
    token = token_of(world.editor)
    ids = [item["id"] for item in call(client, "/api/v1/alliances", token).json()["items"]]
    assert ids == [joined.pk]
    assert call(client, f"/api/v1/alliances/{joined.pk}", token).status_code == 200


def test_indicators_come_with_their_latest_measurement_and_actions_filter(client, world):
    alliance = AllianceFactory(lead=world.association)
    indicator = IndicatorFactory(alliance=alliance, name="Repas servis")
    MeasurementFactory(indicator=indicator, date="2026-01-31", value="390000")
    MeasurementFactory(indicator=indicator, date="2026-02-28", value="380000")
    ActionFactory(alliance=alliance, title="Ouverte", status="planned")
    ActionFactory(alliance=alliance, title="Finie", status="done")
    IndicatorFactory(alliance=AllianceFactory(lead=world.other_association))
    token = token_of(world.assoc_admin)
    indicators = call(client, "/api/v1/indicators", token).json()
    assert indicators["count"] == 1
    assert indicators["items"][0]["latest_measurement"] == {
        "date": "2026-02-28",
        "value": "380000.00",
    }
    done = call(client, "/api/v1/actions", token, status="done").json()
    assert [item["title"] for item in done["items"]] == ["Finie"]
    assert call(client, "/api/v1/actions", token, status="nonsense").status_code == 422


def test_lists_are_paginated_in_a_constant_number_of_queries(
    client, world, django_assert_max_num_queries
):
    for index in range(7):
        alliance = AllianceFactory(lead=world.association, title=f"Alliance {index}")
        IndicatorFactory(alliance=alliance)
    token = token_of(world.assoc_admin)
    first = call(client, "/api/v1/alliances", token, page_size=5).json()
    second = call(client, "/api/v1/alliances", token, page_size=5, page=2).json()
    assert (first["count"], len(first["items"]), len(second["items"])) == (7, 5, 2)
    assert call(client, "/api/v1/alliances", token, page_size=500).status_code == 422
    for url in ("/api/v1/associations", "/api/v1/alliances", "/api/v1/indicators"):
        with django_assert_max_num_queries(8):
            assert call(client, url, token).status_code == 200


def test_a_token_is_stored_hashed_noted_when_used_and_refused_once_revoked(client, world):
    token, secret = services.create_token(user=world.editor, name="Tableau")
    assert secret not in str(ApiToken.objects.values_list().get(pk=token.pk))
    assert call(client, "/api/v1/alliances", secret).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    services.revoke_token(token=token)
    assert call(client, "/api/v1/alliances", secret).status_code == 401
    assert call(client, "/api/v1/alliances", "fa_wrong").status_code == 401
    assert client.get("/api/v1/alliances").status_code == 401


def test_a_session_alone_does_not_open_the_api(client, world):
    client.force_login(world.assoc_admin)
    assert client.get("/api/v1/alliances").status_code == 401


def test_a_token_beyond_its_rate_is_answered_429(client, world, settings):
    settings.API_REQUESTS_PER_MINUTE = 2
    token = token_of(world.editor)
    statuses = [call(client, "/api/v1/actions", token).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_the_rate_limit_lets_calls_through_when_the_cache_is_down(client, world, settings):
    settings.API_REQUESTS_PER_MINUTE = 1
    token = token_of(world.editor)
    with mock.patch("api.throttle.cache.incr", side_effect=ConnectionError("Redis down")):
        statuses = [call(client, "/api/v1/actions", token).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]


def test_a_new_token_is_shown_once_then_listed_by_its_beginning_only(client, world):
    client.force_login(world.editor)
    response = client.post(reverse("api_tokens:create"), {"name": "Tableau du réseau"})
    token = ApiToken.objects.get(user=world.editor)
    secret = response.context["new_secret"]
    assert secret.startswith(token.prefix) and secret in response.content.decode()
    listing = client.get(reverse("api_tokens:list")).content.decode()
    assert "Tableau du réseau" in listing and secret not in listing


def test_an_empty_token_name_is_refused_next_to_the_field(client, world):
    client.force_login(world.editor)
    response = client.post(reverse("api_tokens:create"), {"name": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert not ApiToken.objects.filter(user=world.editor).exists()
