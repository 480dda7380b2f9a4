"""Reads of the network pages shared by several views."""

from django.db.models import Prefetch

from organisations.models import Network, NetworkMembership

from .models import Review, ReviewReply


def reviewing_networks(user, alliance):
    """The networks the user heads that one of the alliance's associations is an active
    member of: those the user may review it for."""
    if not user.is_authenticated:
        return Network.objects.none()
    ids = alliance.participating_association_ids()
    return Network.objects.filter(
        heads__user=user,
        memberships__association_id__in=ids,
        memberships__state=NetworkMembership.State.ACTIVE,
    ).distinct()


def reviews_of(alliance, step=None):
    """The alliance's reviews (all, or one step's) with their thread: two queries."""
    reviews = Review.objects.filter(alliance=alliance)
    if step is not None:
        reviews = reviews.filter(step=step)
    return list(
        reviews.select_related("network", "author").prefetch_related(
            Prefetch("replies", queryset=ReviewReply.objects.select_related("author"))
        )
    )
