"""Writes of the networks: invitations of member associations, answers, leaving, heads, and
the reviews a head leaves on a member's alliance with their thread. Views validate and check
access, then call these."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alliances import summaries as alliance_summaries
from core.emails import send_after_commit
from diagnostics import summaries as benchmarks
from organisations import summaries as organisation_summaries
from organisations.models import (
    WRITE_ROLES,
    Association,
    AssociationMembership,
    Network,
    NetworkHead,
    NetworkMembership,
    Role,
)
from organisations.services import MembershipError
from organisations.services import sign_up as sign_up_association
from reports.models import Report

from .models import Review, ReviewReply, SignupInvitation, Verdict
from .report_kind import NETWORK

# --- Member associations ---------------------------------------------------------------------


@transaction.atomic
def invite_association_to_network(*, network: Network, association: Association, invited_by):
    membership = (
        NetworkMembership.objects.select_for_update()
        .filter(network=network, association=association)
        .first()
    )
    if membership and membership.state == NetworkMembership.State.ACTIVE:
        raise MembershipError(_("This association is already a member of the network."))
    if membership and membership.state == NetworkMembership.State.INVITED:
        raise MembershipError(
            _("This association has already been invited and has not answered yet.")
        )
    now = timezone.now()
    if membership is None:
        membership = NetworkMembership(network=network, association=association)
    membership.state = NetworkMembership.State.INVITED
    membership.invited_by = invited_by
    membership.invited_at = now
    membership.responded_at = None
    membership.left_at = None
    membership.save()
    copy_member_figures([association.pk])
    admins = list(
        AssociationMembership.objects.filter(association=association, role=Role.ADMIN).values_list(
            "user__email", flat=True
        )
    )
    if admins:
        send_after_commit(
            "network_invitation",
            admins,
            {
                "association": association.name,
                "network": network.name,
                "answer_path": reverse("networks:association_networks", args=[association.pk]),
            },
        )
    return membership


def copy_member_figures(association_ids):
    """The memberships of these associations get the figures the network dashboard sorts its
    members by, as their sources' services keep them (for a membership just made)."""
    organisation_summaries.refresh_name_keys(association_ids)
    benchmarks.copy_to_memberships(association_ids)
    alliance_summaries.copy_to_memberships(association_ids)


@transaction.atomic
def invite_unregistered_association(
    *, network: Network, email: str, association_name: str = "", invited_by
) -> SignupInvitation:
    """Invites by e-mail an association that is not on the platform yet: the link leads to its
    sign-up (sign_up_invited_association). A pending invitation to the same address is sent
    again with a new link rather than duplicated."""
    email = email.strip().lower()
    if get_user_model().objects.filter(email__iexact=email).exists():
        raise MembershipError(
            _(
                "This address already has an account on Faire Alliance: invite its association "
                "by its RNA or SIREN number."
            )
        )
    now = timezone.now()
    invitation = (
        SignupInvitation.objects.select_for_update()
        .filter(network=network, email__iexact=email, signed_up_at__isnull=True)
        .first()
    ) or SignupInvitation(network=network, email=email)
    invitation.association_name = association_name.strip()
    invitation.invited_by = invited_by
    invitation.token = secrets.token_urlsafe(32)
    invitation.created_at = now
    invitation.expires_at = now + settings.INVITATION_VALIDITY
    invitation.save()
    send_after_commit(
        "network_signup_invitation",
        email,
        {
            "network": network.name,
            "association": invitation.association_name,
            "inviter": invited_by.get_full_name() or invited_by.email,
            "signup_path": reverse("networks:signup_invitation", args=[invitation.token]),
            "expires_at": invitation.expires_at.strftime("%d/%m/%Y"),
        },
    )
    return invitation


@transaction.atomic
def sign_up_invited_association(
    *, invitation: SignupInvitation, email, password, first_name, last_name, **association
):
    """The invited association registers (organisations.services.sign_up): its membership of
    the network is created INVITED, waiting for the consent of its administrator, who is asked
    on their first page. (user, association, membership)."""
    invitation = SignupInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise MembershipError(_("This invitation is no longer valid."))
    user, created = sign_up_association(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        **association,
    )
    membership = NetworkMembership.objects.create(
        network=invitation.network,
        association=created,
        state=NetworkMembership.State.INVITED,
        invited_by=invitation.invited_by,
        invited_at=invitation.created_at,
    )
    copy_member_figures([created.pk])
    invitation.association = created
    invitation.signed_up_at = timezone.now()
    invitation.save(update_fields=["association", "signed_up_at"])
    return user, created, membership


