"""What to watch on each alliance: late actions, indicators off track, conventions ending soon.

The network dashboard filters and sorts its 500 members on these figures, which means every
member's alliances (~4,000) and their indicators (~15,000, each with the follow-up maths of
`evaluation.progress`) at each visit: ~2.5 s. They are cached per member association and per
day (they depend on the date), and forgotten as soon as an action, a convention, an indicator
or a measurement of one of its alliances changes, or it leads or joins another
(`forget_on_change`, connected in apps.py; the measurement import calls `forget` itself, as
bulk_create sends no signal).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from core.cached_many import cached_many
from core.cached_many import forget as forget_keys

#: Every model the alerts are read from (receivers connected in apps.py).
ALERT_SOURCES = (
    "alliances.Alliance",
    "alliances.AllianceMember",
    "alliances.Action",
    "alliances.Convention",
    "evaluation.Indicator",
    "evaluation.Measurement",
)

#: Bounds how long a change made behind the ORM's back (raw SQL, a shell) can go unseen.
ALERTS_TTL = 6 * 3600


@dataclass(frozen=True)
class Alerts:
    late_actions: int = 0
    off_track: int = 0
    ending_conventions: int = 0

    @property
    def total(self):
        return self.late_actions + self.off_track + self.ending_conventions


def _key(association_id, today: dt.date):
    return f"alliances:member-alerts:v1:{today.isoformat()}:{association_id}"


def alerts_by_member(association_ids, today: dt.date | None = None) -> dict[int, dict]:
    """{association id: {alliance id: Alerts}} over the alliances each association leads or
    has joined: one cache read for any number of members (one key each, so a 500-member
    network reads 500 keys, not its ~4,000 alliances'), and on a miss five queries."""
    from .models import Association
    from .selectors import alliances_of_members

    today = today or timezone.localdate()

    def compute(missing):
        _alliances, by_association = alliances_of_members(
            Association.objects.filter(pk__in=missing)
        )
        alerts = compute_alerts({pk for pks in by_association.values() for pk in pks}, today)
        return {pk: {a: alerts[a] for a in by_association.get(pk, ())} for pk in missing}

    return cached_many({_key(pk, today): pk for pk in association_ids}, compute, ALERTS_TTL)


def compute_alerts(alliance_ids, today: dt.date) -> dict[int, Alerts]:
    """The alerts from the database, uncached: three queries."""
    from django.db.models import Count

    from evaluation.models import Indicator
    from evaluation.selectors import attention_rows

    from .models import Action, Convention

    ids = list(alliance_ids)

    def counts(queryset):
        return dict(
            queryset.filter(alliance_id__in=ids)
            .order_by()
            .values_list("alliance_id")
            .annotate(n=Count("pk"))
        )

    late = counts(Action.objects.late(today))
    ending = counts(Convention.objects.ending_soon(today))
    off_track = defaultdict(int)
    for row in attention_rows(Indicator.objects.filter(alliance_id__in=ids), today):
        if row.needs_attention:
            off_track[row.indicator.alliance_id] += 1
    return {pk: Alerts(late.get(pk, 0), off_track.get(pk, 0), ending.get(pk, 0)) for pk in ids}


def forget(alliance_ids=(), association_ids=()):
    """Drop the cached alerts of the associations concerned by these alliances (their lead and
    co-members) or named (now and again on commit: core.cached_many.forget)."""
    from .models import Alliance, AllianceMember

    alliance_ids = {pk for pk in alliance_ids if pk}
    members = {pk for pk in association_ids if pk}
    if alliance_ids:
        # order_by(): SQLite allows no ORDER BY (Alliance's default one) inside a UNION.
        members.update(
            Alliance.objects.filter(pk__in=alliance_ids)
            .order_by()
            .values_list("lead_id", flat=True)
            .union(
                AllianceMember.objects.filter(alliance_id__in=alliance_ids)
                .order_by()
                .values_list("association_id", flat=True)
            )
        )
    today = timezone.localdate()
    forget_keys(_key(pk, today) for pk in members)


def forget_on_change(sender, instance, **kwargs):
    """post_save / post_delete receiver for the models the alerts read."""
    if sender._meta.label in ("alliances.Alliance", "alliances.AllianceMember"):
        # Who leads or has joined which alliance.
        lead = getattr(instance, "lead_id", None)
        forget(association_ids=[lead or getattr(instance, "association_id", None)])
        return
    from .selectors import alliance_id_of

    alliance_id = alliance_id_of(instance)  # a measurement: through its indicator
    forget([alliance_id])
