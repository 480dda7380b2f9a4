"""The SMART assistant as users meet it: the form posted on input, the fragment it answers."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from evaluation.models import Indicator, OperationalObjective

from .factories import IndicatorFactory

pytestmark = pytest.mark.django_db

SOURCE_EXAMPLE = (
    "Réduire de 15 % les coûts administratifs des 5 associations membres de l'alliance avant "
    "juillet 2026 en mutualisant les fonctions comptabilité, RH et communication via la création "
    "d'un service partagé opérationnel au 1er décembre 2025."
)


def example_payload(strategic, partner):
    return {
        "strategic_objective": strategic.pk,
        "dimension": "means",
        "partners": [partner.pk],
        "statement": SOURCE_EXAMPLE,
        "scope_who": "Les 5 associations membres de l'alliance",
        "scope_what": "Les coûts administratifs de la comptabilité, des RH et de la communication",
        "new_indicator_name": "Coûts administratifs des 5 associations",
        "new_indicator_unit": "€",
        "new_indicator_direction": "decrease",
        "new_indicator_baseline": "400 000",
        "new_indicator_target": "340 000",
        "achievable": "yes",
        "achievable_justification": "Mutualisation de fonctions existantes, deux salariées formées",
        "realistic": "yes",
        "realistic_justification": "Sept mois de déploiement, financement acquis",
        "start_date": "2025-12-01",
        "deadline": "2026-06-30",
    }


def criteria(html):
    """{criterion: (met, code)} read from the fragment."""
    found = re.findall(
        r'class="smart-criterion (is-met|is-missing)" data-criterion="(\w+)" data-code="(\w+)"',
        html,
    )
    return {key: (state == "is-met", code) for state, key, code in found}


def check(client, alliance, data):
    response = client.post(reverse("evaluation:smart_check", args=[alliance.pk]), data)
    assert response.status_code == 200
    return response.content.decode()


def test_the_source_example_is_fully_smart_in_the_assistant(
    editor_client, alliance, strategic, partner
):
    html = check(editor_client, alliance, example_payload(strategic, partner))
    result = criteria(html)
    assert len(result) == 5
    assert all(met for met, _code in result.values()), result
    assert 'aria-live="polite"' not in html  # the live region wraps the fragment, not inside it


def test_the_source_example_saved_through_the_form_is_smart(
    editor_client, alliance, strategic, partner
):
    url = reverse("evaluation:operational_create", args=[alliance.pk, strategic.pk])
    response = editor_client.post(url, example_payload(strategic, partner), follow=True)
    assert response.status_code == 200
    objective = OperationalObjective.objects.get(strategic_objective=strategic)
    assert objective.assessment(alliance.vision).is_smart
    indicator = Indicator.objects.get(alliance=alliance)
    assert (indicator.unit, indicator.baseline, indicator.target) == ("€", 400000, 340000)
    assert list(indicator.objectives.all()) == [objective]
    assert "Il est SMART" in response.content.decode() or "It is SMART" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("change", "criterion", "code"),
    [
        (
            {"statement": "Améliorer la communication", "scope_what": "La communication"},
            "specific",
            "vague_what",
        ),
        ({"scope_who": "Tout le monde"}, "specific", "vague_who"),
        ({"scope_who": "", "scope_what": ""}, "specific", "missing_who"),
        ({"new_indicator_target": ""}, "measurable", "no_numeric_target"),
        ({"new_indicator_target": "400000"}, "measurable", "target_equals_baseline"),
        ({"new_indicator_unit": ""}, "measurable", "no_unit"),
        ({"achievable": ""}, "achievable", "not_judged"),
        ({"achievable": "no"}, "achievable", "judged_not_achievable"),
        ({"realistic_justification": "oui"}, "realistic", "no_justification"),
        ({"deadline": ""}, "time_bound", "no_deadline"),
        ({"deadline": "2030-06-30"}, "time_bound", "deadline_after_horizon"),
    ],
)
def test_a_vague_objective_is_caught_on_the_right_criterion(
    editor_client, alliance, strategic, partner, change, criterion, code
):
    html = check(editor_client, alliance, {**example_payload(strategic, partner), **change})
    result = criteria(html)
    assert result[criterion] == (False, code)
    assert [key for key, (met, _) in result.items() if not met] == [criterion]


def test_ameliorer_la_communication_alone_meets_nothing(editor_client, alliance):
    html = check(editor_client, alliance, {"statement": "Améliorer la communication"})
    assert not any(met for met, _ in criteria(html).values())
    assert "améliorer" in html.lower()  # the general verb is pointed out


def test_the_assistant_suggests_dates_and_target_read_from_the_statement(
    editor_client, alliance, strategic
):
    html = check(
        editor_client,
        alliance,
        {
            "statement": SOURCE_EXAMPLE,
            "new_indicator_baseline": "400 000",
            "new_indicator_direction": "increase",
        },
    )
    assert 'data-fill="id_deadline" data-value="2026-06-30"' in html
    assert 'data-fill="id_start_date" data-value="2025-12-01"' in html
    assert 'data-fill="id_new_indicator_target" data-value="340000,00"' in html
    assert 'data-fill="id_new_indicator_direction" data-value="decrease"' in html
    assert 'data-fill="id_scope_who" data-value="5 associations membres"' in html


def test_an_objective_not_smart_yet_asks_for_confirmation_then_is_saved_with_a_warning(
    editor_client, alliance, strategic
):
    url = reverse("evaluation:operational_create", args=[alliance.pk, strategic.pk])
    data = {
        "strategic_objective": strategic.pk,
        "dimension": "communication",
        "statement": "Améliorer la communication",
        "scope_who": "Tout le monde",
        "new_indicator_direction": "increase",
    }

    first = editor_client.post(url, data)

    assert first.status_code == 200
    assert not OperationalObjective.objects.exists()
    html = first.content.decode()
    assert "Cet objectif remplit 0 critère SMART sur 5." in html
    assert 'name="save_anyway"' in html and "Enregistrer quand même" in html
    assert "Améliorer la communication" in html and 'value="Tout le monde"' in html

    second = editor_client.post(url, {**data, "save_anyway": "1"}, follow=True)

    objective = OperationalObjective.objects.get()
    assert (objective.statement, objective.scope_who) == (
        "Améliorer la communication",
        "Tout le monde",
    )
    assert not objective.assessment(alliance.vision).is_smart
    assert "pas encore SMART" in second.content.decode()


def test_a_smart_objective_is_saved_at_the_first_submit(
    editor_client, alliance, strategic, partner
):
    url = reverse("evaluation:operational_create", args=[alliance.pk, strategic.pk])

    response = editor_client.post(url, example_payload(strategic, partner))

    assert response.status_code == 302
    assert OperationalObjective.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (
            {"new_indicator_direction": "increase", "new_indicator_target": "340 000"},
            "target_below_baseline",
        ),
        (
            {"new_indicator_direction": "decrease", "new_indicator_target": "420 000"},
            "target_above_baseline",
        ),
    ],
)
def test_a_target_against_the_expected_direction_is_flagged(
    editor_client, alliance, strategic, partner, change, code
):
    html = check(editor_client, alliance, {**example_payload(strategic, partner), **change})

    assert criteria(html)["measurable"] == (False, code)


def test_a_date_of_the_statement_that_contradicts_the_deadline_is_flagged(
    editor_client, alliance, strategic, partner
):
    statement = SOURCE_EXAMPLE.replace("avant juillet 2026", "en juin 2027")
    data = {**example_payload(strategic, partner), "statement": statement, "deadline": "2029-06-30"}

    html = check(editor_client, alliance, data)

    assert criteria(html)["time_bound"] == (False, "deadline_contradicts_statement")
    assert "« juin 2027 »" in html and "30/06/2029" in html


def test_the_indicator_created_with_an_objective_follows_its_new_deadline_and_the_others_are_named(
    editor_client, alliance, strategic, partner
):
    create = reverse("evaluation:operational_create", args=[alliance.pk, strategic.pk])
    editor_client.post(create, example_payload(strategic, partner))
    objective = OperationalObjective.objects.get()
    created = Indicator.objects.get(created_with=objective)
    assert created.target_date == dt.date(2026, 6, 30)
    chosen = IndicatorFactory(
        alliance=alliance, name="Heures de bénévolat", target_date=dt.date(2026, 6, 30)
    )
    data = {
        **example_payload(strategic, partner),
        "new_indicator_name": "",
        "indicators": [created.pk, chosen.pk],
        "statement": SOURCE_EXAMPLE.replace("avant juillet 2026", "avant 2027"),
        "deadline": "2026-12-31",
    }

    response = editor_client.post(
        reverse("evaluation:operational_edit", args=[alliance.pk, objective.pk]), data, follow=True
    )

    created.refresh_from_db()
    chosen.refresh_from_db()
    assert created.target_date == dt.date(2026, 12, 31)
    assert created.history.latest().history_change_reason == (
        "L'échéance de l'objectif passe du 30/06/2026 au 31/12/2026."
    )
    assert chosen.target_date == dt.date(2026, 6, 30)
    html = response.content.decode()
    assert "suit la nouvelle échéance" in html and "garde sa date cible" in html
    assert "« Heures de bénévolat »" in html


def test_a_new_indicator_outside_its_range_is_refused_on_the_objective_form(
    editor_client, alliance, strategic, partner
):
    data = {
        **example_payload(strategic, partner),
        "new_indicator_unit": "%",
        "new_indicator_direction": "increase",
        "new_indicator_baseline": "60",
        "new_indicator_target": "140",
    }

    response = editor_client.post(
        reverse("evaluation:operational_create", args=[alliance.pk, strategic.pk]), data
    )

    assert "100" in response.context["form"].errors["new_indicator_target"][0]
    assert not OperationalObjective.objects.exists() and not Indicator.objects.exists()


def test_a_deadline_before_the_start_is_refused_next_to_the_field_and_nothing_is_lost(
    editor_client, alliance, strategic, partner
):
    url = reverse("evaluation:operational_create", args=[alliance.pk, strategic.pk])
    data = {**example_payload(strategic, partner), "deadline": "2025-06-30"}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "deadline" in form.errors
    html = response.content.decode()
    assert "Mutualisation de fonctions existantes" in html
    assert not OperationalObjective.objects.exists()


def test_the_saved_objective_is_assessed_again_on_its_edit_page(
    editor_client, alliance, strategic, partner
):
    url = reverse("evaluation:operational_create", args=[alliance.pk, strategic.pk])
    editor_client.post(url, example_payload(strategic, partner))
    objective = OperationalObjective.objects.get()
    response = editor_client.get(
        reverse("evaluation:operational_edit", args=[alliance.pk, objective.pk])
    )
    result = criteria(response.content.decode())
    assert all(met for met, _ in result.values()) and len(result) == 5


def test_a_reader_cannot_use_the_assistant(client, world, alliance):
    client.force_login(world.reader)
    response = client.post(reverse("evaluation:smart_check", args=[alliance.pk]), {})
    assert response.status_code == 403
