"""Who answers for each party of a convention.

- a member association (the lead included): an admin of that association;
- a partner of the alliance: an active *contributor* guest of that partner's organisation in
  the alliance's partners' space (a reader has nothing to answer);
- a typed name (no account): an admin of the lead association, on the party's behalf.

Whoever is not one of these may not answer for that party: for them it does not exist (404).
"""

from collections import defaultdict

from organisations.models import AssociationMembership, Role
from partnerspace.models import GuestAccess, GuestRole

ASSOCIATION = "association"
PARTNER = "partner"
NAME = "name"


def way_of(party) -> str:
    if party.association_id:
        return ASSOCIATION
    if party.partner_id:
        return PARTNER
    return NAME


def _admins(association_ids) -> dict[int, set[int]]:
    admins = defaultdict(set)
    for association_id, user_id in AssociationMembership.objects.filter(
        association_id__in=set(association_ids), role=Role.ADMIN, user__is_active=True
    ).values_list("association_id", "user_id"):
        admins[association_id].add(user_id)
    return admins


def _guests(alliance_id, partner_ids) -> dict[int, set[int]]:
    guests = defaultdict(set)
    for partner_id, user_id in (
        GuestAccess.objects.active()
        .filter(
            alliance_id=alliance_id,
            partner_id__in=set(partner_ids),
            role=GuestRole.CONTRIBUTOR,
            user__is_active=True,
        )
        .values_list("partner_id", "user_id")
    ):
        guests[partner_id].add(user_id)
    return guests


def representatives(alliance, parties) -> dict[int, set[int]]:
    """{party id: ids of the people who may answer for it}: two queries whatever the parties."""
    admins = _admins({p.association_id for p in parties if p.association_id} | {alliance.lead_id})
    guests = _guests(alliance.pk, {p.partner_id for p in parties if p.partner_id})
    answering = {}
    for party in parties:
        way = way_of(party)
        if way == ASSOCIATION:
            answering[party.pk] = admins.get(party.association_id, set())
        elif way == PARTNER:
            answering[party.pk] = guests.get(party.partner_id, set())
        else:
            answering[party.pk] = admins.get(alliance.lead_id, set())
    return answering


def may_answer(user, alliance, party) -> bool:
    if not user.is_authenticated:
        return False
    return user.pk in representatives(alliance, [party])[party.pk]


def parties_of(user, alliance, parties) -> list:
    """The parties `user` may answer for, among `parties`."""
    answering = representatives(alliance, parties)
    return [party for party in parties if user.pk in answering[party.pk]]
