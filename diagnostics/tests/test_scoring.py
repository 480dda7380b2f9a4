"""Unit and property tests of the self-diagnostic scoring (rules: shared/domain/diagnostic.md)."""

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diagnostics.scoring import (
    MIN_GROUP_SIZE,
    AxisSpec,
    Band,
    Quartiles,
    axis_specs_from_questionnaire,
    band_for,
    evolution,
    maturity_level_for,
    network_median,
    one_decimal,
    percent_for,
    quartiles,
    score_campaign,
)

D = Decimal
V1_PATH = Path(__file__).resolve().parent.parent / "questionnaires" / "v1.json"
V1 = json.loads(V1_PATH.read_text(encoding="utf-8"))
AXES = axis_specs_from_questionnaire(V1)
ALL_CODES = [code for spec in AXES for code in spec.statement_codes]


def statement_answers(code, *values):
    """One respondent per value, all answering the same statement."""
    return {f"r{i}": {code: value} for i, value in enumerate(values)}


def merge(*answer_sets):
    merged = {}
    for answers in answer_sets:
        for respondent, given_answers in answers.items():
            merged.setdefault(respondent, {}).update(given_answers)
    return merged


def one_respondent(axis_values):
    """A single respondent; axis_values maps an axis code to its 5 (or fewer) answers."""
    answers = {}
    for spec in AXES:
        for code, value in zip(spec.statement_codes, axis_values.get(spec.code, ()), strict=False):
            answers[code] = value
    return {"solo": answers}


# --- The questionnaire file ------------------------------------------------------------------


def test_questionnaire_v1_has_eight_axes_of_five_statements():
    assert V1["version"] == "v1"
    assert [axis["code"] for axis in V1["axes"]] == [f"A{i}" for i in range(1, 9)]
    for axis in V1["axes"]:
        codes = [statement["code"] for statement in axis["statements"]]
        assert codes == [f"{axis['code']}.{i}" for i in range(1, 6)]
        assert all(statement["text"].strip() for statement in axis["statements"])
        assert axis["title"]
        assert axis["description"]


def test_questionnaire_v1_has_a_recommendation_per_band_and_a_known_help_link():
    targets = {f"alliance_step_{i}" for i in range(1, 6)} | {
        "alliance_action_plan",
        "alliance_economic_model",
        "evaluation_objectives",
        "evaluation_indicators",
        "partners_directory",
    }
    for axis in V1["axes"]:
        assert set(axis["recommendations"]) == {band.value for band in Band}
        assert all(text.strip() for text in axis["recommendations"].values())
        assert axis["help_link"] in targets


def test_questionnaire_v1_scale_bands_and_levels_match_the_scoring_rules():
    scale = V1["answer_scale"]
    assert [item["value"] for item in scale["values"]] == [1, 2, 3, 4, 5]
    assert scale["dont_know"]["label"] == "Je ne sais pas / non concerné"
    assert {code: band["label"] for code, band in V1["bands"].items()} == {
        "priority": "Prioritaire",
        "consolidate": "À consolider",
        "strength": "Point fort",
    }
    for band in V1["bands"].values():
        for bound in (band["min"], band["max"]):
            if bound is not None:
                assert band_for(D(bound)).value in V1["bands"]
    for code, band in V1["bands"].items():
        if band["min"] is not None:
            assert band_for(D(band["min"])) == code
        if band["max"] is not None:
            assert band_for(D(band["max"])) == code
    names = [level["name"] for level in V1["maturity_levels"]]
    assert names == [
        "Premiers pas",
        "En structuration",
        "Partenariats établis",
        "Stratégie d'alliances",
    ]
    for level in V1["maturity_levels"]:
        for bound in (level["min"], level["max"]):
            if bound is not None:
                assert maturity_level_for(D(bound)) == level["level"]


def test_axis_specs_are_read_from_the_questionnaire_file_in_order():
    assert AXES[0] == AxisSpec("A1", ("A1.1", "A1.2", "A1.3", "A1.4", "A1.5"))
    assert len(ALL_CODES) == 40


# --- Statements ------------------------------------------------------------------------------


def test_a_statement_value_is_the_mean_of_its_respondents_numeric_answers():
    result = score_campaign(AXES, statement_answers("A1.1", 2, 4, 5))
    statement = result.axis("A1").statements[0]
    assert D("3.6666") < statement.mean < D("3.6667")  # 11/3
    assert statement.display_mean == D("3.7")
    assert (statement.n_numeric, statement.min, statement.max) == (3, 2, 5)


