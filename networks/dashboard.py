"""Dashboard panels of the networks (see core/dashboard.py): on an association's dashboard,
the network invitations waiting for its answer and the reviews of its alliances; on an
alliance's pages, the network's reviews of it; on the network's dashboard, what its members
answered lately and the invitations by e-mail not taken up yet."""

from datetime import timedelta

from django.db.models import Count, Q, Window
from django.db.models.functions import Coalesce
from django.utils import timezone

from alliances.models import Alliance
from core.dashboard import Panel
from organisations.models import NetworkMembership

from .models import Review, SignupInvitation
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


#: How far back the network's dashboard tells what its members did.
NEWS_DAYS = 90
NEWS_SHOWN = 8
SIGNUPS_SHOWN = 10


def network_panels(request, network):
    """Members who accepted, declined or left lately (the heads are e-mailed too), and the
    associations invited by e-mail that have not registered yet: two queries."""
    since = timezone.now() - timedelta(days=NEWS_DAYS)
    State = NetworkMembership.State
    news = list(
        NetworkMembership.objects.filter(network=network)
        .filter(
            Q(state__in=[State.ACTIVE, State.REFUSED], responded_at__gte=since)
            | Q(state=State.LEFT, left_at__gte=since)
        )
        .annotate(event_at=Coalesce("left_at", "responded_at"))
        .select_related("association")
        .order_by("-event_at", "-pk")[:NEWS_SHOWN]
    )
    signups = list(
        SignupInvitation.objects.filter(
            network=network, signed_up_at__isnull=True, expires_at__gt=timezone.now()
        )
        .annotate(total=Window(Count("pk")))
        .order_by("-created_at", "-pk")[:SIGNUPS_SHOWN]
    )
    if not news and not signups:
        return []
    return [
        Panel(
            "networks/panels/network_news.html",
            {
                "network": network,
                "news": news,
                "signups": signups,
                "signups_more": signups[0].total - len(signups) if signups else 0,
                "days": NEWS_DAYS,
            },
            order=10,
        )
    ]
