import pytest
from django.core.exceptions import ValidationError

from organisations.forms import AssociationForm
from organisations.identifiers import validate_rna, validate_siren, validate_siret


@pytest.mark.parametrize("value", ["W751234567", "w751234567", "W 751 234 567"])
def test_valid_rna_numbers_are_accepted(value):
    validate_rna(value)


@pytest.mark.parametrize(
    "value", ["751234567", "W75123456", "W7512345678", "X751234567", "W75123456A"]
)
def test_invalid_rna_numbers_are_refused(value):
    with pytest.raises(ValidationError) as error:
        validate_rna(value)
    assert error.value.code == "invalid_rna"


@pytest.mark.parametrize("value", ["732829320", "732 829 320", "356000000"])
def test_valid_siren_numbers_pass_the_luhn_check(value):
    validate_siren(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("732829321", "invalid_checksum"),
        ("73282932", "invalid_length"),
        ("73282932A", "invalid_format"),
    ],
)
def test_invalid_siren_numbers_say_why(value, code):
    with pytest.raises(ValidationError) as error:
        validate_siren(value)
    assert error.value.code == code


def test_siret_numbers_are_checked_too():
    validate_siret("73282932000074")
    with pytest.raises(ValidationError):
        validate_siret("73282932000075")


def _form(**overrides):
    data = {
        "name": "Les Amis du Quartier",
        "rna": "",
        "siren": "",
        "department": "75",
        "sector": "social",
        "employees": "2",
        "volunteers": "10",
        "budget_band": "10k-50k",
        **overrides,
    }
    return AssociationForm(data=data)


@pytest.mark.django_db
def test_an_association_needs_an_rna_or_a_siren_and_says_so_in_french(settings):
    settings.LANGUAGE_CODE = "fr"
    form = _form()
    assert not form.is_valid()
    assert "rna" in form.errors


@pytest.mark.django_db
def test_a_wrong_siren_is_reported_next_to_the_field():
    form = _form(siren="732829321")
    assert not form.is_valid()
    assert list(form.errors) == ["siren"]


@pytest.mark.django_db
def test_identifiers_are_stored_compact():
    form = _form(rna="w 751 234 567", siren="732 829 320")
    assert form.is_valid(), form.errors
    association = form.save()
    assert (association.rna, association.siren) == ("W751234567", "732829320")


def test_an_associations_department_and_sector_read_in_french_as_in_every_form():
    from django.utils import translation

    from organisations.models import Association, Sector
    from organisations.territory import DEPARTMENTS

    with translation.override("fr"):
        for code, _name in DEPARTMENTS:
            association = Association(department=code, sector=Sector.HEALTH)
            assert association.department_label == association.get_department_display()
        for sector in Sector:
            association = Association(department="75", sector=sector)
            assert str(association.sector_label) == association.get_sector_display()
        assert str(Association(department="13", sector="youth").sector_label) == (
            "Jeunesse et éducation populaire"
        )
