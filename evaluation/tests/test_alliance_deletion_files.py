"""Deleting an alliance deletes the files it holds: its signed conventions, its measurements'
evidence and its reports' PDFs, once the deletion has committed."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from alliances.models import Alliance
from alliances.tests.factories import ConventionFactory, attach_pdf
from evaluation.tests.factories import IndicatorFactory, MeasurementFactory
from reports.models import Report

pytestmark = pytest.mark.django_db


def test_deleting_an_alliance_deletes_its_files_on_commit(
    client, world, alliance, django_capture_on_commit_callbacks
):
    convention = attach_pdf(ConventionFactory(alliance=alliance))
    measurement = MeasurementFactory(indicator=IndicatorFactory(alliance=alliance))
    measurement.evidence_file.save("preuve.pdf", ContentFile(b"%PDF-1.4 preuve"))
    report_file = default_storage.save("reports/test/evaluation.pdf", ContentFile(b"%PDF-1.4"))
    report = Report.objects.create(
        kind="evaluation",
        content_type=ContentType.objects.get_for_model(alliance),
        object_id=alliance.pk,
        status=Report.Status.READY,
        file=report_file,
    )
    files = [
        (convention.document.storage, convention.document.name),
        (measurement.evidence_file.storage, measurement.evidence_file.name),
        (default_storage, report_file),
    ]
    assert all(storage.exists(name) for storage, name in files)
    client.force_login(world.assoc_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("alliances:alliance_delete", args=[alliance.pk]))

    assert response.status_code == 302
    assert not Alliance.objects.filter(pk=alliance.pk).exists()
    assert not Report.objects.filter(pk=report.pk).exists()
    left = [name for storage, name in files if storage.exists(name)]
    assert left == []
