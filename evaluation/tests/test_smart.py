"""SMART assistant: the source's example passes, vague objectives are caught on the right criterion.

Pure tests: no database, no Django settings. They assert on codes, never on message text.
"""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from django.utils.functional import Promise
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluation.smart import (
    ACHIEVABLE,
    CRITERIA,
    DATE,
    DEADLINE,
    MEASURABLE,
    MESSAGES,
    REALISTIC,
    SPECIFIC,
    START,
    TIME_BOUND,
    IndicatorDraft,
    ObjectiveDraft,
    assess,
    contradicted_deadline,
    hints_from_statement,
    is_substantial_justification,
    is_vague_what,
    is_vague_who,
    target_from_percent,
)

HORIZON = (dt.date(2025, 1, 1), dt.date(2029, 12, 31))

SOURCE_STATEMENT = (
    "Réduire de 15 % les coûts administratifs des 5 associations membres de l'alliance avant "
    "juillet 2026 grâce à la mutualisation des services comptables, RH et communication dans un "
    "service commun opérationnel à partir du 1er décembre 2025"
)
# The wording of source 003 itself, with its typographic apostrophe.
SOURCE_STATEMENT_VERBATIM = (
    "Réduire de 15 % les coûts administratifs des 5 associations membres de l\u2019alliance avant "
    "juillet 2026 en mutualisant les fonctions comptabilité, RH et communication via la création "
    "d'un service partagé opérationnel au 1er décembre 2025"
)


def source_example() -> ObjectiveDraft:
    return ObjectiveDraft(
        statement=SOURCE_STATEMENT,
        scope_who="les 5 associations membres de l'alliance",
        scope_what=(
            "coûts administratifs réduits de 15 % par la mutualisation de la comptabilité, "
            "des RH et de la communication"
        ),
        partner_count=5,
        indicator=IndicatorDraft(
            name="Coûts administratifs cumulés",
            unit="€",
            baseline=Decimal("400000"),
            target=Decimal("340000"),
        ),
        start_date=dt.date(2025, 12, 1),
        deadline=dt.date(2026, 6, 30),
        achievable=True,
        achievable_justification="Mutualisation de fonctions qui existent déjà chez chaque membre",
        realistic=True,
        realistic_justification="7 mois de déploiement après l'ouverture du service commun",
    )


def with_indicator(**changes) -> ObjectiveDraft:
    draft = source_example()
    return dataclasses.replace(draft, indicator=dataclasses.replace(draft.indicator, **changes))


def only_failure(draft: ObjectiveDraft, horizon=HORIZON):
    """Assess ``draft`` and check that exactly one criterion fails; return that criterion."""
    assessment = assess(draft, *horizon)
    assert len(assessment.missing) == 1, assessment.missing
    return assessment[assessment.missing[0]]


# --- the source's example -----------------------------------------------------------------------


def test_source_example_is_fully_smart():
    assessment = assess(source_example(), *HORIZON)

    assert assessment.is_smart
    assert assessment.missing == []
    assert assessment.met_count == 5
    assert [c.key for c in assessment.criteria] == list(CRITERIA)
    assert all(c.code == "ok" and c.codes == () for c in assessment.criteria)


def test_source_example_is_smart_without_a_horizon_and_long_after_its_deadline():
    # The example is dated July 2026: a deadline in the past is not a SMART failure.
    assert assess(source_example()).is_smart


def test_every_criterion_carries_a_lazy_translatable_message():
    assessment = assess(ObjectiveDraft(statement="Améliorer la communication"))

    for criterion in assessment.criteria:
        assert isinstance(criterion.message, Promise)
        assert isinstance(criterion.label, Promise)


def test_every_message_key_names_a_known_criterion():
    assert {key for key, _code in MESSAGES} == set(CRITERIA)


# --- vague objectives, each caught on the right criterion ---------------------------------------


