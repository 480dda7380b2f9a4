from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.navigation import MenuItem


def menu(request, org):
    if org is None or org.kind != "association":
        return []
    return [
        MenuItem(
            _("My association"),
            reverse("organisations:association_detail", args=[org.pk]),
            order=90,
            active_prefix=f"/associations/{org.pk}/",
        )
    ]
