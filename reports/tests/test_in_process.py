"""Without a broker (`make run`'s default), « Générer le PDF » answers before the render: one
thread of the web process renders the report while the page polls it (reports/in_process.py)."""

import dataclasses
import threading
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from diagnostics.tests.factories import finished_campaign
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory
from reports import kinds
from reports.models import Report

# The report thread has its own database connection: the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def in_process(settings):
    settings.REPORTS_RENDER_IN_THREAD = True


@pytest.fixture
def campaign():
    association = AssociationFactory(name="Les Amis du Quartier")
    MembershipFactory(association=association, role=Role.ADMIN, user__email="chef@example.org")
    return finished_campaign(association, 3)


@pytest.fixture
def admin(campaign):
    return campaign.association.memberships.get(role=Role.ADMIN).user


@pytest.fixture
def held_render():
    """The diagnostic kind, its render held until the test lets it go."""
    base = kinds.get_kind("diagnostic")
    started, release = threading.Event(), threading.Event()

    def build_context(subject):
        started.set()
        assert release.wait(30), "the test never let the render go"
        return base.build_context(subject)

    kinds._REGISTRY["diagnostic"] = dataclasses.replace(base, build_context=build_context)
    yield started, release
    release.set()
    kinds._REGISTRY["diagnostic"] = base


def _wait_until_ready(report, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.status in (Report.Status.READY, Report.Status.FAILED):
            return report
        time.sleep(0.1)
    raise AssertionError(f"Report {report.pk} still {report.status} after {seconds} s")


def test_the_click_answers_before_the_render_which_the_thread_then_finishes(
    client, in_process, campaign, admin, held_render
):
    started, release = held_render
    client.force_login(admin)

    response = client.post(
        reverse("reports:request", args=["diagnostic", campaign.pk]), HTTP_HX_REQUEST="true"
    )

    # The request has answered while the render is still held: the page lists the report and
    # polls it.
    assert response.status_code == 200
    item = response.content.decode()
    assert "data-report-pending" in item and 'data-hx-trigger="every 2s"' in item
    assert started.wait(30), "the report thread never started the render"
    report = Report.objects.get()
    assert report.status == Report.Status.RUNNING

    release.set()
    report = _wait_until_ready(report)
    assert report.status == Report.Status.READY, report.error_message
    status = client.get(reverse("reports:status", args=[report.pk])).content.decode()
    assert "Télécharger le PDF" in status and "every 2s" not in status


def test_a_report_the_thread_lost_is_sent_again_by_the_page_that_polls_it(
    client, in_process, campaign, admin
):
    # Queued ten minutes ago by a process that stopped before rendering it.
    lost = Report.objects.create(
        kind="diagnostic",
        content_type_id=_content_type_id(campaign),
        object_id=campaign.pk,
        requested_by=admin,
        enqueued_at=timezone.now() - timedelta(minutes=10),
    )
    client.force_login(admin)

    client.get(reverse("reports:status", args=[lost.pk]))

    assert _wait_until_ready(lost).status == Report.Status.READY, lost.error_message


def test_a_report_on_its_way_keeps_the_button_disabled_with_its_spinner(client, campaign, admin):
    client.force_login(admin)
    url = reverse("diagnostics:campaign_detail", args=[campaign.pk])
    page = client.get(url).content.decode()
    form = page.split("data-report-request")[0].rsplit("<form", 1)[1]
    assert "is-busy" not in form

    Report.objects.create(
        kind="diagnostic",
        content_type_id=_content_type_id(campaign),
        object_id=campaign.pk,
        requested_by=admin,
        enqueued_at=timezone.now(),
    )
    page = client.get(url).content.decode()
    form = page.split("data-report-request")[0].rsplit("<form", 1)[1]
    button = page.split("data-report-request")[1].split("</button>")[0]
    assert "is-busy" in form and " disabled" in button and "spinner-border" in button


def _content_type_id(subject):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(subject).pk