def _tell_heads(membership, event):
    """E-mails the network's heads that a member accepted, refused or left."""
    heads = _head_emails(membership.network)
    if heads:
        send_after_commit(
            "network_member_news",
            heads,
            {
                "event": event,
                "association": membership.association.name,
                "network": membership.network.name,
                "path": reverse("networks:network_detail", args=[membership.network_id]),
            },
        )


def _answer(membership, *, accept: bool):
    membership = (
        NetworkMembership.objects.select_for_update(of=("self",))
        .select_related("network", "association")
        .get(pk=membership.pk)
    )
    if membership.state != NetworkMembership.State.INVITED:
        raise MembershipError(_("This invitation has already been answered."))
    membership.state = NetworkMembership.State.ACTIVE if accept else NetworkMembership.State.REFUSED
    membership.responded_at = timezone.now()
    membership.save(update_fields=["state", "responded_at"])
    if accept:  # its diagnostics now count in the network's figures
        benchmarks.refresh_networks([membership.network_id])
    _tell_heads(membership, "accepted" if accept else "refused")
    return membership


@transaction.atomic
def accept_network_invitation(*, membership: NetworkMembership):
    return _answer(membership, accept=True)


@transaction.atomic
def refuse_network_invitation(*, membership: NetworkMembership):
    return _answer(membership, accept=False)


@transaction.atomic
def leave_network(*, membership: NetworkMembership):
    """Takes effect at once: every visibility query filters on the ACTIVE state."""
    membership = (
        NetworkMembership.objects.select_for_update(of=("self",))
        .select_related("network", "association")
        .get(pk=membership.pk)
    )
    if membership.state != NetworkMembership.State.ACTIVE:
        raise MembershipError(_("The association is not an active member of this network."))
    membership.state = NetworkMembership.State.LEFT
    membership.left_at = timezone.now()
    membership.save(update_fields=["state", "left_at"])
    benchmarks.refresh_networks([membership.network_id])
    _withdraw_network_reports(membership.network)
    _tell_heads(membership, "left")
    return membership


def _withdraw_network_reports(network):
    """The network's reports made so far hold the data of the member that has just left, which
    its heads may no longer see: they go with their share links, and their files (the PDF and
    the web version) once the leaving is committed. A report still queued reads the data when
    it runs, after this commit: it is kept. The next one asked for is made without the member."""
    withdrawn = (
        Report.objects.of_subject(network)
        .filter(kind=NETWORK.code)
        .exclude(status=Report.Status.QUEUED)
    )
    names = [name for pair in withdrawn.values_list("file", "html_file") for name in pair if name]
    withdrawn.delete()
    if names:
        transaction.on_commit(lambda: _delete_files(names))


def _delete_files(names):
    for name in names:
        default_storage.delete(name)


def add_network_head(*, network, user):
    return NetworkHead.objects.get_or_create(network=network, user=user)[0]


# --- Reviews ---------------------------------------------------------------------------------


def _staff_emails(alliance):
    return list(
        AssociationMembership.objects.filter(
            association_id=alliance.lead_id, role__in=WRITE_ROLES
        ).values_list("user__email", flat=True)
    )


def _head_emails(network):
    return list(NetworkHead.objects.filter(network=network).values_list("user__email", flat=True))


def _path(review):
    return reverse("networks:reviews", args=[review.alliance_id]) + f"#review-{review.pk}"


@transaction.atomic
def leave_review(*, alliance, network, author, verdict, comment, step=None) -> Review:
    review = Review.objects.create(
        alliance=alliance,
        network=network,
        author=author,
        verdict=verdict,
        comment=comment,
        step=step,
    )
    recipients = _staff_emails(alliance)
    if recipients:
        send_after_commit(
            "network_review",
            recipients,
            {
                "network": network.name,
                "alliance": alliance.title,
                "verdict": Verdict(review.verdict).label,  # translated for the recipient
                "comment": comment,
                "path": _path(review),
            },
        )
    return review


@transaction.atomic
def reply_to_review(*, review, author, body, from_network) -> ReviewReply:
    reply = ReviewReply.objects.create(
        review=review, author=author, body=body, from_network=from_network
    )
    if from_network:
        recipients = _staff_emails(review.alliance)
        sender = review.network.name
    else:
        recipients = _head_emails(review.network)
        sender = review.alliance.lead.name
    recipients = [email for email in recipients if email != author.email]
    if recipients:
        send_after_commit(
            "review_reply",
            recipients,
            {
                "sender": sender,
                "alliance": review.alliance.title,
                "body": body,
                "path": _path(review),
            },
        )
    return reply
