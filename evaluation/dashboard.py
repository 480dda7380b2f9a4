"""The association dashboard's panel: its alliances' evaluation, and the indicators that need
attention (off track, target missed or a measurement overdue)."""

from django.db.models import Count, Q, Window
from django.utils.translation import ngettext

from alliances.models import Alliance
from core.collation import FrenchOrder
from core.dashboard import Panel
from core.prepared import Prepared
from core.url_templates import url_maker

from .models import Indicator, IndicatorStatus


def association_panels(request, association, capability):
    context = _panel_context(association)
    if not context["alliances"]:
        return []
    return [Panel("evaluation/_dashboard_panel.html", context, order=40)]


#: The indicators to watch the panel lists (the others are counted).
SHOWN = 8


#: IndicatorStatus's flags, as evaluation/_flags.html reads them.
FLAGS = ("off_track", "overdue", "target_missed", "reached")

#: The association's alliances with their number of indicators.
ALLIANCES = Prepared(
    lambda association: (
        Alliance.objects.of_association(association)
        .annotate(indicator_count=Count("indicators"))
        .order_by(FrenchOrder("title"), "pk")
        .values_list("pk", "title", "indicator_count")
    ),
    association=int,
)
#: Their first indicators to watch, with how many there are in all (the same query).
WATCHED = Prepared(
    lambda association: (
        Indicator.objects.filter(alliance__in=Alliance.objects.of_association(association))
        .filter(Q(status__off_track=True) | Q(status__overdue=True) | Q(status__target_missed=True))
        .annotate(flagged_count=Window(Count("pk")))
        .order_by(FrenchOrder("alliance__title"), FrenchOrder("name"), "pk")
        .values_list(
            "alliance_id",
            "pk",
            "name",
            "alliance__title",
            *(f"status__{flag}" for flag in FLAGS),
            "flagged_count",
        )[:SHOWN]
    ),
    association=int,
)


def _panel_context(association):
    """Each alliance's indicators counted, and the indicators to watch, from their stored
    flags (IndicatorStatus), read as plain values with their links and texts made here."""
    objectives_url = url_maker("evaluation:objectives")
    indicators_url = url_maker("evaluation:indicators")
    indicator_url = url_maker("evaluation:indicator_detail", 2)
    alliances = ALLIANCES(association=association.pk)
    rows = WATCHED(association=association.pk) if alliances else []
    flagged = [
        {
            "url": indicator_url(alliance_id, pk),
            "name": name,
            "alliance_title": alliance_title,
            "flags": IndicatorStatus(**dict(zip(FLAGS, flags, strict=True))),
        }
        for alliance_id, pk, name, alliance_title, *flags, _flagged_count in rows
    ]
    return {
        "alliances": [
            {
                "title": title,
                "objectives_url": objectives_url(pk),
                "indicators_url": indicators_url(pk),
                "indicators": ngettext("%(counter)s indicator", "%(counter)s indicators", count)
                % {"counter": count},
            }
            for pk, title, count in alliances
        ],
        "flagged": flagged,
        "flagged_count": rows[0][-1] if rows else 0,
        "total": sum(count for _pk, _title, count in alliances),
    }
