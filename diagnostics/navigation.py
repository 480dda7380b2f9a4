from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.navigation import MenuItem


def menu(request, org):
    if org is None or org.kind != "association":
        return []
    return [
        MenuItem(
            _("Self-diagnostic"),
            reverse("diagnostics:campaign_list", args=[org.pk]),
            order=20,
            active_prefix="/autodiagnostic/",
        )
    ]
