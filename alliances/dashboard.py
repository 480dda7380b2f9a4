"""The association dashboard's alliance panel: each alliance's step, late actions and
conventions ending within 60 days."""

from django.db.models import Count

from core.dashboard import Panel

from .models import Action, Convention, Review
from .selectors import alliances_of, count_of
from .step_cache import cached_current_steps
from .stepper import STEP_TITLES


def association_panels(request, association, capability):
    alliances = list(alliances_of(association).annotate(n_late=count_of(Action.objects.late())))
    ids = [a.pk for a in alliances]
    steps = cached_current_steps(ids)
    late_actions = list(Action.objects.late().filter(alliance_id__in=ids).order_by("due_date")[:10])
    rows = []
    for alliance in alliances:
        current = steps[alliance.pk]
        rows.append(
            {
                "alliance": alliance,
                "current": current,
                "current_title": STEP_TITLES.get(current, ""),
                "late": alliance.n_late,
            }
        )
    ending = list(
        Convention.objects.ending_soon()
        .filter(alliance_id__in=ids)
        .select_related("alliance")
        .order_by("end_date")
    )
    reviews = list(
        Review.objects.filter(alliance_id__in=ids)
        .select_related("network", "alliance")
        .annotate(reply_count=Count("replies"))
        .order_by("-created_at")[:5]
    )
    panels = []
    if reviews:
        panels.append(
            Panel(
                "alliances/panels/association_reviews.html",
                {"reviews": reviews},
                order=15,
            )
        )
    return panels + [
        Panel(
            "alliances/panels/association_alliances.html",
            {
                "association": association,
                "is_member": capability.is_member,
                "rows": rows,
                "late_actions": late_actions,
                "ending": ending,
            },
            order=20,
        )
    ]