def test_dont_know_answers_are_left_out_of_the_statement_mean_and_counted_apart():
    result = score_campaign(AXES, statement_answers("A1.1", 2, None, 4, None))
    statement = result.axis("A1").statements[0]
    assert statement.mean == D(3)
    assert statement.n_numeric == 2
    assert statement.n_dont_know == 2


def test_a_statement_with_only_dont_know_answers_is_not_answered():
    result = score_campaign(AXES, statement_answers("A1.1", None, None))
    statement = result.axis("A1").statements[0]
    assert not statement.answered
    assert statement.mean is None
    assert statement.n_dont_know == 2
    assert result.axis("A1").answered_count == 0


def test_a_statement_nobody_has_reached_yet_is_not_answered_and_counts_nothing():
    statement = score_campaign(AXES, {"r1": {}}).axis("A1").statements[0]
    assert (statement.answered, statement.n_numeric, statement.n_dont_know) == (False, 0, 0)


# --- Axes ------------------------------------------------------------------------------------


def test_dont_know_answers_are_left_out_of_the_axis_mean():
    answers = one_respondent({"A1": [2, 4, None, 3, None]})
    axis = score_campaign(AXES, answers).axis("A1")
    assert axis.answered_count == 3
    assert axis.score == D(3)
    assert axis.statements[2].n_dont_know == 1


def test_the_axis_score_is_the_mean_of_statement_means_not_of_all_answers():
    # A1.1 answered by three people (mean 2), A1.2 and A1.3 by one (5 each):
    # statement means 2, 5, 5 -> 4.0, whereas the mean of the five answers would be 3.2.
    answers = merge(statement_answers("A1.1", 1, 2, 3), {"r0": {"A1.2": 5, "A1.3": 5}})
    assert score_campaign(AXES, answers).axis("A1").score == D(4)


def test_an_axis_with_only_two_of_five_statements_answered_is_not_scored():
    axis = score_campaign(AXES, one_respondent({"A1": [4, 5, None, None, None]})).axis("A1")
    assert axis.answered_count == 2
    assert not axis.is_scored
    assert (axis.score, axis.display_score, axis.percent, axis.band) == (None, None, None, None)


def test_an_axis_with_three_of_five_statements_answered_is_scored():
    axis = score_campaign(AXES, one_respondent({"A1": [4, 5, 3]})).axis("A1")
    assert axis.is_scored
    assert axis.display_score == D("4.0")
    assert axis.percent == 75
    assert axis.band is Band.STRENGTH


@pytest.mark.parametrize(
    ("score", "displayed", "band"),
    [
        ("1.0", "1.0", Band.PRIORITY),
        ("2.94", "2.9", Band.PRIORITY),
        ("2.9", "2.9", Band.PRIORITY),
        ("2.95", "3.0", Band.CONSOLIDATE),
        ("3.0", "3.0", Band.CONSOLIDATE),
        ("3.94", "3.9", Band.CONSOLIDATE),
        ("3.95", "4.0", Band.STRENGTH),
        ("4.0", "4.0", Band.STRENGTH),
        ("5.0", "5.0", Band.STRENGTH),
    ],
)
def test_bands_are_read_on_the_displayed_score(score, displayed, band):
    assert one_decimal(D(score)) == D(displayed)
    assert band_for(D(score)) is band
    assert band_for(D(displayed)) is band


def test_an_axis_mean_of_2_94_displays_2_9_and_is_a_priority():
    # Four statements at 3 and one at 27/10 (ten respondents): (12 + 2.7) / 5 = 2.94.
    answers = merge(
        statement_answers("A1.5", 3, 3, 3, 3, 3, 3, 3, 2, 2, 2),
        {"r0": {"A1.1": 3, "A1.2": 3, "A1.3": 3, "A1.4": 3}},
    )
    axis = score_campaign(AXES, answers).axis("A1")
    assert axis.score == D("2.94")
    assert (axis.display_score, axis.band) == (D("2.9"), Band.PRIORITY)


def test_an_axis_mean_of_2_95_displays_3_0_and_is_to_consolidate():
    # Three statements at 3 and one at 14/5 (five respondents): (9 + 2.8) / 4 = 2.95.
    answers = merge(
        statement_answers("A2.4", 3, 3, 3, 3, 2),
        {"r0": {"A2.1": 3, "A2.2": 3, "A2.3": 3}},
    )
    axis = score_campaign(AXES, answers).axis("A2")
    assert axis.score == D("2.95")
    assert (axis.display_score, axis.band, axis.percent) == (D("3.0"), Band.CONSOLIDATE, 50)


