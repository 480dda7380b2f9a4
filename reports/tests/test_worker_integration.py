"""A real Celery worker on the real Redis renders the diagnostic PDF."""

import io
import time

import pytest
from django.urls import reverse
from pypdf import PdfReader

from core.templatetags.fr_format import score
from diagnostics import results
from diagnostics.tests.factories import finished_campaign
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory
from reports.models import Report

pytestmark = pytest.mark.integration


def test_a_real_worker_produces_the_diagnostic_pdf(celery_worker, client):
    association = AssociationFactory(name="Les Ateliers du Lien Social")
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    colleague = MembershipFactory(association=association, role=Role.EDITOR).user
    values = {"A1": 2, "A2": 3, "A3": 4, "A4": 5, "A5": 2, "A6": 3, "A7": 4, "A8": 4}
    campaign = finished_campaign(
        association,
        lambda code: values[code.split(".")[0]],
        users=[admin, colleague],
        comments={"A2.1": "Cartographie commencée avec la Métropole."},
    )
    client.force_login(admin)

    response = client.post(reverse("reports:request", args=["diagnostic", campaign.pk]))
    assert response.status_code == 302

    report = Report.objects.get()
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.status in (Report.Status.READY, Report.Status.FAILED):
            break
        time.sleep(0.5)
    assert report.status == Report.Status.READY, report.error_message or report.status

    download = client.get(reverse("reports:download", args=[report.pk]))
    pdf = b"".join(download.streaming_content)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    expected = results.campaign_results(campaign)
    assert "Les Ateliers du Lien Social" in text
    assert expected.maturity["name"] in text
    for row in expected.axes:
        assert score(row.result.display_score) in text, row.axis.code
    assert "Cartographie commencée avec la Métropole." in text
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 8
