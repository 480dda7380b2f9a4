"""The iCalendar feed of one person: the dates of the alliances they may see.

Visible alliances follow the tenancy rule of organisations/alliances access: those led or
joined (as an active co-member) by an association the person works for, or by an active
member of a network they head. A platform admin's feed holds their own associations' only:
every alliance of the platform is not a calendar.

A guest of an alliance's partners' space (an active access, reader or contributor) gets the
dates that space shares with it, linked to its pages there: the action plan's deadlines, the
governance meetings, the end of the conventions its organisation is party to; never the
alliance's internal dates (measurements due, other conventions).
"""

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from alliances.models import (
    Action,
    Alliance,
    AllianceMember,
    Convention,
    ConventionStatus,
    Meeting,
)
from evaluation.models import Indicator, Measurement
from evaluation.progress import next_due_date
from organisations.access import network_association_ids, user_roles
from partnerspace.models import GuestAccess

from .due import OPEN_ACTION


def visible_alliances(user) -> dict[int, str]:
    """{alliance id: title} the person may see (alliances/access.py's rule)."""
    associations = set(user_roles(user)) | set(network_association_ids(user))
    joined = AllianceMember.objects.filter(
        association_id__in=associations, state=AllianceMember.State.ACTIVE
    ).values("alliance_id")
    return dict(
        Alliance.objects.filter(Q(lead_id__in=associations) | Q(pk__in=joined)).values_list(
            "pk", "title"
        )
    )


def guest_alliances(user, today: dt.date, exclude) -> dict[int, tuple[str, int]]:
    """{alliance id: (title, partner id)} of the person's active guest accesses, but for the
    alliances in `exclude` (seen in full as staff)."""
    return {
        alliance_id: (title, partner_id)
        for alliance_id, title, partner_id in GuestAccess.objects.active(today)
        .filter(user=user)
        .exclude(alliance_id__in=list(exclude))
        .values_list("alliance_id", "alliance__title", "partner_id")
    }


def _event(uid, day: dt.date, summary: str, path: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", f"{uid}@faire-alliance")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("url", f"{settings.SITE_URL}{path}")
    return event


def feed(user, today: dt.date) -> bytes:
    alliances = visible_alliances(user)
    ids = list(alliances)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", "-//Faire Alliance//notifications//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Faire Alliance: my alliances' dates"))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for pk, alliance_id, title, due_date in Action.objects.filter(
        alliance_id__in=ids, status__in=OPEN_ACTION, due_date__isnull=False
    ).values_list("pk", "alliance_id", "title", "due_date"):
        calendar.add_component(
            _event(
                f"action-{pk}",
                due_date,
                _("Action due: %(title)s (%(alliance)s)")
                % {"title": title, "alliance": alliances[alliance_id]},
                reverse("alliances:action_plan", args=[alliance_id]),
                stamp,
            )
        )
    for pk, alliance_id, title, end_date in Convention.objects.filter(
        alliance_id__in=ids, status=ConventionStatus.SIGNED, end_date__isnull=False
    ).values_list("pk", "alliance_id", "title", "end_date"):
        calendar.add_component(
            _event(
                f"convention-{pk}",
                end_date,
                _("Convention ends: %(title)s (%(alliance)s)")
                % {"title": title, "alliance": alliances[alliance_id]},
                reverse("alliances:alliance_step", args=[alliance_id, 4]),
                stamp,
            )
        )
    indicators = list(
        Indicator.objects.filter(alliance_id__in=ids).values_list(
            "pk", "alliance_id", "name", "frequency", "baseline_date", "target_date"
        )
    )
    latest = Measurement.objects.latest_per_indicator([row[0] for row in indicators], today)
    for pk, alliance_id, name, frequency, baseline_date, target_date in indicators:
        last = latest.get(pk)
        if frequency == "once" and last is not None:
            continue
        due = next_due_date(last.date if last else baseline_date, frequency, target_date)
        if due is None:
            continue
        calendar.add_component(
            _event(
                f"measurement-{pk}-{due:%Y%m%d}",
                due,
                _("Measurement due: %(indicator)s (%(alliance)s)")
                % {"indicator": name, "alliance": alliances[alliance_id]},
                reverse("evaluation:indicator_detail", args=[alliance_id, pk]),
                stamp,
            )
        )
    for pk, alliance_id, day, body in Meeting.objects.filter(alliance_id__in=ids).values_list(
        "pk", "alliance_id", "date", "body__name"
    ):
        calendar.add_component(
            _event(
                f"meeting-{pk}",
                day,
                _("Meeting: %(body)s (%(alliance)s)")
                % {"body": body or _("governance"), "alliance": alliances[alliance_id]},
                reverse("alliances:alliance_step", args=[alliance_id, 5]),
                stamp,
            )
        )
    _add_guest_dates(calendar, guest_alliances(user, today, alliances), stamp)
    return calendar.to_ical()


def _add_guest_dates(calendar, guests: dict[int, tuple[str, int]], stamp) -> None:
    ids = list(guests)
    if not ids:
        return
    for pk, alliance_id, title, due_date in Action.objects.filter(
        alliance_id__in=ids, status__in=OPEN_ACTION, due_date__isnull=False
    ).values_list("pk", "alliance_id", "title", "due_date"):
        calendar.add_component(
            _event(
                f"action-{pk}",
                due_date,
                _("Action due: %(title)s (%(alliance)s)")
                % {"title": title, "alliance": guests[alliance_id][0]},
                reverse("partnerspace:plan", args=[alliance_id]),
                stamp,
            )
        )
    parties = Q()
    for alliance_id, (_title, partner_id) in guests.items():
        parties |= Q(alliance_id=alliance_id, parties__partner_id=partner_id)
    for pk, alliance_id, title, end_date in (
        Convention.objects.filter(parties, status=ConventionStatus.SIGNED, end_date__isnull=False)
        .values_list("pk", "alliance_id", "title", "end_date")
        .distinct()
    ):
        calendar.add_component(
            _event(
                f"convention-{pk}",
                end_date,
                _("Convention ends: %(title)s (%(alliance)s)")
                % {"title": title, "alliance": guests[alliance_id][0]},
                reverse("partnerspace:space", args=[alliance_id]),
                stamp,
            )
        )
    for pk, alliance_id, day, body in Meeting.objects.filter(alliance_id__in=ids).values_list(
        "pk", "alliance_id", "date", "body__name"
    ):
        calendar.add_component(
            _event(
                f"meeting-{pk}",
                day,
                _("Meeting: %(body)s (%(alliance)s)")
                % {"body": body or _("governance"), "alliance": guests[alliance_id][0]},
                reverse("partnerspace:space", args=[alliance_id]),
                stamp,
            )
        )
