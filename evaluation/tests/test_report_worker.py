"""Integration: a real Celery worker renders the impact evaluation PDF through the report
pipeline; its text holds every indicator's target and actual value, and the date of the data."""

import io
import time

import pytest
from django.urls import reverse
from pypdf import PdfReader

from core.templatetags.fr_format import with_unit
from evaluation.demo import seed
from evaluation.selectors import alliance_indicators
from organisations.demo import Demo
from reports.models import Report

pytestmark = pytest.mark.integration


def _flat(text):
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def test_a_real_worker_produces_the_evaluation_pdf_with_targets_and_actual_values(
    celery_worker, client, world
):
    alliance = seed(Demo(network=world.network, association=world.association, members=[]))
    client.force_login(world.editor)

    response = client.post(reverse("reports:request", args=["evaluation", alliance.pk]))
    assert response.status_code == 302

    report = Report.objects.get(kind="evaluation", requested_by=world.editor)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.status in (Report.Status.READY, Report.Status.FAILED):
            break
        time.sleep(0.5)
    assert report.status == Report.Status.READY, report.error_message or report.status
    assert report.data_as_of is not None

    download = client.get(reverse("reports:download", args=[report.pk]))
    assert download["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    text = _flat("\n".join(page.extract_text() for page in reader.pages))
    assert "Pôle mutualisé de fonctions support" in text
    rows = alliance_indicators(alliance)
    assert len(rows) == 6
    for row in rows:
        unit = row.indicator.unit
        assert _flat(with_unit(row.indicator.target, unit)) in text, row.indicator.name
        assert _flat(with_unit(row.latest.value, unit)) in text, row.indicator.name
    assert "Données arrêtées au" in text
    assert "page 1 sur" not in text  # the cover carries no page number
    assert f"page 3 sur {len(reader.pages)}" in text
