from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.navigation import MenuItem


def menu(request, org):
    if org is None:
        return []
    if org.kind == "network":
        return [
            MenuItem(
                _("Members"),
                reverse("alliances:network_detail", args=[org.pk]),
                order=10,
                active_prefix=f"/reseaux/{org.pk}/",
            )
        ]
    return [
        MenuItem(
            _("My association"),
            reverse("alliances:association_detail", args=[org.pk]),
            order=90,
            active_prefix=f"/associations/{org.pk}/",
        )
    ]
