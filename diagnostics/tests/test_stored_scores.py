"""What a finished campaign stores (its scores, the association's latest) and the network's
stored benchmark: made by the services that close and reopen campaigns and change a
network's members, equal to what scoring the answers gives, and put right by the nightly
check when a row changed behind the services' back."""

from datetime import timedelta

import pytest
from django.utils import timezone

from diagnostics import services, summaries
from diagnostics.models import Campaign, NetworkBenchmark
from diagnostics.results import network_comparison, score_campaigns
from diagnostics.scoring import network_median
from diagnostics.tests.factories import answer, finished_campaign, make_campaign
from networks import services as network_services
from organisations.tests.factories import (
    AssociationFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

pytestmark = pytest.mark.django_db


def _answered_open_campaign(association, values):
    campaign = make_campaign(association)
    for respondent in campaign.respondents.all():
        answer(respondent, values)
    return campaign


def test_closing_a_campaign_stores_the_scores_its_answers_give():
    association = AssociationFactory()
    campaign = _answered_open_campaign(association, lambda code: 2 + (int(code[1]) % 3))

    campaign = services.close_campaign(campaign=campaign)

    live = score_campaigns([campaign])[campaign.pk]
    stored = Campaign.objects.get(pk=campaign.pk).stored_scores
    assert stored.overall == live.overall and stored.display_overall == live.display_overall
    assert [(a.code, a.score) for a in stored.axes] == [(a.code, a.score) for a in live.axes]
    assert campaign.maturity_level == live.maturity_level == stored.maturity_level
    assert [a.code for a in stored.priorities] == [a.code for a in live.priorities]


def test_the_latest_finished_campaign_of_each_association_is_flagged():
    association = AssociationFactory()
    older = finished_campaign(association, 2, opened_at=timezone.now() - timedelta(days=400))
    assert Campaign.objects.get(pk=older.pk).is_latest
    newer = services.close_campaign(campaign=_answered_open_campaign(association, lambda c: 4))
    assert list(Campaign.objects.filter(is_latest=True)) == [newer]


def test_reopening_clears_the_scores_and_the_network_forgets_it():
    network = NetworkFactory()
    members = [AssociationFactory() for _ in range(5)]
    for member in members:
        NetworkMembershipFactory(network=network, association=member)
    earlier = finished_campaign(members[0], 2, opened_at=timezone.now() - timedelta(days=400))
    for member in members[1:]:
        finished_campaign(member, 4)
    latest = services.close_campaign(campaign=_answered_open_campaign(members[0], lambda c: 5))
    assert NetworkBenchmark.objects.get(network=network).contributors == 5

    reopened = services.reopen_campaign(campaign=latest)

    assert reopened.is_open and reopened.scores is None and reopened.maturity_level is None
    assert not reopened.respondents.filter(submitted_at__isnull=False).exists()
    assert Campaign.objects.get(is_latest=True, association=members[0]) == earlier
    medians = NetworkBenchmark.objects.get(network=network).medians()
    # Back to the earlier campaign (2) among four at 4: the median stays 4, the count 5.
    assert all(value == 4 for value in medians.values())


def test_the_benchmark_medians_are_the_members_latest_scores_median():
    network = NetworkFactory()
    for index, value in enumerate((1, 2, 3, 4, 5, 5)):
        member = AssociationFactory()
        NetworkMembershipFactory(network=network, association=member)
        if index == 0:  # an older campaign does not count, the latest does
            finished_campaign(member, 5, opened_at=timezone.now() - timedelta(days=500))
        finished_campaign(member, value)
    association = AssociationFactory()
    NetworkMembershipFactory(network=network, association=association)

    comparison = network_comparison(association)

    latest = Campaign.objects.filter(is_latest=True)
    live = score_campaigns(latest)
    for code, median in comparison.medians.items():
        assert median == network_median([live[c.pk].axis(code).score for c in latest])
    assert comparison.contributors == 6 and comparison.shown


def test_a_member_leaving_the_network_leaves_its_figures():
    network = NetworkHeadFactory().network
    memberships = []
    for value in (1, 2, 3, 4, 5):
        member = AssociationFactory()
        memberships.append(NetworkMembershipFactory(network=network, association=member))
        finished_campaign(member, value)
    assert NetworkBenchmark.objects.get(network=network).contributors == 5

    network_services.leave_network(membership=memberships[0])

    figures = NetworkBenchmark.objects.get(network=network).figures
    assert figures["contributors"] == 4 and figures["members"] == 4
    # Four contributors are fewer than five: no quartile is shown.
    assert all(axis["quartiles"] is None for axis in figures["axes"])


def test_the_nightly_check_scores_a_campaign_closed_behind_the_services_back():
    association = AssociationFactory()
    MembershipFactory(association=association)
    campaign = _answered_open_campaign(association, lambda code: 3)
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.CLOSED, closed_at=timezone.now()
    )
    assert Campaign.objects.get(pk=campaign.pk).scores is None

    summaries.refresh_all()

    campaign = Campaign.objects.get(pk=campaign.pk)
    assert campaign.is_latest and campaign.maturity_level == 2
    assert campaign.stored_scores.display_overall == 3
