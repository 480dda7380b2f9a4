"""In Chromium, with a real worker: a platform admin selects associations in the admin, runs a
bulk export, watches the progress bar fill up by itself and downloads the ZIP."""

import zipfile

import pytest

from core.tests.fixtures import assert_accessible, login
from diagnostics.tests.factories import finished_campaign
from organisations.tests.factories import AssociationFactory

pytestmark = [pytest.mark.browser, pytest.mark.integration]


def test_admin_runs_a_bulk_export_and_downloads_the_zip(page, celery_worker, django_user_model):
    from accounts.tests.factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True)
    associations = [AssociationFactory(name=f"Export Navigateur {i}") for i in range(4)]
    for association in associations:
        finished_campaign(association, 3)

    login(page, admin.email)
    page.goto("/admin/organisations/association/?q=Export+Navigateur")
    page.locator("#action-toggle").check()
    page.select_option("select[name=action]", "export_diagnostic_reports")
    page.locator("button[name=index]").click()
    page.wait_for_load_state()

    assert "/rapports/exports/" in page.url
    assert_accessible(page, "bulk export progress")
    bar = page.get_by_role("progressbar")
    assert bar.get_attribute("aria-valuemax") in ("0", "4")
    # The bar is refreshed by htmx polling until the ZIP is ready.
    page.get_by_text("4 / 4 rapports").wait_for(timeout=120_000)
    download_link = page.get_by_role("link", name="Télécharger le ZIP")
    download_link.wait_for(timeout=60_000)
    assert_accessible(page, "bulk export ready")
    with page.expect_download() as info:
        download_link.click()
    with zipfile.ZipFile(info.value.path()) as archive:
        assert len(archive.namelist()) == 4

    page.goto("/rapports/suivi/")
    assert page.get_by_role("heading", name="Tous les rapports").is_visible()
    assert page.locator("main table tbody tr").count() == 4
    assert_accessible(page, "report monitor")
