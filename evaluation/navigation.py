from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.navigation import Tab


def alliance_tabs(request, alliance):
    summary = getattr(alliance, "summary", None)
    attention = summary.off_track_indicators if summary else 0
    return [
        Tab(
            "objectives", _("Objectives"), reverse("evaluation:objectives", args=[alliance.pk]), 40
        ),
        Tab(
            "indicators",
            _("Indicators"),
            reverse("evaluation:indicators", args=[alliance.pk]),
            45,
            badge=attention,
            badge_label=ngettext(
                "indicator needs attention", "indicators need attention", attention
            ),
        ),
    ]
