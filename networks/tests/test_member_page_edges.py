"""The network dashboard's stored orders and prepared page reads at their edges: dates in
Paris time, the export's order, sorts spelled oddly, every shape prepared once, a member
leaving mid-read, members without a figure, a generic plan still walking its index."""

import datetime as dt
import html

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.tests.fixtures import postgresql_only
from diagnostics.models import Campaign
from diagnostics.summaries import mark_latest
from diagnostics.tests.factories import finished_campaign
from networks import member_page as member_page_module
from networks.filters import MATURITY_CHOICES
from networks.member_page import member_page
from networks.members import SIZES, SORTS
from organisations.models import NetworkMembership
from organisations.tests.factories import (
    AssociationFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

pytestmark = pytest.mark.django_db


def test_the_dashboard_dates_a_diagnostic_closed_after_midnight_in_paris_as_a_french_user_reads_it(
    client,
):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    association = AssociationFactory(name="Épicerie Solidaire")
    NetworkMembershipFactory(network=network, association=association)
    campaign = finished_campaign(association, 3)
    # 2 March 2026, 00:30 in Paris (23:30 UTC the day before).
    Campaign.objects.filter(pk=campaign.pk).update(
        closed_at=dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)
    )
    mark_latest([association.pk])
    client.force_login(head.user)

    page = client.get(reverse("networks:network_detail", args=[network.pk])).content.decode()

    assert "01/03/2026" not in page
    assert "02/03/2026" in page


@postgresql_only
def test_the_dashboard_and_its_whole_network_export_list_members_in_the_same_order(client):
    """README: « the network exports follow the dashboard's filters and order »."""
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    names = ["L'Arche", "L-Arche", "Lè", "Lé"]
    for name in names:
        NetworkMembershipFactory(network=network, association=AssociationFactory(name=name))
    client.force_login(head.user)

    page = client.get(reverse("networks:network_detail", args=[network.pk])).content.decode()
    on_page = sorted(names, key=lambda name: page.index(f">{html.escape(name)}<"))
    export = client.get(
        reverse("networks:network_export", args=[network.pk, "scores", "csv"])
    ).content.decode("utf-8-sig")
    in_export = sorted(names, key=export.index)

    assert on_page == in_export


def test_a_sort_written_with_extra_dashes_is_read_as_the_same_sort(client):
    """`?tri=--name` is the reversed name order; each spelling should not become one more
    prepared read (and one more statement on every connection) for the life of the process."""
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    NetworkMembershipFactory(network=network)
    client.force_login(head.user)
    url = reverse("networks:network_detail", args=[network.pk])
    client.get(url, {"tri": "-name"})
    before = member_page_module._page_read.cache_info().currsize

    for dashes in range(2, 12):
        assert client.get(url, {"tri": "-" * dashes + "name"}).status_code == 200

    assert member_page_module._page_read.cache_info().currsize == before


def _every_sort_and_filter_shape():
    sorts = [*SORTS, *(f"-{sort}" for sort in SORTS)]
    for sort in sorts:
        for size in [None, *SIZES]:
            for maturity in [None, *(code for code, _label in MATURITY_CHOICES)]:
                for attention in (None, True):
                    yield sort, {"size": size, "maturity": maturity, "attention": attention}


@postgresql_only
@override_settings(PREPARED_ON_SERVER=True)
def test_each_sort_and_filter_of_the_dashboard_is_prepared_on_a_connection_only_once():
    """A head clicking through the dashboard's sorts and filters: the second round should
    only EXECUTE what the first one prepared (no statement prepared again, none left behind
    under another name)."""
    network = NetworkFactory()
    NetworkMembershipFactory(network=network)
    shapes = list(_every_sort_and_filter_shape())
    for sort, filters in shapes:
        member_page(network, filters, sort, 1)

    with CaptureQueriesContext(connection) as second_round:
        for sort, filters in shapes:
            member_page(network, filters, sort, 1)

    prepared_again = [q for q in second_round.captured_queries if q["sql"].startswith("PREPARE")]
    assert len(prepared_again) == 0, f"{len(prepared_again)} statements prepared again"


