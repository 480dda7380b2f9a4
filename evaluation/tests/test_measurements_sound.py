"""Measurements that cannot be wrong: no future date, no value outside the indicator's range, one
value per indicator and date; and who contributed what to a shared indicator's result."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from alliances.tests.factories import AllianceMemberFactory, AlliancePartnerFactory, PartnerFactory
from evaluation.contributions import result_of, shares
from evaluation.models import IndicatorContribution, Measurement
from evaluation.value_range import ValueRange, derived_from_unit, value_range
from organisations.tests.factories import AssociationFactory

from .factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

D = Decimal


def _measure(client, alliance, indicator, **data):
    return client.post(
        reverse("evaluation:measurement_create", args=[alliance.pk, indicator.pk]),
        {"date": "2026-03-31", "value": "12", "source": "Feuilles", "comment": "", **data},
    )


def _count_indicator(alliance, **fields):
    return IndicatorFactory(
        alliance=alliance,
        name="Bénévoles formés",
        unit="personnes",
        direction="increase",
        baseline=D("0"),
        target=D("40"),
        **fields,
    )


# --- the range of an indicator, from its unit or its explicit bounds ----------------------------


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("personnes", ValueRange(D(0), None)),
        ("€", ValueRange(D(0), None)),
        ("ETP", ValueRange(D(0), None)),
        ("%", ValueRange(D(0), D(100))),
        ("% des familles", ValueRange(D(0), D(100))),
        ("pourcentage", ValueRange(D(0), D(100))),
        ("/10", ValueRange(D(0), D(10))),
        ("sur 20", ValueRange(D(0), D(20))),
        (" / 5 ", ValueRange(D(0), D(5))),
    ],
)
def test_a_count_or_amount_is_0_or_more_a_percentage_0_to_100_a_mark_0_to_its_scale(unit, expected):
    assert derived_from_unit(unit) == expected


def test_explicit_bounds_replace_the_unit_s_on_their_side_only():
    growth = value_range("%", lowest=D("-50"))
    assert (growth.lowest, growth.highest) == (D("-50"), D(100))
    assert growth.contains(D("-20")) and not growth.contains(D("-51"))
    balance = value_range("€", lowest=D("-100000"), highest=D("100000"))
    assert balance.contains(D("-5000")) and not balance.contains(D("100000.01"))


# --- the measurement form ----------------------------------------------------------------------


def test_a_future_date_is_refused_next_to_the_field_and_nothing_is_saved(editor_client, alliance):
    indicator = _count_indicator(alliance)

    response = _measure(editor_client, alliance, indicator, date="2030-01-01", comment="prévu")

    form = response.context["form"]
    assert "dans le futur" in form.errors["date"][0] and "01/01/2030" in form.errors["date"][0]
    assert form["comment"].value() == "prévu"  # what was typed stays
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("unit", "value", "words"),
    [("personnes", "-3", "négative"), ("%", "120", "100"), ("/10", "11", "10")],
)
def test_a_value_outside_the_indicator_s_range_is_refused_and_nothing_is_saved(
    editor_client, alliance, unit, value, words
):
    indicator = _count_indicator(alliance)
    indicator.unit = unit
    indicator.save()

    response = _measure(editor_client, alliance, indicator, value=value)

    assert words in response.context["form"].errors["value"][0]
    assert not Measurement.objects.exists()


def test_an_indicator_allowed_below_zero_records_a_negative_value(editor_client, alliance):
    indicator = _count_indicator(alliance, lowest_value=D("-100"))
    indicator.unit = "%"
    indicator.save()

    response = _measure(editor_client, alliance, indicator, value="-12,5")

    assert response.status_code == 302
    assert Measurement.objects.get().value == D("-12.5")


def test_a_second_value_at_a_recorded_date_is_refused_and_the_first_stays(editor_client, alliance):
    indicator = _count_indicator(alliance)
    MeasurementFactory(indicator=indicator, date=dt.date(2026, 3, 31), value=D("10"))

    response = _measure(editor_client, alliance, indicator, value="12")

    message = response.context["form"].errors["date"][0]
    assert "31/03/2026" in message and "10" in message
    assert list(Measurement.objects.values_list("value", flat=True)) == [D("10")]


def test_the_database_refuses_two_values_of_one_indicator_at_one_date(alliance):
    indicator = _count_indicator(alliance)
    MeasurementFactory(indicator=indicator, date=dt.date(2026, 3, 31), value=D("10"))

    with pytest.raises(IntegrityError), transaction.atomic():
        Measurement.objects.create(indicator=indicator, date=dt.date(2026, 3, 31), value=D("12"))


def test_the_latest_value_is_today_s_at_the_latest_so_it_never_vanishes(editor_client, alliance):
    indicator = _count_indicator(alliance)
    today = dt.date.today()

    _measure(editor_client, alliance, indicator, date=today.isoformat(), value="7")

    page = editor_client.get(
        reverse("evaluation:indicator_detail", args=[alliance.pk, indicator.pk])
    )
    assert page.context["row"].follow_up.latest.value == D("7")


def test_an_indicator_s_target_outside_its_range_is_refused_on_its_form(editor_client, alliance):
    response = editor_client.post(
        reverse("evaluation:indicator_create", args=[alliance.pk]),
        {
            "name": "Taux de familles relogées",
            "kind": "results",
            "unit": "%",
            "direction": "increase",
            "baseline": "20",
            "target": "140",
            "frequency": "quarterly",
            "data_source": "member_systems",
            "method": "quantitative",
        },
    )

    assert "100" in response.context["form"].errors["target"][0]
    assert not alliance.indicators.exists()


def test_a_new_target_outside_the_range_is_refused_and_the_target_stays(editor_client, alliance):
    indicator = _count_indicator(alliance)

    response = editor_client.post(
        reverse("evaluation:indicator_target", args=[alliance.pk, indicator.pk]),
        {"target": "-5", "reason": "Une erreur de saisie dans le plan initial."},
    )

    assert "négative" in response.context["form"].errors["target"][0]
    indicator.refresh_from_db()
    assert indicator.target == D("40")


# --- contributions of the members and partners -------------------------------------------------


def test_result_is_the_way_travelled_in_the_expected_direction():
    assert result_of("increase", D("0"), D("3")) == D("3")
    assert result_of("decrease", D("400000"), D("334000")) == D("66000")
    assert result_of("increase", None, D("12")) == D("12")
    assert result_of("increase", D("0"), None) is None


def test_each_contributor_s_total_and_share_of_the_result_add_up():
    result = shares(
        [
            (("partner", 1), "Ville de Lyon", D("0.3")),
            (("association", 7), "Solidarités Lyon Nord", D("0.5")),
            (("partner", 1), "Ville de Lyon", D("0.4")),
            (("association", 8), "Les Jardins", D("0.2")),
        ],
        D("3"),
    )

    assert [(row.name, row.total, row.share) for row in result.rows] == [
        ("Ville de Lyon", D("0.7"), D("23.3")),
        ("Solidarités Lyon Nord", D("0.5"), D("16.7")),
        ("Les Jardins", D("0.2"), D("6.7")),
    ]
    assert (result.total, result.share) == (D("1.4"), D("46.7"))
    assert (result.unattributed, result.unattributed_share) == (D("1.6"), D("53.3"))
    assert not result.exceeds_result


def test_no_share_without_a_positive_result_and_an_excess_is_said():
    assert shares([(1, "A", D("5"))], None).rows[0].share is None
    assert shares([(1, "A", D("5"))], D("0")).rows[0].share is None
    excess = shares([(1, "A", D("5")), (2, "B", D("6"))], D("10"))
    assert excess.exceeds_result and excess.unattributed is None


def test_a_co_member_association_and_a_partner_contribute_and_the_page_shows_their_shares(
    editor_client, alliance, world
):
    co_member = AllianceMemberFactory(
        alliance=alliance, association=AssociationFactory(name="Les Jardins de Villeurbanne")
    ).association
    partner = AlliancePartnerFactory(
        alliance=alliance, partner=PartnerFactory(association=world.association, name="Ville")
    )
    indicator = IndicatorFactory(
        alliance=alliance,
        name="Temps salarié mutualisé",
        unit="ETP",
        direction="increase",
        baseline=D("0"),
        target=D("3"),
    )
    MeasurementFactory(indicator=indicator, date=dt.date(2026, 9, 30), value=D("2"))
    url = reverse("evaluation:contribution_create", args=[alliance.pk, indicator.pk])
    form = editor_client.get(url).context["form"]
    choices = dict(form.fields["contributor"].choices[1:])
    assert set(dict(choices["Associations membres de l'alliance"]).values()) == {
        world.association.name,
        "Les Jardins de Villeurbanne",
    }
    assert dict(choices["Partenaires de l'alliance"]) == {f"partner-{partner.pk}": "Ville"}

    for contributor, value in (
        (f"association-{co_member.pk}", "0,5"),
        (f"partner-{partner.pk}", "0,3"),
        (f"partner-{partner.pk}", "0,2"),
    ):
        response = editor_client.post(
            url, {"contributor": contributor, "date": "2026-09-30", "value": value}
        )
        assert response.status_code == 302

    assert IndicatorContribution.objects.filter(association=co_member).count() == 1
    page = editor_client.get(
        reverse("evaluation:indicator_detail", args=[alliance.pk, indicator.pk])
    )
    rows = [(r.name, r.total, r.share) for r in page.context["contributors"].rows]
    assert rows == [
        ("Les Jardins de Villeurbanne", D("0.5"), D("25.0")),
        ("Ville", D("0.5"), D("25.0")),
    ]
    html = page.content.decode()
    assert "Part du résultat" in html and "25,0" in html and "Non attribué" in html


def test_a_contribution_of_an_outsider_or_in_the_future_is_refused_and_nothing_is_saved(
    editor_client, alliance, world
):
    indicator = _count_indicator(alliance)
    url = reverse("evaluation:contribution_create", args=[alliance.pk, indicator.pk])

    outsider = editor_client.post(
        url,
        {
            "contributor": f"association-{world.other_association.pk}",
            "date": "2026-01-31",
            "value": "1",
        },
    )
    future = editor_client.post(
        url,
        {"contributor": f"association-{world.association.pk}", "date": "2030-01-01", "value": "1"},
    )
    negative = editor_client.post(
        url,
        {"contributor": f"association-{world.association.pk}", "date": "2026-01-31", "value": "-1"},
    )

    assert "contributor" in outsider.context["form"].errors
    assert "date" in future.context["form"].errors
    assert "value" in negative.context["form"].errors
    assert not IndicatorContribution.objects.exists()


def test_the_database_refuses_a_contribution_of_nobody_or_of_two_contributors(alliance, world):
    indicator = _count_indicator(alliance)
    partner = AlliancePartnerFactory(alliance=alliance)
    for fields in ({}, {"association": world.association, "partner": partner}):
        with pytest.raises(IntegrityError), transaction.atomic():
            IndicatorContribution.objects.create(
                indicator=indicator, date=dt.date(2026, 1, 31), value=D("1"), **fields
            )
