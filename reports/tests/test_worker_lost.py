"""A report whose worker was lost mid-render: its heartbeat stops, and it is rendered again
by the redelivered task or the sweep; its page says it takes longer than expected, and offers
the person who asked to try again."""

import os
import socket
import subprocess
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from diagnostics.tests.factories import finished_campaign
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory
from reports import kinds, services
from reports.models import Report
from reports.tasks import render_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign():
    association = AssociationFactory(name="Solidarité Quartier Nord")
    MembershipFactory(association=association, role=Role.ADMIN)
    return finished_campaign(association, 3)


@pytest.fixture
def admin(campaign):
    return campaign.association.memberships.get(role=Role.ADMIN).user


def _running(report, *, heartbeat_age, worker=None):
    now = timezone.now()
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.RUNNING,
        started_at=now - heartbeat_age - timedelta(seconds=1),
        heartbeat_at=now - heartbeat_age,
        worker=worker if worker is not None else f"{socket.gethostname()}:{os.getpid()}",
        attempts=1,
    )


def _dead_pid():
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_a_running_report_carries_its_worker_and_a_heartbeat(campaign):
    report = services.request_report(kinds.get_kind("diagnostic"), campaign, None)
    render_report.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == Report.Status.READY
    assert report.worker == f"{socket.gethostname()}:{os.getpid()}"
    assert report.heartbeat_at is not None


def test_a_redelivered_task_renders_again_a_report_whose_heartbeat_stopped(campaign):
    report = services.request_report(kinds.get_kind("diagnostic"), campaign, None)
    _running(report, heartbeat_age=timedelta(seconds=31))
    render_report.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == Report.Status.READY
    assert report.attempts == 2


def test_a_redelivered_task_renders_at_once_when_the_process_that_ran_it_is_gone(campaign):
    report = services.request_report(kinds.get_kind("diagnostic"), campaign, None)
    _running(
        report, heartbeat_age=timedelta(seconds=2), worker=f"{socket.gethostname()}:{_dead_pid()}"
    )
    render_report.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == Report.Status.READY


def test_a_duplicate_message_leaves_a_report_that_is_still_beating_alone(campaign):
    report = services.request_report(kinds.get_kind("diagnostic"), campaign, None)
    _running(report, heartbeat_age=timedelta(seconds=2))
    render_report.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == Report.Status.RUNNING
    assert report.attempts == 1


def test_the_sweep_sends_again_a_running_report_whose_heartbeat_is_older_than_30_s(
    campaign, django_capture_on_commit_callbacks
):
    kind = kinds.get_kind("diagnostic")
    lost = services.request_report(kind, campaign, None)
    _running(lost, heartbeat_age=timedelta(seconds=31))
    alive = services.request_report(kind, finished_campaign(campaign.association, 2), None)
    _running(alive, heartbeat_age=timedelta(seconds=5))
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.requeue_stale()
    assert sent == [lost.pk]
    assert Report.objects.get(pk=lost.pk).status == Report.Status.READY
    assert Report.objects.get(pk=alive.pk).status == Report.Status.RUNNING


def test_the_sweep_sends_again_at_once_a_report_whose_process_on_this_machine_is_gone(
    campaign, django_capture_on_commit_callbacks
):
    report = services.request_report(kinds.get_kind("diagnostic"), campaign, None)
    _running(
        report, heartbeat_age=timedelta(seconds=1), worker=f"{socket.gethostname()}:{_dead_pid()}"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.requeue_stale() == [report.pk]
    assert Report.objects.get(pk=report.pk).status == Report.Status.READY


def test_the_sweep_runs_often_enough_to_have_a_lost_report_ready_within_a_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["requeue-stale-reports"]
    assert services.HEARTBEAT_STALE.total_seconds() + entry["schedule"] <= 50


def _status(client, report):
    return client.get(reverse("reports:status", args=[report.pk])).content.decode()


def test_the_page_says_it_takes_longer_than_expected_after_20_s(client, admin, campaign):
    report = services.request_report(kinds.get_kind("diagnostic"), campaign, admin)
    client.force_login(admin)
    assert "plus de temps que prévu" not in _status(client, report)
    Report.objects.filter(pk=report.pk).update(created_at=timezone.now() - timedelta(seconds=21))
    page = _status(client, report)
    assert "Le traitement prend plus de temps que prévu" in page
    assert "Réessayer" not in page


def test_after_2_minutes_the_person_who_asked_may_try_again(
    client, admin, campaign, django_capture_on_commit_callbacks
):
    report = services.request_report(kinds.get_kind("diagnostic"), campaign, admin)
    colleague = MembershipFactory(association=campaign.association, role=Role.ADMIN).user
    _running(report, heartbeat_age=timedelta(seconds=5))
    Report.objects.filter(pk=report.pk).update(
        created_at=timezone.now() - timedelta(minutes=2, seconds=1)
    )
    client.force_login(colleague)
    assert "Réessayer" not in _status(client, report)
    client.post(reverse("reports:retry", args=[report.pk]))
    assert Report.objects.get(pk=report.pk).status == Report.Status.RUNNING

    client.force_login(admin)
    assert "Réessayer" in _status(client, report)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:retry", args=[report.pk]))
    assert Report.objects.get(pk=report.pk).status == Report.Status.READY


def test_make_run_starts_beat_as_its_own_process_next_to_the_worker():
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    assert "celery -A config beat" in makefile
    assert "worker -B" not in makefile
