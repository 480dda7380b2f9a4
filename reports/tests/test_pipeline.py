"""The report pipeline: request → task → file, and what happens when things go wrong."""

import io
from datetime import timedelta

import pytest
from celery.exceptions import Retry
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from diagnostics.tests.factories import finished_campaign, make_campaign
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory
from reports import kinds, services
from reports.models import Report
from reports.tasks import render_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign():
    association = AssociationFactory(name="Solidarité Quartier Nord")
    MembershipFactory(association=association, role=Role.ADMIN, user__email="chef@example.org")
    return finished_campaign(association, lambda code: 2 if code < "A3" else 4)


@pytest.fixture
def admin(campaign):
    return campaign.association.memberships.get(role=Role.ADMIN).user


def _pdf_text(report):
    report.file.open("rb")
    try:
        reader = PdfReader(io.BytesIO(report.file.read()))
    finally:
        report.file.close()
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def temporary_kind():
    registered = []

    def register(**changes):
        base = kinds.get_kind("diagnostic")
        fields = {**base.__dict__, **changes}
        kind = kinds.ReportKind(**fields)
        kinds._REGISTRY[kind.code] = kind
        registered.append(kind.code)
        return kind

    yield register
    for code in registered:
        kinds._REGISTRY.pop(code, None)


def test_an_editor_asks_for_the_report_and_gets_a_pdf(
    client, admin, campaign, django_capture_on_commit_callbacks
):
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:request", args=["diagnostic", campaign.pk]), HTTP_HX_REQUEST="true"
        )
    report = Report.objects.get()
    assert response.status_code == 200
    assert report.status == Report.Status.READY, report.error_message
    assert report.attempts == 1 and report.data_as_of and report.finished_at
    text = _pdf_text(report)
    assert "Solidarité Quartier Nord" in text
    assert "En structuration" in text or "Partenariats établis" in text

    status = client.get(reverse("reports:status", args=[report.pk])).content.decode()
    assert "Télécharger le PDF" in status and "every 2s" not in status


def test_the_download_is_an_attachment_with_a_french_name_and_nosniff(
    client, admin, campaign, django_capture_on_commit_callbacks
):
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:request", args=["diagnostic", campaign.pk]))
    report = Report.objects.get()
    response = client.get(reverse("reports:download", args=[report.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "autodiagnostic-solidarite-quartier-nord" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_pending_report_is_polled_and_not_asked_twice(client, admin, campaign):
    client.force_login(admin)
    url = reverse("reports:request", args=["diagnostic", campaign.pk])
    client.post(url)  # on_commit never runs inside this test's transaction: it stays queued
    again = client.post(url, HTTP_HX_REQUEST="true")
    assert again["HX-Reswap"] == "none"  # the page lists it already
    report = Report.objects.get()
    assert report.status == Report.Status.QUEUED
    status = client.get(reverse("reports:status", args=[report.pk])).content.decode()
    assert 'data-hx-trigger="every 2s"' in status and "En attente" in status


def test_a_template_bug_fails_at_once_without_retry(campaign, temporary_kind):
    temporary_kind(code="broken", template="reports/does-not-exist.html")
    report = services.request_report(kinds.get_kind("broken"), campaign, None)
    render_report.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert report.attempts == 1
    assert "TemplateDoesNotExist" in report.error_message


def test_a_transient_error_is_retried_then_succeeds(campaign, temporary_kind):
    calls = []
    base = kinds.get_kind("diagnostic")

    def flaky(subject):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return base.build_context(subject)

    temporary_kind(code="flaky", build_context=flaky)
    report = services.request_report(kinds.get_kind("flaky"), campaign, None)
    # The transient error schedules a retry (with a countdown) and puts the report back in
    # the queue; the retry then renders it.
    with pytest.raises(Retry):
        render_report.apply(args=[report.pk])
    report.refresh_from_db()
    assert (report.status, report.attempts) == (Report.Status.QUEUED, 1)
    assert "server closed" in report.error_message
    render_report.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == Report.Status.READY
    assert report.attempts == 2


def test_a_ready_report_is_not_rendered_again(campaign):
    report = services.request_report(kinds.get_kind("diagnostic"), campaign, None)
    Report.objects.filter(pk=report.pk).update(status=Report.Status.READY, attempts=1)
    render_report.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.attempts == 1 and not report.file


def test_a_failed_report_can_be_retried(
    client, admin, campaign, django_capture_on_commit_callbacks
):
    report = services.request_report(kinds.get_kind("diagnostic"), campaign, admin)
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.FAILED, error_message="Boom", attempts=4
    )
    client.force_login(admin)
    failed = client.get(reverse("reports:status", args=[report.pk])).content.decode()
    assert "Réessayer" in failed and "Boom" in failed
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:retry", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == Report.Status.READY


def test_the_sweep_sends_again_reports_lost_by_the_broker(
    campaign, django_capture_on_commit_callbacks
):
    old = timezone.now() - timedelta(minutes=10)
    kind = kinds.get_kind("diagnostic")
    lost = services.request_report(kind, campaign, None)
    Report.objects.filter(pk=lost.pk).update(enqueued_at=old)
    other = finished_campaign(campaign.association, 3)
    stuck = services.request_report(kind, other, None)
    Report.objects.filter(pk=stuck.pk).update(
        status=Report.Status.RUNNING, started_at=timezone.now() - timedelta(hours=1), attempts=1
    )
    fresh = services.request_report(kind, make_campaign(AssociationFactory()), None)

    with django_capture_on_commit_callbacks(execute=True):
        out = io.StringIO()
        call_command("requeue_reports", stdout=out)

    assert "2 report(s)" in out.getvalue()
    assert Report.objects.get(pk=lost.pk).status == Report.Status.READY
    assert Report.objects.get(pk=stuck.pk).status == Report.Status.READY
    assert Report.objects.get(pk=fresh.pk).status == Report.Status.QUEUED


def test_a_report_that_keeps_losing_its_worker_ends_failed(campaign):
    report = services.request_report(kinds.get_kind("diagnostic"), campaign, None)
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.RUNNING,
        started_at=timezone.now() - timedelta(hours=1),
        attempts=services.MAX_ATTEMPTS,
    )
    services.requeue_stale()
    assert Report.objects.get(pk=report.pk).status == Report.Status.FAILED


def test_no_report_for_a_campaign_still_in_progress(client, admin, campaign):
    running = make_campaign(campaign.association)
    client.force_login(admin)
    response = client.post(reverse("reports:request", args=["diagnostic", running.pk]))
    assert response.status_code == 403
    assert not Report.objects.exists()


def test_unknown_kinds_and_subjects_are_404(client, admin, campaign):
    client.force_login(admin)
    assert client.get(reverse("reports:list", args=["nope", campaign.pk])).status_code == 404
    assert client.get(reverse("reports:list", args=["diagnostic", 999999])).status_code == 404


def test_the_beat_schedule_runs_the_sweep():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["requeue-stale-reports"]
    assert entry["task"] == "reports.tasks.requeue_stale_reports"
