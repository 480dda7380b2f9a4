"""What the partners' space shows: reads of the shared side only (alliances/sharing.py), a
constant number of queries whatever the alliance's size."""

import datetime as dt

from django.db.models import Count, Prefetch
from django.utils import timezone

from alliances.models import (
    OPEN_STATUSES,
    Action,
    AllianceDossier,
    AllianceMember,
    AlliancePartner,
    CommunicationItem,
    Convention,
    ConventionParty,
    GovernanceBody,
    Meeting,
    NeedFigure,
)
from alliances.sharing import SHARED_FIELDS
from core.navigation import app_hooks
from evaluation.models import (
    Analysis,
    Indicator,
    IndicatorContribution,
    Measurement,
    OperationalObjective,
    StrategicObjective,
)

from .models import AnalysisPublication, Comment, GuestAccess, GuestActivity, ItemKind

# An action of a partner's not updated for this long is « waiting for the partner ».
STALE_AFTER = dt.timedelta(days=30)


def dossier_sections(alliance):
    """[(label, text)] of the shared fields of the alliance file that are written."""
    dossier = AllianceDossier.objects.filter(alliance=alliance).first()
    if dossier is None:
        return []
    sections = []
    for name in SHARED_FIELDS["AllianceDossier"]:
        text = getattr(dossier, name)
        if text:
            sections.append((AllianceDossier._meta.get_field(name).verbose_name, text))
    return sections


def comment_counts(alliance) -> dict:
    """{(kind, item_id): number of messages}."""
    rows = (
        Comment.objects.filter(alliance=alliance)
        .values("kind", "item_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(row["kind"], row["item_id"]): row["n"] for row in rows}


def guest_conventions(access: GuestAccess) -> list:
    """The conventions the guest's organisation is party to, with their parties' names and
    what the apps above add to each (agreements: the version to answer), one call a hook."""
    conventions = list(
        Convention.objects.filter(alliance=access.alliance, parties__partner=access.partner)
        .distinct()
        .prefetch_related(
            Prefetch(
                "parties",
                queryset=ConventionParty.objects.select_related("association", "partner__partner"),
            )
        )
    )
    for convention in conventions:
        convention.extras = []
    for hook in app_hooks("conventions", "guest_convention_extras"):
        for convention_pk, extras in hook(access, conventions).items():
            next(c for c in conventions if c.pk == convention_pk).extras.extend(extras)
    return conventions


def overview(access: GuestAccess) -> dict:
    alliance = access.alliance
    return {
        "members": list(
            AllianceMember.objects.filter(alliance=alliance, state=AllianceMember.State.ACTIVE)
            .select_related("association")
            .order_by("association__name")
        ),
        "partners": list(
            AlliancePartner.objects.filter(alliance=alliance).select_related("partner")
        ),
        "dossier": dossier_sections(alliance),
        "figures": list(NeedFigure.objects.filter(alliance=alliance)),
        # The conventions the guest's organisation is party to, with their parties' names.
        "conventions": guest_conventions(access),
        "bodies": list(GovernanceBody.objects.filter(alliance=alliance)),
        "meetings": list(Meeting.objects.filter(alliance=alliance).select_related("body")),
        "communication": list(CommunicationItem.objects.filter(alliance=alliance)),
        "counts": comment_counts(alliance),
    }


def plan(access: GuestAccess) -> dict:
    alliance = access.alliance
    actions = list(
        Action.objects.filter(alliance=alliance).select_related(
            "owner_user", "owner_partner__partner"
        )
    )
    return {
        "actions": actions,
        "own_actions": [a for a in actions if a.owner_partner_id == access.partner_id],
        "strategic": list(
            StrategicObjective.objects.filter(alliance=alliance).prefetch_related(
                Prefetch(
                    "operational_objectives",
                    queryset=OperationalObjective.objects.order_by("pk"),
                )
            )
        ),
        "counts": comment_counts(alliance),
    }


def contributed_indicator_ids(access: GuestAccess) -> set:
    """The shared indicators the guest's organisation contributes to."""
    return set(
        IndicatorContribution.objects.filter(
            partner=access.partner, indicator__alliance_id=access.alliance_id
        ).values_list("indicator_id", flat=True)
    )


def indicators(access: GuestAccess) -> dict:
    alliance = access.alliance
    published = AnalysisPublication.objects.filter(alliance=alliance).exists()
    return {
        "indicators": list(
            Indicator.objects.filter(alliance=alliance).prefetch_related(
                Prefetch(
                    "measurements",
                    queryset=Measurement.objects.select_related("entered_by").order_by(
                        "-date", "-pk"
                    ),
                )
            )
        ),
        "contributed": contributed_indicator_ids(access),
        "analysis": Analysis.objects.filter(alliance=alliance).first() if published else None,
        "counts": comment_counts(alliance),
    }


def thread(alliance, kind, item_id) -> list:
    return list(
        Comment.objects.filter(alliance=alliance, kind=kind, item_id=item_id).select_related(
            "author", "partner__partner"
        )
    )


THREAD_MODELS = {
    ItemKind.ACTION: Action,
    ItemKind.MEETING: Meeting,
    ItemKind.INDICATOR: Indicator,
}


def guests_of(alliance) -> list:
    """Every access, newest first, with the number of things each guest did."""
    accesses = list(
        GuestAccess.objects.filter(alliance=alliance).select_related(
            "user", "partner__partner", "invited_by"
        )
    )
    done = dict(
        GuestActivity.objects.filter(alliance=alliance)
        .values("user_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("user_id", "n")
    )
    for access in accesses:
        access.activity_count = done.get(access.user_id, 0)
    return accesses


def waiting_for_partners(alliance, today=None) -> dict:
    """What is waiting for a partner with guests in the space: its open actions late or not
    updated for a month, the indicators it contributes to with a measurement due, and the
    threads where one of its guests was mentioned last and has not answered."""
    today = today or timezone.localdate()
    partner_ids = set(
        GuestAccess.objects.active(today)
        .filter(alliance=alliance)
        .values_list("partner_id", flat=True)
    )
    stale = timezone.now() - STALE_AFTER
    actions = [
        action
        for action in Action.objects.filter(
            alliance=alliance, owner_partner_id__in=partner_ids, status__in=OPEN_STATUSES
        ).select_related("owner_partner__partner")
        if action.is_late or action.updated_at < stale
    ]
    due = list(
        Indicator.objects.filter(
            alliance=alliance,
            contributions__partner_id__in=partner_ids,
            status__overdue=True,
        ).distinct()
    )
    # A thread waits when its last message mentions a guest of the space.
    last = {}
    for comment in (
        Comment.objects.filter(alliance=alliance)
        .prefetch_related("mentioned")
        .order_by("created_at", "pk")
    ):
        last[(comment.kind, comment.item_id)] = comment
    guest_users = set(
        GuestAccess.objects.active(today)
        .filter(alliance=alliance)
        .values_list("user_id", flat=True)
    )
    questions = [
        comment
        for comment in last.values()
        if any(person.pk in guest_users for person in comment.mentioned.all())
    ]
    return {"actions": actions, "indicators": due, "questions": questions}


def recent_activity(alliance, limit=20) -> list:
    return list(GuestActivity.objects.filter(alliance=alliance)[:limit])
