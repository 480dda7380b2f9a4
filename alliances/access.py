"""Tenancy in one place: what a user may see and change.

Every view reaches a tenant-scoped object through one of the `get_*_for_user` helpers below
(or a helper built on `association_capability` / `alliance_capability` in another app):
another tenant's object is a 404 (we never confirm it exists), a reader or a network head
trying to write is a 403. Querysets say the same thing in bulk: `Association.objects
.visible_to(user)`, `Alliance.objects.visible_to(user)`.

Capabilities are computed from two small queries per request (the user's association roles,
and the associations their networks see), cached on the request's user object.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from .models import (
    WRITE_ROLES,
    Alliance,
    Association,
    AssociationMembership,
    Network,
    NetworkMembership,
    Role,
)


@dataclass(frozen=True)
class Capability:
    """What one user may do on one association's (or alliance's) data."""

    can_view: bool = False
    can_edit: bool = False
    can_admin: bool = False
    is_member: bool = False
    via_network: bool = False
    platform_admin: bool = False
    role: str | None = None

    @property
    def role_label(self):
        if self.role:
            return Role(self.role).label
        if self.via_network:
            return _("Network head")
        if self.platform_admin:
            return _("Platform admin")
        return ""

    @property
    def read_only(self):
        return self.can_view and not self.can_edit


NOTHING = Capability()


def user_roles(user) -> dict[int, str]:
    """{association_id: role} for the associations the user works for."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_fa_roles", None)
    if cached is None:
        cached = dict(
            AssociationMembership.objects.filter(user=user).values_list("association_id", "role")
        )
        user._fa_roles = cached
    return cached


def network_association_ids(user) -> frozenset[int]:
    """Associations that are ACTIVE members of a network the user heads."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_fa_network_assocs", None)
    if cached is None:
        cached = frozenset(
            NetworkMembership.objects.filter(
                state=NetworkMembership.State.ACTIVE, network__heads__user=user
            ).values_list("association_id", flat=True)
        )
        user._fa_network_assocs = cached
    return cached


def forget_cached_access(user):
    """Call after changing the user's memberships within the same request."""
    for attr in ("_fa_roles", "_fa_network_assocs"):
        if hasattr(user, attr):
            delattr(user, attr)


def _capability_over(user, association_ids) -> Capability:
    if not user.is_authenticated:
        return NOTHING
    roles = user_roles(user)
    own = [roles[a] for a in association_ids if a in roles]
    if own:
        best = (
            Role.ADMIN
            if Role.ADMIN in own
            else (Role.EDITOR if Role.EDITOR in own else Role.READER)
        )
        return Capability(
            can_view=True,
            can_edit=best in WRITE_ROLES,
            can_admin=best == Role.ADMIN,
            is_member=True,
            role=best,
            platform_admin=user.is_superuser,
        )
    if user.is_superuser:
        return Capability(can_view=True, platform_admin=True)
    if network_association_ids(user) & set(association_ids):
        return Capability(can_view=True, via_network=True)
    return NOTHING


def association_capability(user, association) -> Capability:
    association_id = association if isinstance(association, int) else association.pk
    return _capability_over(user, {association_id})


def alliance_capability(user, alliance: Alliance) -> Capability:
    """Staff of the lead or of an active co-member work on it; their networks read it."""
    ids = getattr(alliance, "_participating_ids", None)
    if ids is None:
        ids = alliance.participating_association_ids()
        alliance._participating_ids = ids
    return _capability_over(user, ids)


def require(capability: Capability, *, write=False, admin=False, member=False):
    """Turn a capability into the HTTP answer: 404 when unseen, 403 when seen but not allowed."""
    if not capability.can_view:
        raise Http404
    if admin and not capability.can_admin:
        raise PermissionDenied
    if write and not capability.can_edit:
        raise PermissionDenied
    if member and not capability.is_member:
        raise PermissionDenied
    return capability


def get_association_for_user(request, pk, *, write=False, admin=False, member=False):
    association = get_object_or_404(Association, pk=pk)
    capability = require(
        association_capability(request.user, association), write=write, admin=admin, member=member
    )
    return association, capability


def get_alliance_for_user(request, pk, *, write=False, queryset=None):
    alliance = get_object_or_404(
        (queryset if queryset is not None else Alliance.objects).select_related("lead"), pk=pk
    )
    capability = require(alliance_capability(request.user, alliance), write=write)
    return alliance, capability


def get_network_for_head(request, pk):
    """Network pages are for the network's heads (and platform admins, read-only)."""
    from django.db.models import Exists, OuterRef

    from .models import NetworkHead

    user = request.user
    if not user.is_authenticated:
        raise Http404
    network = get_object_or_404(
        Network.objects.annotate(
            _user_is_head=Exists(
                NetworkHead.objects.filter(network_id=OuterRef("pk"), user_id=user.pk)
            )
        ),
        pk=pk,
    )
    # Read once here, then by is_network_head() for the same user (one query, not two).
    network._head_checked_for = user.pk
    if user.is_superuser or network._user_is_head:
        return network
    raise Http404


def is_network_head(user, network) -> bool:
    if not user.is_authenticated:
        return False
    if getattr(network, "_head_checked_for", None) == user.pk:
        return network._user_is_head
    return network.heads.filter(user=user).exists()


def get_partner_for_user(request, pk, *, write=False):
    """A partner of an association's directory: only that association's staff (and its
    network heads, read-only) see it."""
    from .models import Partner

    partner = get_object_or_404(Partner.objects.select_related("association"), pk=pk)
    capability = require(association_capability(request.user, partner.association_id), write=write)
    return partner, capability


def get_alliance_item_for_user(request, pk, model, item_pk, *, lookup="alliance", write=False):
    """An object hanging from an alliance (directly or through `lookup`): 404 when the alliance
    is not visible or the object belongs to another alliance, 403 for a reader's write."""
    alliance, capability = get_alliance_for_user(request, pk, write=write)
    item = get_object_or_404(model.objects.filter(**{lookup: alliance}), pk=item_pk)
    return alliance, item, capability
