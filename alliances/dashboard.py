"""The association dashboard's alliance panel: each alliance's step, late actions and
conventions ending within 60 days."""

from django.db.models import Count
from django.utils import timezone

from core.dashboard import cached_panel

from .models import Action, Convention, Review
from .revision_sources import association_scopes, dashboard_alliance_ids
from .selectors import alliances_of, count_of
from .step_cache import cached_current_steps
from .stepper import STEP_TITLES


def association_panels(request, association, capability):
    """The reviews and alliances panels, each cached until the association or one of its
    alliances changes (and for the day: lateness and endings depend on the date)."""
    scopes = association_scopes(association)
    today = timezone.localdate().isoformat()
    reviews = cached_panel(
        request,
        "alliances/panels/association_reviews.html",
        lambda: {"reviews": _latest_reviews(dashboard_alliance_ids(association))},
        scopes=scopes,
        parts=(association.pk,),
        order=15,
    )
    alliances = cached_panel(
        request,
        "alliances/panels/association_alliances.html",
        lambda: _alliances_context(association, capability),
        scopes=scopes,
        parts=(association.pk, capability.is_member, today),
        order=20,
    )
    return [reviews, alliances] if reviews.html.strip() else [alliances]


def _latest_reviews(alliance_ids):
    return list(
        Review.objects.filter(alliance_id__in=alliance_ids)
        .select_related("network", "alliance")
        .annotate(reply_count=Count("replies"))
        .order_by("-created_at")[:5]
    )


def _alliances_context(association, capability):
    alliances = list(alliances_of(association).annotate(n_late=count_of(Action.objects.late())))
    ids = [a.pk for a in alliances]
    steps = cached_current_steps(ids)
    late_actions = list(Action.objects.late().filter(alliance_id__in=ids).order_by("due_date")[:10])
    rows = [
        {
            "alliance": alliance,
            "current": steps[alliance.pk],
            "current_title": STEP_TITLES.get(steps[alliance.pk], ""),
            "late": alliance.n_late,
        }
        for alliance in alliances
    ]
    ending = list(
        Convention.objects.ending_soon()
        .filter(alliance_id__in=ids)
        .select_related("alliance")
        .order_by("end_date")
    )
    return {
        "association": association,
        "is_member": capability.is_member,
        "rows": rows,
        "late_actions": late_actions,
        "ending": ending,
    }
