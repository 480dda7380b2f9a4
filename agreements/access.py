"""Access to a convention's versions, on the alliance's rule (alliances.access) for the
associations' side and on the partners' space's (partnerspace.access) for guests.

- Everyone who sees the alliance reads its conventions' versions and answers.
- Drafting, sending and reminding is for the lead association's editors and admins (403 for
  anyone else who sees the alliance).
- Answering for a party is for that party's representatives only (representatives.py); for
  anyone else the party does not exist: 404, whoever asks.
- A guest sees the conventions its organisation is party to, once a version is sent; a
  reader guest's answer is a 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from alliances.access import get_alliance_for_user
from alliances.models import Convention, ConventionParty
from organisations.access import association_capability
from partnerspace.access import get_space_for_guest

from .models import ConventionVersion, VersionState
from .representatives import may_answer


def may_draft(user, alliance) -> bool:
    return association_capability(user, alliance.lead_id).can_edit


def get_convention_for_user(request, pk, convention_pk, *, draft=False):
    """The alliance, its convention and the user's capability; `draft`: the lead's editors."""
    alliance, capability = get_alliance_for_user(request, pk)
    convention = get_object_or_404(
        Convention.objects.filter(alliance=alliance).select_related("accepted_report"),
        pk=convention_pk,
    )
    if draft and not may_draft(request.user, alliance):
        raise PermissionDenied
    return alliance, convention, capability


def get_party_for_answer(request, alliance, convention, party_pk):
    """The party the user answers for: 404 unless the user represents it."""
    party = get_object_or_404(
        ConventionParty.objects.select_related("association", "partner__partner").filter(
            convention=convention
        ),
        pk=party_pk,
    )
    if not may_answer(request.user, alliance, party):
        raise Http404
    return party


def sent_versions(convention):
    return ConventionVersion.objects.filter(convention=convention).exclude(state=VersionState.DRAFT)


def get_convention_for_guest(request, pk, convention_pk, *, write=False):
    """The guest's access, the convention its organisation is party to (with a version sent)
    and its organisation's party: 404 otherwise, 403 for a reader's answer."""
    access = get_space_for_guest(request, pk, write=write)
    convention = get_object_or_404(
        Convention.objects.filter(
            alliance_id=access.alliance_id, parties__partner_id=access.partner_id
        ).distinct(),
        pk=convention_pk,
    )
    if not sent_versions(convention).exists():
        raise Http404
    party = ConventionParty.objects.get(convention=convention, partner_id=access.partner_id)
    return access, convention, party
