"""The pure parts of the method: step checklists, weighted ranking, the budget that adds up."""

from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from alliances.budget import keys_add_up, split, summarise
from alliances.selection import rank, weighted_score
from alliances.stepper import (
    COMPLETE,
    IN_PROGRESS,
    NOT_STARTED,
    StepFacts,
    current_step,
    current_step_of,
    step_state,
    steps_for,
)


@pytest.fixture(autouse=True)
def _english():
    # The checklists' labels are compared with their msgids.
    with translation.override("en"):
        yield


ALL_STEP1 = {"strategic_priorities", "expectations", "participation_mode", "complementarities"}


def complete_facts():
    return StepFacts(
        filled=ALL_STEP1
        | {"social_need", "collective_need", "argument", "key_actors", "beneficiaries"}
        | {"shared_vision", "decision_process"},
        swot_quadrants={"strength", "weakness", "opportunity", "threat"},
        figures=2,
        candidates=3,
        criteria=2,
        unscored_candidates=0,
        exchanges=1,
        selected=2,
        undecided=0,
        conventions=1,
        signed_conventions=1,
        signed_with_document=1,
        signed_with_all_clauses=1,
        governance_bodies=2,
        meetings=1,
        internal_communication=1,
        external_communication=1,
        recent_health_checks=1,
    )


def test_a_new_alliance_has_every_step_not_started_and_is_at_step_1():
    steps = steps_for(StepFacts())
    assert [s.state for s in steps] == [NOT_STARTED] * 5
    assert current_step(steps) == 1
    assert "Strengths listed in the SWOT" in [str(m) for m in steps[0].missing]


def test_step_1_is_in_progress_until_all_four_swot_quadrants_are_filled():
    facts = StepFacts(filled=set(ALL_STEP1), swot_quadrants={"strength", "weakness"})
    state = step_state(1, facts)
    assert state.state == IN_PROGRESS
    assert [str(m) for m in state.missing] == [
        "Opportunities listed in the SWOT",
        "Threats listed in the SWOT",
    ]
    facts.swot_quadrants |= {"opportunity", "threat"}
    assert step_state(1, facts).state == COMPLETE


def test_step_3_needs_every_candidate_scored_and_decided():
    facts = complete_facts()
    facts.unscored_candidates = 1
    facts.undecided = 1
    state = step_state(3, facts)
    assert state.state == IN_PROGRESS
    assert {str(m) for m in state.missing} == {
        "Every candidate scored on every criterion",
        "A decision taken on every candidate",
    }


def test_step_4_is_complete_only_with_a_signed_convention_its_pdf_and_every_clause():
    facts = complete_facts()
    facts.signed_with_document = 0
    assert step_state(4, facts).state == IN_PROGRESS
    facts = StepFacts(conventions=1)
    assert step_state(4, facts).state == IN_PROGRESS
    assert step_state(4, complete_facts()).state == COMPLETE


def test_step_5_needs_internal_and_external_communication():
    facts = complete_facts()
    facts.external_communication = 0
    assert [str(m) for m in step_state(5, facts).missing] == ["External communication planned"]


def test_an_alliance_with_everything_has_all_five_steps_complete():
    steps = steps_for(complete_facts())
    assert all(s.complete for s in steps)
    assert current_step(steps) is None


_COUNTS = [name for name, value in vars(StepFacts()).items() if isinstance(value, int)]
_TEXTS = sorted(complete_facts().filled)
_QUADRANTS = sorted(complete_facts().swot_quadrants)


@given(
    filled=st.sets(st.sampled_from(_TEXTS)),
    quadrants=st.sets(st.sampled_from(_QUADRANTS)),
    counts=st.fixed_dictionaries({name: st.integers(0, 2) for name in _COUNTS}),
)
def test_the_network_pages_shortcut_finds_the_same_step_as_the_checklists(
    filled, quadrants, counts
):
    facts = StepFacts(filled=filled, swot_quadrants=quadrants, **counts)
    assert current_step_of(facts) == current_step(steps_for(facts))


def test_weighted_score_is_the_weighted_mean_of_the_given_scores():
    # (3×5 + 1×1) / 4 = 4
    assert weighted_score({1: 3, 2: 1}, {1: 5, 2: 1}) == Decimal("4.00")
    # A criterion not scored yet is missing, not zero.
    assert weighted_score({1: 3, 2: 1}, {1: 5}) == Decimal("5.00")
    assert weighted_score({1: 3}, {}) is None


