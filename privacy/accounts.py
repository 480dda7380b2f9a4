"""A person's own data: what we hold about them (portability, article 20) and the deletion of
their account (article 17).

Deleting an account keeps what the person wrote for their association, as the association's
data: their diagnostic answers stay in the campaign, attached to « Ancien répondant », and the
history still says a (former) person made a change. The account itself is emptied of who they
were: e-mail, names, password, memberships, network roles, tokens, and the log-in attempts
django-axes kept under their e-mail. It can never log in again.
"""

from __future__ import annotations

import json

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from api.models import ApiToken
from diagnostics.models import Answer, Respondent
from organisations.access import forget_cached_access
from organisations.models import AssociationMembership as Membership
from organisations.models import Invitation, NetworkHead, Role

FORMER_FIRST_NAME = "Ancien"
FORMER_LAST_NAME = "répondant"


def former_email(user_id: int) -> str:
    return f"ancien-repondant-{user_id}@compte-supprime.invalid"


class LastAdminError(Exception):
    """The person is the only administrator of an association that still has members."""

    def __init__(self, associations):
        super().__init__(", ".join(associations))
        self.associations = associations


def associations_left_without_admin(user) -> list[str]:
    """The associations whose only administrator is this person (they must name another)."""
    own_admin = Membership.objects.filter(user=user, role=Role.ADMIN).values("association_id")
    return list(
        Membership.objects.filter(association_id__in=own_admin)
        .values("association__name")
        .annotate(admins=Count("pk", filter=Q(role=Role.ADMIN)))
        .filter(admins=1)
        .order_by("association__name")
        .values_list("association__name", flat=True)
    )


@transaction.atomic
def delete_account(*, user) -> None:
    orphaned = associations_left_without_admin(user)
    if orphaned:
        raise LastAdminError(orphaned)
    old_email = user.email
    Membership.objects.filter(user=user).delete()
    NetworkHead.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user).delete()
    Invitation.objects.filter(email__iexact=old_email).update(email=former_email(user.pk))
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=old_email).delete()
    user.email = former_email(user.pk)
    user.first_name = FORMER_FIRST_NAME
    user.last_name = FORMER_LAST_NAME
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    forget_cached_access(user)


def personal_data(user) -> dict:
    """Everything we hold about the person themselves, as one JSON-ready document."""
    answers = (
        Answer.objects.filter(respondent__user=user)
        .select_related("respondent__campaign__association", "statement")
        .order_by("respondent_id", "statement_id")
    )
    return {
        "generated_at": timezone.now(),
        "account": {
            "id": user.pk,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "memberships": list(
            Membership.objects.filter(user=user).values(
                "association_id", "association__name", "role", "joined_at"
            )
        ),
        "network_roles": list(
            NetworkHead.objects.filter(user=user).values("network_id", "network__name")
        ),
        "diagnostic_participations": list(
            Respondent.objects.filter(user=user).values(
                "campaign_id",
                "campaign__association__name",
                "started_at",
                "submitted_at",
            )
        ),
        "diagnostic_answers": [
            {
                "campaign_id": answer.respondent.campaign_id,
                "statement": str(answer.statement),
                "value": answer.value,
                "dont_know": answer.dont_know,
                "comment": answer.comment,
                "answered_at": answer.answered_at,
            }
            for answer in answers
        ],
        "api_tokens": list(
            ApiToken.objects.filter(user=user).values(
                "name", "prefix", "created_at", "last_used_at", "revoked_at"
            )
        ),
    }


def personal_data_json(user) -> bytes:
    return json.dumps(
        personal_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    ).encode()
