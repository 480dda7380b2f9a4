"""Who answers a health check, and for which party (organisation) each person speaks."""

from alliances.models import AllianceMember
from organisations.models import AssociationMembership
from partnerspace.models import GuestAccess
from partnerspace.participants import participants_of


def association_key(pk) -> str:
    return f"association:{pk}"


def partner_key(pk) -> str:
    return f"partner:{pk}"


def people_and_parties(alliance) -> list[tuple]:
    """(user, party key, party name, is guest) for every participant of the alliance's space:
    its associations' staff for their association (the lead first when someone works for
    several), its active guests for their partner organisation. Four queries."""
    users = participants_of(alliance)
    order = [alliance.lead_id] + list(
        AllianceMember.objects.filter(alliance=alliance, state=AllianceMember.State.ACTIVE)
        .order_by("pk")
        .values_list("association_id", flat=True)
    )
    rank = {pk: position for position, pk in enumerate(order)}
    staff = {}
    for user_id, association_id, name in AssociationMembership.objects.filter(
        user__in=users, association_id__in=order
    ).values_list("user_id", "association_id", "association__name"):
        current = staff.get(user_id)
        if current is None or rank[association_id] < rank[current[0]]:
            staff[user_id] = (association_id, name)
    guests = {
        user_id: (partner_id, name)
        for user_id, partner_id, name in GuestAccess.objects.active()
        .filter(alliance=alliance, user__in=users)
        .values_list("user_id", "partner__partner_id", "partner__partner__name")
    }
    rows = []
    for user in users:
        if user.pk in staff:
            pk, name = staff[user.pk]
            rows.append((user, association_key(pk), name, False))
        elif user.pk in guests:
            pk, name = guests[user.pk]
            rows.append((user, partner_key(pk), name, True))
    return rows