def test_ranking_puts_the_best_first_shares_ties_and_leaves_unscored_last():
    weights = {1: 2, 2: 1}
    ranking = rank(
        weights,
        {
            10: {1: 3, 2: 3},  # 3.00
            11: {1: 5, 2: 2},  # 4.00
            12: {1: 3, 2: 3},  # 3.00, tied with 10
            13: {},  # unscored
            14: {1: 1, 2: 0},  # 0.67
        },
    )
    assert [(r.candidate_id, r.rank) for r in ranking] == [
        (11, 1),
        (10, 2),
        (12, 2),
        (14, 4),
        (13, None),
    ]
    assert ranking[3].score == Decimal("0.67")


def test_cost_sharing_keys_must_add_up_to_exactly_100():
    assert keys_add_up([Decimal("60"), Decimal("40")])
    assert keys_add_up([Decimal("33.33"), Decimal("33.33"), Decimal("33.34")])
    assert not keys_add_up([Decimal("33.33"), Decimal("33.33"), Decimal("33.33")])
    assert not keys_add_up([Decimal("70"), Decimal("40")])


def test_a_split_adds_up_to_the_cent_whatever_the_rounding():
    parts = split(Decimal("100.00"), [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")])
    assert sum(parts) == Decimal("100.00")
    parts = split(Decimal("1000.01"), [Decimal("50"), Decimal("50")])
    assert sum(parts) == Decimal("1000.01")
    # Both round up to 500,01; the cent too many comes off the first largest share.
    assert parts == [Decimal("500.00"), Decimal("500.01")]


def test_the_budget_summary_adds_up():
    summary = summarise(
        resources=[
            ("human", Decimal("6000")),
            ("financial", Decimal("24000.50")),
            ("financial", Decimal("15000")),
            ("alliances", Decimal("4800")),
        ],
        contributions=[(Decimal("24000"), Decimal("4800"), 0), (0, 0, Decimal("6000"))],
        expenses=[(Decimal("42000"), True), (Decimal("3600"), True), (Decimal("500"), False)],
        keys=[("Asso A", Decimal("60")), ("Asso B", Decimal("40"))],
    )
    assert summary.resources_by_lever == {
        "human": Decimal("6000.00"),
        "financial": Decimal("39000.50"),
        "alliances": Decimal("4800.00"),
    }
    assert summary.resources_total == Decimal("49800.50")
    assert summary.contributions_total == summary.cash + summary.in_kind + summary.skills
    assert summary.contributions_total == Decimal("34800.00")
    # Money: the funding lever and the partners' cash, against the expenses entered.
    assert summary.financial_income == Decimal("63000.50")
    assert summary.financial_expenses == Decimal("46100.00")
    # In kind, valued: volunteers, what the alliances bring, partners' in kind and skills.
    assert summary.in_kind_total == Decimal("21600.00")
    assert summary.income_total == summary.financial_income + summary.in_kind_total
    assert summary.expenses_total == summary.financial_expenses + summary.in_kind_total
    assert summary.income_total == summary.resources_total + summary.contributions_total
    assert summary.balance == summary.income_total - summary.expenses_total
    assert summary.balance == Decimal("16900.50")
    assert summary.shared_expenses == Decimal("45600.00")
    assert [s[2] for s in summary.shares] == [Decimal("27360.00"), Decimal("18240.00")]
    assert sum(s[2] for s in summary.shares) == summary.shared_expenses
    assert summary.keys_complete


def test_contributions_in_kind_are_on_both_sides_and_never_make_a_balance():
    # The case: valued volunteers and a partner's office, nothing paid, no expense.
    summary = summarise(
        resources=[("human", Decimal("20600")), ("alliances", Decimal("0"))],
        contributions=[(0, Decimal("4800"), 0)],
        expenses=[],
        keys=[],
    )
    assert summary.in_kind_total == Decimal("25400.00")
    assert summary.income_total == summary.expenses_total == Decimal("25400.00")
    assert summary.balance == 0


def test_the_balance_is_money_in_less_money_out_whatever_is_given_in_kind():
    money_only = summarise(
        [("financial", Decimal("9000"))], [(Decimal("1000"), 0, 0)], [(Decimal("12500"), True)], []
    )
    with_in_kind = summarise(
        [("financial", Decimal("9000")), ("human", Decimal("7000"))],
        [(Decimal("1000"), Decimal("300"), Decimal("1200.55"))],
        [(Decimal("12500"), True)],
        [],
    )
    assert money_only.balance == with_in_kind.balance == Decimal("-2500.00")
    assert with_in_kind.in_kind_total == Decimal("8500.55")
