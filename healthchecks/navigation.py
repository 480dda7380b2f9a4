from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.navigation import Tab


def alliance_tabs(request, alliance):
    return [Tab("health", _("Health check"), reverse("healthchecks:list", args=[alliance.pk]), 65)]


def space_tabs(alliance):
    """The guests' tab of the partners' space (partnerspace's `space_tabs` tag)."""
    return [
        Tab("health", _("Health check"), reverse("healthchecks:guest_list", args=[alliance.pk]))
    ]
