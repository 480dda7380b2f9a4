from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.navigation import MenuItem


def menu(request, org):
    # A network's page is its heads' dashboard.
    prefix = (
        f"/reseaux/{org.pk}/" if org is not None and org.kind == "network" else "/tableau-de-bord/"
    )
    return [MenuItem(_("Dashboard"), reverse("accounts:dashboard"), order=0, active_prefix=prefix)]
