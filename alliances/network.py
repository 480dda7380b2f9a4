"""What a network head sees of the members: one row per active member association, gathered
in a fixed number of queries whatever the number of members (see test_network_dashboard)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    Action,
    Alliance,
    AllianceMember,
    Association,
    Convention,
    NetworkMembership,
)
from .selectors import count_of, steps_by_alliance
from .stepper import current_step

SIZES = {
    "none": (_("No employee"), 0, 0),
    "small": (_("1 to 9 employees"), 1, 9),
    "medium": (_("10 to 49 employees"), 10, 49),
    "large": (_("50 employees or more"), 50, None),
}


def size_q(code):
    _label, low, high = SIZES[code]
    q = Q(employees__gte=low)
    if high is not None:
        q &= Q(employees__lte=high)
    return q


@dataclass
class AllianceLine:
    alliance: Alliance
    current_step: int | None
    late_actions: int = 0
    off_track: int = 0
    ending_conventions: int = 0


@dataclass
class MemberRow:
    association: Association
    member_since: object
    campaign: object = None  # latest finished diagnostic campaign
    result: object = None  # its CampaignResult
    alliances: list[AllianceLine] = field(default_factory=list)

    @property
    def maturity_level(self):
        return self.result.maturity_level if self.result else None

    @property
    def diagnostic_date(self):
        return self.campaign.closed_at if self.campaign else None

    @property
    def late_actions(self):
        return sum(line.late_actions for line in self.alliances)

    @property
    def off_track(self):
        return sum(line.off_track for line in self.alliances)

    @property
    def ending_conventions(self):
        return sum(line.ending_conventions for line in self.alliances)

    @property
    def needs_attention(self):
        return bool(self.late_actions or self.off_track or self.ending_conventions)


def member_associations(network):
    """The network's active members, as a queryset the filters narrow down."""
    return Association.objects.filter(
        network_memberships__network=network,
        network_memberships__state=NetworkMembership.State.ACTIVE,
    )


def member_rows(associations, network, today=None) -> list[MemberRow]:
    """One row per association of the queryset, with its latest diagnostic and its alliances."""
    from diagnostics.results import latest_finished_per_association, score_campaigns
    from evaluation.models import Indicator
    from evaluation.selectors import attention_rows

    today = today or timezone.localdate()
    since = (
        NetworkMembership.objects.filter(network=network, association_id=OuterRef("pk"))
        .order_by()
        .values("responded_at")[:1]
    )
    rows = {
        a.pk: MemberRow(a, a.member_since)
        for a in associations.annotate(member_since=Subquery(since))
    }
    ids = list(rows)
    if not ids:
        return []
    campaigns = latest_finished_per_association(ids)
    results = score_campaigns(campaigns)
    for campaign in campaigns:
        row = rows[campaign.association_id]
        row.campaign, row.result = campaign, results[campaign.pk]

    # Alliances led by a member or joined as active co-member, with their late actions and
    # conventions ending soon (correlated counts): two queries.
    joined = list(
        AllianceMember.objects.filter(
            association_id__in=ids, state=AllianceMember.State.ACTIVE
        ).values_list("alliance_id", "association_id")
    )
    alliances = {
        alliance.pk: alliance
        for alliance in Alliance.objects.filter(
            Q(lead_id__in=ids) | Q(pk__in={alliance_id for alliance_id, _a in joined})
        ).annotate(
            n_late_actions=count_of(Action.objects.late(today)),
            n_ending_conventions=count_of(Convention.objects.ending_soon()),
        )
    }
    by_association = defaultdict(set)
    for alliance in alliances.values():
        if alliance.lead_id in rows:
            by_association[alliance.lead_id].add(alliance.pk)
    for alliance_id, association_id in joined:
        by_association[association_id].add(alliance_id)
    alliance_ids = set(alliances)
    late = {pk: a.n_late_actions for pk, a in alliances.items()}
    ending = {pk: a.n_ending_conventions for pk, a in alliances.items()}
    steps = steps_by_alliance(alliance_ids)
    off_track = defaultdict(int)
    for indicator_row in attention_rows(
        Indicator.objects.filter(alliance_id__in=alliance_ids), today
    ):
        if indicator_row.needs_attention:
            off_track[indicator_row.indicator.alliance_id] += 1
    lines = {
        pk: AllianceLine(
            alliance,
            current_step(steps[pk]),
            late.get(pk, 0),
            off_track.get(pk, 0),
            ending.get(pk, 0),
        )
        for pk, alliance in alliances.items()
    }
    for association_id, pks in by_association.items():
        rows[association_id].alliances = sorted(
            (lines[pk] for pk in pks), key=lambda line: line.alliance.title
        )
    return list(rows.values())


SORTS = {
    "name": lambda row: row.association.name.lower(),
    "maturity": lambda row: (row.maturity_level is None, row.maturity_level or 0),
    "diagnostic": lambda row: (row.diagnostic_date is None, row.diagnostic_date or 0),
    "alliances": lambda row: len(row.alliances),
    "attention": lambda row: -(row.late_actions + row.off_track + row.ending_conventions),
}
