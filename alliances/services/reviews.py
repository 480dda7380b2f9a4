"""Network reviews: a head's verdict on a member's alliance, and the thread that follows."""

from django.db import transaction
from django.urls import reverse

from core.emails import send_after_commit

from ..models import (
    WRITE_ROLES,
    AssociationMembership,
    Network,
    NetworkHead,
    NetworkMembership,
    Review,
    ReviewReply,
)


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


def _staff_emails(alliance):
    return list(
        AssociationMembership.objects.filter(
            association_id=alliance.lead_id, role__in=WRITE_ROLES
        ).values_list("user__email", flat=True)
    )


def _head_emails(network):
    return list(NetworkHead.objects.filter(network=network).values_list("user__email", flat=True))


def _path(review):
    return reverse("alliances:reviews", args=[review.alliance_id]) + f"#review-{review.pk}"


@transaction.atomic
def leave_review(*, alliance, network, author, verdict, comment, step=None) -> Review:
    review = Review.objects.create(
        alliance=alliance,
        network=network,
        author=author,
        verdict=verdict,
        comment=comment,
        step=step,
    )
    recipients = _staff_emails(alliance)
    if recipients:
        send_after_commit(
            "network_review",
            recipients,
            {
                "network": network.name,
                "alliance": alliance.title,
                "verdict": review.get_verdict_display(),
                "comment": comment,
                "path": _path(review),
            },
        )
    return review


@transaction.atomic
def reply_to_review(*, review, author, body, from_network) -> ReviewReply:
    reply = ReviewReply.objects.create(
        review=review, author=author, body=body, from_network=from_network
    )
    if from_network:
        recipients = _staff_emails(review.alliance)
        sender = review.network.name
    else:
        recipients = _head_emails(review.network)
        sender = review.alliance.lead.name
    recipients = [email for email in recipients if email != author.email]
    if recipients:
        send_after_commit(
            "review_reply",
            recipients,
            {
                "sender": sender,
                "alliance": review.alliance.title,
                "body": body,
                "path": _path(review),
            },
        )
    return reply
