"""Inputs that used to give a 500 on the evaluation pages: each gets a French message next to
its field, and what was typed is kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from evaluation.models import Indicator, Measurement, OperationalObjective

from .factories import IndicatorFactory
from .test_smart_views import example_payload

pytestmark = pytest.mark.django_db


def test_a_target_change_reason_over_100_characters_is_refused_next_to_the_field(
    editor_client, alliance
):
    indicator = IndicatorFactory(alliance=alliance)
    reason = "Un membre a quitté l'alliance " * 5
    response = editor_client.post(
        reverse("evaluation:indicator_target", args=[alliance.pk, indicator.pk]),
        {"target": "350 000", "target_date": "2026-09-30", "reason": reason},
    )
    assert response.status_code == 200
    assert "100" in response.context["form"].errors["reason"][0]
    assert reason.strip() in response.content.decode().replace("&#x27;", "'")
    indicator.refresh_from_db()
    assert indicator.target != 350000


@pytest.mark.parametrize(
    ("field", "value", "limit"),
    [("new_indicator_unit", "u" * 41, "40"), ("new_indicator_name", "n" * 201, "200")],
)
def test_a_new_indicator_too_long_is_refused_on_the_objective_form(
    editor_client, alliance, strategic, partner, field, value, limit
):
    data = {**example_payload(strategic, partner), field: value}
    response = editor_client.post(
        reverse("evaluation:operational_create", args=[alliance.pk, strategic.pk]), data
    )
    assert response.status_code == 200
    assert limit in response.context["form"].errors[field][0]
    assert value in response.content.decode()
    assert not OperationalObjective.objects.exists() and not Indicator.objects.exists()


def test_a_csv_import_with_a_huge_field_is_refused_in_french(editor_client, alliance):
    content = ("Indicateur;Date;Valeur\n" + "x" * 140_000 + ";31/01/2026;1\n").encode()
    response = editor_client.post(
        reverse("evaluation:import_measurements", args=[alliance.pk]),
        {"file": SimpleUploadedFile("mesures.csv", content)},
    )
    assert response.status_code == 200
    assert response.context["file_error"]
    assert not Measurement.objects.exists()
