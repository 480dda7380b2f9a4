"""The people of an alliance's space: its associations' staff and its active guests."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from .models import GuestAccess


def participants_of(alliance) -> list:
    guests = GuestAccess.objects.active().filter(alliance=alliance).values("user_id")
    return list(
        get_user_model()
        .objects.filter(
            Q(memberships__association_id__in=alliance.participating_association_ids())
            | Q(pk__in=guests),
            is_active=True,
        )
        .distinct()
    )