def test_ameliorer_la_communication_alone_misses_all_five_criteria():
    assessment = assess(ObjectiveDraft(statement="Améliorer la communication"), *HORIZON)

    assert not assessment.is_smart
    assert assessment.missing == list(CRITERIA)
    assert assessment[SPECIFIC].codes == ("missing_who", "missing_what")
    assert assessment[MEASURABLE].code == "no_indicator"
    assert assessment[ACHIEVABLE].code == "not_judged"
    assert assessment[REALISTIC].code == "not_judged"
    assert assessment[TIME_BOUND].code == "no_deadline"


def test_ameliorer_la_communication_as_what_changes_is_vague():
    draft = dataclasses.replace(source_example(), scope_what="Améliorer la communication")

    failed = only_failure(draft)

    assert (failed.key, failed.code) == (SPECIFIC, "vague_what")


def test_missing_who_is_caught_on_specific():
    failed = only_failure(dataclasses.replace(source_example(), scope_who="  "))

    assert (failed.key, failed.code) == (SPECIFIC, "missing_who")


def test_everyone_as_who_is_caught_as_vague():
    failed = only_failure(dataclasses.replace(source_example(), scope_who="tout le monde"))

    assert (failed.key, failed.code) == (SPECIFIC, "vague_who")


def test_missing_what_is_caught_on_specific():
    failed = only_failure(dataclasses.replace(source_example(), scope_what=""))

    assert (failed.key, failed.code) == (SPECIFIC, "missing_what")


def test_missing_indicator_is_caught_on_measurable():
    failed = only_failure(dataclasses.replace(source_example(), indicator=None))

    assert (failed.key, failed.code) == (MEASURABLE, "no_indicator")


def test_indicator_without_unit_is_caught_on_measurable():
    failed = only_failure(with_indicator(unit=""))

    assert (failed.key, failed.code) == (MEASURABLE, "no_unit")


def test_indicator_without_name_is_caught_on_measurable():
    failed = only_failure(with_indicator(name=" "))

    assert (failed.key, failed.code) == (MEASURABLE, "no_indicator_name")


def test_indicator_without_baseline_is_caught_on_measurable():
    failed = only_failure(with_indicator(baseline=None))

    assert (failed.key, failed.code) == (MEASURABLE, "no_baseline")


def test_indicator_without_numeric_target_is_caught_on_measurable():
    failed = only_failure(with_indicator(target=None))

    assert (failed.key, failed.code) == (MEASURABLE, "no_numeric_target")


def test_non_finite_target_counts_as_no_numeric_target():
    failed = only_failure(with_indicator(target=Decimal("NaN")))

    assert failed.code == "no_numeric_target"


def test_target_equal_to_baseline_is_caught_on_measurable():
    failed = only_failure(with_indicator(baseline=Decimal("400000"), target=Decimal("400000.00")))

    assert (failed.key, failed.code) == (MEASURABLE, "target_equals_baseline")


def test_bare_indicator_lists_every_missing_piece_in_order():
    draft = dataclasses.replace(source_example(), indicator=IndicatorDraft(name="Coûts"))

    measurable = assess(draft, *HORIZON)[MEASURABLE]

    assert measurable.code == "no_unit"
    assert measurable.codes == ("no_unit", "no_baseline", "no_numeric_target")


def test_deadline_after_the_horizon_is_caught_on_time_bound():
    draft = dataclasses.replace(source_example(), deadline=dt.date(2030, 6, 30))

    failed = only_failure(draft)

    assert (failed.key, failed.code) == (TIME_BOUND, "deadline_after_horizon")


def test_deadline_on_the_last_day_of_the_horizon_is_accepted():
    statement = SOURCE_STATEMENT.replace("avant juillet 2026", "d'ici fin 2029")
    draft = dataclasses.replace(source_example(), statement=statement, deadline=HORIZON[1])

    assert assess(draft, *HORIZON).is_smart


def test_deadline_before_the_horizon_is_caught_on_time_bound():
    draft = dataclasses.replace(source_example(), start_date=None, deadline=dt.date(2024, 6, 30))

    failed = only_failure(draft)

    assert (failed.key, failed.code) == (TIME_BOUND, "deadline_before_horizon")


