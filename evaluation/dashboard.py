"""The association dashboard's panel: its alliances' evaluation, and the indicators that need
attention (off track, target missed or a measurement overdue)."""

from django.utils import timezone

from alliances.models import Alliance
from alliances.revision_sources import association_scopes, dashboard_alliance_ids
from core.dashboard import cached_panel

from .models import Indicator
from .selectors import attention_rows


def association_panels(request, association, capability):
    """Cached until the association or one of its alliances changes, and for the day (a
    measurement becomes overdue with time)."""
    if not dashboard_alliance_ids(association):
        return []
    return [
        cached_panel(
            request,
            "evaluation/_dashboard_panel.html",
            lambda: _panel_context(association),
            scopes=association_scopes(association),
            parts=(association.pk, timezone.localdate().isoformat()),
            order=40,
        )
    ]


def _panel_context(association):
    alliances = list(Alliance.objects.of_association(association).order_by("title"))
    queryset = (
        Indicator.objects.filter(alliance__in=[a.pk for a in alliances])
        .select_related("alliance")
        .order_by("alliance__title", "name")
    )
    # The flags read each indicator's latest measurement only, not its whole series.
    rows = attention_rows(queryset, timezone.localdate())
    counts = {a.pk: [0, 0] for a in alliances}
    for row in rows:
        counts[row.indicator.alliance_id][0] += 1
        counts[row.indicator.alliance_id][1] += row.needs_attention
    return {
        "alliances": [(a, *counts[a.pk]) for a in alliances],
        "flagged": [row for row in rows if row.needs_attention],
        "total": len(rows),
    }
