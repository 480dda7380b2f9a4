"""Every write of the health check goes through a function here, inside a transaction."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alliances import summaries as alliance_summaries
from alliances.selectors import next_meeting
from alliances.services import add_agenda_item, create_action
from core.emails import send_after_commit

from . import scoring
from .models import GapFollowUp, HealthAnswer, HealthCheck, HealthQuestionnaire, Participant
from .parties import people_and_parties

DONT_KNOW = "dk"
VALID_CHOICES = {"1", "2", "3", "4", "5", DONT_KNOW}


class HealthCheckError(Exception):
    """A write refused for a reason the user can understand (message in French)."""


def answer_path(participant: Participant) -> str:
    if participant.is_guest:
        return reverse(
            "healthchecks:guest_answer",
            args=[participant.health_check.alliance_id, participant.health_check_id],
        )
    return reverse("healthchecks:answer", args=[participant.health_check_id])


# --- Opening and closing ----------------------------------------------------------------------


@transaction.atomic
def open_health_check(*, alliance, opened_by) -> HealthCheck:
    """Asks every participant of the alliance (its associations' staff, its partners' guests)
    by e-mail to answer."""
    if (
        HealthCheck.objects.select_for_update()
        .filter(alliance=alliance, status=HealthCheck.Status.OPEN)
        .exists()
    ):
        raise HealthCheckError(
            _("A health check is already in progress. Close it before opening a new one.")
        )
    questionnaire = HealthQuestionnaire.current()
    if questionnaire is None:
        raise HealthCheckError(_("No health check questionnaire is published yet."))
    people = people_and_parties(alliance)
    if not people:
        raise HealthCheckError(_("Nobody takes part in this alliance yet."))
    health_check = HealthCheck.objects.create(
        alliance=alliance, questionnaire=questionnaire, opened_by=opened_by
    )
    participants = Participant.objects.bulk_create(
        Participant(
            health_check=health_check,
            user=user,
            party_key=key,
            party_name=name,
            is_guest=is_guest,
        )
        for user, key, name, is_guest in people
    )
    for participant in participants:
        send_after_commit(
            "health_check_invitation",
            participant.user.email,
            {
                "inviter": str(opened_by),
                "alliance": alliance.title,
                "lead": alliance.lead.name,
                "answer_path": answer_path(participant),
            },
        )
    return health_check


@transaction.atomic
def close_health_check(*, health_check: HealthCheck) -> HealthCheck:
    """Closes it and stores what is derived from it: its results (means only) and the
    alliance's step facts (step 5 counts a health check of less than a year)."""
    health_check = HealthCheck.objects.select_for_update().get(pk=health_check.pk)
    if health_check.is_open:
        health_check.status = HealthCheck.Status.CLOSED
        health_check.closed_at = timezone.now()
        health_check.results = compute_results(health_check).as_json()
        health_check.save(update_fields=["status", "closed_at", "results"])
        alliance_summaries.refresh([health_check.alliance_id])
    return health_check


def compute_results(health_check: HealthCheck) -> scoring.Results:
    """Everyone who gave at least one answer counts, submitted or not: a closing by the lead
    keeps what was answered so far."""
    values: dict[int, dict] = {}
    for participant_id, statement, value in HealthAnswer.objects.filter(
        participant__health_check=health_check
    ).values_list("participant_id", "statement", "value"):
        values.setdefault(participant_id, {})[statement] = value
    responses = [
        scoring.Response(p.party_key, p.party_name, values[p.pk])
        for p in health_check.participants.order_by("pk")
        if p.pk in values
    ]
    return scoring.compute(health_check.questionnaire.axis_specs(), responses)


# --- Answering --------------------------------------------------------------------------------


def _check_can_answer(participant: Participant):
    if participant.submitted_at is not None:
        raise HealthCheckError(
            _("You have already submitted your answers; they can no longer change.")
        )
    if participant.health_check.status != HealthCheck.Status.OPEN:
        raise HealthCheckError(_("This health check is closed; answers can no longer change."))


@transaction.atomic
def save_answers(*, participant: Participant, choices: dict[str, str]) -> int:
    """Upserts {statement code: "1".."5" or "dk"}, one row per statement; the participant's
    row is locked as the closing locks the health check, so no answer lands after it."""
    locked = (
        Participant.objects.select_for_update(no_key=True)
        .select_related("health_check__questionnaire")
        .get(pk=participant.pk)
    )
    _check_can_answer(locked)
    known = set(locked.health_check.questionnaire.statement_texts())
    if set(choices) - known:
        raise HealthCheckError(_("This statement is not part of the questionnaire."))
    if any(choice not in VALID_CHOICES for choice in choices.values()):
        raise HealthCheckError(_("Choose an answer from 1 to 5, or « don't know »."))
    now = timezone.now()
    HealthAnswer.objects.bulk_create(
        [
            HealthAnswer(
                participant=locked,
                statement=code,
                value=None if choice == DONT_KNOW else int(choice),
                dont_know=choice == DONT_KNOW,
                answered_at=now,
            )
            for code, choice in choices.items()
        ],
        update_conflicts=True,
        unique_fields=["participant", "statement"],
        update_fields=["value", "dont_know", "answered_at"],
    )
    if locked.started_at is None:
        Participant.objects.filter(pk=locked.pk).update(started_at=now)
        participant.started_at = now
    return len(choices)


