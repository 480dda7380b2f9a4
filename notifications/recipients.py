"""Who may receive what: people whose access is current, read in batches.

Every reminder goes to people found here, from today's memberships: someone who left the
association (membership deleted) or whose account was deactivated receives nothing, whatever
was recorded before. Guests of the partners' space are found by `alliance_guests`, from
today's active accesses: an access ended or revoked gives nothing.
"""

from collections import defaultdict

from alliances.models import Alliance, AllianceMember
from organisations.models import WRITE_ROLES, AssociationMembership, Role
from partnerspace.models import GuestAccess, GuestRole

ALL_ROLES = frozenset(Role.values)
ADMINS = frozenset({Role.ADMIN})
WRITERS = frozenset(WRITE_ROLES)


def association_staff(association_ids, roles=ALL_ROLES) -> dict[int, set[int]]:
    """{association_id: user ids} of active accounts working there with one of `roles`."""
    staff = defaultdict(set)
    rows = AssociationMembership.objects.filter(
        association_id__in=set(association_ids), role__in=roles, user__is_active=True
    ).values_list("association_id", "user_id")
    for association_id, user_id in rows:
        staff[association_id].add(user_id)
    return staff


def alliance_participants(alliance_ids) -> dict[int, set[int]]:
    """{alliance_id: association ids} of its lead and active co-members."""
    participants = defaultdict(set)
    for pk, lead_id in Alliance.objects.filter(pk__in=set(alliance_ids)).values_list(
        "pk", "lead_id"
    ):
        participants[pk].add(lead_id)
    for alliance_id, association_id in AllianceMember.objects.filter(
        alliance_id__in=set(alliance_ids), state=AllianceMember.State.ACTIVE
    ).values_list("alliance_id", "association_id"):
        participants[alliance_id].add(association_id)
    return participants


def alliance_staff(alliance_ids, roles=ALL_ROLES) -> dict[int, set[int]]:
    """{alliance_id: user ids} of the staff of its participating associations with `roles`."""
    participants = alliance_participants(alliance_ids)
    staff = association_staff({a for ids in participants.values() for a in ids}, roles)
    return {
        alliance_id: {user for association in associations for user in staff[association]}
        for alliance_id, associations in participants.items()
    }


def alliance_guests(alliance_ids, today) -> dict[tuple[int, int], set[int]]:
    """{(alliance_id, partner_id): user ids} of the contributor guests of those alliances
    whose access is active today (partnerspace: not begun, ended or revoked gives nothing)."""
    guests = defaultdict(set)
    rows = (
        GuestAccess.objects.active(today)
        .filter(
            alliance_id__in=set(alliance_ids),
            role=GuestRole.CONTRIBUTOR,
            user__is_active=True,
        )
        .values_list("alliance_id", "partner_id", "user_id")
    )
    for alliance_id, partner_id, user_id in rows:
        guests[(alliance_id, partner_id)].add(user_id)
    return guests
