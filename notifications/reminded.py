"""The `reminded.respondents_reminded` hook: a running campaign's page shows its owner who was
reminded to finish, and when."""

from collections import defaultdict

from django.utils import timezone

from . import kinds
from .models import SentReminder


def respondents_reminded(campaign) -> dict:
    """{user id: [dates reminded]}: one query."""
    reminded = defaultdict(list)
    for user_id, created_at in (
        SentReminder.objects.filter(kind=kinds.CAMPAIGN_UNFINISHED, object_id=campaign.pk)
        .exclude(delivery=kinds.NEVER)
        .order_by("created_at")
        .values_list("recipient_id", "created_at")
    ):
        reminded[user_id].append(timezone.localdate(created_at))
    return reminded
