"""Tenancy in one place: what a user may see and change.

One rule, `capability_over(user, association_ids)`: staff of an association work on its data
with their role, the heads of a network its member is active in read it, platform admins read
it. Every view reaches a tenant-scoped object through a `get_*_for_user` helper built on it
(here for associations, networks and platform pages; `alliances/access.py` for alliances and
what hangs from them; `diagnostics/access.py`, `evaluation/access.py`): another tenant's
object is a 404 (we never confirm it exists), a reader or a network head trying to write is a
403.

Capabilities are computed from two small queries per request (the user's association roles,
and the associations their networks see), cached on the request's user object.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from core.collation import FrenchOrder

from .models import (
    WRITE_ROLES,
    Association,
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


def associations_of(user) -> list[tuple[int, str, str]]:
    """(pk, name, role) of each association the user works for, by name: one query a
    request, shared by the roles and the organisation switcher."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_fa_associations", None)
    if cached is None:
        cached = list(
            Association.objects.filter(memberships__user=user)
            .order_by(FrenchOrder("name"))
            .values_list("pk", "name", "memberships__role")
        )
        user._fa_associations = cached
    return cached


def user_roles(user) -> dict[int, str]:
    """{association_id: role} for the associations the user works for."""
    return {pk: role for pk, _name, role in associations_of(user)}


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
    for attr in ("_fa_associations", "_fa_organisations", "_fa_network_assocs"):
        if hasattr(user, attr):
            delattr(user, attr)


def capability_over(user, association_ids) -> Capability:
    """What the user may do on data that belongs to these associations together."""
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
    return capability_over(user, {association_id})


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


def network_capability(user, network) -> Capability:
    """A network's heads see and run its pages (its members' data too, read-only: see
    capability_over); platform admins read them."""
    if not user.is_authenticated:
        return NOTHING
    is_head = getattr(network, "user_is_head", None)
    if is_head is None:
        is_head = network.heads.filter(user=user).exists()
    if is_head:
        return Capability(
            can_view=True, can_edit=True, via_network=True, platform_admin=user.is_superuser
        )
    if user.is_superuser:
        return Capability(can_view=True, platform_admin=True)
    return NOTHING


def get_network_for_head(request, pk, *, write=False):
    """The network of one of its pages, with the request user's capability on it: a 404 for
    anyone but its heads and platform admins, a 403 for a platform admin's write."""
    from django.db.models import Exists, OuterRef

    from .models import NetworkHead

    user = request.user
    if not user.is_authenticated:
        raise Http404
    network = get_object_or_404(
        Network.objects.annotate(
            user_is_head=Exists(
                NetworkHead.objects.filter(network_id=OuterRef("pk"), user_id=user.pk)
            )
        ),
        pk=pk,
    )
    return network, require(network_capability(user, network), write=write)


def require_platform_admin(request):
    """Platform pages (bulk exports, workers): platform admins only, a 404 for anyone else."""
    if not (request.user.is_authenticated and request.user.is_superuser):
        raise Http404
