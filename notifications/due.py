"""What is due today, kind by kind: reads only, a few queries a kind whatever the data.

Each collector returns `Due` rows: one reminder for one person about one object at one due
date. A due date stays collectable for `CATCH_UP` days, so a day the job did not run (a
deploy, a broker down) is caught up the next day; the unique record (models.SentReminder)
makes sure it is sent once.
"""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import ConventionVersion, PartyAnswer, VersionState
from alliances.models import Action, ActionStatus, Convention, ConventionParty, ConventionStatus
from diagnostics.models import Campaign, Respondent
from evaluation.models import Indicator, IndicatorContribution, Measurement
from evaluation.progress import next_due_date
from healthchecks.models import HealthCheck, Participant
from networks.models import Review, ReviewReply
from partnerspace.models import GuestAccess

from . import kinds
from .recipients import ADMINS, WRITERS, alliance_guests, alliance_staff, association_staff

CATCH_UP = dt.timedelta(days=7)
CAMPAIGN_DAYS = (7, 14)  # after the campaign opened; then never again
HEALTH_CHECK_DAYS = (7, 14)  # after the health check opened; then never again
ACTION_NOTICE = dt.timedelta(days=7)
CONVENTION_DAYS = (90, 30)  # before its end
REVIEW_WAIT = dt.timedelta(days=7)
AGREEMENT_DAYS = (7, 14)  # after the version was sent; then the lead's « Relancer »
OPEN_ACTION = [ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED]


@dataclass(frozen=True)
class Due:
    kind: str
    object_id: int
    recipient_id: int
    due_on: dt.date
    alliance_id: int | None
    group: str
    subject: str
    path: str


def _in_window(day: dt.date, today: dt.date) -> bool:
    return day <= today < day + CATCH_UP


def unfinished_campaigns(today: dt.date) -> list[Due]:
    """Respondents who have not submitted, 7 then 14 days after the campaign opened."""
    earliest = today - dt.timedelta(days=max(CAMPAIGN_DAYS)) - CATCH_UP
    respondents = list(
        Respondent.objects.filter(
            campaign__status=Campaign.Status.OPEN,
            campaign__opened_at__date__gt=earliest,
            submitted_at__isnull=True,
        ).values_list(
            "user_id",
            "campaign_id",
            "campaign__opened_at",
            "campaign__title",
            "campaign__association_id",
            "campaign__association__name",
        )
    )
    staff = association_staff({row[4] for row in respondents})
    dues = []
    for user_id, campaign_id, opened_at, title, association_id, name in respondents:
        if user_id not in staff[association_id]:
            continue  # no longer works there
        opened = timezone.localdate(opened_at)
        for days in CAMPAIGN_DAYS:
            day = opened + dt.timedelta(days=days)
            if _in_window(day, today):
                dues.append(
                    Due(
                        kinds.CAMPAIGN_UNFINISHED,
                        campaign_id,
                        user_id,
                        day,
                        None,
                        name,
                        title or _("Diagnostic of %(date)s") % {"date": f"{opened:%d/%m/%Y}"},
                        reverse("diagnostics:answer_resume", args=[campaign_id]),
                    )
                )
    return dues


def actions(today: dt.date) -> list[Due]:
    """An action due within 7 days, and an action late, to its owner (once each due date)."""
    rows = list(
        Action.objects.filter(
            status__in=OPEN_ACTION,
            owner_user__isnull=False,
            due_date__gt=today - CATCH_UP,
            due_date__lte=today + ACTION_NOTICE,
        ).values_list("pk", "owner_user_id", "due_date", "title", "alliance_id", "alliance__title")
    )
    staff = alliance_staff({row[4] for row in rows})
    dues = []
    for pk, owner_id, due_date, title, alliance_id, alliance in rows:
        if owner_id not in staff.get(alliance_id, ()):
            continue
        kind = kinds.ACTION_LATE if due_date < today else kinds.ACTION_DUE_SOON
        if kind == kinds.ACTION_DUE_SOON and due_date == today:
            continue  # due today: neither « in 7 days » any more nor late yet
        path = reverse("alliances:action_plan", args=[alliance_id])
        dues.append(Due(kind, pk, owner_id, due_date, alliance_id, alliance, title, path))
    return dues


def ending_conventions(today: dt.date) -> list[Due]:
    """A signed convention 90 and 30 days before its end, to the admins of the alliance."""
    rows = list(
        Convention.objects.filter(
            status=ConventionStatus.SIGNED,
            end_date__gte=today,
            end_date__lte=today + dt.timedelta(days=max(CONVENTION_DAYS)),
        ).values_list("pk", "end_date", "title", "alliance_id", "alliance__title")
    )
    staff = alliance_staff({row[3] for row in rows}, ADMINS)
    dues = []
    for pk, end_date, title, alliance_id, alliance in rows:
        for days in CONVENTION_DAYS:
            day = end_date - dt.timedelta(days=days)
            if not _in_window(day, today):
                continue
            path = reverse("alliances:alliance_step", args=[alliance_id, 4])
            for user_id in staff.get(alliance_id, ()):
                dues.append(
                    Due(
                        kinds.CONVENTION_ENDING,
                        pk,
                        user_id,
                        day,
                        alliance_id,
                        alliance,
                        title,
                        path,
                    )
                )
    return dues


