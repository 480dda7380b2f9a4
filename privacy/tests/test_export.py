"""The association's export: a ZIP built by a task, opened and read here."""

import csv
import io
import json
import zipfile

import pytest
from django.urls import reverse

from alliances.models import Contact
from alliances.tests.factories import ActionFactory, AllianceFactory, PartnerFactory
from diagnostics.tests.factories import finished_campaign
from evaluation.tests.factories import IndicatorFactory, MeasurementFactory
from organisations.models import AssociationMembership
from privacy.models import AssociationExport

pytestmark = pytest.mark.django_db


def test_the_admin_exports_all_the_associations_data_as_a_zip(
    client, world, django_capture_on_commit_callbacks
):
    # given an association with partners, contacts, an alliance, indicators and a diagnostic
    partner = PartnerFactory(association=world.association, name="Fondation Horizon")
    contact = Contact.objects.create(partner=partner, name="Paul Roux", email="=HYPERLINK()")
    alliance = AllianceFactory(lead=world.association, title="Alliance alimentaire")
    ActionFactory(alliance=alliance, title="Collecter")
    MeasurementFactory(indicator=IndicatorFactory(alliance=alliance, name="Repas"))
    finished_campaign(world.association, value=3)
    other = PartnerFactory(association=world.other_association, name="Partenaire d'ailleurs")
    client.force_login(world.assoc_admin)
    # when the admin asks for an export (the task runs on commit)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:association_export", args=[world.association.pk]))
    assert response.status_code == 302
    export = AssociationExport.objects.get(association=world.association)
    assert export.status == AssociationExport.Status.READY
    assert export.done == export.total > 10
    page = client.get(reverse("privacy:association_export", args=[world.association.pk]))
    download = reverse("privacy:export_download", args=[world.association.pk, export.pk])
    assert download in page.content.decode()
    # then the ZIP holds a JSON and a CSV per table and a README of the schema
    body = b"".join(client.get(download).streaming_content)
    archive = zipfile.ZipFile(io.BytesIO(body))
    names = set(archive.namelist())
    for table in (
        "alliances.partner",
        "alliances.contact",
        "alliances.alliance",
        "alliances.action",
        "evaluation.indicator",
        "evaluation.measurement",
        "diagnostics.campaign",
        "diagnostics.answer",
        "organisations.association",
        "accounts.user",
    ):
        assert {f"json/{table}.json", f"csv/{table}.csv"} <= names, table
    assert "README.md" in names
    partners = json.loads(archive.read("json/alliances.partner.json"))
    assert [(row["id"], row["name"]) for row in partners] == [(partner.pk, "Fondation Horizon")]
    contacts = json.loads(archive.read("json/alliances.contact.json"))
    assert contacts[0]["id"] == contact.pk and contacts[0]["partner_id"] == partner.pk
    rows = list(
        csv.reader(
            io.StringIO(archive.read("csv/alliances.contact.csv").decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[0][:3] == ["id", "partner_id", "name"]
    assert "'=HYPERLINK()" in rows[1]  # never a formula
    readme = archive.read("README.md").decode()
    assert "## alliances.contact" in readme and "`partner_id`" in readme
    # nothing of another association, and no secret
    everything = b"".join(archive.read(name) for name in names).decode("utf-8", "replace")
    assert other.name not in everything
    assert "password" not in everything and "key_hash" not in everything
    users = json.loads(archive.read("json/accounts.user.json"))
    staff = AssociationMembership.objects.filter(association=world.association)
    assert {row["email"] for row in users} == set(staff.values_list("user__email", flat=True))
    assert world.outsider.email not in everything


def test_the_progress_fragment_polls_while_an_export_is_pending(client, world):
    AssociationExport.objects.create(
        association=world.association, total=20, done=5, status=AssociationExport.Status.RUNNING
    )
    client.force_login(world.assoc_admin)
    html = client.get(
        reverse("privacy:export_progress", args=[world.association.pk])
    ).content.decode()
    assert "data-hx-trigger" in html and "25 %" in html
