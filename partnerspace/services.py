"""Every write of the partners' space: invitations, accesses, the guests' contributions,
comment threads and their e-mails. Each guest contribution goes through the service that owns
the row (alliances' `save_item`, evaluation's `record_measurement`, which keep the stored
figures) and leaves a GuestActivity with the person and the organisation."""

import datetime as dt
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.models import Action, Alliance, AlliancePartner, Convention, ConventionType
from alliances.services.steps import save_item
from core.emails import send_after_commit
from evaluation import services as evaluation_services
from evaluation.models import Indicator, Measurement

from .models import (
    INVITATION_DAYS,
    TERMS_VERSION,
    ActivityVerb,
    AnalysisPublication,
    Comment,
    GuestAccess,
    GuestActivity,
    GuestInvitation,
    GuestRole,
    ItemKind,
    NotificationPreference,
)
from .participants import participants_of

# A guest's visit is written at most this often: a page seen is not a write each time.
VISIT_EVERY = dt.timedelta(minutes=5)


class GuestSpaceError(Exception):
    """A refusal to show next to the form (a French sentence)."""


def default_end_of_access(alliance: Alliance, today: dt.date | None = None) -> dt.date:
    """The end of the alliance's main convention (its partnership agreement running longest,
    else any convention), or one year."""
    today = today or timezone.localdate()
    conventions = Convention.objects.filter(alliance=alliance, end_date__gt=today)
    main = (
        conventions.filter(kind=ConventionType.PARTNERSHIP).order_by("-end_date").first()
        or conventions.order_by("-end_date").first()
    )
    if main is not None:
        return main.end_date
    return today + dt.timedelta(days=365)


def _in_the_space(alliance: Alliance, email: str) -> bool:
    """An active guest of the alliance, a pending invitation, or staff of its associations."""
    today = timezone.localdate()
    if (
        GuestAccess.objects.active(today)
        .filter(alliance=alliance, user__email__iexact=email)
        .exists()
    ):
        return True
    if GuestInvitation.objects.filter(
        alliance=alliance,
        email__iexact=email,
        accepted_at=None,
        cancelled_at=None,
        expires_at__gt=timezone.now(),
    ).exists():
        return True
    return (
        get_user_model()
        .objects.filter(
            email__iexact=email,
            memberships__association_id__in=alliance.participating_association_ids(),
        )
        .exists()
    )


@transaction.atomic
def invite_guest(
    *,
    alliance: Alliance,
    partner: AlliancePartner,
    email: str,
    role: str,
    ends_on: dt.date,
    by,
) -> GuestInvitation:
    email = email.strip().lower()
    if partner.alliance_id != alliance.pk:
        raise GuestSpaceError(_("This organisation is not a partner of the alliance."))
    if _in_the_space(alliance, email):
        raise GuestSpaceError(
            _(
                "This address is already in the alliance's space (a guest, an invitation "
                "waiting, or a member)."
            )
        )
    if ends_on <= timezone.localdate():
        raise GuestSpaceError(_("The end of access must be after today."))
    now = timezone.now()
    invitation = GuestInvitation.objects.create(
        alliance=alliance,
        partner=partner,
        email=email,
        role=role,
        ends_on=ends_on,
        invited_by=by,
        created_at=now,
        expires_at=now + dt.timedelta(days=INVITATION_DAYS),
    )
    send_after_commit(
        "guest_invitation",
        email,
        {
            "inviter": str(by),
            "association": alliance.lead.name,
            "alliance": alliance.title,
            "organisation": partner.partner.name,
            "role": GuestRole(role).label,
            "contributor": role == GuestRole.CONTRIBUTOR,
            "ends_on": ends_on.strftime("%d/%m/%Y"),
            "accept_path": reverse("partnerspace:accept", args=[invitation.token]),
            "expires_at": invitation.expires_at.strftime("%d/%m/%Y"),
        },
    )
    return invitation