def _due_indicators(today: dt.date) -> list[tuple]:
    """(indicator id, name, due date, alliance id, alliance title) of the measurements due
    by the indicator's frequency and not entered, within the catch-up window."""
    indicators = list(
        Indicator.objects.exclude(target_date__lt=today - CATCH_UP).values_list(
            "pk",
            "name",
            "frequency",
            "baseline_date",
            "target_date",
            "alliance_id",
            "alliance__title",
        )
    )
    latest = Measurement.objects.latest_per_indicator([row[0] for row in indicators], today)
    due_rows = []
    for pk, name, frequency, baseline_date, target_date, alliance_id, alliance in indicators:
        last = latest.get(pk)
        if frequency == "once" and last is not None:
            continue
        due = next_due_date(last.date if last else baseline_date, frequency, target_date)
        if due is not None and _in_window(due, today):
            due_rows.append((pk, name, due, alliance_id, alliance))
    return due_rows


def measurements(today: dt.date, due_rows=None) -> list[Due]:
    """A measurement due by the indicator's frequency and not entered, to those who enter
    measurements (the editors and admins of the alliance's associations)."""
    due_rows = _due_indicators(today) if due_rows is None else due_rows
    staff = alliance_staff({row[3] for row in due_rows}, WRITERS)
    dues = []
    for pk, name, due, alliance_id, alliance in due_rows:
        path = reverse("evaluation:indicator_detail", args=[alliance_id, pk])
        for user_id in staff.get(alliance_id, ()):
            dues.append(
                Due(kinds.MEASUREMENT_DUE, pk, user_id, due, alliance_id, alliance, name, path)
            )
    return dues


def waiting_reviews(today: dt.date) -> list[Due]:
    """A network's review that the association has not answered for 7 days."""
    answered = ReviewReply.objects.filter(from_network=False).values("review_id")
    rows = list(
        Review.objects.filter(
            created_at__date__lte=today - REVIEW_WAIT,
            created_at__date__gt=today - REVIEW_WAIT - CATCH_UP,
        )
        .exclude(pk__in=answered)
        .values_list("pk", "created_at", "network__name", "alliance_id", "alliance__title")
    )
    staff = alliance_staff({row[3] for row in rows}, WRITERS)
    dues = []
    for pk, created_at, network, alliance_id, alliance in rows:
        day = timezone.localdate(created_at) + REVIEW_WAIT
        path = reverse("networks:reviews", args=[alliance_id]) + f"#review-{pk}"
        for user_id in staff.get(alliance_id, ()):
            dues.append(
                Due(kinds.REVIEW_WAITING, pk, user_id, day, alliance_id, alliance, network, path)
            )
    return dues


def guest_actions(today: dt.date) -> list[Due]:
    """An action assigned to a partner organisation, due within 7 days or late, to the
    contributor guests of that organisation in the alliance; the link is their space's plan."""
    rows = list(
        Action.objects.filter(
            status__in=OPEN_ACTION,
            owner_partner__isnull=False,
            due_date__gt=today - CATCH_UP,
            due_date__lte=today + ACTION_NOTICE,
        ).values_list(
            "pk", "owner_partner_id", "due_date", "title", "alliance_id", "alliance__title"
        )
    )
    guests = alliance_guests({row[4] for row in rows}, today)
    dues = []
    for pk, partner_id, due_date, title, alliance_id, alliance in rows:
        kind = kinds.GUEST_ACTION_LATE if due_date < today else kinds.GUEST_ACTION_DUE_SOON
        if kind == kinds.GUEST_ACTION_DUE_SOON and due_date == today:
            continue  # as for the staff: due today is neither « in 7 days » nor late
        path = reverse("partnerspace:plan", args=[alliance_id])
        for user_id in guests.get((alliance_id, partner_id), ()):
            dues.append(Due(kind, pk, user_id, due_date, alliance_id, alliance, title, path))
    return dues


def guest_measurements(today: dt.date, due_rows=None) -> list[Due]:
    """A measurement due on an indicator a partner organisation contributes to (the rule
    that lets its guests enter it, partnerspace/selectors.contributed_indicator_ids), to its
    contributor guests; the link is the space's form for it."""
    due_rows = _due_indicators(today) if due_rows is None else due_rows
    by_indicator = {row[0]: row for row in due_rows}
    contributors = set(
        IndicatorContribution.objects.filter(indicator_id__in=list(by_indicator)).values_list(
            "indicator_id", "partner_id"
        )
    )
    guests = alliance_guests({row[3] for row in due_rows}, today)
    dues = []
    for indicator_id, partner_id in sorted(contributors):
        pk, name, due, alliance_id, alliance = by_indicator[indicator_id]
        path = reverse("partnerspace:measurement_add", args=[alliance_id, pk])
        for user_id in guests.get((alliance_id, partner_id), ()):
            dues.append(
                Due(
                    kinds.GUEST_MEASUREMENT_DUE, pk, user_id, due, alliance_id, alliance, name, path
                )
            )
    return dues


