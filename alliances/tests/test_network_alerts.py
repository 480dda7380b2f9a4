"""The figures to watch, cached per alliance and per day: they follow every change at once, and
the computed filters and sorts of the network dashboard keep a constant query count."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliances.alerts import alerts_by_member, compute_alerts
from alliances.models import ActionStatus, ConventionStatus
from alliances.tests.factories import (
    ActionFactory,
    AllianceFactory,
    AssociationFactory,
    ConventionFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)
from alliances.tests.test_network_dashboard import _members
from diagnostics.tests.factories import finished_campaign
from evaluation import services as evaluation_services
from evaluation.tests.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _alerts(alliance):
    """The cached alerts of the alliance, as its lead's dashboard row reads them."""
    return alerts_by_member([alliance.lead_id])[alliance.lead_id][alliance.pk]


def test_alerts_follow_actions_conventions_indicators_and_measurements():
    alliance = AllianceFactory()
    assert _alerts(alliance).total == 0  # now cached

    late = ActionFactory(alliance=alliance, due_date=TODAY - dt.timedelta(days=2))
    assert _alerts(alliance).late_actions == 1
    late.status = ActionStatus.DONE
    late.save()
    assert _alerts(alliance).late_actions == 0

    convention = ConventionFactory(
        alliance=alliance, status=ConventionStatus.SIGNED, end_date=TODAY + dt.timedelta(days=20)
    )
    assert _alerts(alliance).ending_conventions == 1
    convention.delete()
    assert _alerts(alliance).ending_conventions == 0

    # Target date passed, latest value short of the target: to watch.
    indicator = IndicatorFactory(alliance=alliance)
    MeasurementFactory(indicator=indicator)
    assert _alerts(alliance).off_track == 1
    # The target reached on its date: nothing to watch any more.
    reached = MeasurementFactory(indicator=indicator, date=dt.date(2026, 7, 1), value=330000)
    assert _alerts(alliance).off_track == 0
    reached.delete()
    assert _alerts(alliance).off_track == 1
    # Imported measurements come through bulk_create, which sends no signal.
    evaluation_services.import_measurements(
        [
            SimpleNamespace(
                indicator=indicator,
                date=dt.date(2026, 7, 2),
                value=Decimal("320000"),
                source="",
                comment="",
            )
        ]
    )
    assert _alerts(alliance).off_track == 0

    assert _alerts(alliance) == compute_alerts([alliance.pk], TODAY)[alliance.pk]


def test_attention_filter_and_sort_follow_a_change_made_after_a_visit(client):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    calm, busy = (AssociationFactory(name=name) for name in ("Calme", "Occupée"))
    for association in (calm, busy):
        NetworkMembershipFactory(network=network, association=association)
    calm_alliance = AllianceFactory(lead=calm)
    ActionFactory(alliance=AllianceFactory(lead=busy), due_date=TODAY - dt.timedelta(days=1))
    client.force_login(head.user)
    url = reverse("alliances:network_detail", args=[network.pk])

    page = client.get(url, {"attention": "on"}).content.decode()
    assert "Occupée" in page and "Calme" not in page

    for _ in range(3):
        ActionFactory(alliance=calm_alliance, due_date=TODAY - dt.timedelta(days=5))
    page = client.get(url, {"attention": "on", "tri": "attention"}).content.decode()
    assert "3 actions en retard" in page
    assert page.index("Calme") < page.index("Occupée")  # most to watch first


def test_maturity_filter_and_sort_read_each_members_latest_diagnostic(client):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    members = {}
    for name, level in (("Alpha", 4), ("Bravo", 1), ("Charlie", None)):
        association = AssociationFactory(name=name)
        NetworkMembershipFactory(network=network, association=association)
        if level:
            finished_campaign(association, level)
        members[name] = association
    client.force_login(head.user)
    url = reverse("alliances:network_detail", args=[network.pk])

    page = client.get(url, {"tri": "maturity"}).content.decode()
    assert page.index("Bravo") < page.index("Alpha") < page.index("Charlie")
    page = client.get(url, {"tri": "-maturity"}).content.decode()
    assert page.index("Alpha") < page.index("Bravo")

    page = client.get(url, {"maturity": "none"}).content.decode()
    assert "Charlie" in page and "Alpha" not in page and "Bravo" not in page


COMPUTED_VIEWS = [
    {"attention": "on"},
    {"tri": "-attention"},
    {"maturity": "3"},
    {"tri": "maturity", "page": "2"},
    {"tri": "alliances"},
]


def _count(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", COMPUTED_VIEWS)
def test_computed_filters_and_sorts_cost_the_same_queries_with_10_and_200_members(client, params):
    small, large = NetworkFactory(), NetworkFactory()
    small_head, large_head = NetworkHeadFactory(network=small), NetworkHeadFactory(network=large)
    _members(small, 10)
    _members(large, 200)
    counts = {}
    for name, network, head in (("10", small, small_head), ("200", large, large_head)):
        client.force_login(head.user)
        url = reverse("alliances:network_detail", args=[network.pk])
        cache.clear()
        cold = _count(client, url, params)
        warm = _count(client, url, params)
        counts[name] = (cold, warm)

    assert counts["10"] == counts["200"]
    cold, warm = counts["200"]
    # measured: 30 when nothing is cached yet (the scores and alerts are computed), 20 after
    assert warm <= 20 and cold <= 32