def test_missing_deadline_is_caught_on_time_bound():
    failed = only_failure(dataclasses.replace(source_example(), deadline=None))

    assert (failed.key, failed.code) == (TIME_BOUND, "no_deadline")


@pytest.mark.parametrize("deadline", [dt.date(2025, 11, 1), dt.date(2025, 12, 1)])
def test_deadline_not_after_the_start_is_caught_on_time_bound(deadline):
    failed = only_failure(dataclasses.replace(source_example(), deadline=deadline))

    assert (failed.key, failed.code) == (TIME_BOUND, "deadline_before_start")


def test_judged_achievable_without_justification_is_caught_on_achievable():
    draft = dataclasses.replace(source_example(), achievable_justification="oui")

    failed = only_failure(draft)

    assert (failed.key, failed.code) == (ACHIEVABLE, "no_justification")


def test_achievable_not_judged_is_caught_on_achievable():
    draft = dataclasses.replace(source_example(), achievable=None)

    failed = only_failure(draft)

    assert (failed.key, failed.code) == (ACHIEVABLE, "not_judged")


def test_judged_not_achievable_is_caught_even_with_a_justification():
    failed = only_failure(dataclasses.replace(source_example(), achievable=False))

    assert (failed.key, failed.code) == (ACHIEVABLE, "judged_not_achievable")


def test_judged_not_realistic_is_caught_on_realistic():
    failed = only_failure(dataclasses.replace(source_example(), realistic=False))

    assert (failed.key, failed.code) == (REALISTIC, "judged_not_realistic")


def test_realistic_with_a_filler_justification_is_caught_on_realistic():
    draft = dataclasses.replace(source_example(), realistic_justification="oui oui oui oui oui")

    failed = only_failure(draft)

    assert (failed.key, failed.code) == (REALISTIC, "no_justification")


# --- the vagueness rules themselves -------------------------------------------------------------


@pytest.mark.parametrize(
    "what",
    [
        "Améliorer la communication",
        "Développer les partenariats locaux",
        "Renforcer la coopération",
        "Favoriser les échanges",
        "Optimiser le fonctionnement",
        "Faire bouger les choses",
        "Mieux travailler ensemble",
        "Renforcer la visibilité de l'alliance",
        "Amélioration de la communication interne",
        "LA COMMUNICATION",
        "Formations",
        "...",
    ],
)
def test_vague_what_is_detected(what):
    assert is_vague_what(what)


@pytest.mark.parametrize(
    "what",
    [
        "Former 30 bénévoles à l'accueil des familles",
        "Mutualiser la comptabilité des membres",
        "Ouvrir une permanence juridique hebdomadaire",
        "Améliorer l'accueil des familles",
        "Doubler le nombre de bénévoles",
        "Améliorer de 10 % la communication",
        "Recruter bénévoles",
    ],
)
def test_precise_what_is_accepted(what):
    assert not is_vague_what(what)


@pytest.mark.parametrize(
    "who", ["tout le monde", "le public", "les bénéficiaires", "nous", "les personnes concernées"]
)
def test_vague_who_is_detected(who):
    assert is_vague_who(who, partner_count=3)


@pytest.mark.parametrize(
    "who",
    [
        "les jeunes du quartier Bellevue",
        "les bénévoles",
        "les 5 associations membres de l'alliance",
    ],
)
def test_precise_who_is_accepted(who):
    assert not is_vague_who(who)


def test_the_partners_are_precise_only_once_partners_are_selected():
    assert is_vague_who("les partenaires", partner_count=0)
    assert not is_vague_who("les partenaires", partner_count=2)
    assert not is_vague_who("les membres de l'alliance", partner_count=3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", False),
        ("oui", False),
        ("c'est ok ça", False),  # 3 words but under 15 characters
        ("oui oui oui oui oui", False),  # 15 characters but one word
        ("7 mois de déploiement", True),
        ("Deux salariés détachés à mi-temps", True),
    ],
)
def test_justification_needs_a_few_meaningful_words(text, expected):
    assert is_substantial_justification(text) is expected


