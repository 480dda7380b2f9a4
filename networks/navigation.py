from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.navigation import Tab


def alliance_tabs(request, alliance):
    return [
        Tab("reviews", _("Network reviews"), reverse("networks:reviews", args=[alliance.pk]), 70)
    ]
