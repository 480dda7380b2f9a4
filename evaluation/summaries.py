"""What the evaluation adds to each alliance's stored summary (alliances/models/summary.py):
how many of its indicators need attention (off track, target missed, a measurement overdue),
each indicator's flags (IndicatorStatus) and when its evaluation last changed. Called by every
service of this app, in its transaction, and by the nightly job (an indicator falls behind
with the date alone)."""

from django.db import transaction
from django.utils import timezone

from alliances.models import Alliance, AllianceSummary
from alliances.summaries import record_off_track

from .models import Indicator, IndicatorStatus
from .selectors import attention_rows

BATCH = 500


def refresh(alliance_ids, *, today=None, changed=True):
    """The alliances' indicators needing attention; with `changed`, their evaluation changed
    now (a report made before is no longer current)."""
    ids = {pk for pk in alliance_ids if pk}
    if not ids:
        return
    today = today or timezone.localdate()
    counts = dict.fromkeys(ids, 0)
    statuses = []
    for row in attention_rows(Indicator.objects.filter(alliance_id__in=ids), today):
        follow_up = row.follow_up
        statuses.append(
            IndicatorStatus(
                indicator_id=row.indicator.pk,
                off_track=bool(follow_up and follow_up.off_track),
                overdue=bool(follow_up and follow_up.overdue),
                target_missed=bool(follow_up and follow_up.target_missed),
                reached=bool(follow_up and follow_up.progress.reached),
                computed_on=today,
            )
        )
        if row.needs_attention:
            counts[row.indicator.alliance_id] += 1
    IndicatorStatus.objects.bulk_create(
        statuses,
        update_conflicts=True,
        unique_fields=["indicator"],
        update_fields=["off_track", "overdue", "target_missed", "reached", "computed_on"],
    )
    record_off_track(counts, today=today)
    if changed:
        AllianceSummary.objects.filter(pk__in=ids).update(evaluation_changed_at=timezone.now())


def refresh_all(*, today=None, batch=BATCH):
    today = today or timezone.localdate()
    ids = list(Alliance.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            refresh(ids[start : start + batch], today=today, changed=False)
    return len(ids)