@settings(database=None, max_examples=200, deadline=None)
@given(
    statement=st.text(max_size=80),
    who=st.text(max_size=40),
    what=st.text(max_size=40),
    partner_count=st.integers(min_value=0, max_value=20),
    baseline=st.none() | st.decimals(allow_nan=True, allow_infinity=True),
    target=st.none() | st.decimals(allow_nan=True, allow_infinity=True),
    deadline=st.none() | st.dates(),
    achievable=st.none() | st.booleans(),
    justification=st.text(max_size=40),
)
def test_any_draft_gets_five_results_and_hints_never_fail(
    statement, who, what, partner_count, baseline, target, deadline, achievable, justification
):
    draft = ObjectiveDraft(
        statement=statement,
        scope_who=who,
        scope_what=what,
        partner_count=partner_count,
        indicator=IndicatorDraft("Indicateur", "€", baseline, target),
        deadline=deadline,
        achievable=achievable,
        achievable_justification=justification,
    )

    assessment = assess(draft, *HORIZON)
    hints_from_statement(statement)

    assert [c.key for c in assessment.criteria] == list(CRITERIA)
    assert all(c.met == (c.code == "ok") for c in assessment.criteria)
    assert all(c.met or c.codes[0] == c.code for c in assessment.criteria)


# --- hints from the free statement --------------------------------------------------------------


@pytest.mark.parametrize("statement", [SOURCE_STATEMENT, SOURCE_STATEMENT_VERBATIM])
def test_hints_from_the_source_example(statement):
    hints = hints_from_statement(statement)

    assert hints.action_verb == "réduire"
    assert hints.direction == "decrease"
    assert not hints.vague_verb
    assert hints.percentages == (Decimal("15"),)
    assert [(c.value, c.noun, c.phrase) for c in hints.counts] == [
        (Decimal("5"), "associations", "associations membres")
    ]
    assert hints.deadline == dt.date(2026, 6, 30)  # « avant juillet 2026 »
    assert hints.start == dt.date(2025, 12, 1)  # « 1er décembre 2025 »
    assert [(d.role, d.text) for d in hints.dates] == [
        (DEADLINE, "juillet 2026"),
        (START, "1er décembre 2025"),
    ]


def test_hints_let_the_ui_compute_the_source_examples_target():
    hints = hints_from_statement(SOURCE_STATEMENT)

    target = target_from_percent(Decimal("400000"), hints.percentages[0], hints.direction)

    assert target == Decimal("340000.00")


def test_target_from_percent_for_an_increase_rounds_to_cents():
    assert target_from_percent(Decimal("333"), Decimal("12.5"), "increase") == Decimal("374.63")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 %", Decimal("15")),
        ("15%", Decimal("15")),
        ("15\u202f%", Decimal("15")),
        ("15 pour cent", Decimal("15")),
        ("12,5 %", Decimal("12.5")),
    ],
)
def test_percentages_in_their_french_spellings(text, expected):
    assert hints_from_statement(f"Augmenter de {text} les adhésions").percentages == (expected,)


@pytest.mark.parametrize(
    ("phrase", "role", "expected"),
    [
        ("avant juillet 2026", DEADLINE, dt.date(2026, 6, 30)),
        ("d'ici juillet 2026", DEADLINE, dt.date(2026, 7, 31)),
        ("fin juillet 2026", DEADLINE, dt.date(2026, 7, 31)),
        ("d'ici le 30/06/2026", DEADLINE, dt.date(2026, 6, 30)),
        ("au plus tard le 15 mars 2026", DEADLINE, dt.date(2026, 3, 15)),
        ("avant le 1er juillet 2026", DEADLINE, dt.date(2026, 7, 1)),
        ("au 1er décembre 2025", DEADLINE, dt.date(2025, 12, 1)),
        ("fin 2026", DEADLINE, dt.date(2026, 12, 31)),
        ("d'ici 2027", DEADLINE, dt.date(2027, 12, 31)),
        ("avant 2027", DEADLINE, dt.date(2026, 12, 31)),
        ("d'ici la fin du premier semestre 2026", DEADLINE, dt.date(2026, 6, 30)),
        ("d'ici le T3 2026", DEADLINE, dt.date(2026, 9, 30)),
        ("à partir du 1er décembre 2025", START, dt.date(2025, 12, 1)),
        ("à compter de septembre 2025", START, dt.date(2025, 9, 1)),
        ("dès début 2026", START, dt.date(2026, 1, 1)),
        ("le 15 mars 2026", DATE, dt.date(2026, 3, 15)),
        ("mi-juillet 2026", DATE, dt.date(2026, 7, 15)),
    ],
)
def test_french_dates_get_a_role_and_a_day(phrase, role, expected):
    hints = hints_from_statement(f"Former 30 bénévoles {phrase}")

    assert [(d.role, d.value) for d in hints.dates] == [(role, expected)]


