"""Each person's delivery per kind (kinds.KINDS), and the signed unsubscribe tokens."""

from django.core import signing

from organisations.access import user_roles
from organisations.models import NetworkHead
from partnerspace.models import GuestAccess, GuestRole

from . import kinds
from .models import Preference

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
#: The token of a weekly digest: unsubscribing from it turns every weekly kind to « never ».
DIGEST = "digest"


def deliveries_of(user_ids, kind_keys=None) -> dict[tuple[int, str], str]:
    """{(user_id, kind): delivery} for every pair, the kind's default where nothing was
    chosen: one query."""
    kind_keys = list(kind_keys or kinds.KINDS)
    chosen = {
        (user_id, kind): delivery
        for user_id, kind, delivery in Preference.objects.filter(
            user_id__in=set(user_ids), kind__in=kind_keys
        ).values_list("user_id", "kind", "delivery")
    }
    return {
        (user_id, kind): chosen.get((user_id, kind), kinds.KINDS[kind].default)
        for user_id in set(user_ids)
        for kind in kind_keys
    }


def audiences_of(user) -> set[str]:
    """Which kinds concern the person: an association's staff, a network's head, an
    alliance's contributor guest (a reader guest has nothing to do: no reminders)."""
    found = {kinds.STAFF} if user_roles(user) else set()
    if NetworkHead.objects.filter(user=user).exists():
        found |= {kinds.HEADS}
    if (
        user.has_guest_access
        and GuestAccess.objects.active().filter(user=user, role=GuestRole.CONTRIBUTOR).exists()
    ):
        found |= {kinds.GUESTS}
    return found


def unsubscribe_token(user_id: int, kind: str) -> str:
    return signing.dumps([user_id, kind], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """(user id, kind) of a valid token, else None. No expiry: an old e-mail's link still
    unsubscribes, which is what its reader expects."""
    try:
        user_id, kind = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if kind != DIGEST and kind not in kinds.KINDS:
        return None
    return user_id, kind
