"""Writes on organisations and memberships. Views validate and check access, then call these."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alliances.models import (
    Association,
    AssociationMembership,
    Invitation,
    Network,
    NetworkHead,
    NetworkMembership,
    Role,
)
from core.emails import send_after_commit


class MembershipError(Exception):
    """A rule about memberships was broken; the message is for the user."""


@transaction.atomic
def create_association(*, user, **fields) -> Association:
    association = Association(**fields)
    association.full_clean()
    association.save()
    AssociationMembership.objects.create(user=user, association=association, role=Role.ADMIN)
    return association


@transaction.atomic
def invite_colleague(*, association, email, role, invited_by) -> Invitation:
    email = email.strip().lower()
    if AssociationMembership.objects.filter(
        association=association, user__email__iexact=email
    ).exists():
        raise MembershipError(_("This person is already a member of the association."))
    # A new invitation replaces any pending one for the same address.
    Invitation.objects.filter(
        association=association, email__iexact=email, accepted_at=None, revoked_at=None
    ).update(revoked_at=timezone.now())
    invitation = Invitation.objects.create(
        association=association, email=email, role=role, invited_by=invited_by
    )
    send_after_commit(
        "invitation",
        email,
        {
            "association": association.name,
            "inviter": str(invited_by),
            "role": str(invitation.get_role_display()),
            "accept_path": reverse("accounts:accept_invitation", args=[invitation.token]),
            "expires_at": invitation.expires_at.strftime("%d/%m/%Y"),
        },
    )
    return invitation


@transaction.atomic
def revoke_invitation(invitation: Invitation):
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


@transaction.atomic
def accept_invitation(invitation: Invitation, user) -> AssociationMembership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise MembershipError(_("This invitation is no longer valid."))
    membership, created = AssociationMembership.objects.get_or_create(
        user=user, association=invitation.association, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


def _admin_count(association, exclude=None):
    qs = AssociationMembership.objects.filter(association=association, role=Role.ADMIN)
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs.count()


@transaction.atomic
def change_role(membership: AssociationMembership, role: str) -> AssociationMembership:
    membership = AssociationMembership.objects.select_for_update().get(pk=membership.pk)
    if (
        membership.role == Role.ADMIN
        and role != Role.ADMIN
        and not _admin_count(membership.association, exclude=membership)
    ):
        raise MembershipError(
            _("The association needs at least one administrator: name another one first.")
        )
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def remove_member(membership: AssociationMembership):
    membership = AssociationMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Role.ADMIN and not _admin_count(
        membership.association, exclude=membership
    ):
        raise MembershipError(
            _("The association needs at least one administrator: name another one first.")
        )
    membership.delete()


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
                "answer_path": reverse("alliances:association_networks", args=[association.pk]),
            },
        )
    return membership


def _answer(membership, accept: bool):
    membership = NetworkMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.state != NetworkMembership.State.INVITED:
        raise MembershipError(_("This invitation has already been answered."))
    membership.state = NetworkMembership.State.ACTIVE if accept else NetworkMembership.State.REFUSED
    membership.responded_at = timezone.now()
    membership.save(update_fields=["state", "responded_at"])
    return membership


@transaction.atomic
def accept_network_invitation(membership: NetworkMembership):
    return _answer(membership, accept=True)


@transaction.atomic
def refuse_network_invitation(membership: NetworkMembership):
    return _answer(membership, accept=False)


@transaction.atomic
def leave_network(membership: NetworkMembership):
    """Takes effect at once: every visibility query filters on the ACTIVE state."""
    membership = NetworkMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.state != NetworkMembership.State.ACTIVE:
        raise MembershipError(_("The association is not an active member of this network."))
    membership.state = NetworkMembership.State.LEFT
    membership.left_at = timezone.now()
    membership.save(update_fields=["state", "left_at"])
    return membership


def add_network_head(*, network, user):
    return NetworkHead.objects.get_or_create(network=network, user=user)[0]
