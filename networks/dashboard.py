"""Dashboard panels of the networks (see core/dashboard.py): on an association's dashboard,
the network invitations waiting for its answer and the reviews of its alliances; on an
alliance's pages, the network's reviews of it; on the network's dashboard, what its members
answered lately and the invitations by e-mail not taken up yet."""

import datetime as dt
from datetime import timedelta

from django.db.models import Count, IntegerField, Q, Value, Window
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import ngettext

from alliances.models import Alliance
from core.dashboard import Panel
from core.prepared import Prepared
from core.url_templates import url_maker
from organisations.models import NetworkMembership

from .models import Review, SignupInvitation, Verdict

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


def _alliance_reviews(**filters):
    return (
        Review.objects.filter(**filters)
        .annotate(reply_count=Count("replies"))
        .order_by("-created_at", "-pk")
        .values_list("verdict", "network__name", "created_at", "step", "comment", "reply_count")[:3]
    )


#: The alliance's latest three reviews (or its step's), with their number of answers: every
#: page of an alliance asks, and most have none.
ALLIANCE_REVIEWS = Prepared(lambda alliance: _alliance_reviews(alliance=alliance), alliance=int)
STEP_REVIEWS = Prepared(
    # The step as an expression: a bare int out of a small integer's range (a stand-in's) is
    # no SQL parameter, the ORM drops the condition.
    lambda alliance, step: _alliance_reviews(
        alliance=alliance, step=Value(step, output_field=IntegerField())
    ),
    alliance=int,
    step=int,
)


def alliance_panels(request, alliance, step=None):
    """The network's reviews of the alliance (or of this step), on the association's pages."""
    rows = (
        ALLIANCE_REVIEWS(alliance=alliance.pk)
        if step is None
        else STEP_REVIEWS(alliance=alliance.pk, step=step)
    )
    if not rows:
        return []
    reviews = [
        {
            "verdict": Verdict(verdict).label,
            "network_name": network_name,
            "created_at": created_at,
            "step": review_step,
            "comment": comment,
            "reply_count": reply_count,
        }
        for verdict, network_name, created_at, review_step, comment, reply_count in rows
    ]
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


#: Members who accepted, declined or left since a date, the latest first.
NEWS = Prepared(
    lambda network, since: (
        NetworkMembership.objects.filter(network=network)
        .filter(
            Q(
                state__in=[NetworkMembership.State.ACTIVE, NetworkMembership.State.REFUSED],
                responded_at__gte=since,
            )
            | Q(state=NetworkMembership.State.LEFT, left_at__gte=since)
        )
        .annotate(event_at=Coalesce("left_at", "responded_at"))
        .order_by("-event_at", "-pk")
        .values_list("state", "association__name", "event_at")[:NEWS_SHOWN]
    ),
    network=int,
    since=dt.datetime,
)
#: The associations invited by e-mail that have not registered yet, and how many in all.
SIGNUPS = Prepared(
    lambda network, now: (
        SignupInvitation.objects.filter(
            network=network, signed_up_at__isnull=True, expires_at__gt=now
        )
        .annotate(total=Window(Count("pk")))
        .order_by("-created_at", "-pk")
        .values_list("association_name", "email", "created_at", "total")[:SIGNUPS_SHOWN]
    ),
    network=int,
    now=dt.datetime,
)


def network_panels(request, network):
    """Members who accepted, declined or left lately (the heads are e-mailed too), and the
    associations invited by e-mail that have not registered yet: two queries."""
    now = timezone.now()
    news = [
        {"state": state, "association_name": name, "event_at": event_at}
        for state, name, event_at in NEWS(network=network.pk, since=now - timedelta(days=NEWS_DAYS))
    ]
    rows = SIGNUPS(network=network.pk, now=now)
    signups = [
        {"association_name": name, "email": email, "created_at": created_at}
        for name, email, created_at, _total in rows
    ]
    if not news and not signups:
        return []
    return [
        Panel(
            "networks/panels/network_news.html",
            {
                "network": network,
                "news": news,
                "signups": signups,
                "signups_more": rows[0][-1] - len(rows) if rows else 0,
                "days": NEWS_DAYS,
            },
            order=10,
        )
    ]
