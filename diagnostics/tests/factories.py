"""Campaigns on the real v1 questionnaire (loaded by the data migration)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.tests.stored import note
from diagnostics import summaries
from diagnostics.models import Answer, Campaign, QuestionnaireVersion, Respondent, Statement
from organisations.models import Role
from organisations.tests.factories import MembershipFactory


def v1():
    """The v1 questionnaire. Loaded by a migration, but transactional tests empty the tables
    when they end, so load it again when it is gone."""
    version = QuestionnaireVersion.objects.filter(code="v1").first()
    if version is None:
        from diagnostics import questionnaires

        version = questionnaires.load(questionnaires.read("v1"))
    return version


def statements(version=None):
    return list(
        Statement.objects.filter(axis__version=version or v1())
        .select_related("axis")
        .order_by("axis__position", "position")
    )


def make_campaign(association, users=None, *, finished=False, opened_at=None, version=None):
    users = users or [MembershipFactory(association=association, role=Role.EDITOR).user]
    opened_at = opened_at or timezone.now() - timedelta(days=3)
    campaign = Campaign.objects.create(
        association=association,
        version=version or v1(),
        opened_by=users[0],
        opened_at=opened_at,
        status=Campaign.Status.CLOSED if finished else Campaign.Status.OPEN,
        closed_at=opened_at + timedelta(days=1) if finished else None,
    )
    for user in users:
        Respondent.objects.create(
            campaign=campaign, user=user, submitted_at=campaign.closed_at if finished else None
        )
    return campaign


def answer(respondent, values, comments=None):
    """values: {statement code: 1..5 or None (je ne sais pas)}; or a callable(code) -> value."""
    rows = []
    for statement in statements(respondent.campaign.version):
        if callable(values):
            value = values(statement.code)
        elif statement.code in values:
            value = values[statement.code]
        else:
            continue
        rows.append(
            Answer(
                respondent=respondent,
                statement=statement,
                value=value,
                dont_know=value is None,
                comment=(comments or {}).get(statement.code, ""),
            )
        )
    Answer.objects.bulk_create(rows)


def finished_campaign(association, value=3, *, users=None, opened_at=None, comments=None):
    """A campaign answered and closed, with what closing it stores (as close_campaign)."""
    campaign = make_campaign(association, users, finished=True, opened_at=opened_at)
    for respondent in campaign.respondents.all():
        answer(respondent, value if callable(value) else (lambda code: value), comments)
    if note("campaigns", campaign.pk):
        return campaign
    with transaction.atomic():
        summaries.store_scores([campaign])
        summaries.mark_latest([association.pk])
        summaries.refresh_networks(summaries.networks_of([association.pk]))
    campaign.refresh_from_db()
    return campaign
