"""Every write of the self-diagnostic goes through a function here, inside a transaction."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.models import AssociationMembership

from . import summaries as benchmarks
from .models import (
    Answer,
    Axis,
    Campaign,
    QuestionnaireVersion,
    Recommendation,
    Respondent,
    Statement,
)

DONT_KNOW = "dk"
VALID_CHOICES = {"1", "2", "3", "4", "5", DONT_KNOW}
COMMENT_MAX_LENGTH = 5000


class DiagnosticError(Exception):
    """A write refused for a reason the user can understand (message in French)."""


@dataclass(frozen=True)
class AnswerInput:
    """What a respondent sent for one statement. None means « not sent, leave as is »."""

    statement: Statement
    choice: str | None = None
    comment: str | None = None


# --- Campaigns -------------------------------------------------------------------------------


@transaction.atomic
def open_campaign(*, association, opened_by, users, title="") -> Campaign:
    users = list(users)
    if not users:
        raise DiagnosticError(_("Choose at least one respondent."))
    member_ids = set(
        AssociationMembership.objects.filter(association=association, user__in=users).values_list(
            "user_id", flat=True
        )
    )
    if any(user.pk not in member_ids for user in users):
        raise DiagnosticError(_("Respondents must be members of the association."))
    # One campaign at a time: lock the association's open campaigns while we check.
    if (
        Campaign.objects.select_for_update()
        .filter(association=association, status=Campaign.Status.OPEN)
        .exists()
    ):
        raise DiagnosticError(
            _("A campaign is already in progress. Close it before opening a new one.")
        )
    version = QuestionnaireVersion.current()
    if version is None:
        raise DiagnosticError(_("No questionnaire is published yet."))
    campaign = Campaign.objects.create(
        association=association, version=version, opened_by=opened_by, title=title.strip()
    )
    Respondent.objects.bulk_create(Respondent(campaign=campaign, user=user) for user in users)
    return campaign


@transaction.atomic
def add_respondents(*, campaign: Campaign, users) -> list[Respondent]:
    """Colleagues asked to answer a campaign already running; they find it on their dashboard
    as the first respondents did. Those already asked are left as they are."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if not campaign.is_open:
        raise DiagnosticError(_("This campaign is closed; no one can be added to it."))
    users = list(users)
    if not users:
        raise DiagnosticError(_("Choose at least one respondent."))
    member_ids = set(
        AssociationMembership.objects.filter(
            association_id=campaign.association_id, user__in=users
        ).values_list("user_id", flat=True)
    )
    if any(user.pk not in member_ids for user in users):
        raise DiagnosticError(_("Respondents must be members of the association."))
    already = set(campaign.respondents.values_list("user_id", flat=True))
    return Respondent.objects.bulk_create(
        Respondent(campaign=campaign, user=user) for user in users if user.pk not in already
    )


@transaction.atomic
def close_campaign(*, campaign: Campaign) -> Campaign:
    """Closes it and stores what is derived from it: its scores, the association's latest
    finished campaign, the benchmark of each network the association is a member of."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.is_open:
        campaign.status = Campaign.Status.CLOSED
        campaign.closed_at = timezone.now()
        campaign.save(update_fields=["status", "closed_at"])
        _derived_changed(campaign)
    return campaign


@transaction.atomic
def reopen_campaign(*, campaign: Campaign) -> Campaign:
    """Opens a finished campaign again (its respondents may change their answers): its stored
    scores are cleared and the association's figures go back to its previous campaign."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.is_finished:
        if (
            Campaign.objects.filter(
                association_id=campaign.association_id, status=Campaign.Status.OPEN
            )
            .exclude(pk=campaign.pk)
            .exists()
        ):
            raise DiagnosticError(
                _("Another campaign is in progress: close it before reopening this one.")
            )
        campaign.status = Campaign.Status.OPEN
        campaign.closed_at = None
        campaign.scores = None
        campaign.maturity_level = None
        campaign.is_latest = False
        campaign.save(
            update_fields=["status", "closed_at", "scores", "maturity_level", "is_latest"]
        )
        campaign.respondents.update(submitted_at=None)
        _derived_changed(campaign)
    return campaign


def _derived_changed(campaign):
    benchmarks.store_scores([campaign])
    benchmarks.mark_latest([campaign.association_id])
    benchmarks.refresh_networks(benchmarks.networks_of([campaign.association_id]))


# --- Answering --------------------------------------------------------------------------------


def _check_can_answer(respondent: Respondent):
    if respondent.submitted_at is not None:
        raise DiagnosticError(
            _("You have already submitted your answers; they can no longer change.")
        )
    if respondent.campaign.status != Campaign.Status.OPEN:
        raise DiagnosticError(_("This campaign is closed; answers can no longer change."))


