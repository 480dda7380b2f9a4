from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.navigation import MenuItem


def menu(request, org):
    return [
        MenuItem(
            _("Dashboard"),
            reverse("accounts:dashboard"),
            order=0,
            active_prefix="/tableau-de-bord/",
        )
    ]
