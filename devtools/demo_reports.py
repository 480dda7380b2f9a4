"""One ready report of each kind in the demo, made once every stored figure is in: the
diagnostic, the impact evaluation, the dossier de présentation, the network's overview and
the alliance's health check,
each with its web version, so the demo shows them without waiting for a worker."""

from django.db import transaction

from alliances.models import Alliance
from diagnostics.models import Campaign
from healthchecks.models import HealthCheck
from reports.kinds import get_kind
from reports.models import Report
from reports.services import request_report
from reports.tasks import render_report


def _subjects(demo):
    association = demo.association
    alliance = Alliance.objects.filter(
        lead=association, title="Pôle mutualisé de fonctions support"
    ).first()
    campaign = (
        Campaign.objects.filter(association=association, status=Campaign.Status.CLOSED)
        .order_by("-opened_at")
        .first()
    )
    health_check = (
        HealthCheck.objects.filter(alliance=alliance, status=HealthCheck.Status.CLOSED)
        .order_by("-closed_at")
        .first()
    )
    admin = demo.accounts.get("Association admin")
    head = demo.accounts.get("Network head")
    return [
        ("diagnostic", campaign, admin),
        ("evaluation", alliance, admin),
        ("dossier", alliance, admin),
        ("network", demo.network, head),
        ("health_check", health_check, admin),
    ]


def seed_reports(demo) -> list[Report]:
    """Idempotent: a kind that already has a ready report with its web version is skipped."""
    made = []
    for code, subject, user in _subjects(demo):
        if subject is None or user is None:
            continue
        ready = (
            Report.objects.of_subject(subject)
            .filter(kind=code, status=Report.Status.READY)
            .exclude(html_file="")
        )
        if ready.exists():
            continue
        # Rendered here, inside the transaction: the message sent on commit (to a worker, or to
        # the web process's report thread) then finds it done instead of rendering it again
        # alongside (two writers on the demo's SQLite file: « database is locked »).
        with transaction.atomic():
            report = request_report(get_kind(code), subject, user)
            render_report.apply(args=[report.pk])
        made.append(report)
    return made
