"""The association dashboard's alliance panel: each alliance's step, late actions and
conventions ending within 60 days."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext, ngettext

from core.dashboard import Panel
from core.prepared import Prepared
from core.url_templates import url_maker

from .models import ENDING_SOON_DAYS, Action, Alliance, Convention
from .stepper import STEP_TITLES


def association_panels(request, association, capability):
    return [
        Panel(
            "alliances/panels/association_alliances.html",
            _alliances_context(association, capability),
            order=20,
        )
    ]


#: The association's alliances (led or joined): link, step, late actions.
ALLIANCES = Prepared(
    lambda association: (
        Alliance.objects.of_association(association)
        .order_by("title", "pk")
        .values_list("pk", "title", "summary__current_step", "summary__late_actions")
    ),
    association=int,
)
#: Their ten actions late the longest.
LATE_ACTIONS = Prepared(
    lambda association, today: (
        Action.objects.late(today)
        .filter(alliance__in=Alliance.objects.of_association(association))
        .order_by("due_date", "pk")
        .values_list("alliance_id", "title", "due_date")[:10]
    ),
    association=int,
    today=dt.date,
)
#: Their signed conventions ending within 60 days.
ENDING_CONVENTIONS = Prepared(
    lambda association, today, until: (
        Convention.objects.ending_soon(today, until)
        .filter(alliance__in=Alliance.objects.of_association(association))
        .order_by("end_date", "pk")
        .values_list("title", "alliance__title", "end_date")
    ),
    association=int,
    today=dt.date,
    until=dt.date,
)


def _alliances_context(association, capability):
    """Each alliance's link, step and late actions, the late actions and the conventions
    ending soon, read as plain values (the page's rows need no model instance) with their
    texts and links made here once, rather than by a template tag per row."""
    alliance_url = url_maker("alliances:alliance_detail")
    plan_url = url_maker("alliances:action_plan")
    today = timezone.localdate()
    rows = []
    for pk, title, current, late in ALLIANCES(association=association.pk):
        if late is None:  # no summary yet: nothing there yet
            current, late = 1, 0
        step = (
            gettext("Step %(n)s: %(title)s") % {"n": current, "title": STEP_TITLES.get(current, "")}
            if current
            else gettext("All five steps complete")
        )
        late_text = (
            ngettext("%(n)s late action", "%(n)s late actions", late) % {"n": late} if late else ""
        )
        rows.append({"title": title, "url": alliance_url(pk), "step": step, "late": late_text})
    late_actions = [
        {"title": title, "url": plan_url(alliance_id), "due_date": due_date}
        for alliance_id, title, due_date in LATE_ACTIONS(association=association.pk, today=today)
    ]
    until = today + dt.timedelta(days=ENDING_SOON_DAYS)
    ending = [
        {"title": title, "alliance_title": alliance_title, "end_date": end_date}
        for title, alliance_title, end_date in ENDING_CONVENTIONS(
            association=association.pk, today=today, until=until
        )
    ]
    return {
        "association": association,
        "is_member": capability.is_member,
        "can_create": capability.is_member and capability.can_edit,
        "rows": rows,
        "late_actions": late_actions,
        "ending": ending,
    }