@postgresql_only
def test_a_member_leaving_while_its_network_page_is_read_does_not_break_the_page(
    client, monkeypatch
):
    """Reads in READ COMMITTED: a member may leave between the page's ids and its rows."""
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    association = AssociationFactory(name="Partante")
    membership = NetworkMembershipFactory(network=network, association=association)
    from alliances.tests.factories import AllianceFactory

    AllianceFactory(lead=association)
    read_page = member_page_module._page_read

    def page_read_then_a_member_leaves(sort, shape):
        prepared = read_page(sort, shape)

        def run(**values):
            found = prepared(**values)
            # What another request committing leave_network at this moment does.
            NetworkMembership.objects.filter(pk=membership.pk).update(
                state=NetworkMembership.State.LEFT
            )
            return found

        return run

    monkeypatch.setattr(member_page_module, "_page_read", page_read_then_a_member_leaves)
    client.force_login(head.user)

    response = client.get(reverse("networks:network_detail", args=[network.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize("sort", [*SORTS, *(f"-{sort}" for sort in SORTS)])
def test_each_sort_puts_members_without_a_figure_last_and_first_when_reversed(sort):
    """members.member_order: « members without a figure last (first when reversed), then by
    name (French order, the stored key), then by association »."""
    network = NetworkFactory()
    names = ["Zèbre", "abeille", "École", "Bâtiment", "ça", "Épicerie", "Oeuvre"]
    levels = [None, 2, 2, 4, None, 1, 3]
    figures = {}
    for i, (name, level) in enumerate(zip(names, levels, strict=True)):
        association = AssociationFactory(name=name)
        NetworkMembershipFactory(network=network, association=association)
        date = None if level is None else dt.datetime(2026, 1, 1 + (i * 3) % 7, tzinfo=dt.UTC)
        NetworkMembership.objects.filter(association=association).update(
            maturity_level=level,
            diagnostic_date=date,
            alliances=(i * 5) % 3,
            attention=(i * 2) % 3,
        )
    for membership in NetworkMembership.objects.filter(network=network):
        figures[membership.association_id] = membership

    field, descending = SORTS[sort.lstrip("-")]
    descending = descending != sort.startswith("-")

    def tie(pk):
        return (figures[pk].name_key, pk)

    pks = list(figures)
    if field is None:
        expected = sorted(pks, key=tie, reverse=descending)
    else:
        with_figure = [pk for pk in pks if getattr(figures[pk], field) is not None]
        without = sorted((pk for pk in pks if getattr(figures[pk], field) is None), key=tie)
        with_figure.sort(key=tie)
        with_figure.sort(key=lambda pk: getattr(figures[pk], field), reverse=descending)
        expected = without + with_figure if descending else with_figure + without

    page = member_page(network, {}, sort, 1)

    assert [row.association.pk for row in page.rows] == expected


@postgresql_only
@override_settings(PREPARED_ON_SERVER=True)
def test_a_page_prepared_on_the_server_walks_its_order_index_once_postgresql_plans_it_generically():
    """After five executions PostgreSQL may run a prepared statement with a generic plan
    (plan_cache_mode auto; seen on the 10,000 bench after 5 calls). Its members' orders are
    partial indexes (WHERE state = 'active'): the generic plan must still be able to use them."""
    network = NetworkFactory()
    for _ in range(3):
        NetworkMembershipFactory(network=network)
    member_page(network, {}, "maturity", 1)  # prepared on this connection
    read = member_page_module._page_read("maturity", ())
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        arguments = [
            network.pk
            if slot[0] == "param" and slot[1] == "network"
            else (0 if slot[1] == "start" else 25)
            if slot[0] == "param"
            else slot[1]
            for slot in read._compiled.slots
        ]
        placeholders = ", ".join(["%s"] * len(arguments))
        cursor.execute(f"EXPLAIN EXECUTE fa_prepared_{read.number}({placeholders})", arguments)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "member_order_maturity" in plan, plan
