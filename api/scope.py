"""What a token sees: the same associations as its user on the pages.

The rule is `organisations.access.capability_over`: staff see their associations, the heads
of a network its active members, platform admins every association. The lists are filtered
with that rule's own two reads (`user_roles`, `network_association_ids`); each object the API
returns alone goes through the same `require(capability_over(...))` as its page.
"""

from django.db.models import Exists, OuterRef, Q

from alliances.models import Alliance, AllianceMember
from organisations.access import network_association_ids, user_roles


def visible_association_filter(user, field="pk") -> Q | None:
    """A Q keeping the associations the user sees through `field`, None for all of them."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser:
        return None
    ids = set(user_roles(user)) | set(network_association_ids(user))
    return Q(**{f"{field}__in": sorted(ids)})


def visible_associations(user, queryset):
    condition = visible_association_filter(user)
    return queryset if condition is None else queryset.filter(condition)


def visible_alliances(user, queryset=None):
    """Alliances led or joined (active co-member) by an association the user sees: those
    whose `alliance_capability` lets them view."""
    queryset = queryset if queryset is not None else Alliance.objects.all()
    condition = visible_association_filter(user, "lead_id")
    if condition is None:
        return queryset
    member_condition = visible_association_filter(user, "association_id")
    joined = AllianceMember.objects.filter(
        member_condition, alliance_id=OuterRef("pk"), state=AllianceMember.State.ACTIVE
    )
    return queryset.filter(condition | Q(Exists(joined)))
