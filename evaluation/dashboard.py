"""The association dashboard's panel: its alliances' evaluation, and the indicators that need
attention (off track, target missed or a measurement overdue)."""

from django.db.models import Count, Q, Window

from alliances.models import Alliance
from core.collation import FrenchOrder
from core.dashboard import Panel

from .models import Indicator
from .selectors import IndicatorRow


def association_panels(request, association, capability):
    context = _panel_context(association)
    if not context["alliances"]:
        return []
    return [Panel("evaluation/_dashboard_panel.html", context, order=40)]


#: The indicators to watch the panel lists (the others are counted).
SHOWN = 8


def _panel_context(association):
    """Each alliance's indicators counted, and the indicators to watch, from their stored
    flags (IndicatorStatus)."""
    alliances = list(
        Alliance.objects.of_association(association)
        .annotate(indicator_count=Count("indicators"))
        .order_by(FrenchOrder("title"))
    )
    watched = (
        Indicator.objects.filter(alliance__in=[a.pk for a in alliances])
        .filter(Q(status__off_track=True) | Q(status__overdue=True) | Q(status__target_missed=True))
        .select_related("alliance", "status")
        .annotate(flagged_count=Window(Count("pk")))  # how many in all, in the same query
        .order_by(FrenchOrder("alliance__title"), FrenchOrder("name"))
    )
    flagged = [IndicatorRow(indicator, indicator.status) for indicator in watched[:SHOWN]]
    return {
        "alliances": [(a, a.indicator_count) for a in alliances],
        "flagged": flagged,
        "flagged_count": flagged[0].indicator.flagged_count if flagged else 0,
        "total": sum(a.indicator_count for a in alliances),
    }
