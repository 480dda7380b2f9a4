"""The health check's panel on step 5 of an alliance (see core/dashboard.py): the method asks
for a look taken by all the parties together, at least once a year."""

from core.dashboard import Panel

from .models import HealthCheck


def alliance_panels(request, alliance, step=None):
    if step != 5:
        return []
    latest = (
        HealthCheck.objects.filter(alliance=alliance)
        .only("pk", "status", "opened_at", "closed_at")
        .order_by("-opened_at", "-pk")
        .first()
    )
    return [Panel("healthchecks/_step5_panel.html", {"alliance": alliance, "latest": latest}, 20)]
