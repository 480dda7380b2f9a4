"""Access to alliances and what hangs from them, on the one tenancy rule of
`organisations.access`: staff of the lead or of an active co-member work on an alliance with
their role; the heads of their networks and platform admins read it. Another tenant's object
is a 404, a reader's write a 403."""

from django.shortcuts import get_object_or_404

from organisations.access import Capability, association_capability, capability_over, require

from .models import Alliance, Partner


def alliance_capability(user, alliance: Alliance) -> Capability:
    ids = getattr(alliance, "_participating_ids", None)
    if ids is None:
        ids = alliance.participating_association_ids()
        alliance._participating_ids = ids
    return capability_over(user, ids)


def get_alliance_for_user(request, pk, *, write=False, queryset=None):
    alliance = get_object_or_404(
        (queryset if queryset is not None else Alliance.objects).select_related("lead", "summary"),
        pk=pk,
    )
    capability = require(alliance_capability(request.user, alliance), write=write)
    return alliance, capability


def get_alliance_item_for_user(request, pk, model, item_pk, *, lookup="alliance", write=False):
    """An object hanging from an alliance (directly or through `lookup`): 404 when the alliance
    is not visible or the object belongs to another alliance, 403 for a reader's write."""
    alliance, capability = get_alliance_for_user(request, pk, write=write)
    item = get_object_or_404(model.objects.filter(**{lookup: alliance}), pk=item_pk)
    return alliance, item, capability


def get_partner_for_user(request, pk, *, write=False):
    """A partner of an association's directory: only that association's staff (and its
    network heads, read-only) see it."""
    partner = get_object_or_404(Partner.objects.select_related("association"), pk=pk)
    capability = require(association_capability(request.user, partner.association_id), write=write)
    return partner, capability
