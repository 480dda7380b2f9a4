"""The association dashboard's alliance panel: each alliance's step, late actions and
conventions ending within 60 days."""

from core.dashboard import Panel

from .models import Action, Convention
from .selectors import alliances_of
from .stepper import STEP_TITLES


def association_panels(request, association, capability):
    return [
        Panel(
            "alliances/panels/association_alliances.html",
            _alliances_context(association, capability),
            order=20,
        )
    ]


def _alliances_context(association, capability):
    alliances = list(alliances_of(association).select_related("summary"))
    ids = [a.pk for a in alliances]
    late_actions = list(Action.objects.late().filter(alliance_id__in=ids).order_by("due_date")[:10])
    rows = []
    for alliance in alliances:
        summary = getattr(alliance, "summary", None)
        current = summary.current_step if summary else 1
        rows.append(
            {
                "alliance": alliance,
                "current": current,
                "current_title": STEP_TITLES.get(current, ""),
                "late": summary.late_actions if summary else 0,
            }
        )
    ending = list(
        Convention.objects.ending_soon()
        .filter(alliance_id__in=ids)
        .select_related("alliance")
        .order_by("end_date")
    )
    return {
        "association": association,
        "is_member": capability.is_member,
        "can_create": capability.is_member and capability.can_edit,
        "rows": rows,
        "late_actions": late_actions,
        "ending": ending,
    }
