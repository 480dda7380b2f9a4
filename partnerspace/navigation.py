from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.navigation import MenuItem, Tab

from .models import GuestAccess


def menu(request, org):
    """A guest (no organisation) reaches its spaces from the menu; staff who are guests too
    find them on « Mon compte »."""
    if org is not None or not request.user.is_authenticated:
        return []
    if not GuestAccess.objects.active().filter(user=request.user).exists():
        return []
    return [
        MenuItem(
            _("Partners' spaces"),
            reverse("partnerspace:spaces"),
            order=15,
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
