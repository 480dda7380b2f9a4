"""Dashboard panels of the networks (see core/dashboard.py): on an association's dashboard,
the network invitations waiting for its answer and the reviews of its alliances; on an
alliance's pages, the network's reviews of it."""

from django.db.models import Count

from alliances.models import Alliance
from core.dashboard import Panel
from organisations.models import NetworkMembership

from .models import Review
from .selectors import reviews_of


def association_panels(request, association, capability):
    panels = []
    if capability.can_admin:
        invitations = list(
            NetworkMembership.objects.filter(
                association=association, state=NetworkMembership.State.INVITED
            ).select_related("network")
        )
        if invitations:
            panels.append(
                Panel(
                    "networks/panels/association_invitations.html",
                    {"association": association, "invitations": invitations},
                    order=5,
                    wide=True,
                )
            )
    reviews = list(
        Review.objects.filter(alliance__in=Alliance.objects.of_association(association))
        .select_related("network", "alliance")
        .annotate(reply_count=Count("replies"))
        .order_by("-created_at")[:5]
    )
    if reviews:
        panels.append(Panel("networks/panels/association_reviews.html", {"reviews": reviews}, 15))
    return panels


def alliance_panels(request, alliance, step=None):
    """The network's reviews of the alliance (or of this step), on the association's pages."""
    reviews = reviews_of(alliance, step)
    if not reviews:
        return []
    return [
        Panel(
            "networks/_reviews_summary.html",
            {"alliance": alliance, "step": step, "reviews": reviews},
            order=10,
        )
    ]