def visit_axis(*, participant: Participant, position: int):
    """Remember where the person is, to resume there next time."""
    if participant.last_axis != position and participant.submitted_at is None:
        participant.last_axis = position
        Participant.objects.filter(pk=participant.pk).update(last_axis=position)


@transaction.atomic
def submit(*, participant: Participant) -> HealthCheck:
    """Submits the person's answers; the health check closes when everyone has submitted."""
    participant = (
        Participant.objects.select_for_update()
        .select_related("health_check")
        .get(pk=participant.pk)
    )
    _check_can_answer(participant)
    participant.submitted_at = timezone.now()
    participant.save(update_fields=["submitted_at"])
    health_check = HealthCheck.objects.select_for_update().get(pk=participant.health_check_id)
    if not health_check.participants.filter(submitted_at__isnull=True).exists():
        health_check = close_health_check(health_check=health_check)
    return health_check


# --- What the gaps become ---------------------------------------------------------------------


def _gap(health_check, gap_key) -> scoring.Gap:
    results = health_check.stored_results
    gap = next((g for g in results.gaps if g.key == gap_key), None) if results else None
    if gap is None:
        raise HealthCheckError(_("This gap is not part of the health check's results."))
    return gap


def gap_title(gap: scoring.Gap) -> str:
    return _("Perception gap on « %(axis)s »") % {"axis": gap.axis_title}


def gap_description(health_check, gap: scoring.Gap) -> str:
    texts = health_check.questionnaire.statement_texts()
    names = [name or _("Other parties") for name in gap.names]
    lines = [
        _(
            "Health check of %(date)s: %(low)s rates this axis %(low_mean)s out of 5, "
            "%(high)s %(high_mean)s."
        )
        % {
            "date": health_check.opened_at.strftime("%d/%m/%Y"),
            "low": names[0],
            "low_mean": gap.means[0].replace(".", ","),
            "high": names[1],
            "high_mean": gap.means[1].replace(".", ","),
        }
    ]
    for statement in gap.statements:
        lines.append(
            f"– {texts.get(statement['code'], statement['code'])} "
            f"({statement['means'][0].replace('.', ',')} / "
            f"{statement['means'][1].replace('.', ',')})"
        )
    return "\n".join(lines)


def _follow_up(health_check, gap_key, kind):
    return GapFollowUp.objects.filter(health_check=health_check, gap_key=gap_key, kind=kind).first()


@transaction.atomic
def gap_to_action(*, health_check: HealthCheck, gap_key: str, by) -> GapFollowUp:
    """An action of the alliance's plan, pre-filled from the gap; once only."""
    health_check = HealthCheck.objects.select_for_update().get(pk=health_check.pk)
    gap = _gap(health_check, gap_key)
    existing = _follow_up(health_check, gap_key, GapFollowUp.Kind.ACTION)
    if existing is not None:
        return existing
    action = create_action(
        alliance=health_check.alliance,
        title=gap_title(gap)[:200],
        description=gap_description(health_check, gap),
        by=by,
    )
    return GapFollowUp.objects.create(
        health_check=health_check,
        gap_key=gap_key,
        kind=GapFollowUp.Kind.ACTION,
        action=action,
        created_by=by,
    )


@transaction.atomic
def gap_to_agenda(*, health_check: HealthCheck, gap_key: str, by) -> GapFollowUp:
    """A point on the agenda of the next governance meeting; once only."""
    health_check = HealthCheck.objects.select_for_update().get(pk=health_check.pk)
    gap = _gap(health_check, gap_key)
    existing = _follow_up(health_check, gap_key, GapFollowUp.Kind.AGENDA)
    if existing is not None:
        return existing
    meeting = next_meeting(health_check.alliance)
    if meeting is None:
        raise HealthCheckError(
            _("No governance meeting is planned: plan one first, then add the gap to it.")
        )
    item = add_agenda_item(
        meeting=meeting,
        title=gap_title(gap)[:200],
        description=gap_description(health_check, gap),
        by=by,
    )
    return GapFollowUp.objects.create(
        health_check=health_check,
        gap_key=gap_key,
        kind=GapFollowUp.Kind.AGENDA,
        agenda_item=item,
        created_by=by,
    )
