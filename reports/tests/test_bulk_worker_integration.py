"""A real Celery worker on the real Redis: a bulk export of 20 associations gives a ZIP of
20 readable PDFs."""

import io
import time
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from diagnostics.tests.factories import finished_campaign
from organisations.tests.factories import AssociationFactory
from reports import bulk
from reports.models import BulkExport

pytestmark = pytest.mark.integration


def test_bulk_export_of_20_associations_gives_a_zip_of_20_readable_pdfs(
    celery_worker, client, django_user_model
):
    admin = django_user_model.objects.create_superuser("plateforme@example.org", "x")
    associations = [AssociationFactory(name=f"Association Export {i:02d}") for i in range(20)]
    for i, association in enumerate(associations):
        finished_campaign(association, 1 + i % 5)

    export = bulk.start("diagnostic", [a.pk for a in associations], admin, "Vingt associations")

    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        export.refresh_from_db()
        if export.status in (BulkExport.Status.READY, BulkExport.Status.FAILED):
            break
        time.sleep(1)
    assert export.status == BulkExport.Status.READY, bulk.progress(export)

    client.force_login(admin)
    page = client.get(reverse("reports:bulk_export", args=[export.pk])).content.decode()
    assert "20 / 20" in page
    response = client.get(reverse("reports:bulk_export_download", args=[export.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert len(names) == 20
    found = set()
    for name in names:
        reader = PdfReader(io.BytesIO(archive.read(name)))
        text = reader.pages[0].extract_text() + reader.pages[1].extract_text()
        assert len(reader.pages) >= 2
        found |= {a.name for a in associations if a.name in text}
    assert found == {a.name for a in associations}
