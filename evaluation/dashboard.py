"""The association dashboard's panel: indicators of its alliances that need attention."""

from django.utils import timezone

from alliances.models import Alliance
from core.dashboard import Panel

from .models import Indicator
from .selectors import indicator_rows


def association_panels(request, association, capability):
    alliances = Alliance.objects.of_association(association).values("pk")
    queryset = (
        Indicator.objects.filter(alliance__in=alliances)
        .select_related("alliance")
        .order_by("alliance__title", "name")
    )
    rows = indicator_rows(queryset, timezone.localdate())
    if not rows:
        return []
    flagged = [row for row in rows if row.needs_attention]
    return [
        Panel(
            template="evaluation/_dashboard_panel.html",
            context={"flagged": flagged, "total": len(rows)},
            order=40,
        )
    ]
