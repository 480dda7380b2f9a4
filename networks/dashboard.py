"""Dashboard panels of the networks (see core/dashboard.py): on an association's dashboard,
the network invitations waiting for its answer and the reviews of its alliances; on an
alliance's pages, the network's reviews of it."""

from django.db.models import Count
from django.utils.translation import ngettext

from alliances.models import Alliance
from core.dashboard import Panel
from core.prepared import Prepared
from core.url_templates import url_maker
from organisations.models import NetworkMembership

from .models import Review, Verdict
from .selectors import reviews_of

#: The network invitations waiting for the association's answer.
INVITATIONS = Prepared(
    lambda association: (
        NetworkMembership.objects.filter(
            association=association, state=NetworkMembership.State.INVITED
        )
        .order_by("network__name", "pk")
        .values_list("network__name")
    ),
    association=int,
)
#: The latest five reviews of its alliances (led or joined), with their number of answers.
REVIEWS = Prepared(
    lambda association: (
        Review.objects.filter(alliance__in=Alliance.objects.of_association(association))
        .annotate(reply_count=Count("replies"))
        .order_by("-created_at", "-pk")
        .values_list(
            "pk",
            "alliance_id",
            "alliance__title",
            "step",
            "verdict",
            "network__name",
            "created_at",
            "reply_count",
        )[:5]
    ),
    association=int,
)


def association_panels(request, association, capability):
    panels = []
    if capability.can_admin:
        invitations = [name for (name,) in INVITATIONS(association=association.pk)]
        if invitations:
            panels.append(
                Panel(
                    "networks/panels/association_invitations.html",
                    {"association": association, "invitations": invitations},
                    order=5,
                    wide=True,
                )
            )
    reviews_url = url_maker("networks:reviews")
    reviews = [
        {
            "url": f"{reviews_url(alliance_id)}#review-{pk}",
            "title": title,
            "step": step,
            "validated": verdict == Verdict.VALIDATED,
            "verdict": Verdict(verdict).label,
            "network_name": network_name,
            "created_at": created_at,
            "replies": ngettext("%(counter)s answer", "%(counter)s answers", replies)
            % {"counter": replies},
        }
        for pk, alliance_id, title, step, verdict, network_name, created_at, replies in REVIEWS(
            association=association.pk
        )
    ]
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
