from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.navigation import MenuItem, Tab


def menu(request, org):
    # Read from the user row the page has already loaded (accounts.User.has_guest_access,
    # kept by partnerspace/services.py): no query, « Mon compte » is the benchmark's floor.
    if not getattr(request.user, "has_guest_access", False):
        return []
    return [
        MenuItem(
            _("Partners' spaces"),
            reverse("partnerspace:spaces"),
            order=80,
            active_prefix="/espace-partenaires/",
        )
    ]


def alliance_tabs(request, alliance):
    return [
        Tab(
            "guests",
            _("Partners' space"),
            reverse("partnerspace:guests", args=[alliance.pk]),
            70,
        )
    ]
