from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.navigation import Tab

# No entry of the main menu: it would cost every page of a person with no organisation a
# query (« Mon compte » is the benchmark's floor). A guest finds its spaces on its dashboard
# (« Tableau de bord », partnerspace/dashboard.py) and lands on its space from the e-mail.


def alliance_tabs(request, alliance):
    return [
        Tab(
            "guests",
            _("Partners' space"),
            reverse("partnerspace:guests", args=[alliance.pk]),
            70,
        )
    ]
