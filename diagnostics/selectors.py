"""Reads of the campaign pages, as prepared statements (core/prepared.py)."""

from django.db.models import Count, Q

from accounts.models import User
from core.prepared import Prepared

from .models import Respondent, Statement

#: A campaign's respondents: who, when they started and submitted, how many statements
#: they answered.
RESPONDENTS = Prepared(
    lambda campaign: (
        Respondent.objects.filter(campaign_id=campaign)
        .annotate(
            given=Count(
                "answers", filter=Q(answers__value__isnull=False) | Q(answers__dont_know=True)
            )
        )
        .order_by("pk")
        .values_list(
            "pk",
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__email",
            "started_at",
            "submitted_at",
            "given",
        )
    ),
    campaign=int,
)

#: The number of statements of a questionnaire version.
STATEMENT_COUNT = Prepared(
    lambda version: (
        Statement.objects.filter(axis__version_id=version)
        .order_by()
        .values("axis__version_id")
        .annotate(n=Count("pk"))
        .values_list("n")
    ),
    version=int,
)


def respondents_of(campaign) -> list[Respondent]:
    """The campaign's respondents with their user and `given` (answers given)."""
    respondents = []
    for pk, user_id, first, last, email, started, submitted, given in RESPONDENTS(
        campaign=campaign.pk
    ):
        respondent = Respondent(
            pk=pk,
            campaign_id=campaign.pk,
            user_id=user_id,
            started_at=started,
            submitted_at=submitted,
        )
        respondent.user = User(pk=user_id, first_name=first, last_name=last, email=email)
        respondent.given = given
        respondents.append(respondent)
    return respondents


def statement_count(version_id) -> int:
    found = STATEMENT_COUNT(version=version_id)
    return found[0][0] if found else 0
