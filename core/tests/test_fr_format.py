from decimal import Decimal

import pytest
from django.utils import translation

from core.templatetags.fr_format import euros, number, percent, score, with_unit


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


def test_percent_and_units_use_french_spacing():
    assert percent(15) == "15\u202f%"
    assert with_unit(Decimal("340000"), "€") == "340\u00a0000\u202f€"
    assert with_unit(Decimal("12"), "bénévoles") == "12\u00a0bénévoles"
    assert number(Decimal("12500.5"), 1) == "12\u00a0500,5"
