"""The health check's figures: who is shown, what « ne sait pas » counts for, which gaps."""

from decimal import Decimal

from healthchecks.scoring import OTHERS_KEY, AxisSpec, Response, compute, evolution

AXES = (
    AxisSpec("A1", "Vision", ("A1.1", "A1.2")),
    AxisSpec("A2", "Pilotage", ("A2.1", "A2.2")),
    AxisSpec("A3", "Confiance", ("A3.1", "A3.2")),
)


def person(party, a1, a2, a3, name=None):
    values = {"A1.1": a1, "A1.2": a1, "A2.1": a2, "A2.2": a2, "A3.1": a3, "A3.2": a3}
    return Response(party, name or party.title(), values)


def test_a_party_of_two_people_is_shown_with_its_means():
    results = compute(AXES, [person("lead", 4, 4, 4), person("lead", 5, 3, 4)])

    assert [(p.key, p.respondents) for p in results.parties] == [("lead", 2)]
    assert results.parties[0].axes == {"A1": "4.5", "A2": "3.5", "A3": "4.0"}
    assert results.overall == {"A1": "4.5", "A2": "3.5", "A3": "4.0"}


def test_parties_of_one_person_are_merged_into_other_parties():
    results = compute(
        AXES,
        [
            person("lead", 4, 4, 4),
            person("lead", 4, 4, 4),
            person("bank", 2, 2, 2),
            person("town", 3, 3, 3),
        ],
    )

    assert [p.key for p in results.parties] == ["lead", OTHERS_KEY]
    others = results.parties[1]
    assert others.respondents == 2
    assert others.axes["A1"] == "2.5"
    assert results.parties_merged == 2


def test_a_lone_person_is_never_shown_even_merged():
    results = compute(
        AXES, [person("lead", 4, 4, 4), person("lead", 4, 4, 4), person("bank", 1, 1, 1)]
    )

    assert [p.key for p in results.parties] == ["lead"]
    assert results.unshown_respondents == 1
    assert results.respondents == 3
    # Not in the overall means either: beside the lead's 4.0 over two people, an overall of
    # 3.0 over three would have told the bank's person's answer (3 x 3.0 - 2 x 4.0 = 1).
    assert results.overall["A1"] == "4.0"


def test_one_person_alone_gives_no_figure_at_all():
    results = compute(AXES, [person("lead", 4, 4, 4)])

    assert results.parties == []
    assert results.overall == {}


def test_dont_know_is_not_a_score():
    results = compute(AXES, [person("lead", 4, None, 4), person("lead", 2, 4, 4)])

    lead = results.parties[0]
    # Only one person scored A2: their answer alone is never shown as the party's mean.
    assert lead.axes["A2"] is None
    assert lead.statements["A2.1"] is None
    assert lead.axes["A1"] == "3.0"


def test_someone_who_only_answered_dont_know_is_not_a_respondent():
    results = compute(
        AXES, [person("lead", 4, 4, 4), person("lead", None, None, None), person("lead", 2, 2, 2)]
    )

    assert results.respondents == 2
    assert results.parties[0].respondents == 2


def test_a_gap_of_one_and_a_half_points_is_flagged_with_its_statements():
    results = compute(
        AXES,
        [
            person("lead", 4, 5, 4, "Asso"),
            person("lead", 4, 4, 4, "Asso"),
            person("bank", 4, 3, 4, "Banque"),
            person("bank", 3, 3, 4, "Banque"),
        ],
    )

    assert len(results.gaps) == 1
    gap = results.gaps[0]
    assert gap.axis == "A2"
    assert gap.names == ["Banque", "Asso"]  # the lower perception first
    assert gap.means == ["3.0", "4.5"]
    assert gap.difference == "1.5"
    assert [s["code"] for s in gap.statements] == ["A2.1", "A2.2"]


def test_a_difference_under_one_and_a_half_points_is_no_gap():
    results = compute(
        AXES,
        [
            person("lead", 4, 4, 4),
            person("lead", 4, 5, 4),
            person("bank", 3, 3, 4),
            person("bank", 3, 4, 4),
        ],
    )

    assert results.parties[0].axes["A2"] == "3.5"
    assert results.gaps == []


def test_results_survive_their_storage():
    results = compute(AXES, [person("lead", 4, 1, 4), person("lead", 4, 2, 4)] * 2)
    stored = type(results).from_json(results.as_json())

    assert stored == results


def test_evolution_compares_each_axis_with_the_previous_health_check():
    before = compute(AXES, [person("lead", 3, 3, 3), person("lead", 3, 3, None)])
    now = compute(AXES, [person("lead", 4, 2, 4), person("lead", 4, 2, 4)])

    rows = {row["code"]: row for row in evolution(now, before)}
    assert rows["A1"]["change"] == Decimal("1.0")
    assert rows["A2"]["change"] == Decimal("-1.0")
    assert rows["A3"]["before"] is None and rows["A3"]["change"] is None
    assert all(row["before"] is None for row in evolution(now, None))
