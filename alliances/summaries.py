"""Keeping the stored summaries right (models/summary.py): called by every service that
changes an alliance's rows, in the same transaction, and by the nightly job.

Each refresh locks the rows it recomputes (the alliances, then their associations, in primary
key order) before reading their sources, so two writes on the same alliance at once cannot
leave a summary computed from either one alone: the second waits, then reads both.
"""

from collections import defaultdict

from django.db import connection
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from organisations.models import Association, NetworkMembership

from .models import (
    Action,
    Alliance,
    AllianceMember,
    AllianceSummary,
    AssociationSummary,
    Convention,
)
from .selectors import step_facts
from .stepper import StepFacts, current_step_of

ALERT_FIELDS = ("late_actions", "ending_conventions", "off_track_indicators")
BATCH = 500


def _lock(queryset):
    """SELECT … FOR NO KEY UPDATE on PostgreSQL: serialises the refreshes of these rows without
    blocking the inserts of rows that point at them (SQLite runs one writer at a time)."""
    if connection.features.has_select_for_update:
        queryset = queryset.select_for_update(
            no_key=connection.features.has_select_for_no_key_update
        )
    return list(queryset.order_by("pk").values_list("pk", flat=True))


def _counts(queryset, ids):
    return dict(
        queryset.filter(alliance_id__in=ids)
        .order_by()
        .values_list("alliance_id")
        .annotate(n=Count("pk"))
    )


def participants(alliance_ids) -> set[int]:
    """The leads and active co-members of these alliances: whose figures they add to."""
    leads = Alliance.objects.filter(pk__in=alliance_ids).values_list("lead_id", flat=True)
    members = AllianceMember.objects.filter(
        alliance_id__in=alliance_ids, state=AllianceMember.State.ACTIVE
    ).values_list("association_id", flat=True)
    return {*leads, *members}


def refresh(alliance_ids, *, today=None, associations=(), with_associations=True):
    """The steps and alerts of these alliances (the indicators' part is evaluation's), then the
    figures of every association they count for, and of `associations` (one that just left)."""
    ids = _lock(Alliance.objects.filter(pk__in={pk for pk in alliance_ids if pk}))
    if ids:
        today = today or timezone.localdate()
        facts = step_facts(ids)
        late = _counts(Action.objects.late(today), ids)
        ending = _counts(Convention.objects.ending_soon(today), ids)
        AllianceSummary.objects.bulk_create(
            [
                AllianceSummary(
                    alliance_id=pk,
                    facts=facts[pk].as_json(),
                    current_step=current_step_of(facts[pk]),
                    late_actions=late.get(pk, 0),
                    ending_conventions=ending.get(pk, 0),
                    alerts_on=today,
                )
                for pk in ids
            ],
            update_conflicts=True,
            unique_fields=["alliance"],
            update_fields=[
                "facts",
                "current_step",
                "late_actions",
                "ending_conventions",
                "alerts_on",
            ],
        )
    if with_associations:
        refresh_associations({*participants(ids), *associations})


def record_off_track(counts: dict[int, int], *, today=None):
    """{alliance id: its indicators needing attention} (computed by evaluation), then the
    figures of the associations they count for."""
    ids = _lock(Alliance.objects.filter(pk__in=counts))
    missing = set(ids) - set(
        AllianceSummary.objects.filter(pk__in=ids).values_list("pk", flat=True)
    )
    if missing:
        refresh(missing, today=today)
    by_count = defaultdict(list)
    for pk in ids:
        by_count[counts[pk]].append(pk)
    for count, pks in by_count.items():
        AllianceSummary.objects.filter(pk__in=pks).update(off_track_indicators=count)
    refresh_associations(participants(ids))


def refresh_associations(association_ids):
    """Each association's count of alliances and the sum of their alerts."""
    ids = _lock(Association.objects.filter(pk__in={pk for pk in association_ids if pk}))
    if not ids:
        return
    by_association = defaultdict(set)
    for lead_id, pk in Alliance.objects.filter(lead_id__in=ids).values_list("lead_id", "pk"):
        by_association[lead_id].add(pk)
    for association_id, pk in AllianceMember.objects.filter(
        association_id__in=ids, state=AllianceMember.State.ACTIVE
    ).values_list("association_id", "alliance_id"):
        by_association[association_id].add(pk)
    alliance_ids = {pk for pks in by_association.values() for pk in pks}
    alerts = {
        row[0]: row[1:]
        for row in AllianceSummary.objects.filter(pk__in=alliance_ids).values_list(
            "pk", *ALERT_FIELDS
        )
    }
    rows = []
    for association_id in ids:
        pks = by_association.get(association_id, ())
        late, ending, off_track = (
            sum(alerts.get(pk, (0, 0, 0))[i] for pk in pks) for i in range(len(ALERT_FIELDS))
        )
        rows.append(
            AssociationSummary(
                association_id=association_id,
                alliances=len(pks),
                late_actions=late,
                ending_conventions=ending,
                off_track_indicators=off_track,
                attention=late + ending + off_track,
            )
        )
    AssociationSummary.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["association"],
        update_fields=["alliances", *ALERT_FIELDS, "attention"],
    )
    copy_to_memberships(ids)


def copy_to_memberships(association_ids):
    """Each network membership of these associations gets their alliances' count and what
    needs attention (what the network dashboard sorts and filters by)."""
    summary = AssociationSummary.objects.filter(association_id=OuterRef("association_id"))
    NetworkMembership.objects.filter(association_id__in=association_ids).update(
        alliances=Coalesce(Subquery(summary.values("alliances")[:1]), 0),
        attention=Coalesce(Subquery(summary.values("attention")[:1]), 0),
    )


def facts_of(alliance) -> StepFacts:
    """The alliance's stored step facts (nothing yet when it has no summary)."""
    try:
        return StepFacts.from_json(alliance.summary.facts)
    except AllianceSummary.DoesNotExist:
        return StepFacts()


def refresh_all(*, today=None, batch=BATCH):
    """Every alliance, then every association: the nightly job (see core.tasks)."""
    from django.db import transaction

    today = today or timezone.localdate()
    ids = list(Alliance.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            refresh(ids[start : start + batch], today=today, with_associations=False)
    association_ids = list(Association.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(association_ids), batch):
        with transaction.atomic():
            refresh_associations(association_ids[start : start + batch])
    return len(ids)
