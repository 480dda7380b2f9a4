"""Writes on organisations and memberships. Views validate and check access, then call these."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.emails import send_after_commit

from . import summaries
from .models import Association, AssociationMembership, Invitation, Role


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
def sign_up(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    language: str = settings.LANGUAGE_CODE,
    **association,
):
    """A person registers their association and becomes its first administrator:
    (user, association). `language`: the one they were reading the site in."""
    user = get_user_model().objects.create_user(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        language=language,
    )
    return user, create_association(user=user, **association)


@transaction.atomic
def update_association(*, association: Association) -> Association:
    """Saves the association's details, validated by its form; its networks' memberships
    follow its name."""
    association.full_clean()
    association.save()
    summaries.refresh_name_keys([association.pk])
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
            "role": Role(invitation.role).label,  # translated for the recipient
            "accept_path": reverse("accounts:accept_invitation", args=[invitation.token]),
            "expires_at": invitation.expires_at.strftime("%d/%m/%Y"),
        },
    )
    return invitation


@transaction.atomic
def join_with_new_account(
    *,
    invitation: Invitation,
    password: str,
    first_name: str,
    last_name: str,
    language: str = settings.LANGUAGE_CODE,
) -> AssociationMembership:
    """Accepting an invitation sent to an address that has no account yet: the account is
    made with the invitation's e-mail address, in the language they were reading the site in."""
    user = get_user_model().objects.create_user(
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        language=language,
    )
    return accept_invitation(invitation=invitation, user=user)


@transaction.atomic
def revoke_invitation(*, invitation: Invitation):
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user) -> AssociationMembership:
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
def change_role(*, membership: AssociationMembership, role: str) -> AssociationMembership:
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
def remove_member(*, membership: AssociationMembership):
    membership = AssociationMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Role.ADMIN and not _admin_count(
        membership.association, exclude=membership
    ):
        raise MembershipError(
            _("The association needs at least one administrator: name another one first.")
        )
    membership.delete()