def test_an_axis_mean_of_3_95_displays_4_0_and_is_a_strength():
    # Four statements at 4 and one at 15/4 (four respondents): (16 + 3.75) / 5 = 3.95.
    answers = merge(
        statement_answers("A3.5", 4, 4, 4, 3),
        {"r0": {"A3.1": 4, "A3.2": 4, "A3.3": 4, "A3.4": 4}},
    )
    axis = score_campaign(AXES, answers).axis("A3")
    assert axis.score == D("3.95")
    assert (axis.display_score, axis.band, axis.percent) == (D("4.0"), Band.STRENGTH, 75)


def test_an_exact_3_95_is_not_lost_to_decimal_precision():
    # Statement means 33/7, 4, 19/4, 11/7, 33/7: exactly 3.95. Summed as 28-digit Decimals they
    # give 3.9499…98, which would display 3.9 and wrongly read « à consolider ».
    answers = merge(
        statement_answers("A1.1", 5, 5, 5, 5, 5, 4, 4),
        statement_answers("A1.2", 4, 4, 4, 4, 4, 4, None),
        statement_answers("A1.3", 5, 5, 5, 4),
        statement_answers("A1.4", 1, 1, 1, 2, 2, 2, 2),
        statement_answers("A1.5", 5, 5, 5, 5, 5, 4, 4),
    )
    axis = score_campaign(AXES, answers).axis("A1")
    assert axis.display_score == D("4.0")
    assert axis.band is Band.STRENGTH


@pytest.mark.parametrize(
    ("displayed", "percent"),
    [("1.0", 0), ("2.1", 28), ("2.9", 48), ("3.0", 50), ("3.4", 60), ("4.3", 83), ("5.0", 100)],
)
def test_the_percentage_is_read_on_the_displayed_score_and_rounded_half_up(displayed, percent):
    assert percent_for(D(displayed)) == percent


def test_the_percentage_of_an_unrounded_score_uses_its_displayed_value():
    # 2.86 displays 2.9 -> 47.5 -> 48, where the raw value would give 46.5 -> 47.
    assert percent_for(D("2.86")) == 48


# --- Overall score and maturity -------------------------------------------------------------


@pytest.mark.parametrize(
    ("overall", "level"),
    [
        ("1.0", 1),
        ("2.4", 1),
        ("2.44", 1),
        ("2.45", 2),
        ("2.5", 2),
        ("3.2", 2),
        ("3.25", 3),
        ("3.3", 3),
        ("3.9", 3),
        ("3.94", 3),
        ("3.95", 4),
        ("4.0", 4),
        ("5.0", 4),
    ],
)
def test_maturity_levels_are_read_on_the_displayed_overall_score(overall, level):
    assert maturity_level_for(D(overall)) == level


def test_the_overall_score_is_the_mean_of_the_scored_axes_unrounded_scores():
    answers = one_respondent(
        {
            "A1": [2, 2, 3],  # 7/3, displayed 2.3
            "A2": [3, 3, 2],  # 8/3, displayed 2.7
            "A3": [2, 2, 2, 3],  # 9/4, displayed 2.3
            "A4": [2, 3, 2, 3],  # 5/2
            "A5": [2, 3, 2, 3],  # 5/2
            "A6": [5, 5],  # not scored: left out
        }
    )
    result = score_campaign(AXES, answers)
    # (7/3 + 8/3 + 9/4 + 5/2 + 5/2) / 5 = 12.25 / 5 = 2.45 exactly, whereas the displayed axis
    # scores would give (2.3 + 2.7 + 2.3 + 2.5 + 2.5) / 5 = 2.46.
    assert result.overall == D("2.45")
    assert result.display_overall == D("2.5")
    assert result.maturity_level == 2


def test_the_overall_score_needs_five_scored_axes():
    four = {code: [4, 4, 4, 4, 4] for code in ("A1", "A2", "A3", "A4")}
    result = score_campaign(AXES, one_respondent(four))
    assert (result.overall, result.display_overall, result.maturity_level) == (None, None, None)
    assert [axis.code for axis in result.missing_axes] == ["A5", "A6", "A7", "A8"]

    five = {**four, "A5": [4, 4, 3]}
    result = score_campaign(AXES, one_respondent(five))
    # (4 + 4 + 4 + 4 + 11/3) / 5 = 59/15 = 3.933…
    assert D("3.9333") < result.overall < D("3.9334")
    assert (result.display_overall, result.maturity_level) == (D("3.9"), 3)
    assert [axis.code for axis in result.missing_axes] == ["A6", "A7", "A8"]


