"""Network URLs in the permission matrix (see core/tests/matrix.py); the older ones are declared
in alliances/tests/matrix_routes.py, where they lived."""

from datetime import timedelta

from django.utils import timezone

from core.tests.matrix import NETWORK_WRITE_POST, PUBLIC, Route
from networks.models import SignupInvitation


def extend_world(world):
    world.objects["signup_invitation"] = SignupInvitation.objects.create(
        network=world.network,
        email="pas-encore-inscrite@example.org",
        association_name="Pas encore inscrite",
        token="matrix-signup-invitation",
        expires_at=timezone.now() + timedelta(days=14),
    )


ROUTES = [
    Route(
        "networks:invite_by_email",
        NETWORK_WRITE_POST,
        kwargs=lambda w: {"pk": w.network.pk},
        method="post",
        data=lambda w: {"by-email-email": "nouvelle-asso@example.org"},
    ),
    # The invitee, not logged in, registers; anyone logged in is asked to log out first.
    Route(
        "networks:signup_invitation",
        PUBLIC,
        kwargs=lambda w: {"token": w.signup_invitation.token},
    ),
]
