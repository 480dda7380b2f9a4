from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.navigation import MenuItem, Tab


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
    return items


def alliance_tabs(request, alliance):
    pk = alliance.pk
    return [
        Tab("overview", _("Overview"), reverse("alliances:alliance_detail", args=[pk]), 10),
        Tab("plan", _("Action plan"), reverse("alliances:action_plan", args=[pk]), 20),
        Tab("economics", _("Economic model"), reverse("alliances:economic_model", args=[pk]), 30),
        Tab(
            "members",
            _("Members and partners"),
            reverse("alliances:alliance_members", args=[pk]),
            60,
        ),
        Tab("history", _("History"), reverse("alliances:alliance_history", args=[pk]), 90),
    ]
