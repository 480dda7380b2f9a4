"""Every list page costs the same number of queries with few or many rows."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliances.models import (
    ActionStep,
    Candidate,
    Contribution,
    ConventionParty,
    CriterionScore,
    Exchange,
    Resource,
    SelectionCriterion,
    SwotItem,
)
from alliances.tests.factories import (
    ActionFactory,
    AllianceFactory,
    AlliancePartnerFactory,
    ConventionFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db


def _fill(alliance, n):
    """n of everything the alliance pages list."""
    criteria = [
        SelectionCriterion.objects.create(alliance=alliance, name=f"Critère {i}") for i in range(2)
    ]
    for i in range(n):
        partner = PartnerFactory(association=alliance.lead)
        SwotItem.objects.create(alliance=alliance, quadrant="strength", text=f"Force {i}")
        candidate = Candidate.objects.create(
            alliance=alliance, partner=partner, category="companies"
        )
        for criterion in criteria:
            CriterionScore.objects.create(candidate=candidate, criterion=criterion, score=3)
        Exchange.objects.create(
            alliance=alliance, candidate=candidate, date=dt.date(2026, 1, 1), participants="A, B"
        )
        alliance_partner = AlliancePartnerFactory(alliance=alliance)
        Contribution.objects.create(alliance=alliance, partner=alliance_partner, cash=100)
        Resource.objects.create(alliance=alliance, kind="subsidies", description="S", amount=10)
        convention = ConventionFactory(alliance=alliance)
        ConventionParty.objects.create(
            convention=convention, partner=alliance_partner, commitments="Financer"
        )
        action = ActionFactory(
            alliance=alliance,
            owner_partner=alliance_partner,
            start_date=dt.date(2026, 1, 1),
            due_date=dt.date(2026, 2, 1),
        )
        ActionStep.objects.create(action=action, title="Étape")


def _count(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def _cold_and_warm(client, url):
    """Queries of a visit with nothing cached (figures and fragments: core/revisions.py),
    then of the next one, served from the cache."""
    cache.clear()
    return _count(client, url), _count(client, url)


PAGES = [
    ("alliances:alliance_detail", None),
    ("alliances:alliance_step", 1),
    ("alliances:alliance_step", 3),
    ("alliances:alliance_step", 4),
    ("alliances:alliance_step", 5),
    ("alliances:action_plan", None),
    ("alliances:economic_model", None),
    ("alliances:alliance_members", None),
    ("alliances:scoring", None),
]


@pytest.mark.parametrize(("name", "step"), PAGES)
def test_alliance_pages_cost_the_same_queries_with_2_or_12_rows(client, world, name, step):
    small, large = AllianceFactory(lead=world.association), AllianceFactory(lead=world.association)
    _fill(small, 2)
    _fill(large, 12)
    client.force_login(world.editor)

    def url(alliance):
        args = [alliance.pk, step] if step else [alliance.pk]
        return reverse(name, args=args)

    _count(client, url(small))  # warm the session
    assert _cold_and_warm(client, url(large)) == _cold_and_warm(client, url(small))


def test_the_alliance_list_and_the_dashboard_cost_the_same_queries_with_2_or_10_alliances(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.editor)
    for _ in range(2):
        _fill(AllianceFactory(lead=world.association), 1)
    list_url = reverse("alliances:alliance_list", args=[world.association.pk])
    dashboard = reverse("accounts:dashboard")
    _count(client, list_url)
    few = _cold_and_warm(client, list_url), _cold_and_warm(client, dashboard)
    for _ in range(8):
        _fill(AllianceFactory(lead=world.association), 1)
    assert _cold_and_warm(client, list_url) == few[0]
    assert _cold_and_warm(client, dashboard) == few[1]


def test_the_partner_directory_costs_the_same_queries_with_3_or_15_partners(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.editor)
    url = reverse("alliances:partner_list", args=[world.association.pk])
    for _ in range(3):
        PartnerFactory(association=world.association)
    _count(client, url)
    few = _count(client, url)
    for _ in range(12):
        PartnerFactory(association=world.association)
    with django_assert_max_num_queries(few):
        response = client.get(url)
    assert len(response.context["partners"]) == 15
