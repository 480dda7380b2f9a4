"""Share links: a ready report handed over read-only, frozen, revocable, counted."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from alliances.tests.dossier_data import dossier_alliance
from reports import sharing
from reports.models import ShareLink

from .sharing_data import ready_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(world):
    return ready_report(dossier_alliance(lead=world.association))


def _make_link(client, world, report, **data):
    client.force_login(world.assoc_admin)
    response = client.post(
        reverse("reports:share_links", args=[report.pk]), {"days": 30, "password": "", **data}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return ShareLink.objects.get(report=report)


def test_a_share_link_serves_the_report_as_it_was_when_the_link_was_made(client, world, report):
    link = _make_link(client, world, report)
    assert len(link.token) >= 40
    assert link.expires_at.date() == (timezone.now() + dt.timedelta(days=30)).date()
    # Later, a newer report of the same dossier is made: the link never shows it.
    newer = ready_report(report.subject, text="Version du 20 mars", pdf=b"%PDF-1.7 B")

    page = client.get(reverse("reports:shared", args=[link.token]))
    pdf = client.get(reverse("reports:shared_pdf", args=[link.token]))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Version du 1er mars" in html and "Version du 20 mars" not in html
    assert f"données au {report.data_as_of:%d/%m/%Y}" in html
    assert reverse("reports:shared_pdf", args=[link.token]) in html
    assert "sha256-" in page["Content-Security-Policy"]  # the report's own <style> only
    assert "'unsafe-inline'" not in page["Content-Security-Policy"].split("style-src ")[1][:80]
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content) == b"%PDF-1.7 A"
    assert newer.pk != report.pk


def test_each_opening_is_logged_and_shown_to_the_owner(client, world, report):
    link = _make_link(client, world, report)
    for _ in range(2):
        client.get(reverse("reports:shared", args=[link.token]))
    client.get(reverse("reports:shared_pdf", args=[link.token]))

    link.refresh_from_db()
    assert link.open_count == 3
    assert list(link.openings.values_list("what", flat=True)).count("pdf") == 1
    client.force_login(world.assoc_admin)
    page = client.get(reverse("reports:share_links", args=[report.pk])).content.decode()
    assert '<td class="text-end">3</td>' in page
    assert f"{timezone.localtime(link.last_opened_at):%d/%m/%Y}" in page


def test_a_revoked_or_expired_link_is_a_404(client, world, report):
    revoked = _make_link(client, world, report)
    client.force_login(world.assoc_admin)
    response = client.post(
        reverse("reports:share_link_revoke", args=[report.pk, revoked.pk]), follow=True
    )
    assert "ne donne plus accès" in response.content.decode() or response.status_code == 200
    client.logout()
    expired = sharing.create_share_link(report=report, user=world.assoc_admin, days=7)
    ShareLink.objects.filter(pk=expired.pk).update(expires_at=timezone.now())

    for link in (revoked, expired):
        assert client.get(reverse("reports:shared", args=[link.token])).status_code == 404
        assert client.get(reverse("reports:shared_pdf", args=[link.token])).status_code == 404
    assert client.get(reverse("reports:shared", args=["x" * 43])).status_code == 404
    assert revoked.openings.count() == 0


def test_a_link_with_a_password_opens_only_once_it_is_given(client, world, report):
    link = _make_link(client, world, report, password="tournesol-2026")
    url = reverse("reports:shared", args=[link.token])

    asked = client.get(url)
    pdf_before = client.get(reverse("reports:shared_pdf", args=[link.token]))
    wrong = client.post(url, {"password": "mauvais-mot"})
    right = client.post(url, {"password": "tournesol-2026"})
    opened = client.get(url)

    assert asked.status_code == 200 and "Version du 1er mars" not in asked.content.decode()
    assert pdf_before.status_code == 302
    assert wrong.status_code == 200 and "Version du 1er mars" not in wrong.content.decode()
    assert right.status_code == 302
    assert "Version du 1er mars" in opened.content.decode()
    link.refresh_from_db()
    assert link.open_count == 1 and link.password.startswith(("pbkdf2", "argon2", "md5"))


def test_a_too_short_password_keeps_the_form_with_its_message(client, world, report):
    client.force_login(world.assoc_admin)

    response = client.post(
        reverse("reports:share_links", args=[report.pk]), {"days": 90, "password": "court"}
    )

    assert response.status_code == 200
    assert "Au moins 8 caractères" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_only_the_owner_makes_links_an_editor_is_refused_an_outsider_sees_nothing(
    client, world, report
):
    url = reverse("reports:share_links", args=[report.pk])
    for user, status in (
        (world.editor, 403),
        (world.reader, 403),
        (world.network_head, 403),
        (world.outsider, 404),
    ):
        client.force_login(user)
        assert client.post(url, {"days": 7}).status_code == status, user
    assert not ShareLink.objects.exists()


def test_the_report_web_page_is_the_stored_html_with_links_back(client, world, report):
    client.force_login(world.reader)

    page = client.get(reverse("reports:web", args=[report.pk])).content.decode()

    assert "Version du 1er mars" in page
    assert reverse("reports:download", args=[report.pk]) in page
    assert "<!--report-web-bar-->" not in page


def test_after_ten_wrong_passwords_even_the_right_one_waits(client, world, report):
    from django.core.cache import cache

    link = _make_link(client, world, report, password="tournesol-2026")
    cache.delete(sharing._tries_key(link))
    url = reverse("reports:shared", args=[link.token])
    for _ in range(sharing.MAX_PASSWORD_TRIES):
        client.post(url, {"password": "mauvais-mot"})

    response = client.post(url, {"password": "tournesol-2026"})

    assert response.status_code == 200
    assert "Trop de mots de passe erronés" in response.content.decode()
    assert client.get(url).content.decode().count("Version du 1er mars") == 0
    cache.delete(sharing._tries_key(link))