def test_an_operational_service_date_is_read_as_the_start():
    hints = hints_from_statement("Service commun opérationnel au 1er décembre 2025")

    assert hints.start == dt.date(2025, 12, 1)
    assert hints.deadline is None


def test_an_unmarked_date_after_the_start_is_offered_as_the_deadline():
    hints = hints_from_statement("Organiser un forum le 15 mars 2026 à partir de janvier 2026")

    assert hints.start == dt.date(2026, 1, 1)
    assert hints.deadline == dt.date(2026, 3, 15)


def test_impossible_dates_are_ignored():
    assert hints_from_statement("Former 30 bénévoles d'ici le 31/02/2026").dates == ()


def test_amounts_in_euros_are_found_and_not_counted():
    hints = hints_from_statement("Porter le budget à 340 000 € et lever 15 k€ de mécénat")

    assert hints.amounts == (Decimal("340000"), Decimal("15000"))
    assert hints.counts == ()


def test_a_vague_statement_gives_its_verb_and_nothing_else():
    hints = hints_from_statement("Améliorer la communication")

    assert hints.action_verb == "améliorer"
    assert hints.vague_verb
    assert hints.direction is None
    assert (hints.percentages, hints.counts, hints.dates) == ((), (), ())
    assert (hints.start, hints.deadline) == (None, None)


@pytest.mark.parametrize(
    ("statement", "verb"),
    [
        ("« Sensibiliser 200 jeunes au tri »", "sensibiliser"),
        ("S'engager auprès des familles", "engager"),
        ("Notre objectif : réduire les coûts", None),
        ("Atelier mensuel", None),
        ("", None),
    ],
)
def test_action_verb_at_the_start(statement, verb):
    assert hints_from_statement(statement).action_verb == verb


# --- the target against the expected direction -------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "code"),
    [
        ("increase", Decimal("40"), Decimal("30"), "target_below_baseline"),
        ("decrease", Decimal("400000"), Decimal("420000"), "target_above_baseline"),
    ],
)
def test_a_target_on_the_wrong_side_of_the_baseline_is_caught_on_measurable(
    direction, baseline, target, code
):
    draft = with_indicator(direction=direction, baseline=baseline, target=target)

    failed = only_failure(draft)

    assert (failed.key, failed.code) == (MEASURABLE, code)


@pytest.mark.parametrize(
    ("direction", "baseline", "target"),
    [
        ("increase", Decimal("0"), Decimal("40")),
        ("decrease", Decimal("400000"), Decimal("340000")),
        (None, Decimal("400000"), Decimal("420000")),  # no direction said: nothing to compare
    ],
)
def test_a_target_on_the_side_of_its_direction_is_measurable(direction, baseline, target):
    draft = with_indicator(direction=direction, baseline=baseline, target=target)

    assert assess(draft, *HORIZON)[MEASURABLE].met


# --- a date of the statement that the deadline contradicts --------------------------------------


