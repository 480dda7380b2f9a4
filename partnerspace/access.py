"""Who may enter an alliance's partners' space, and the associations' side of it.

A guest reaches an alliance through an *active* GuestAccess only (not revoked, begun, not
ended), read from the database at every request: an access that ends or is revoked closes at
once, whatever the guest's session. Anything else is a 404, as for another tenant's object;
a reader guest's write is a 403. A guest has no association, so `organisations.access` gives
them nothing: every association page (and the alliance's internal pages) is a 404 for them.

The associations' side (who is invited, inviting, revoking) follows the alliance's own rule
(`alliances.access`): its staff read it; inviting and revoking is for the admins of the lead,
or of a co-member for the partners it brought (see `may_manage_guests`).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from alliances.access import get_alliance_for_user

from .models import GuestAccess


def active_access(user, alliance_pk) -> GuestAccess | None:
    if not user.is_authenticated:
        return None
    return (
        GuestAccess.objects.active()
        .select_related("alliance", "partner__partner")
        .filter(user=user, alliance_id=alliance_pk)
        .first()
    )


def get_space_for_guest(request, pk, *, write=False) -> GuestAccess:
    """The guest's access to alliance `pk` (with the alliance and its organisation): 404
    without an active access, 403 for a reader's write."""
    access = active_access(request.user, pk)
    if access is None:
        raise Http404
    if write and not access.can_contribute:
        raise PermissionDenied
    return access


def get_space_item_for_guest(request, pk, model, item_pk, *, lookup="alliance", write=False):
    access = get_space_for_guest(request, pk, write=write)
    item = get_object_or_404(model.objects.filter(**{lookup: access.alliance_id}), pk=item_pk)
    return access, item


def may_manage_guests(capability, alliance) -> bool:
    """Admins of an association of the alliance (the lead, or a co-member for its partners:
    the partners are all in the lead's directory, so a co-member's admin invites for any of
    the alliance's partners, as the lead's admin does)."""
    return capability.can_admin and capability.is_member


def get_alliance_for_staff(request, pk, *, admin=False):
    """The alliance, seen from the associations' side (404 for guests and outsiders); `admin`:
    inviting and revoking, 403 for anyone but an admin of one of its associations."""
    alliance, capability = get_alliance_for_user(request, pk)
    if admin and not may_manage_guests(capability, alliance):
        raise PermissionDenied
    return alliance, capability
