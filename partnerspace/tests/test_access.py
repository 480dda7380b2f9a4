"""A guest sees its alliance's shared side only, while its access lasts."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from alliances.tests.factories import AllianceFactory
from partnerspace import services

from .factories import GuestAccessFactory


def _get(client, user, name, *args):
    client.force_login(user)
    return client.get(reverse(name, args=args))


def test_a_guest_reads_its_alliance_shared_pages(client, space):
    guest = space["contributor"].user
    pk = space["alliance"].pk
    for name in ("partnerspace:space", "partnerspace:plan", "partnerspace:indicators"):
        assert _get(client, guest, name, pk).status_code == 200


def test_a_guest_gets_404_on_every_association_page(client, space, world):
    guest = space["contributor"].user
    pk = space["alliance"].pk
    for name, args in (
        ("alliances:alliance_detail", [pk]),
        ("alliances:alliance_step", [pk, 1]),
        ("alliances:economic_model", [pk]),
        ("alliances:partner_list", [world.association.pk]),
        ("alliances:alliance_list", [world.association.pk]),
        ("evaluation:indicators", [pk]),
        ("partnerspace:guests", [pk]),
    ):
        assert _get(client, guest, name, *args).status_code == 404, name


def test_a_guest_of_another_alliance_of_the_same_association_gets_404(client, space, world):
    elsewhere = GuestAccessFactory(
        alliance=AllianceFactory(lead=world.association, title="Autre alliance"),
    )
    assert (
        _get(client, elsewhere.user, "partnerspace:space", space["alliance"].pk).status_code == 404
    )


def test_an_ended_access_is_a_404_at_once_even_in_an_open_session(client, space):
    access = space["contributor"]
    client.force_login(access.user)
    url = reverse("partnerspace:space", args=[space["alliance"].pk])
    assert client.get(url).status_code == 200
    services.change_end_of_access(
        access=access, ends_on=timezone.localdate() - dt.timedelta(days=1)
    )
    assert client.get(url).status_code == 404


def test_a_revoked_access_is_a_404_at_once_even_in_an_open_session(client, space, world):
    access = space["contributor"]
    client.force_login(access.user)
    url = reverse("partnerspace:plan", args=[space["alliance"].pk])
    assert client.get(url).status_code == 200
    services.revoke_access(access=access, by=world.assoc_admin)
    assert client.get(url).status_code == 404


def test_the_shared_space_never_shows_internal_items(client, space):
    from alliances.models import SwotItem

    SwotItem.objects.create(
        alliance=space["alliance"], quadrant="weakness", text="Trésorerie fragile", importance=3
    )
    page = _get(client, space["contributor"].user, "partnerspace:space", space["alliance"].pk)
    assert "Trésorerie fragile" not in page.content.decode()


def test_the_shared_pages_keep_their_queries_as_the_alliance_grows(
    client, space, django_assert_max_num_queries
):
    from alliances.tests.factories import ActionFactory
    from evaluation.tests.factories import IndicatorFactory, MeasurementFactory

    guest = space["contributor"].user
    client.force_login(guest)
    alliance = space["alliance"]
    urls = [
        reverse(name, args=[alliance.pk])
        for name in ("partnerspace:space", "partnerspace:plan", "partnerspace:indicators")
    ]
    client.get(urls[0])  # the first visit of the day writes « last visit »
    counts = []
    for _round in range(2):
        for i in range(5):
            ActionFactory(alliance=alliance, owner_partner=space["partner"], title=f"A{i}")
            MeasurementFactory(
                indicator=IndicatorFactory(alliance=alliance), date=dt.date(2026, 1, 1 + i)
            )
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        row = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            row.append(len(queries))
        counts.append(row)
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(16):
        client.get(urls[2])


@pytest.mark.parametrize("name", ["partnerspace:space", "partnerspace:indicators"])
def test_an_anonymous_visitor_is_sent_to_log_in(client, space, name):
    response = client.get(reverse(name, args=[space["alliance"].pk]))
    assert response.status_code == 302
    assert "/connexion/" in response["Location"]