def clean_input(item: AnswerInput) -> AnswerInput:
    if item.choice is not None and item.choice not in VALID_CHOICES:
        raise DiagnosticError(_("Choose an answer from 1 to 5, or « don't know »."))
    if item.comment is not None and "\x00" in item.comment:
        # PostgreSQL stores no NUL character; it comes from a paste of binary text.
        raise DiagnosticError(
            _("The comment holds an invisible character (NUL) that cannot be saved: remove it.")
        )
    if item.comment is not None and len(item.comment) > COMMENT_MAX_LENGTH:
        raise DiagnosticError(
            _("A comment may not exceed %(max)d characters.") % {"max": COMMENT_MAX_LENGTH}
        )
    return item


@transaction.atomic
def save_answers(*, respondent: Respondent, items: list[AnswerInput]) -> int:
    """Upsert the given answers (INSERT … ON CONFLICT DO UPDATE), one row per statement.

    Only the fields sent are written, so a comment saved from one tab never erases the value
    chosen in another, and each statement is its own row: concurrent saves of different
    statements, or of different respondents, never lose each other.

    The campaign's row is locked, as `close_campaign` locks it: an answer is committed before
    a closing (and scored with it), or waits for it and is refused; never after it.
    """
    locked = (
        Respondent.objects.select_for_update(no_key=True)
        .select_related("campaign")
        .get(pk=respondent.pk)
    )
    _check_can_answer(locked)
    items = [clean_input(item) for item in items]
    statement_version = {item.statement.axis.version_id for item in items}
    if statement_version - {respondent.campaign.version_id}:
        raise DiagnosticError(_("This statement is not part of the campaign's questionnaire."))
    now = timezone.now()
    # Group by the set of fields sent: bulk_create's update_fields is per call.
    groups: dict[tuple[str, ...], list[Answer]] = {}
    for item in items:
        fields = ["answered_at"]
        answer = Answer(respondent=respondent, statement=item.statement, answered_at=now)
        if item.choice is not None:
            answer.value = None if item.choice in (DONT_KNOW, "") else int(item.choice)
            answer.dont_know = item.choice == DONT_KNOW
            fields += ["value", "dont_know"]
        if item.comment is not None:
            answer.comment = item.comment.strip()
            fields.append("comment")
        groups.setdefault(tuple(fields), []).append(answer)
    for fields, answers in groups.items():
        Answer.objects.bulk_create(
            answers,
            update_conflicts=True,
            unique_fields=["respondent", "statement"],
            update_fields=list(fields),
        )
    if respondent.started_at is None:
        Respondent.objects.filter(pk=respondent.pk, started_at__isnull=True).update(started_at=now)
        respondent.started_at = now
    return len(items)


def visit_axis(*, respondent: Respondent, axis: Axis):
    """Remember where the respondent is, to resume there next time."""
    if respondent.last_axis_id != axis.pk and respondent.submitted_at is None:
        respondent.last_axis = axis
        Respondent.objects.filter(pk=respondent.pk).update(last_axis=axis)


@transaction.atomic
def submit(*, respondent: Respondent) -> Campaign:
    """Submit the respondent's answers; the campaign closes when everyone has submitted."""
    respondent = (
        Respondent.objects.select_for_update().select_related("campaign").get(pk=respondent.pk)
    )
    _check_can_answer(respondent)
    respondent.submitted_at = timezone.now()
    respondent.save(update_fields=["submitted_at"])
    campaign = Campaign.objects.select_for_update().get(pk=respondent.campaign_id)
    if not campaign.respondents.filter(submitted_at__isnull=True).exists():
        campaign = close_campaign(campaign=campaign)
    return campaign


# --- Questionnaire versions -----------------------------------------------------------------


@transaction.atomic
def publish_copy(*, version: QuestionnaireVersion, code: str | None = None, publish=False):
    """A new version copying `version` (axes, statements, recommendations), to be edited."""
    existing = set(QuestionnaireVersion.objects.values_list("code", flat=True))
    if code is None:
        number = 2
        while f"v{number}" in existing:
            number += 1
        code = f"v{number}"
    elif code in existing:
        raise DiagnosticError(_("A version with this code exists already."))
    copy = QuestionnaireVersion.objects.create(
        code=code,
        title=version.title,
        introduction=version.introduction,
        data=version.data,
        published_at=timezone.now() if publish else None,
    )
    axes = version.axes.prefetch_related("statements", "recommendations")
    for axis in axes:
        new_axis = Axis.objects.create(
            version=copy,
            code=axis.code,
            position=axis.position,
            title=axis.title,
            description=axis.description,
            help_link=axis.help_link,
        )
        Statement.objects.bulk_create(
            Statement(axis=new_axis, code=s.code, position=s.position, text=s.text)
            for s in axis.statements.all()
        )
        Recommendation.objects.bulk_create(
            Recommendation(axis=new_axis, band=r.band, text=r.text)
            for r in axis.recommendations.all()
        )
    return copy
