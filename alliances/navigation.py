from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.navigation import MenuItem


def menu(request, org):
    if org is None:
        return []
    if org.kind == "network":
        # The network's page is its dashboard: the "Dashboard" entry leads there.
        return []
    items = [
        MenuItem(
            _("Alliances"),
            reverse("alliances:alliance_list", args=[org.pk]),
            order=20,
            active_prefix="/alliances/",
        ),
    ]
    if org.role:
        items.append(
            MenuItem(
                _("Partners"),
                reverse("alliances:partner_list", args=[org.pk]),
                order=30,
                active_prefix="/partenaires/",
            )
        )
    return [
        *items,
        MenuItem(
            _("My association"),
            reverse("alliances:association_detail", args=[org.pk]),
            order=90,
            active_prefix=f"/associations/{org.pk}/",
        ),
    ]