def waiting_agreements(today: dt.date) -> list[Due]:
    """A convention version sent to the parties and not answered by one of them, 7 then 14
    days after it was sent, to that party's representatives (agreements.representatives): the
    admins of a member association, the contributor guests of a partner (their link is their
    space), the lead's admins for a party named by a typed name."""
    earliest = today - dt.timedelta(days=max(AGREEMENT_DAYS)) - CATCH_UP
    versions = list(
        ConventionVersion.objects.filter(
            state=VersionState.SENT, sent_at__date__gt=earliest
        ).values_list(
            "pk",
            "number",
            "sent_at",
            "parties",
            "convention_id",
            "convention__title",
            "convention__alliance_id",
            "convention__alliance__title",
            "convention__alliance__lead_id",
        )
    )
    if not versions:
        return []
    answered = set(
        PartyAnswer.objects.filter(version_id__in=[row[0] for row in versions]).values_list(
            "version_id", "party_id"
        )
    )
    parties = {
        pk: (association_id, partner_id)
        for pk, association_id, partner_id in ConventionParty.objects.filter(
            convention_id__in={row[4] for row in versions}
        ).values_list("pk", "association_id", "partner_id")
    }
    admins = association_staff(
        {a for a, _p in parties.values() if a} | {row[8] for row in versions}, ADMINS
    )
    guests = alliance_guests({row[6] for row in versions}, today)
    dues = []
    for pk, number, sent_at, asked, convention_id, title, alliance_id, alliance, lead in versions:
        sent = timezone.localdate(sent_at)
        days = [sent + dt.timedelta(days=d) for d in AGREEMENT_DAYS]
        days = [day for day in days if _in_window(day, today)]
        if not days:
            continue
        subject = f"{title} · v{number}"
        for row in asked:
            if (pk, row["id"]) in answered or row["id"] not in parties:
                continue
            association_id, partner_id = parties[row["id"]]
            if partner_id:
                kind = kinds.GUEST_AGREEMENT_WAITING
                people = guests.get((alliance_id, partner_id), ())
                path = reverse("agreements:guest_convention", args=[alliance_id, convention_id])
            else:
                kind = kinds.AGREEMENT_WAITING
                people = admins.get(association_id or lead, ())
                path = reverse(
                    "agreements:answer", args=[alliance_id, convention_id, number, row["id"]]
                )
            for day in days:
                for user_id in people:
                    dues.append(Due(kind, pk, user_id, day, alliance_id, alliance, subject, path))
    return dues


def unanswered_health_checks(today: dt.date) -> list[Due]:
    """People asked to answer an open health check who have not submitted, 7 then 14 days
    after it opened: the staff of the alliance's associations to its page, the guests (any
    active access: answering is theirs, reader or contributor) to their space's."""
    earliest = today - dt.timedelta(days=max(HEALTH_CHECK_DAYS)) - CATCH_UP
    rows = list(
        Participant.objects.filter(
            health_check__status=HealthCheck.Status.OPEN,
            health_check__opened_at__date__gt=earliest,
            submitted_at__isnull=True,
            user__is_active=True,
        ).values_list(
            "user_id",
            "is_guest",
            "health_check_id",
            "health_check__opened_at",
            "health_check__alliance_id",
            "health_check__alliance__title",
        )
    )
    alliance_ids = {row[4] for row in rows}
    staff = alliance_staff(alliance_ids)
    guests = set(
        GuestAccess.objects.active(today)
        .filter(alliance_id__in=alliance_ids)
        .values_list("alliance_id", "user_id")
    )
    dues = []
    for user_id, is_guest, pk, opened_at, alliance_id, alliance in rows:
        if is_guest:
            if (alliance_id, user_id) not in guests:
                continue  # the access ended or was revoked
            kind = kinds.GUEST_HEALTH_CHECK_UNANSWERED
            path = reverse("healthchecks:guest_answer", args=[alliance_id, pk])
        else:
            if user_id not in staff.get(alliance_id, ()):
                continue  # no longer works for one of its associations
            kind = kinds.HEALTH_CHECK_UNANSWERED
            path = reverse("healthchecks:answer", args=[pk])
        opened = timezone.localdate(opened_at)
        subject = _("Health check of %(date)s") % {"date": f"{opened:%d/%m/%Y}"}
        for days in HEALTH_CHECK_DAYS:
            day = opened + dt.timedelta(days=days)
            if _in_window(day, today):
                dues.append(Due(kind, pk, user_id, day, alliance_id, alliance, subject, path))
    return dues


def _measurements_both(today: dt.date) -> list[Due]:
    # The indicators' schedule is read once for the staff and the guests.
    due_rows = _due_indicators(today)
    return measurements(today, due_rows) + guest_measurements(today, due_rows)


#: Every collector, in the order their lines come in a digest.
COLLECTORS = (
    unfinished_campaigns,
    unanswered_health_checks,
    actions,
    guest_actions,
    ending_conventions,
    waiting_agreements,
    _measurements_both,
    waiting_reviews,
)


def everything_due(today: dt.date) -> list[Due]:
    return [due for collect in COLLECTORS for due in collect(today)]
