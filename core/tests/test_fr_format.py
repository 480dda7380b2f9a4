from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from core.templatetags.fr_format import (
    euros,
    long_date,
    long_datetime,
    number,
    percent,
    score,
    signed_score,
    with_unit,
)


@pytest.fixture(autouse=True)
def french():
    with translation.override("fr"):
        yield


def test_amounts_are_grouped_with_a_decimal_comma_and_the_euro_sign():
    assert euros(Decimal("1250")) == "1\u00a0250,00\u00a0€"
    assert euros(Decimal("1234567.5")) == "1\u00a0234\u00a0567,50\u00a0€"
    assert euros(None) == "—"


def test_scores_round_half_up_to_one_decimal_with_a_comma():
    assert score(Decimal("3.45")) == "3,5"
    assert score(Decimal("2.95")) == "3,0"


def test_a_change_of_score_carries_its_sign_and_a_true_minus():
    assert signed_score(Decimal("0.35")) == "+0,4"
    assert signed_score(Decimal("-1")) == "\u22121,0"
    assert signed_score(Decimal("0")) == "="
    assert signed_score(None) == "—"


def test_percent_and_units_use_french_spacing():
    assert percent(15) == "15\u202f%"
    assert with_unit(Decimal("340000"), "€") == "340\u00a0000\u202f€"
    assert with_unit(Decimal("12"), "bénévoles") == "12\u00a0bénévoles"
    assert number(Decimal("12500.5"), 1) == "12\u00a0500,5"


def test_the_first_day_of_a_month_is_written_1er_in_french():
    assert long_date(date(2026, 12, 1)) == "1er décembre 2026"
    assert long_date(date(2026, 12, 2)) == "2 décembre 2026"
    assert long_date(date(2026, 8, 15)) == "15 août 2026"
    with translation.override("en"):
        assert long_date(date(2026, 12, 1)) == "1 December 2026"


def test_a_moment_in_words_is_in_paris_time():
    # 23:30 UTC on 30 November is already 1 December in Paris.
    moment = datetime(2026, 11, 30, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert long_datetime(moment) == "1er décembre 2026 à 00:30"
    with translation.override("en"):
        assert long_datetime(moment) == "1 December 2026 at 00:30"
    assert long_date(None) == ""


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (0, "personnes", "0\u00a0personne"),
        (1, "réunions", "1\u00a0réunion"),
        (Decimal("-1"), "réunions", "-1\u00a0réunion"),
        (Decimal("1.5"), "heures de cours", "1,50\u00a0heure de cours"),
        (1, "familles accompagnées", "1\u00a0famille accompagnée"),
        (2, "personnes", "2\u00a0personnes"),
        (1, "mois", "1\u00a0mois"),
        (1, "repas", "1\u00a0repas"),
        (1, "cours", "1\u00a0cours"),
        (1, "ETP", "1\u00a0ETP"),
        (0, "m²", "0\u00a0m²"),
        (1, "Personnes", "1\u00a0Personnes"),
    ],
)
def test_a_unit_typed_in_the_plural_agrees_with_a_value_under_two(value, unit, shown):
    assert with_unit(value, unit) == shown


def test_english_leaves_the_unit_as_typed():
    with translation.override("en"):
        assert with_unit(1, "personnes") == "1\u00a0personnes"
