"""Bulk exports (eager Celery): one report per item, current reports reused, failures retried,
a ZIP of every PDF, an e-mail to the admin."""

import io
import zipfile

import pytest
from django.core import mail
from django.urls import reverse

from diagnostics import services as diagnostic_services
from diagnostics.tests.factories import finished_campaign
from organisations.tests.factories import AssociationFactory
from reports import bulk
from reports.models import BulkExport, Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def platform_admin(django_user_model):
    return django_user_model.objects.create_superuser("plateforme@example.org", "x")


@pytest.fixture
def fast_pdf(monkeypatch):
    """The real pipeline, with WeasyPrint swapped for a tiny PDF so that the test stays quick;
    the integration test renders real ones."""
    from reports import rendering

    monkeypatch.setattr(rendering, "html_to_pdf", lambda html: b"%PDF-1.4 test\n%%EOF")


def _export(associations, admin, capture, kind="diagnostic"):
    with capture(execute=True):
        export = bulk.start(kind, [a.pk for a in associations], admin, "Test export")
    export.refresh_from_db()
    return export


def test_export_makes_one_report_per_association_and_zips_them(
    platform_admin, fast_pdf, django_capture_on_commit_callbacks, client
):
    associations = [AssociationFactory() for _ in range(3)]
    for association in associations:
        finished_campaign(association, 3)
    nothing = AssociationFactory(name="Sans diagnostic")

    export = _export([*associations, nothing], platform_admin, django_capture_on_commit_callbacks)

    assert export.status == BulkExport.Status.READY
    assert export.reports.count() == 3
    assert export.skipped == [nothing.pk]
    with zipfile.ZipFile(io.BytesIO(export.file.read())) as archive:
        assert len(archive.namelist()) == 3
        assert all(name.endswith(".pdf") for name in archive.namelist())
    [message] = mail.outbox
    assert message.to == ["plateforme@example.org"]

    client.force_login(platform_admin)
    page = client.get(reverse("reports:bulk_export", args=[export.pk])).content.decode()
    assert "3 / 3" in page
    download = client.get(reverse("reports:bulk_export_download", args=[export.pk]))
    assert download["Content-Type"] == "application/zip"


def test_a_current_report_is_reused_and_a_stale_one_is_made_again(
    platform_admin, fast_pdf, django_capture_on_commit_callbacks
):
    association = AssociationFactory()
    campaign = finished_campaign(association, 3)
    first = _export([association], platform_admin, django_capture_on_commit_callbacks)
    [report] = first.reports.all()

    second = _export([association], platform_admin, django_capture_on_commit_callbacks)
    assert list(second.reports.all()) == [report]
    assert second.items.get().reused

    # The campaign is reopened and closed again after the report was made: it is no longer
    # current (a finished campaign changes in no other way).
    campaign = diagnostic_services.reopen_campaign(campaign=campaign)
    campaign = diagnostic_services.close_campaign(campaign=campaign)
    third = _export([association], platform_admin, django_capture_on_commit_callbacks)
    assert third.reports.get() != report
    assert not third.items.get().reused
    assert Report.objects.count() == 2


def test_a_failed_report_is_listed_with_its_error_and_retried(
    platform_admin, monkeypatch, django_capture_on_commit_callbacks, client
):
    from reports import rendering

    def broken(html):
        raise ValueError("gabarit cassé")

    monkeypatch.setattr(rendering, "html_to_pdf", broken)
    association = AssociationFactory()
    finished_campaign(association, 3)
    export = _export([association], platform_admin, django_capture_on_commit_callbacks)

    assert export.status == BulkExport.Status.RUNNING
    client.force_login(platform_admin)
    page = client.get(reverse("reports:bulk_export", args=[export.pk])).content.decode()
    assert "gabarit cassé" in page

    monkeypatch.setattr(rendering, "html_to_pdf", lambda html: b"%PDF-1.4 ok\n%%EOF")
    report = export.reports.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:bulk_export_retry", args=[export.pk, report.pk]))
    assert response.status_code == 302
    export.refresh_from_db()
    assert export.status == BulkExport.Status.READY


def test_admin_action_starts_an_export_of_the_selected_associations(
    platform_admin, fast_pdf, client
):
    association = AssociationFactory()
    finished_campaign(association, 3)
    client.force_login(platform_admin)

    response = client.post(
        reverse("admin:organisations_association_changelist"),
        {"action": "export_diagnostic_reports", "_selected_action": [association.pk]},
    )

    export = BulkExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:bulk_export", args=[export.pk])
    assert export.association_ids == [association.pk]


def test_only_platform_admins_see_exports_and_the_report_monitor(client, platform_admin):
    from organisations.tests.factories import MembershipFactory

    export = BulkExport.objects.create(kind="diagnostic", label="x", requested_by=platform_admin)
    client.force_login(MembershipFactory().user)
    assert client.get(reverse("reports:bulk_export", args=[export.pk])).status_code == 404
    assert client.get(reverse("reports:monitor")).status_code == 404
    client.force_login(platform_admin)
    assert client.get(reverse("reports:monitor")).status_code == 200


def test_every_model_has_an_admin_page_that_loads(client, platform_admin):
    from django.apps import apps
    from django.contrib import admin

    client.force_login(platform_admin)
    for app_label in ("accounts", "alliances", "diagnostics", "evaluation", "reports"):
        for model in apps.get_app_config(app_label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            assert model in admin.site._registry, model
            url = reverse(f"admin:{app_label}_{model._meta.model_name}_changelist")
            assert client.get(url, {"q": "x"}).status_code == 200, url


def test_deleting_a_measurement_makes_the_evaluation_report_stale(
    platform_admin, fast_pdf, django_capture_on_commit_callbacks
):
    from alliances.tests.factories import AllianceFactory
    from evaluation import services as evaluation_services
    from evaluation.tests.factories import IndicatorFactory, MeasurementFactory

    alliance = AllianceFactory()
    measurement = MeasurementFactory(indicator=IndicatorFactory(alliance=alliance))
    first = _export(
        [alliance.lead], platform_admin, django_capture_on_commit_callbacks, "evaluation"
    )
    [report] = first.reports.all()
    again = _export(
        [alliance.lead], platform_admin, django_capture_on_commit_callbacks, "evaluation"
    )
    assert again.items.get().reused

    # A deletion leaves no row behind: the measurement's history records it.
    evaluation_services.delete_measurement(measurement=measurement)
    third = _export(
        [alliance.lead], platform_admin, django_capture_on_commit_callbacks, "evaluation"
    )
    assert not third.items.get().reused
    assert third.reports.get() != report
