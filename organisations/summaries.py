"""What organisations store about their members for others' pages: each network membership's
copy of its association's name as a French sort key (organisations.ordering), for the
network dashboard's order by name. Kept by the services that change a name or make a
membership; `refresh_all` is the nightly check (core/tasks.py)."""

from .models import Association, NetworkMembership
from .ordering import french_key


def refresh_name_keys(association_ids):
    """The memberships of these associations get their name's key."""
    names = dict(Association.objects.filter(pk__in=set(association_ids)).values_list("pk", "name"))
    changed = []
    for membership in NetworkMembership.objects.filter(association_id__in=names).only(
        "pk", "association_id", "name_key"
    ):
        key = french_key(names[membership.association_id])
        if membership.name_key != key:
            membership.name_key = key
            changed.append(membership)
    NetworkMembership.objects.bulk_update(changed, ["name_key"], batch_size=500)
    return len(changed)


def refresh_all(*, batch=2000):
    ids = list(Association.objects.order_by("pk").values_list("pk", flat=True))
    return sum(refresh_name_keys(ids[i : i + batch]) for i in range(0, len(ids), batch))
