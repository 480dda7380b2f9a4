"""The organisation a user is currently working for: one of their associations or networks.

Kept in the session so a person who works for two associations, or heads a network and
works for a member, switches explicitly instead of seeing everything mixed.
"""

from dataclasses import dataclass

from core.collation import FrenchOrder
from organisations.access import associations_of
from organisations.models import Network

SESSION_KEY = "current_organisation"


@dataclass(frozen=True)
class Organisation:
    kind: str  # "association" or "network"
    pk: int
    name: str
    role: str = ""

    @property
    def key(self):
        return f"{self.kind}:{self.pk}"


def organisations_of(user):
    """Every organisation the user may switch to, associations first (2 queries a request, the
    first shared with the user's roles)."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_fa_organisations", None)
    if cached is not None:
        return cached
    orgs = [Organisation("association", pk, name, role) for pk, name, role in associations_of(user)]
    orgs += [
        Organisation("network", pk, name, "head")
        for pk, name in Network.objects.filter(heads__user=user)
        .order_by(FrenchOrder("name"))
        .values_list("pk", "name")
    ]
    user._fa_organisations = orgs
    return orgs


def current_organisation(request):
    orgs = organisations_of(request.user)
    if not orgs:
        return None
    key = request.session.get(SESSION_KEY)
    for org in orgs:
        if org.key == key:
            return org
    return orgs[0]


def set_current_organisation(request, key):
    if any(org.key == key for org in organisations_of(request.user)):
        request.session[SESSION_KEY] = key
        return True
    return False