@transaction.atomic
def cancel_invitation(*, invitation: GuestInvitation) -> GuestInvitation:
    invitation.cancelled_at = timezone.now()
    invitation.save(update_fields=["cancelled_at"])
    return invitation


def record_activity(access: GuestAccess, verb: str, item: str = "", at=None) -> GuestActivity:
    user = access.user
    activity = GuestActivity(
        alliance_id=access.alliance_id,
        user=user,
        organisation=access.partner,
        person_name=str(user)[:300],
        organisation_name=access.partner.partner.name[:200],
        verb=verb,
        item=item[:300],
        at=at or timezone.now(),
    )
    # The history names the guest, in a request or not (the demo, a script).
    activity._history_user = user
    activity.save()
    return activity


@transaction.atomic
def accept_invitation(
    *,
    invitation: GuestInvitation,
    user=None,
    password: str = "",
    first_name: str = "",
    last_name: str = "",
    language: str = settings.LANGUAGE_CODE,
) -> GuestAccess:
    """Single use: the invitation is locked, checked and spent. `user`: the account of the
    invitation's address when it has one; else one is made, with no association. Records the
    guest's consent (now, the version of the text)."""
    invitation = (
        GuestInvitation.objects.select_for_update()
        .select_related("partner__partner")
        .get(pk=invitation.pk)
    )
    if not invitation.is_pending:
        raise GuestSpaceError(_("This invitation is no longer valid."))
    if user is None:
        user = get_user_model().objects.create_user(
            email=invitation.email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            language=language,
        )
    elif user.email.lower() != invitation.email.lower():
        raise GuestSpaceError(_("This invitation was sent to another address."))
    now = timezone.now()
    access, _created = GuestAccess.objects.update_or_create(
        alliance_id=invitation.alliance_id,
        user=user,
        defaults={
            "partner": invitation.partner,
            "role": invitation.role,
            "starts_on": timezone.localdate(),
            "ends_on": invitation.ends_on,
            "revoked_at": None,
            "revoked_by": None,
            "invited_by": invitation.invited_by,
            "consented_at": now,
            "consent_version": TERMS_VERSION,
        },
    )
    invitation.accepted_at = now
    invitation.save(update_fields=["accepted_at"])
    record_activity(access, ActivityVerb.JOINED)
    refresh_guest_flag(user=user)
    return access


def refresh_guest_flag(*, user) -> bool:
    """The person's `has_guest_access` (the main menu's « Espaces partenaires »), from their
    accesses now: called by every service that creates an access or ends one, in its
    transaction. An access ending by its date is not seen here: the flag stays until the
    next change, and the spaces page then says there is no space."""
    flag = GuestAccess.objects.active().filter(user=user).exists()
    if user.has_guest_access != flag:
        get_user_model().objects.filter(pk=user.pk).update(has_guest_access=flag)
        user.has_guest_access = flag
    return flag


@transaction.atomic
def revoke_access(*, access: GuestAccess, by) -> GuestAccess:
    access.revoked_at = timezone.now()
    access.revoked_by = by
    access.save(update_fields=["revoked_at", "revoked_by"])
    refresh_guest_flag(user=access.user)
    return access


@transaction.atomic
def change_end_of_access(*, access: GuestAccess, ends_on: dt.date) -> GuestAccess:
    access.ends_on = ends_on
    access.save(update_fields=["ends_on"])
    refresh_guest_flag(user=access.user)
    return access


def record_visit(*, access: GuestAccess) -> None:
    """The « last visit » the lead sees; written once in VISIT_EVERY at most."""
    now = timezone.now()
    if access.last_visit_at and now - access.last_visit_at < VISIT_EVERY:
        return
    GuestAccess.objects.filter(pk=access.pk).update(last_visit_at=now)
    access.last_visit_at = now


