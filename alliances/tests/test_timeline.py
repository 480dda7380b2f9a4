"""The action plan's timeline (alliances/timeline.py): month labels that never overlap nor pass
the track's end at any width, and late flags that stay inside the chart."""

from datetime import date
from types import SimpleNamespace

import pytest

from alliances.timeline import TIERS, late_flag, timeline


def action(start, due, is_late=False):
    return SimpleNamespace(start_date=start, due_date=due, is_late=is_late)


def shown(months, tier):
    return [float(m.left) for m in months if f"fa-gantt-off-{tier}" not in m.hidden_on.split()]


@pytest.mark.parametrize(
    "start, due",
    [
        (date(2026, 7, 9), date(2027, 2, 14)),  # the demo's seven months
        (date(2026, 1, 1), date(2026, 3, 31)),
        (date(2025, 1, 15), date(2027, 12, 31)),  # three years
        (date(2020, 1, 1), date(2030, 1, 1)),
    ],
)
def test_the_labels_shown_at_each_width_stand_apart_and_end_within_the_track(start, due):
    chart = timeline([action(start, due)], today=start)
    for tier, room, last_start in TIERS:
        lefts = shown(chart["months"], tier)
        assert lefts, f"no month label at all on {tier}"
        assert all(b - a >= room - 1 for a, b in zip(lefts, lefts[1:], strict=False)), (tier, lefts)
        assert max(lefts) <= last_start


def test_a_short_plan_shows_every_month_on_a_wide_screen_and_every_second_on_a_phone():
    chart = timeline([action(date(2026, 7, 9), date(2027, 2, 14))], today=date(2026, 12, 6))
    labels = [(m.date.month, m.hidden_on) for m in chart["months"]]
    assert [month for month, hidden in labels if "off-lg" not in hidden] == [8, 9, 10, 11, 12, 1]
    assert [month for month, hidden in labels if "off-sm" not in hidden] == [8, 10, 12]


def test_a_late_flag_goes_after_its_bar_before_it_or_inside_it_as_room_allows():
    assert late_flag(10, 20) == ("after", "30.00")
    assert late_flag(60, 35) == ("before", "40.00")
    assert late_flag(5, 90) == ("inside", "5.00")


def test_only_late_bars_carry_a_flag_and_undated_actions_no_chart():
    today = date(2026, 6, 1)
    chart = timeline(
        [action(date(2026, 1, 1), date(2026, 3, 1), is_late=True), action(None, date(2026, 9, 1))],
        today=today,
    )
    assert chart["bars"][0]["flag_side"] == "after" and "flag_side" not in chart["bars"][1]
    assert timeline([action(None, None)], today=today) is None