def test_the_overall_score_with_five_axes_reads_its_level_on_the_display():
    answers = one_respondent({code: [3, 3, 4, 3, 3] for code in ("A1", "A2", "A3", "A4", "A5")})
    result = score_campaign(AXES, answers)
    assert result.overall == D("3.2")
    assert (result.display_overall, result.maturity_level) == (D("3.2"), 2)
    assert len(result.scored_axes) == 5
    assert [axis.code for axis in result.missing_axes] == ["A6", "A7", "A8"]


def test_priorities_are_the_priority_axes_weakest_first():
    answers = one_respondent(
        {
            "A1": [2, 2, 2, 2, 2],
            "A2": [1, 1, 1, 1, 2],
            "A3": [4, 4, 4, 4, 4],
            "A4": [3, 3, 3, 3, 3],
            "A5": [5, 5, 5, 5, 4],
            "A6": [2, 2, 2, 2, 2],
        }
    )
    result = score_campaign(AXES, answers)
    assert [axis.code for axis in result.priorities] == ["A2", "A1", "A6"]
    assert [axis.code for axis in result.strengths] == ["A5", "A3"]


def test_the_respondent_count_is_the_number_of_respondents():
    assert score_campaign(AXES, statement_answers("A1.1", 1, 2, 3)).respondent_count == 3


# --- Points de discussion -------------------------------------------------------------------


def test_answers_two_points_apart_are_a_discussion_point():
    statement = score_campaign(AXES, statement_answers("A1.1", 2, 4)).axis("A1").statements[0]
    assert statement.spread == 2
    assert statement.is_discussion_point


def test_answers_one_point_apart_are_not_a_discussion_point():
    statement = score_campaign(AXES, statement_answers("A1.1", 3, 4, 4)).axis("A1").statements[0]
    assert not statement.is_discussion_point


def test_a_dont_know_answer_does_not_make_a_discussion_point():
    statement = score_campaign(AXES, statement_answers("A1.1", 3, None, 4)).axis("A1").statements[0]
    assert statement.spread == 1
    assert not statement.is_discussion_point


def test_a_single_respondent_never_makes_a_discussion_point():
    result = score_campaign(AXES, one_respondent({code: [1, 5, 1, 5, 1] for code in ("A1", "A2")}))
    assert result.discussion_points == ()


def test_discussion_points_are_listed_in_questionnaire_order():
    answers = merge(
        statement_answers("A4.2", 1, 5),
        statement_answers("A1.3", 2, 5),
        statement_answers("A2.1", 3, 4),
    )
    result = score_campaign(AXES, answers)
    assert [statement.code for statement in result.discussion_points] == ["A1.3", "A4.2"]


# --- Invalid input --------------------------------------------------------------------------


@pytest.mark.parametrize("value", [0, 6, True, 3.0, "3"])
def test_an_answer_outside_the_scale_is_refused(value):
    with pytest.raises(ValueError, match=r"A1\.1"):
        score_campaign(AXES, {"r1": {"A1.1": value}})


def test_an_answer_to_an_unknown_statement_is_refused():
    with pytest.raises(ValueError, match=r"A9\.1"):
        score_campaign(AXES, {"r1": {"A9.1": 3}})


# --- Network comparison ---------------------------------------------------------------------


def test_the_minimum_group_size_is_five():
    assert MIN_GROUP_SIZE == 5


def test_the_network_median_is_hidden_with_four_contributors():
    assert network_median([D("2.0"), D("3.0"), D("4.0"), D("5.0")]) is None


def test_the_network_median_is_shown_with_five_contributors():
    assert network_median([D("4.0"), D("2.0"), D("3.5"), D("1.0"), D("5.0")]) == D("3.5")


def test_members_whose_axis_is_not_scored_do_not_count_towards_the_network_median():
    values = [D("1.0"), None, D("2.0"), D("3.0"), None, D("4.0")]
    assert network_median(values) is None
    assert network_median([*values, D("5.0")]) == D("3.0")


def test_the_network_median_of_an_even_count_is_the_mean_of_the_middle_two_unrounded():
    values = [D("1.0"), D("2.0"), D("2.44"), D("2.46"), D("4.0"), D("5.0")]
    median = network_median(values)
    assert median == D("2.45")
    assert one_decimal(median) == D("2.5")


