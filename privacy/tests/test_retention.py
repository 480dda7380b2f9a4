"""The nightly retention job: what it erases, deletes, keeps, and what it records."""

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from alliances.models import Contact, Partner, RelationshipEvent
from alliances.tests.factories import AllianceFactory, AlliancePartnerFactory, PartnerFactory
from privacy.erasure import ERASED_NAME
from privacy.models import RetentionRun
from privacy.retention import apply_retention
from reports.models import Report

pytestmark = pytest.mark.django_db


def _aged(partner, years):
    Partner.objects.filter(pk=partner.pk).update(
        updated_at=timezone.now() - timedelta(days=365 * years)
    )


def test_retention_erases_dormant_contacts_old_notes_and_old_report_files(world):
    # given a partner in no alliance for 4 years, one in an alliance, one recently changed
    dormant = PartnerFactory(association=world.association, name="Ancien partenaire")
    in_alliance = AlliancePartnerFactory(alliance=AllianceFactory(lead=world.association)).partner
    recent = PartnerFactory(association=world.association, name="Récent")
    contacts = {
        partner.pk: Contact.objects.create(partner=partner, name=f"Contact {partner.name}")
        for partner in (dormant, in_alliance, recent)
    }
    _aged(dormant, 4)
    _aged(in_alliance, 4)
    old_note = RelationshipEvent.objects.create(
        partner=in_alliance, date=date.today() - timedelta(days=365 * 3 + 10), summary="Vieux"
    )
    new_note = RelationshipEvent.objects.create(
        partner=in_alliance, date=date.today(), summary="Récent"
    )
    name = default_storage.save("reports/test/old.pdf", ContentFile(b"%PDF-1.4"))
    old_report = Report.objects.create(
        kind="diagnostic",
        content_type_id=1,
        object_id=1,
        status=Report.Status.READY,
        file=name,
        finished_at=timezone.now() - timedelta(days=400),
    )
    # when the nightly job runs
    run = apply_retention()
    # then only the dormant partner's contact is erased, the old note and PDF are gone
    assert Contact.objects.get(pk=contacts[dormant.pk].pk).name == ERASED_NAME
    assert Contact.objects.get(pk=contacts[in_alliance.pk].pk).name != ERASED_NAME
    assert Contact.objects.get(pk=contacts[recent.pk].pk).name != ERASED_NAME
    assert not RelationshipEvent.objects.filter(pk=old_note.pk).exists()
    assert RelationshipEvent.objects.filter(pk=new_note.pk).exists()
    assert not Report.objects.filter(pk=old_report.pk).exists()
    assert not default_storage.exists(name)
    # and what it did is recorded
    assert (run.contacts_erased, run.notes_deleted, run.report_files_deleted) == (1, 1, 1)
    assert RetentionRun.objects.count() == 1
    # a second run has nothing left to do
    again = apply_retention()
    assert (again.contacts_erased, again.notes_deleted, again.report_files_deleted) == (0, 0, 0)


def test_the_personal_data_page_states_the_durations(client, world):
    html = client.get("/donnees-personnelles/").content.decode()
    assert "3 ans" in html or "3 years" in html


def test_the_nightly_schedule_runs_the_retention_and_the_command_says_what_it_did(world):
    from io import StringIO

    from django.conf import settings
    from django.core.management import call_command

    from config.celery import app

    assert settings.CELERY_BEAT_SCHEDULE["apply-retention"]["task"] in app.tasks
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "0 contacts erased" in out.getvalue()
    assert RetentionRun.objects.count() == 1
