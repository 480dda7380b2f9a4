"""Reads the health check's pages share."""

from django.db.models import Count, Q

from .models import HealthAnswer, HealthCheck, Participant


def health_checks_of(alliance_id):
    return (
        HealthCheck.objects.filter(alliance_id=alliance_id)
        .select_related("questionnaire")
        .annotate(
            asked=Count("participants", distinct=True),
            submitted=Count(
                "participants",
                filter=Q(participants__submitted_at__isnull=False),
                distinct=True,
            ),
        )
    )


def participation_by_party(health_check) -> list[dict]:
    """Per party: how many were asked, how many have submitted. Counts only: who answered
    what is never shown."""
    rows = (
        Participant.objects.filter(health_check=health_check)
        .order_by("party_name")
        .values("party_key", "party_name")
        .annotate(
            asked=Count("pk"),
            submitted=Count("pk", filter=Q(submitted_at__isnull=False)),
        )
    )
    return list(rows)


def my_participations(user, health_check_ids) -> dict:
    return {
        p.health_check_id: p
        for p in Participant.objects.filter(user=user, health_check_id__in=health_check_ids)
    }


def my_answers(participant) -> dict[str, str]:
    return {a.statement: a.choice for a in HealthAnswer.objects.filter(participant=participant)}


def answer_count(participant) -> int:
    return HealthAnswer.objects.filter(participant=participant).count()
