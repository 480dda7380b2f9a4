"""What to watch on each alliance: late actions, indicators off track, conventions ending soon.

The network dashboard filters and sorts its 500 members on these figures, which means every
member's alliances (~2,500) and their indicators (~15,000, each with the follow-up maths of
`evaluation.progress`) at each visit: ~2.5 s. They are cached per alliance and per day (they
depend on the date), and forgotten as soon as an action, a convention, an indicator or a
measurement of the alliance changes (`forget_on_change`, connected in apps.py; the measurement
import calls `forget` itself, as bulk_create sends no signal).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

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


def _key(alliance_id, today: dt.date):
    return f"alliances:alerts:v1:{today.isoformat()}:{alliance_id}"


def alerts_by_alliance(alliance_ids, today: dt.date | None = None) -> dict[int, Alerts]:
    """{alliance id: Alerts} for any number of alliances: one cache read, and on a miss three
    queries for the missing ones."""
    today = today or timezone.localdate()
    ids = list(alliance_ids)
    if not ids:
        return {}
    keys = {_key(pk, today): pk for pk in ids}
    found = {keys[key]: alerts for key, alerts in cache.get_many(keys).items()}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        fresh = compute_alerts(missing, today)
        cache.set_many({_key(pk, today): fresh[pk] for pk in missing}, ALERTS_TTL)
        found.update(fresh)
    return found


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


def forget(alliance_ids):
    """Drop the cached alerts of these alliances now (this transaction reads its own changes)
    and again once it commits (another request may have cached the old figures meanwhile)."""
    ids = {pk for pk in alliance_ids if pk}
    if not ids:
        return
    keys = [_key(pk, timezone.localdate()) for pk in ids]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def forget_on_change(sender, instance, **kwargs):
    """post_save / post_delete receiver for the models the alerts read."""
    alliance_id = getattr(instance, "alliance_id", None)
    if alliance_id is None and getattr(instance, "indicator_id", None):
        # A measurement: its indicator says which alliance.
        from evaluation.models import Indicator

        alliance_id = (
            Indicator.objects.filter(pk=instance.indicator_id)
            .values_list("alliance_id", flat=True)
            .first()
        )
    forget([alliance_id])
