"""Importing measurements: all or nothing, every bad row reported, preview then confirm."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from evaluation.models import Measurement

from .factories import IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicators(alliance):
    return (
        IndicatorFactory(alliance=alliance, name="Coûts administratifs", unit="€"),
        IndicatorFactory(alliance=alliance, name="Bénévoles formés", unit="personnes"),
    )


def upload(client, alliance, name, content):
    return client.post(
        reverse("evaluation:import_measurements", args=[alliance.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )


def test_a_file_with_good_and_bad_rows_imports_nothing_and_reports_each_bad_row(
    editor_client, alliance, indicators
):
    csv = (
        "Indicateur;Date;Valeur;Source;Commentaire\n"
        "Coûts administratifs;31/01/2026;391 500,50;Compta;\n"  # line 2: good
        "Indicateur inconnu;28/02/2026;380000;;\n"  # line 3: unknown indicator
        "Bénévoles formés;31/02/2026;12;;\n"  # line 4: impossible date
        "Bénévoles formés;31/03/2026;douze;;\n"  # line 5: not a number
        "Bénévoles formés;30/04/2026;19;Feuilles;\n"  # line 6: good
        "Coûts administratifs;31/05/2026;;;\n"  # line 7: value missing
    ).encode()
    response = upload(editor_client, alliance, "mesures.csv", csv)
    assert response.status_code == 200
    errors = {e.line: e.reason for e in response.context["errors"]}
    assert sorted(errors) == [3, 4, 5, 7]
    assert "Indicateur inconnu" in errors[3]
    assert "31/02/2026" in errors[4]
    assert "douze" in errors[5]
    html = response.content.decode()
    for line in (3, 4, 5, 7):
        assert f"{line}" in html
    assert response.context["token"] is None
    assert not Measurement.objects.exists()


def test_a_clean_csv_is_previewed_then_imported_on_confirmation(
    editor_client, alliance, indicators, world
):
    csv = (
        "indicateur,date,valeur,source,commentaire\n"
        "Coûts administratifs,31/01/2026,391500,Compta,janvier\n"
        "bénévoles formés,2026-03-31,12,Feuilles,\n"
    ).encode("cp1252")
    response = upload(editor_client, alliance, "mesures.csv", csv)
    assert response.context["errors"] == []
    token = response.context["token"]
    assert token and len(response.context["rows"]) == 2
    assert not Measurement.objects.exists()  # preview only

    response = editor_client.post(
        reverse("evaluation:import_confirm", args=[alliance.pk]), {"token": token}
    )
    assert response.status_code == 302
    costs, volunteers = indicators
    saved = Measurement.objects.get(indicator=costs)
    assert (saved.value, saved.source, saved.comment, saved.entered_by) == (
        Decimal("391500"),
        "Compta",
        "janvier",
        world.editor,
    )
    assert Measurement.objects.get(indicator=volunteers).value == 12
    # The same confirmation cannot import twice.
    editor_client.post(reverse("evaluation:import_confirm", args=[alliance.pk]), {"token": token})
    assert Measurement.objects.count() == 2


def test_a_clean_xlsx_file_is_read_with_its_dates_and_numbers(editor_client, alliance, indicators):
    import datetime as dt

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Indicateur", "Date", "Valeur", "Source"])
    sheet.append(["Coûts administratifs", dt.datetime(2026, 1, 31), 391500.5, "Compta"])
    sheet.append(["Bénévoles formés", "31/03/2026", "12", None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload(editor_client, alliance, "mesures.xlsx", buffer.getvalue())
    assert response.context["errors"] == []
    rows = response.context["rows"]
    assert [(r.date, r.value) for r in rows] == [
        (dt.date(2026, 1, 31), Decimal("391500.5")),
        (dt.date(2026, 3, 31), Decimal("12")),
    ]


def test_a_file_without_the_french_headers_is_refused(editor_client, alliance, indicators):
    response = upload(editor_client, alliance, "mesures.csv", b"nom;jour;chiffre\nx;y;z\n")
    assert "Indicateur" in response.context["file_error"]
    assert not Measurement.objects.exists()


def test_a_future_date_and_an_indicator_of_another_alliance_are_bad_rows(
    editor_client, alliance, indicators
):
    other = IndicatorFactory(name="Indicateur d'ailleurs")
    csv = (
        f"Indicateur;Date;Valeur\nCoûts administratifs;31/12/2099;1\n{other.name};31/01/2026;1\n"
    ).encode()
    response = upload(editor_client, alliance, "mesures.csv", csv)
    assert [e.line for e in response.context["errors"]] == [2, 3]


def test_only_csv_and_xlsx_files_are_accepted(editor_client, alliance):
    response = upload(editor_client, alliance, "mesures.pdf", b"%PDF-1.4")
    assert "file" in response.context["form"].errors
