"""The network heads' part of the weekly digest: members needing attention (the stored alert
figures of the network dashboard), diagnostics closed in the week, the members' replies to the
network's reviews. A handful of queries for any number of heads and networks."""

import datetime as dt
from collections import defaultdict

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from diagnostics.models import Campaign
from networks.models import ReviewReply
from organisations.models import NetworkHead, NetworkMembership

SHOWN = 5  # members named per network; the count and the link give the rest


def network_sections(head_ids, since: dt.datetime) -> dict[int, list[dict]]:
    """{head user id: [one dict per network they head, only those with something to say]}."""
    heads = defaultdict(list)
    names = {}
    for user_id, network_id, name in NetworkHead.objects.filter(user_id__in=head_ids).values_list(
        "user_id", "network_id", "network__name"
    ):
        heads[user_id].append(network_id)
        names[network_id] = name
    networks = set(names)
    attention = defaultdict(list)
    counts = defaultdict(int)
    rows = (
        NetworkMembership.objects.filter(
            network_id__in=networks, state=NetworkMembership.State.ACTIVE, attention__gt=0
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("network_id")],
                order_by=[F("attention").desc(), F("name_key").asc()],
            )
        )
        .values_list("network_id", "association__name", "attention", "rank")
    )
    for network_id, name, alerts, rank in rows:
        counts[network_id] += 1
        if rank <= SHOWN:
            attention[network_id].append({"name": name, "alerts": alerts})
    closed = defaultdict(list)
    for network_id, campaign_id, name, level in (
        Campaign.objects.filter(
            status=Campaign.Status.CLOSED,
            closed_at__gte=since,
            association__network_memberships__network_id__in=networks,
            association__network_memberships__state=NetworkMembership.State.ACTIVE,
        )
        .order_by("closed_at")
        .values_list(
            "association__network_memberships__network_id",
            "pk",
            "association__name",
            "maturity_level",
        )
    ):
        closed[network_id].append(
            {
                "name": name,
                "level": level,
                "path": reverse("diagnostics:campaign_detail", args=[campaign_id]),
            }
        )
    replies = defaultdict(list)
    for network_id, review_id, alliance_id, alliance, association in (
        ReviewReply.objects.filter(
            from_network=False, created_at__gte=since, review__network_id__in=networks
        )
        .order_by("created_at")
        .values_list(
            "review__network_id",
            "review_id",
            "review__alliance_id",
            "review__alliance__title",
            "review__alliance__lead__name",
        )
    ):
        replies[network_id].append(
            {
                "alliance": alliance,
                "association": association,
                "path": reverse("networks:reviews", args=[alliance_id]) + f"#review-{review_id}",
            }
        )
    sections = {}
    for user_id, network_ids in heads.items():
        found = []
        for network_id in sorted(network_ids, key=lambda pk: names[pk]):
            if not (counts[network_id] or closed[network_id] or replies[network_id]):
                continue
            found.append(
                {
                    "name": names[network_id],
                    "attention_count": counts[network_id],
                    "attention": attention[network_id],
                    "attention_path": reverse("networks:network_detail", args=[network_id])
                    + "?attention=on",
                    "closed": closed[network_id],
                    "replies": replies[network_id],
                }
            )
        if found:
            sections[user_id] = found
    return sections
