"""Importing measurements: a dry-run preview (rows to add, to update, refused with their reason),
then the confirmation saves the rows to add and update, one value per indicator and date."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from evaluation import imports
from evaluation.models import Measurement

from .factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicators(alliance):
    return (
        IndicatorFactory(alliance=alliance, name="Coûts administratifs", unit="€"),
        IndicatorFactory(
            alliance=alliance,
            name="Bénévoles formés",
            unit="personnes",
            direction="increase",
            baseline=Decimal("0"),
            target=Decimal("40"),
        ),
    )


def upload(client, alliance, name, content):
    return client.post(
        reverse("evaluation:import_measurements", args=[alliance.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )


def confirm(client, alliance, token):
    return client.post(reverse("evaluation:import_confirm", args=[alliance.pk]), {"token": token})


def snapshot():
    return sorted(
        Measurement.objects.values_list("indicator_id", "date", "value", "source", "comment")
    )


def test_the_preview_sorts_each_row_into_add_update_or_refused_and_saves_nothing(
    editor_client, alliance, indicators
):
    costs, volunteers = indicators
    MeasurementFactory(indicator=costs, date=dt.date(2026, 1, 31), value=Decimal("395000"))
    before = snapshot()
    csv = (
        "Indicateur;Date;Valeur;Source;Commentaire\n"
        "Coûts administratifs;31/01/2026;391 500,50;Compta;\n"  # line 2: updates 395 000
        "Indicateur inconnu;28/02/2026;380000;;\n"  # line 3: unknown indicator
        "Bénévoles formés;31/02/2026;12;;\n"  # line 4: impossible date
        "Bénévoles formés;31/03/2026;douze;;\n"  # line 5: not a number
        "Bénévoles formés;30/04/2026;19;Feuilles;\n"  # line 6: to add
        "Coûts administratifs;31/05/2026;;;\n"  # line 7: value missing
        "Bénévoles formés;31/05/2026;-3;;\n"  # line 8: a count below 0
        "Bénévoles formés;30/04/2026;20;;\n"  # line 9: line 6 gave this date already
        "Bénévoles formés;01/01/2030;25;;\n"  # line 10: in the future
    ).encode()

    response = upload(editor_client, alliance, "mesures.csv", csv)

    assert response.status_code == 200
    errors = {e.line: e.reason for e in response.context["errors"]}
    assert sorted(errors) == [3, 4, 5, 7, 8, 9, 10]
    assert "Indicateur inconnu" in errors[3]
    assert "31/02/2026" in errors[4]
    assert "douze" in errors[5]
    assert "négative" in errors[8]
    assert "ligne 6" in errors[9]
    assert "01/01/2030" in errors[10] and "futur" in errors[10]
    assert [(r.line, r.previous) for r in response.context["updated"]] == [(2, Decimal("395000"))]
    assert [r.line for r in response.context["added"]] == [6]
    html = response.content.decode()
    for line in (3, 4, 5, 7, 8, 9, 10):
        assert f"Ligne {line}" in html
    assert "À mettre à jour" in html or "à mettre à jour" in html
    assert response.context["token"]
    assert snapshot() == before  # a dry run


def test_confirming_adds_the_new_rows_and_updates_the_recorded_date_with_their_history(
    editor_client, alliance, indicators, world
):
    costs, volunteers = indicators
    recorded = MeasurementFactory(
        indicator=costs, date=dt.date(2026, 1, 31), value=Decimal("395000"), comment="estimé"
    )
    csv = (
        "indicateur,date,valeur,source,commentaire\n"
        "Coûts administratifs,31/01/2026,391500,Compta,janvier clôturé\n"
        "bénévoles formés,2026-03-31,12,Feuilles,\n"
    ).encode("cp1252")
    token = upload(editor_client, alliance, "mesures.csv", csv).context["token"]

    response = confirm(editor_client, alliance, token)

    assert response.status_code == 302
    assert Measurement.objects.filter(indicator=costs).count() == 1  # no duplicate
    recorded.refresh_from_db()
    assert (recorded.value, recorded.source, recorded.comment, recorded.entered_by) == (
        Decimal("391500"),
        "Compta",
        "janvier clôturé",
        world.editor,
    )
    change = recorded.history.order_by("-history_date", "-history_id").first()
    assert change.history_type == "~" and change.history_user == world.editor
    assert change.history_change_reason == "Mis à jour par un import"
    added = Measurement.objects.get(indicator=volunteers)
    assert added.value == 12 and added.history.get().history_change_reason == "Importé"
    # The same confirmation cannot save twice.
    before = snapshot()
    confirm(editor_client, alliance, token)
    assert snapshot() == before


def test_a_file_already_imported_is_recognised_unchanged_and_offers_nothing_to_save(
    editor_client, alliance, indicators
):
    costs, _volunteers = indicators
    MeasurementFactory(indicator=costs, date=dt.date(2026, 1, 31), value=Decimal("391500"))
    before = snapshot()

    response = upload(
        editor_client,
        alliance,
        "mesures.csv",
        b"Indicateur;Date;Valeur\nCo\xc3\xbbts administratifs;31/01/2026;391500\n",
    )

    assert [r.line for r in response.context["unchanged"]] == [2]
    assert response.context["token"] is None
    assert "Rien à enregistrer" in response.content.decode()
    assert snapshot() == before


def test_a_measurement_recorded_between_the_preview_and_the_confirmation_is_updated(
    editor_client, alliance, indicators
):
    costs, _volunteers = indicators
    csv = "Indicateur;Date;Valeur\nCoûts administratifs;28/02/2026;380000\n".encode()
    token = upload(editor_client, alliance, "mesures.csv", csv).context["token"]
    MeasurementFactory(indicator=costs, date=dt.date(2026, 2, 28), value=Decimal("381000"))

    confirm(editor_client, alliance, token)

    assert list(Measurement.objects.filter(indicator=costs).values_list("value", flat=True)) == [
        Decimal("380000")
    ]


def test_a_percentage_above_100_is_refused_with_its_range(editor_client, alliance):
    IndicatorFactory(
        alliance=alliance,
        name="Taux de satisfaction",
        unit="%",
        direction="increase",
        baseline=Decimal("60"),
        target=Decimal("80"),
    )

    response = upload(
        editor_client,
        alliance,
        "mesures.csv",
        b"Indicateur;Date;Valeur\nTaux de satisfaction;31/01/2026;120\n",
    )

    (error,) = response.context["errors"]
    assert "100" in error.reason
    assert response.context["token"] is None
    assert not Measurement.objects.exists()


def test_a_clean_xlsx_file_is_read_with_its_dates_and_numbers(editor_client, alliance, indicators):
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
    assert [(r.date, r.value, r.action) for r in rows] == [
        (dt.date(2026, 1, 31), Decimal("391500.5"), imports.ADD),
        (dt.date(2026, 3, 31), Decimal("12"), imports.ADD),
    ]


def test_a_file_without_the_french_headers_is_refused(editor_client, alliance, indicators):
    response = upload(editor_client, alliance, "mesures.csv", b"nom;jour;chiffre\nx;y;z\n")
    assert "Indicateur" in response.context["file_error"]
    assert not Measurement.objects.exists()


def test_an_indicator_of_another_alliance_is_a_refused_row(editor_client, alliance, indicators):
    other = IndicatorFactory(name="Indicateur d'ailleurs")
    csv = (f"Indicateur;Date;Valeur\n{other.name};31/01/2026;1\n").encode()
    response = upload(editor_client, alliance, "mesures.csv", csv)
    assert [e.line for e in response.context["errors"]] == [2]
    assert response.context["token"] is None


def test_only_csv_and_xlsx_files_are_accepted(editor_client, alliance):
    response = upload(editor_client, alliance, "mesures.pdf", b"%PDF-1.4")
    assert "file" in response.context["form"].errors


def test_a_reader_cannot_confirm_an_import_and_nothing_changes(client, world, alliance, indicators):
    editor = client
    editor.force_login(world.editor)
    csv = "Indicateur;Date;Valeur\nCoûts administratifs;31/01/2026;391500\n".encode()
    token = upload(editor, alliance, "mesures.csv", csv).context["token"]
    client.force_login(world.reader)

    response = confirm(client, alliance, token)

    assert response.status_code == 403
    assert not Measurement.objects.exists()