@transaction.atomic
def update_action_as_guest(
    *, access: GuestAccess, action: Action, status: str, progress: int, comment: str = ""
) -> Action:
    """An action assigned to the guest's organisation: its status and progress, and the
    comment in the action's thread."""
    if action.owner_partner_id != access.partner_id or not access.can_contribute:
        raise GuestSpaceError(_("This action is not assigned to your organisation."))
    action.status = status
    action.progress = progress
    action._history_user = access.user
    save_item(alliance=access.alliance, item=action, by=access.user)
    if comment.strip():
        post_comment(
            alliance=access.alliance,
            kind=ItemKind.ACTION,
            item_id=action.pk,
            author=access.user,
            text=comment,
            access=access,
            log=False,
        )
    record_activity(access, ActivityVerb.UPDATED_ACTION, action.title)
    return action


@transaction.atomic
def record_measurement_as_guest(
    *, access: GuestAccess, indicator: Indicator, **fields
) -> Measurement:
    measurement = evaluation_services.record_measurement(
        indicator=indicator, by=access.user, **fields
    )
    record_activity(
        access,
        ActivityVerb.MEASURED,
        f"{indicator.name} – {fields['date']:%d/%m/%Y}",
    )
    return measurement


MENTION = re.compile(r"@([\w.\-]+(?:\s[\w.\-]+)?)", re.UNICODE)


def mentioned_in(text: str, people) -> list:
    """The participants named after an @ in `text`: « @Prénom Nom » or « @prenom.nom » (the
    start of their address), case and accents as typed."""
    lowered = text.casefold()
    found = []
    for person in people:
        names = {person.get_full_name().casefold(), person.email.split("@")[0].casefold()}
        if any(name and f"@{name}" in lowered for name in names):
            found.append(person)
    return found


@transaction.atomic
def post_comment(
    *,
    alliance: Alliance,
    kind: str,
    item_id: int,
    author,
    text: str,
    access: GuestAccess | None = None,
    item_label: str = "",
    thread_path: str = "",
    log: bool = True,
) -> Comment:
    """A message in a shared item's thread. The participants @mentioned are told by e-mail,
    and so are the others who wrote in the thread, unless they turned these e-mails off."""
    comment = Comment.objects.create(
        alliance=alliance,
        kind=kind,
        item_id=item_id,
        author=author,
        partner=access.partner if access else None,
        text=text.strip(),
    )
    people = participants_of(alliance)
    mentioned = [p for p in mentioned_in(comment.text, people) if p.pk != author.pk]
    comment.mentioned.set(mentioned)
    earlier = set(
        Comment.objects.filter(alliance=alliance, kind=kind, item_id=item_id)
        .exclude(author=author)
        .values_list("author_id", flat=True)
    )
    told = {p.pk: p for p in people if p.pk in earlier or p in mentioned}
    muted = set(
        NotificationPreference.objects.filter(user_id__in=told, comment_emails=False).values_list(
            "user_id", flat=True
        )
    )
    recipients = [p.email for pk, p in told.items() if pk not in muted]
    if recipients:
        send_after_commit(
            "guest_comment",
            recipients,
            {
                "author": str(author),
                "alliance": alliance.title,
                "item": item_label or str(ItemKind(kind).label),
                "text": comment.text[:1000],
                "thread_path": thread_path,
                "preferences_path": reverse("partnerspace:preferences"),
            },
        )
    if access is not None and log:
        record_activity(access, ActivityVerb.COMMENTED, item_label)
    return comment


@transaction.atomic
def set_comment_emails(*, user, enabled: bool) -> NotificationPreference:
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"comment_emails": enabled}
    )
    return preference


@transaction.atomic
def publish_analysis(*, alliance: Alliance, by) -> AnalysisPublication:
    publication, _created = AnalysisPublication.objects.get_or_create(
        alliance=alliance, defaults={"published_by": by}
    )
    return publication


@transaction.atomic
def unpublish_analysis(*, alliance: Alliance) -> None:
    AnalysisPublication.objects.filter(alliance=alliance).delete()