def test_quartiles_follow_the_inclusive_method_and_the_group_size_rule():
    values = [D(v) for v in ("1.0", "2.0", "3.0", "4.0", "5.0")]
    assert quartiles(values) == Quartiles(q1=D(2), median=D(3), q3=D(4), count=5)
    assert quartiles([*values[:4], None]) is None
    six = quartiles([*values, D("6.0")])
    assert (six.q1, six.median, six.q3) == (D("2.25"), D("3.5"), D("4.75"))


# --- Evolution ------------------------------------------------------------------------------


def test_evolution_compares_displayed_axis_and_overall_scores():
    previous = score_campaign(
        AXES, one_respondent({code: [3, 3, 3, 3, 2] for code in ("A1", "A2", "A3", "A4", "A5")})
    )
    current = score_campaign(
        AXES,
        one_respondent(
            {
                "A1": [3, 4, 3, 4, 3],
                "A2": [3, 3, 3, 3, 2],
                "A3": [2, 2, 2, 2, 2],
                "A4": [3, 3, 3, 3, 2],
                "A5": [3, 3, 3, 3, 2],
                "A6": [4, 4, 4],
            }
        ),
    )
    result = evolution(current, previous)
    assert result.axis("A1").delta == D("0.6")  # 3.4 vs 2.8
    assert result.axis("A2").delta == D("0.0")
    assert result.axis("A3").delta == D("-0.8")
    assert result.axis("A6").previous is None
    assert result.axis("A6").delta is None
    assert result.axis("A7").delta is None
    assert result.overall.previous == D("2.8")
    assert result.overall.current == D("3.0")  # (3.4 + 2.8 + 2 + 2.8 + 2.8 + 4) / 6 = 2.966…
    assert result.overall.delta == D("0.2")


def test_evolution_without_a_previous_diagnostic_has_no_changes():
    current = score_campaign(AXES, one_respondent({"A1": [3, 3, 3]}))
    result = evolution(current, None)
    assert len(result.axes) == 8
    assert all(delta.delta is None for delta in result.axes)
    assert result.axis("A1").current == D("3.0")
    assert result.overall.delta is None


# --- Properties -----------------------------------------------------------------------------

answer_values = st.one_of(st.none(), st.integers(min_value=1, max_value=5))
respondent_answers = st.dictionaries(st.sampled_from(ALL_CODES), answer_values, max_size=40)
campaign_answers = st.dictionaries(
    st.text(alphabet="abcdef", min_size=1, max_size=3), respondent_answers, max_size=6
)


def reference_display(values):
    """Exact half-up rounding to one decimal of the mean of these Fractions."""
    exact = sum(values, Fraction(0)) / len(values)
    tenths = int(exact * 10 + Fraction(1, 2))  # positive, so int() is the floor
    return Decimal(tenths) / 10


@settings(max_examples=300, deadline=None)
@given(campaign_answers)
def test_scores_percentages_and_overall_stay_within_the_scale(answers):
    result = score_campaign(AXES, answers)
    for axis in result.axes:
        if axis.is_scored:
            assert D(1) <= axis.score <= D(5)
            assert D("1.0") <= axis.display_score <= D("5.0")
            assert 0 <= axis.percent <= 100
            assert axis.band is band_for(axis.display_score)
            assert axis.answered_count >= 3
        else:
            assert axis.answered_count < 3
    if result.overall is not None:
        assert D(1) <= result.overall <= D(5)
        assert 1 <= result.maturity_level <= 4
        assert len(result.scored_axes) >= 5
    else:
        assert len(result.scored_axes) < 5


@settings(max_examples=300, deadline=None)
@given(campaign_answers)
def test_displayed_axis_scores_are_the_exact_means_rounded_half_up(answers):
    result = score_campaign(AXES, answers)
    for spec, axis in zip(AXES, result.axes, strict=True):
        means = []
        for code in spec.statement_codes:
            numeric = [r[code] for r in answers.values() if r.get(code) is not None]
            if numeric:
                means.append(Fraction(sum(numeric), len(numeric)))
        if len(means) >= 3:
            assert axis.display_score == reference_display(means)


@settings(max_examples=300, deadline=None)
@given(campaign_answers.filter(bool), st.data())
def test_changing_one_answer_to_dont_know_never_changes_another_axis(answers, data):
    respondent = data.draw(st.sampled_from(sorted(answers)))
    code = data.draw(st.sampled_from(ALL_CODES))
    changed = {**answers, respondent: {**answers[respondent], code: None}}
    before = score_campaign(AXES, answers)
    after = score_campaign(AXES, changed)
    changed_axis = code.split(".")[0]
    for axis_before, axis_after in zip(before.axes, after.axes, strict=True):
        if axis_before.code != changed_axis:
            assert axis_after == axis_before