@pytest.mark.parametrize(
    ("statement", "deadline", "written"),
    [
        ("Accueillir 300 familles en juin 2027", dt.date(2032, 6, 30), "juin 2027"),
        ("Former 40 bénévoles d'ici juin 2027", dt.date(2027, 7, 1), "juin 2027"),
        ("Former 40 bénévoles avant juillet 2026", dt.date(2026, 7, 1), "juillet 2026"),
        ("Ouvrir le guichet au 31/12/2026", dt.date(2027, 1, 31), "31/12/2026"),
        ("Ouvrir le guichet au 1er décembre 2026", dt.date(2026, 12, 2), "1er décembre 2026"),
        ("Doubler les dons d'ici 2028", dt.date(2029, 3, 31), "2028"),
        ("Tenir 10 comités en 2027", dt.date(2026, 12, 31), "2027"),
        ("Recruter 2 salariés fin 2026", dt.date(2027, 3, 31), "fin 2026"),
        ("Recruter 2 salariés au T2 2027", dt.date(2027, 9, 30), "T2 2027"),
        ("Publier le rapport en févr. 2027", dt.date(2027, 3, 1), "févr. 2027"),
        ("Publier le rapport en aout 2027", dt.date(2027, 9, 1), "aout 2027"),
        ("Publier le rapport en août 2027", dt.date(2027, 9, 1), "août 2027"),
        ("Réduire les coûts de 15 % d'ici Décembre 2026", dt.date(2027, 1, 1), "Décembre 2026"),
        # Two deadlines: the latest is named.
        (
            "Former 20 bénévoles d'ici mars 2026 et 40 d'ici juin 2027",
            dt.date(2028, 1, 1),
            "juin 2027",
        ),
    ],
)
def test_a_deadline_outside_the_period_the_statement_names_is_caught(statement, deadline, written):
    draft = dataclasses.replace(
        source_example(), statement=statement, start_date=None, deadline=deadline
    )

    contradicted = contradicted_deadline(statement, deadline)
    time_bound = assess(draft)[TIME_BOUND]

    assert contradicted is not None and contradicted.text == written
    assert (time_bound.met, time_bound.code) == (False, "deadline_contradicts_statement")


@pytest.mark.parametrize(
    ("statement", "deadline"),
    [
        ("Accueillir 300 familles en juin 2027", dt.date(2027, 6, 30)),
        ("Accueillir 300 familles en juin 2027", dt.date(2027, 6, 1)),
        ("Former 40 bénévoles avant juillet 2026", dt.date(2026, 6, 30)),
        ("Former 40 bénévoles avant juillet 2026", dt.date(2026, 3, 31)),
        ("Ouvrir le guichet au 31/12/2026", dt.date(2026, 12, 31)),
        ("Doubler les dons d'ici 2028", dt.date(2028, 9, 30)),
        ("Recruter 2 salariés fin 2026", dt.date(2026, 11, 30)),
        ("Recruter 2 salariés mi-2027", dt.date(2027, 6, 30)),
        ("Recruter 2 salariés au deuxième semestre 2027", dt.date(2027, 12, 31)),
        ("Former 20 bénévoles d'ici mars 2026 et 40 d'ici juin 2027", dt.date(2027, 6, 30)),
        # A start is not a deadline, and a statement without a date contradicts nothing.
        ("Un service commun opérationnel à partir du 1er décembre 2025", dt.date(2026, 6, 30)),
        ("Réduire les coûts administratifs des membres", dt.date(2032, 6, 30)),
        (SOURCE_STATEMENT, dt.date(2026, 6, 30)),
        (SOURCE_STATEMENT_VERBATIM, dt.date(2026, 6, 30)),
    ],
)
def test_a_deadline_within_the_period_the_statement_names_agrees_with_it(statement, deadline):
    assert contradicted_deadline(statement, deadline) is None


def test_the_contradiction_message_quotes_the_statement_and_the_deadline():
    draft = dataclasses.replace(
        source_example(),
        statement="Accueillir 300 familles en juin 2027",
        start_date=None,
        deadline=dt.date(2032, 6, 30),
    )

    message = assess(draft)[TIME_BOUND].message

    assert isinstance(message, Promise)
    assert "juin 2027" in str(message) and "30/06/2032" in str(message)
