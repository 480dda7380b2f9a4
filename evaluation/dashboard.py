"""The association dashboard's panel: its alliances' evaluation, and the indicators that need
attention (off track, target missed or a measurement overdue)."""

from django.utils import timezone

from alliances.models import Alliance
from core.dashboard import Panel

from .models import Indicator
from .selectors import attention_rows


def association_panels(request, association, capability):
    context = _panel_context(association)
    if not context["alliances"]:
        return []
    return [Panel("evaluation/_dashboard_panel.html", context, order=40)]


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
