"""Storing what is derived from finished campaigns: each campaign's scores when it closes, which
campaign is each association's latest, and each network's benchmark (models/benchmark.py).

Called by the services that close or reopen a campaign and by those that change a network's
members, in their transaction; `refresh_all` is the nightly check (core/tasks.py).
"""

from collections import defaultdict

from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from organisations.models import Association, Network, NetworkMembership

from .models import Axis, Campaign, NetworkBenchmark
from .results import score_campaigns
from .scoring import network_benchmark, result_as_json, summary_from_json


def store_scores(campaigns):
    """Scores the campaigns from their answers and stores the result on each (finished
    campaigns only; an open one keeps none)."""
    campaigns = [c for c in campaigns if c.is_finished]
    results = score_campaigns(campaigns)
    for campaign in campaigns:
        result = results[campaign.pk]
        campaign.scores = result_as_json(result)
        campaign.maturity_level = result.maturity_level
    Campaign.objects.bulk_update(campaigns, ["scores", "maturity_level"], batch_size=500)


def mark_latest(association_ids):
    """Flags each association's most recent finished campaign (`is_latest`), and no other."""
    ids = list({pk for pk in association_ids if pk})
    if not ids:
        return
    latest = {}
    for pk, association_id in (
        Campaign.objects.finished()
        .filter(association_id__in=ids)
        .order_by("association_id", "closed_at", "pk")
        .values_list("pk", "association_id")
    ):
        latest[association_id] = pk
    wrong = Campaign.objects.filter(association_id__in=ids, is_latest=True).exclude(
        pk__in=latest.values()
    )
    wrong.update(is_latest=False)
    Campaign.objects.filter(pk__in=latest.values(), is_latest=False).update(is_latest=True)
    copy_to_memberships(ids)


def copy_to_memberships(association_ids):
    """Each network membership of these associations gets its latest finished campaign's
    maturity level and date (what the network dashboard sorts and filters by)."""
    latest = Campaign.objects.filter(association_id=OuterRef("association_id"), is_latest=True)
    NetworkMembership.objects.filter(association_id__in=association_ids).update(
        maturity_level=Subquery(latest.values("maturity_level")[:1]),
        diagnostic_date=Subquery(latest.values("closed_at")[:1]),
    )


def _lock(networks):
    if connection.features.has_select_for_update:
        networks = networks.select_for_update(
            no_key=connection.features.has_select_for_no_key_update
        )
    return list(networks.order_by("pk"))


def refresh_networks(network_ids):
    """Each network's benchmark, from its active members' stored scores."""
    now = timezone.now()
    for network in _lock(Network.objects.filter(pk__in={pk for pk in network_ids if pk})):
        members = Association.objects.active_in(network).values("pk")
        member_count = members.count()
        finished = Campaign.objects.finished().filter(association_id__in=members)
        latest = [
            summary
            for summary in (
                summary_from_json(scores)
                for scores in finished.filter(is_latest=True).values_list("scores", flat=True)
            )
            if summary is not None
        ]
        # Each member's latest finished campaign of each year.
        by_year = {}
        for association_id, closed_at, scores in finished.order_by(
            "association_id", "closed_at", "pk"
        ).values_list("association_id", "closed_at", "scores"):
            by_year[(timezone.localtime(closed_at).year, association_id)] = scores
        yearly = defaultdict(list)
        for (year, _association_id), scores in by_year.items():
            summary = summary_from_json(scores)
            yearly[year].append(summary.overall if summary else None)
        versions = finished.filter(is_latest=True).values("version_id")
        titles = {}
        for code, title in (
            Axis.objects.filter(version_id__in=versions)
            .order_by("position", "version_id")
            .values_list("code", "title")
        ):
            titles.setdefault(code, title)
        NetworkBenchmark.objects.update_or_create(
            network=network,
            defaults={
                "figures": network_benchmark(member_count, latest, yearly, titles),
                "computed_at": now,
            },
        )


def networks_of(association_ids) -> set[int]:
    """The networks these associations are active members of: whose benchmark they feed."""
    return set(
        NetworkMembership.objects.filter(
            association_id__in=association_ids, state=NetworkMembership.State.ACTIVE
        ).values_list("network_id", flat=True)
    )


def refresh_all(*, rescore=False, batch=500):
    """The nightly check: scores of finished campaigns that have none (all with `rescore`,
    after a change of the scoring rules), the latest flags, every network's benchmark."""
    campaigns = Campaign.objects.finished().order_by("pk")
    if not rescore:
        campaigns = campaigns.filter(scores__isnull=True)
    ids = list(campaigns.values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            store_scores(
                Campaign.objects.filter(pk__in=ids[start : start + batch]).only(
                    "pk", "association_id", "version_id", "status", "closed_at"
                )
            )
    association_ids = list(Association.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(association_ids), batch):
        with transaction.atomic():
            mark_latest(association_ids[start : start + batch])
    for network_id in Network.objects.order_by("pk").values_list("pk", flat=True):
        with transaction.atomic():
            refresh_networks([network_id])
    return len(ids)
