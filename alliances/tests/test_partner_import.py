"""The partner directory import: messy spreadsheets read, mapped, previewed, imported."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliances import partner_import
from alliances.models import ActorType, Partner, PartnerImport
from alliances.services import import_partners, set_partner_import_mapping, start_partner_import
from alliances.tests.factories import PartnerFactory
from organisations.tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"


def _fixture(name):
    return (FIXTURES / name).read_bytes()


def _dry_run(name, association, default="association"):
    table = partner_import.read_table(name, _fixture(name))
    _line, header, _rows = partner_import.header_and_rows(table)
    mapping = partner_import.guess_mapping(header)
    return partner_import.dry_run(
        table, mapping, association=association, default_actor_type=default
    )


def _reasons(outcome):
    return {row.line: row.reason for row in outcome.refused}


def test_a_utf8_csv_with_a_bom_and_semicolons_is_sorted_row_by_row():
    # Given a directory that already has the town hall, without its address
    association = AssociationFactory()
    mairie = PartnerFactory(
        association=association,
        name="Ville de Lyon",
        siren="216901231",
        actor_type=ActorType.LOCAL_AUTHORITY,
        website="",
    )

    outcome = _dry_run("partenaires_utf8_bom.csv", association)

    # Then the town hall (same SIREN, another name) is completed, never renamed
    assert [(row.line, row.partner_id) for row in outcome.merge] == [(2, mairie.pk)]
    assert set(outcome.merge[0].fills) == {"postal_code", "city", "website", "description"}
    assert [row.line for row in outcome.create] == [4, 5, 8, 9]
    reasons = _reasons(outcome)
    assert sorted(reasons) == [6, 7, 10, 11, 12]
    assert "ligne 5" in reasons[6]  # the same row twice
    assert "SIREN" in reasons[7]  # its check digit is wrong
    assert "690" in reasons[10]
    assert "Équipement culturel" in reasons[11]
    assert "nom" in reasons[12]
    assert outcome.blank == 2


def test_a_formula_in_a_cell_is_kept_as_text_never_run():
    outcome = _dry_run("partenaires_utf8_bom.csv", AssociationFactory())

    formula = next(row for row in outcome.create if row.line == 8)
    assert formula.name == '=HYPERLINK("http://exemple.invalid/vol";"Cliquez")'


def test_a_windows_csv_with_commas_and_titles_under_blank_lines_is_read():
    outcome = _dry_run("partenaires_cp1252.csv", AssociationFactory())

    created = {row.line: row.values for row in outcome.create}
    assert sorted(created) == [4, 5, 6, 7]
    assert created[4]["name"] == "Université Lumière Lyon 2"
    assert created[4]["address"] == "86, rue Pasteur"
    assert [created[line]["actor_type"] for line in (4, 5, 6, 7)] == [
        "academic",
        "network",
        "association",
        "state",
    ]
    assert created[6]["siren"] == "775671464"  # taken from the SIRET
    assert "SIRET" in _reasons(outcome)[8]


def test_an_excel_file_with_numbers_formulas_and_blank_rows_is_read():
    outcome = _dry_run("partenaires.xlsx", AssociationFactory())

    created = {row.line: row.values for row in outcome.create}
    assert sorted(created) == [2, 4]
    assert created[4]["siren"] == "484528039"
    assert created[4]["postal_code"] == "01000"  # the number 1000 of the spreadsheet
    reasons = _reasons(outcome)
    assert "=1+1" in reasons[5]
    assert "ligne 4" in reasons[6]
    assert outcome.blank == 1


def test_the_same_name_and_postal_code_is_the_same_partner():
    association = AssociationFactory()
    existing = PartnerFactory(
        association=association, name="COLLECTIF habitants Croix-Rousse", postal_code="69004"
    )

    outcome = _dry_run("partenaires_utf8_bom.csv", association)

    assert [row.partner_id for row in outcome.merge + outcome.unchanged if row.line == 9] == [
        existing.pk
    ]


def test_another_association_s_partners_are_not_merged_into():
    other = PartnerFactory(siren="216901231")

    outcome = _dry_run("partenaires_utf8_bom.csv", AssociationFactory())

    assert 2 in [row.line for row in outcome.create]
    assert other.pk not in [row.partner_id for row in outcome.merge]


def test_bytes_no_encoding_knows_are_read_rather_than_an_error():
    table = partner_import.read_table("bizarre.csv", b"Nom;Ville\r\nAsso \x81\x8d;Lyon\r\n")
    assert table[1][1] == "Lyon"


def test_an_unreadable_file_is_refused_whole():
    with pytest.raises(partner_import.ImportFileError):
        partner_import.read_table("vide.csv", b"\r\n;;\r\n")
    with pytest.raises(partner_import.ImportFileError):
        partner_import.read_table("faux.xlsx", b"PK\x03\x04 not a workbook")


def test_the_import_creates_and_completes_with_history(django_user_model):
    # Given a directory with the town hall and an uploaded, mapped file
    association = AssociationFactory()
    mairie = PartnerFactory(
        association=association,
        name="Ville de Lyon",
        siren="216901231",
        actor_type=ActorType.LOCAL_AUTHORITY,
        description="Notre interlocuteur historique",
    )
    upload = start_partner_import(
        association=association,
        by=None,
        file_name="partenaires_utf8_bom.csv",
        content=_fixture("partenaires_utf8_bom.csv"),
    )
    set_partner_import_mapping(upload=upload, mapping=upload.mapping, default_actor_type="company")

    # When it is imported
    result = import_partners(upload=upload, by=None)

    # Then 4 partners are added, the town hall completed without losing what was typed
    assert (result.created, result.merged, result.refused) == (4, 1, 5)
    assert Partner.objects.filter(association=association).count() == 5
    mairie.refresh_from_db()
    assert mairie.name == "Ville de Lyon"
    assert mairie.description == "Notre interlocuteur historique"
    assert (mairie.postal_code, mairie.city) == ("69001", "Lyon")
    assert mairie.website == "https://www.lyon.fr"
    assert Partner.history.filter(association=association).count() == 4 + 1 + 1
    formula = Partner.objects.get(association=association, name__startswith="=")
    assert formula.actor_type == ActorType.ASSOCIATION
    upload.refresh_from_db()
    assert upload.imported_at is not None
    assert bytes(upload.content) == b""  # the file's personal data is not kept

    # And importing the same file again adds nothing
    again = start_partner_import(
        association=association,
        by=None,
        file_name="partenaires_utf8_bom.csv",
        content=_fixture("partenaires_utf8_bom.csv"),
    )
    set_partner_import_mapping(upload=again, mapping=again.mapping, default_actor_type="company")
    assert import_partners(upload=again, by=None).created == 0


# The pages, step by step.


def _upload(client, association, name):
    return client.post(
        reverse("alliances:partner_import", args=[association.pk]),
        {"file": SimpleUploadedFile(name, _fixture(name))},
    )


def test_upload_columns_preview_and_import_through_the_pages(client, world):
    client.force_login(world.editor)

    response = _upload(client, world.association, "partenaires_cp1252.csv")
    upload = PartnerImport.objects.get(association=world.association)
    assert response.url == reverse(
        "alliances:partner_import_mapping", args=[world.association.pk, upload.pk]
    )
    page = client.get(response.url).content.decode()
    assert "Université Lumière Lyon 2" in page  # the first rows, to map the columns by

    mapping = {f"column_{name}": str(index) for name, index in upload.mapping.items()}
    response = client.post(response.url, {**mapping, "default_actor_type": "company"})
    preview = client.get(response.url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Préfecture du Rhône" in html
    assert "Entreprise Dupont &amp; Fils" in html  # refused, with its reason

    response = client.post(
        reverse("alliances:partner_import_confirm", args=[world.association.pk, upload.pk])
    )
    assert response.status_code == 302
    assert Partner.objects.filter(association=world.association).count() >= 4


def test_a_mapping_that_uses_one_column_twice_is_refused_and_kept(client, world):
    client.force_login(world.editor)
    _upload(client, world.association, "partenaires_cp1252.csv")
    upload = PartnerImport.objects.get(association=world.association)
    url = reverse("alliances:partner_import_mapping", args=[world.association.pk, upload.pk])

    response = client.post(
        url, {"column_name": "0", "column_city": "0", "default_actor_type": "company"}
    )

    assert response.status_code == 200
    assert "remplit déjà" in response.content.decode()
    upload.refresh_from_db()
    assert upload.default_actor_type == ""


def test_a_file_that_is_not_a_spreadsheet_gets_a_message(client, world):
    client.force_login(world.editor)

    response = client.post(
        reverse("alliances:partner_import", args=[world.association.pk]),
        {"file": SimpleUploadedFile("photo.png", b"\x89PNG\r\n")},
    )

    assert response.status_code == 200
    assert not PartnerImport.objects.exists()


def test_another_association_s_import_is_a_404(client, world):
    upload = start_partner_import(
        association=world.association,
        by=None,
        file_name="partenaires_cp1252.csv",
        content=_fixture("partenaires_cp1252.csv"),
    )
    client.force_login(world.outsider)
    other = world.outsider.memberships.get().association

    response = client.get(reverse("alliances:partner_import_mapping", args=[other.pk, upload.pk]))

    assert response.status_code == 404


def test_a_reader_cannot_import(client, world):
    client.force_login(world.reader)

    response = _upload(client, world.association, "partenaires_cp1252.csv")

    assert response.status_code == 403
    assert not PartnerImport.objects.exists()


def test_the_preview_costs_the_same_queries_whatever_the_directory_and_file(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.editor)

    def preview_queries(name):
        upload = start_partner_import(
            association=world.association, by=None, file_name=name, content=_fixture(name)
        )
        set_partner_import_mapping(
            upload=upload, mapping=upload.mapping, default_actor_type="company"
        )
        url = reverse("alliances:partner_import_preview", args=[world.association.pk, upload.pk])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = preview_queries("partenaires_cp1252.csv")
    PartnerFactory.create_batch(30, association=world.association)
    assert preview_queries("partenaires_utf8_bom.csv") == small
