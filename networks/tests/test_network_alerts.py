"""The figures to watch, stored per alliance and added up per association: they follow every
change made through the services at once, the nightly job catches what changes with the date
alone, and the network dashboard's filters and sorts keep a constant query count."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliances import services as alliance_services
from alliances import summaries
from alliances.models import (
    Action,
    ActionStatus,
    AllianceSummary,
    AssociationSummary,
    ConventionStatus,
)
from alliances.tests.factories import (
    ActionFactory,
    AllianceFactory,
    AllianceMemberFactory,
    ConventionFactory,
)
from core.tasks import refresh_stored_figures
from diagnostics.tests.factories import finished_campaign
from evaluation import services as evaluation_services
from evaluation.tests.factories import IndicatorFactory, MeasurementFactory
from networks.tests.test_network_dashboard import _members
from organisations.tests.factories import (
    AssociationFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _summary(alliance):
    return AllianceSummary.objects.get(pk=alliance.pk)


def test_alerts_follow_actions_conventions_indicators_and_measurements():
    alliance = AllianceFactory()
    assert _summary(alliance).attention == 0

    late = ActionFactory(alliance=alliance, due_date=TODAY - dt.timedelta(days=2))
    assert _summary(alliance).late_actions == 1
    late.status = ActionStatus.DONE
    alliance_services.save_item(alliance=alliance, item=late)
    assert _summary(alliance).late_actions == 0

    convention = ConventionFactory(
        alliance=alliance, status=ConventionStatus.SIGNED, end_date=TODAY + dt.timedelta(days=20)
    )
    assert _summary(alliance).ending_conventions == 1
    alliance_services.delete_item(alliance=alliance, item=convention)
    assert _summary(alliance).ending_conventions == 0

    # Target date passed, latest value short of the target: to watch.
    indicator = IndicatorFactory(alliance=alliance)
    MeasurementFactory(indicator=indicator)
    assert _summary(alliance).off_track_indicators == 1
    # The target reached on its date: nothing to watch any more.
    reached = evaluation_services.record_measurement(
        indicator=indicator, date=dt.date(2026, 7, 1), value=Decimal("330000")
    )
    assert _summary(alliance).off_track_indicators == 0
    evaluation_services.delete_measurement(measurement=reached)
    assert _summary(alliance).off_track_indicators == 1
    evaluation_services.import_measurements(
        rows=[
            SimpleNamespace(
                indicator=indicator,
                date=dt.date(2026, 7, 2),
                value=Decimal("320000"),
                source="",
                comment="",
            )
        ]
    )
    assert _summary(alliance).off_track_indicators == 0


def test_an_associations_figures_add_up_the_alliances_it_leads_or_has_joined():
    association = AssociationFactory()
    led = AllianceFactory(lead=association)
    joined = AllianceFactory()
    ActionFactory(alliance=led, due_date=TODAY - dt.timedelta(days=1))
    ActionFactory(alliance=joined, due_date=TODAY - dt.timedelta(days=1))
    ActionFactory(alliance=joined, due_date=TODAY - dt.timedelta(days=9))
    member = AllianceMemberFactory(alliance=joined, association=association)
    figures = AssociationSummary.objects.get(pk=association.pk)
    assert (figures.alliances, figures.late_actions, figures.attention) == (2, 3, 3)

    alliance_services.end_co_membership(member=member)
    figures.refresh_from_db()
    assert (figures.alliances, figures.late_actions, figures.attention) == (1, 1, 1)

    alliance_services.delete_alliance(alliance=led)
    figures.refresh_from_db()
    assert (figures.alliances, figures.attention) == (0, 0)


def test_what_changes_with_the_date_alone_is_caught_by_the_nightly_job():
    alliance = AllianceFactory()
    ActionFactory(alliance=alliance, due_date=TODAY + dt.timedelta(days=1))
    ConventionFactory(
        alliance=alliance, status=ConventionStatus.SIGNED, end_date=TODAY + dt.timedelta(days=70)
    )
    assert _summary(alliance).attention == 0

    summaries.refresh_all(today=TODAY + dt.timedelta(days=15))
    summary = _summary(alliance)
    assert (summary.late_actions, summary.ending_conventions) == (1, 1)
    assert summary.alerts_on == TODAY + dt.timedelta(days=15)
    assert AssociationSummary.objects.get(pk=alliance.lead_id).attention == 2


def test_a_change_made_behind_the_services_back_is_put_right_by_the_nightly_job():
    alliance = AllianceFactory()
    action = ActionFactory(alliance=alliance, due_date=TODAY - dt.timedelta(days=3))
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.DONE)  # a shell, a script
    assert _summary(alliance).late_actions == 1

    refresh_stored_figures()
    assert _summary(alliance).late_actions == 0
    assert AssociationSummary.objects.get(pk=alliance.lead_id).attention == 0


def test_attention_filter_and_sort_follow_a_change_made_after_a_visit(client):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    calm, busy = (AssociationFactory(name=name) for name in ("Calme", "Occupée"))
    for association in (calm, busy):
        NetworkMembershipFactory(network=network, association=association)
    calm_alliance = AllianceFactory(lead=calm)
    ActionFactory(alliance=AllianceFactory(lead=busy), due_date=TODAY - dt.timedelta(days=1))
    client.force_login(head.user)
    url = reverse("networks:network_detail", args=[network.pk])

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
    url = reverse("networks:network_detail", args=[network.pk])

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
        url = reverse("networks:network_detail", args=[network.pk])
        counts[name] = _count(client, url, params)

    assert counts["10"] == counts["200"]
    assert counts["200"] <= 20
