"""The frozen PDF of an accepted text is a record: nobody asks for it again, and the retention
of report files, which deletes the other PDFs after a year, keeps it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from privacy.retention import apply_retention
from reports.models import Report

from .factories import accepted_version

pytestmark = pytest.mark.django_db


def test_the_retention_keeps_the_frozen_pdf_of_an_accepted_text():
    version = accepted_version()
    long_ago = timezone.now() - dt.timedelta(days=800)
    Report.objects.filter(pk=version.report_id).update(
        status=Report.Status.READY, finished_at=long_ago
    )

    apply_retention()

    assert Report.objects.filter(pk=version.report_id).exists()


def test_nobody_asks_for_the_frozen_pdf_again(client):
    version = accepted_version()
    admin = version.convention.alliance.lead.memberships.first().user
    client.force_login(admin)
    url = reverse("reports:request", args=["convention_version", version.pk])
    assert client.post(url).status_code == 403
    assert Report.objects.filter(object_id=version.pk, kind="convention_version").count() == 1
