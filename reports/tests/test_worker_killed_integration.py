"""A real worker's child SIGKILLed mid-render: the report ends ready, rendered again."""

import os
import signal
import time

import pytest
from django.urls import reverse

from diagnostics.tests.factories import finished_campaign
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory
from reports.models import Report

pytestmark = pytest.mark.integration


def test_a_report_whose_worker_child_is_killed_mid_render_ends_ready(celery_worker, client):
    # Given a report being rendered by a real worker
    association = AssociationFactory()
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    campaign = finished_campaign(association, 3, users=[admin])
    client.force_login(admin)
    client.post(reverse("reports:request", args=["diagnostic", campaign.pk]))
    report = Report.objects.get()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.status != Report.Status.QUEUED:
            break
        time.sleep(0.01)
    assert report.status == Report.Status.RUNNING, report.status
    # When the child process rendering it is killed
    pid = int(report.worker.rsplit(":", 1)[1])
    killed_at = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    # Then the report is rendered again, and ready within 60 s
    while time.monotonic() < killed_at + 60:
        report.refresh_from_db()
        if report.status in (Report.Status.READY, Report.Status.FAILED):
            break
        time.sleep(0.2)
    assert report.status == Report.Status.READY, (report.status, report.error_message)
    assert report.attempts == 2
    print(f"ready {time.monotonic() - killed_at:.1f} s after the kill")
