"""Indicator follow-up math, hand-computed cases plus properties. Pure: no database, no settings."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluation.progress import (
    DECREASE,
    EXCEEDED,
    HALF_YEARLY,
    IMPROVING,
    IN_PROGRESS,
    INCONSISTENT_TARGET,
    INCREASE,
    MONTHLY,
    NO_DATA,
    NOT_REACHED,
    ONCE,
    QUARTERLY,
    REACHED,
    STABLE,
    WORSE_THAN_BASELINE,
    WORSENING,
    YEARLY,
    Gap,
    IndicatorData,
    Measurement,
    expected_ratio_at,
    follow_up,
    gap,
    is_off_track,
    is_overdue,
    next_due_date,
    progress,
    trend,
)

D = Decimal


def summary(p):
    return (p.ratio, p.percent, p.capped_percent, p.reached, p.exceeded, p.status)


# --- progress -----------------------------------------------------------------------------------


def test_increasing_indicator_halfway():
    # 20 volunteers, target 50, now 35: 15 of the 30 to gain.
    assert summary(progress(D(20), D(50), D(35), INCREASE)) == (
        D("0.5000"),
        50,
        50,
        False,
        False,
        IN_PROGRESS,
    )


def test_decreasing_indicator_three_quarters_of_the_way():
    # The source's costs: 400 000 € down to 340 000 €, now 355 000 €: 45 000 of the 60 000 saved.
    assert summary(progress(D(400000), D(340000), D(355000), DECREASE)) == (
        D("0.7500"),
        75,
        75,
        False,
        False,
        IN_PROGRESS,
    )


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "direction"),
    [(D(20), D(50), D(50), INCREASE), (D(400000), D(340000), D("340000.00"), DECREASE)],
)
def test_target_reached_exactly(baseline, target, actual, direction):
    assert summary(progress(baseline, target, actual, direction)) == (
        D("1.0000"),
        100,
        100,
        True,
        False,
        REACHED,
    )


def test_increasing_target_exceeded_keeps_the_true_percent_and_caps_the_bar():
    assert summary(progress(D(20), D(50), D(59), INCREASE)) == (
        D("1.3000"),
        130,
        100,
        True,
        True,
        EXCEEDED,
    )


def test_decreasing_target_exceeded():
    # 70 000 saved for 60 000 planned: 1.1666... rounds half up to 1.1667 and 117 %.
    assert summary(progress(D(400000), D(340000), D(330000), DECREASE)) == (
        D("1.1667"),
        117,
        100,
        True,
        True,
        EXCEEDED,
    )


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "direction"),
    [(D(20), D(50), D(14), INCREASE), (D(400000), D(340000), D(412000), DECREASE)],
)
def test_moving_the_wrong_way_gives_a_negative_ratio_and_an_empty_bar(
    baseline, target, actual, direction
):
    assert summary(progress(baseline, target, actual, direction)) == (
        D("-0.2000"),
        -20,
        0,
        False,
        False,
        WORSE_THAN_BASELINE,
    )


def test_no_measurement_yet():
    assert summary(progress(D(20), D(50), None, INCREASE)) == (None, None, 0, False, False, NO_DATA)


def test_no_baseline_not_yet_reached_has_no_ratio():
    assert summary(progress(None, D(50), D(40), INCREASE)) == (
        None,
        None,
        0,
        False,
        False,
        NOT_REACHED,
    )


def test_no_baseline_target_reached_and_exceeded():
    assert summary(progress(None, D(50), D(50), INCREASE)) == (
        None,
        None,
        100,
        True,
        False,
        REACHED,
    )
    assert summary(progress(None, D(10), D(8), DECREASE)) == (None, None, 100, True, True, EXCEEDED)


def test_target_equal_to_baseline_held_or_lost():
    assert summary(progress(D(10), D(10), D(10), INCREASE)) == (
        None,
        None,
        100,
        True,
        False,
        REACHED,
    )
    assert progress(D(10), D(10), D(9), INCREASE).status == WORSE_THAN_BASELINE


def test_target_on_the_wrong_side_of_the_baseline_is_flagged():
    # « Increase » with a target below the baseline: the data contradicts itself.
    assert progress(D(10), D(5), D(3), INCREASE).status == INCONSISTENT_TARGET
    assert progress(D(10), D(5), D(7), INCREASE).status == EXCEEDED


def test_no_change_yet_is_in_progress_at_zero():
    assert summary(progress(D(20), D(50), D(20), INCREASE)) == (
        D("0.0000"),
        0,
        0,
        False,
        False,
        IN_PROGRESS,
    )


def test_rounding_never_announces_the_target_before_it_is_reached():
    # 99.6 % and 0.99995 would round to 100 % and 1.0000.
    assert summary(progress(D(0), D(1000), D(996), INCREASE))[1:4] == (99, 99, False)
    assert summary(progress(D(0), D(20000), D(19999), INCREASE))[:4] == (D("0.9999"), 99, 99, False)


def test_rounding_is_half_up():
    # 1/8 = 0.125: 12.5 % shows as 13 %; 1/20000 = 0.00005 rounds to 0.0001.
    assert progress(D(0), D(8), D(1), INCREASE).percent == 13
    assert progress(D(0), D(20000), D(1), INCREASE).ratio == D("0.0001")


def test_bad_inputs_are_refused():
    with pytest.raises(ValueError, match="direction"):
        progress(D(0), D(10), D(5), "up")
    with pytest.raises(TypeError, match="Decimal"):
        progress(D(0), D(10), 5.0, INCREASE)


values = st.decimals(min_value=-(10**9), max_value=10**9, places=2)
directions = st.sampled_from([INCREASE, DECREASE])


@settings(database=None, max_examples=500)
@given(baseline=st.none() | values, target=values, actual=st.none() | values, direction=directions)
def test_capped_percent_always_stays_within_0_and_100(baseline, target, actual, direction):
    result = progress(baseline, target, actual, direction)

    assert 0 <= result.capped_percent <= 100
    assert (result.capped_percent == 100) == result.reached
    if result.ratio is not None:
        assert (result.ratio >= 1) == result.reached


@settings(database=None, max_examples=500)
@given(baseline=st.none() | values, target=values, actual=st.none() | values)
def test_mirrored_values_in_the_other_direction_give_the_same_progress(baseline, target, actual):
    def mirror(value):
        return None if value is None else -value

    increasing = progress(baseline, target, actual, INCREASE)
    decreasing = progress(mirror(baseline), -target, mirror(actual), DECREASE)

    assert increasing == decreasing


# --- gap ----------------------------------------------------------------------------------------


def test_gap_is_positive_when_better_than_the_target():
    assert gap(D(50), D(55), INCREASE) == Gap(D(5), D("10.0"))
    assert gap(D(340000), D(330000), DECREASE) == Gap(D(10000), D("2.9"))  # 2.94 %


def test_gap_is_negative_when_short_of_the_target():
    assert gap(D(50), D(45), INCREASE) == Gap(D(-5), D("-10.0"))
    assert gap(D(340000), D(360000), DECREASE) == Gap(D(-20000), D("-5.9"))  # 5.88 %


def test_gap_without_measurement_or_with_a_zero_target():
    assert gap(D(50), None, INCREASE) is None
    assert gap(D(0), D(3), DECREASE) == Gap(D(-3), None)


# --- schedule -----------------------------------------------------------------------------------

START, END = dt.date(2025, 1, 1), dt.date(2026, 1, 1)  # 365 days


def test_expected_ratio_follows_a_straight_line_clamped_to_0_and_1():
    assert expected_ratio_at(dt.date(2025, 7, 2), START, END) == D("0.4986")  # 182 / 365
    assert expected_ratio_at(dt.date(2024, 12, 1), START, END) == D(0)
    assert expected_ratio_at(dt.date(2026, 3, 1), START, END) == D(1)
    assert expected_ratio_at(START, START, START) == D(1)


def test_off_track_when_lagging_the_schedule_by_more_than_the_tolerance():
    # Expected 0.4986 at mid-year; the limit is 0.4986 - 0.15 = 0.3486.
    mid_year = dt.date(2025, 7, 2)

    assert is_off_track(D("0.30"), mid_year, START, END)
    assert not is_off_track(D("0.35"), mid_year, START, END)
    assert not is_off_track(D("0.30"), mid_year, START, END, tolerance=D("0.25"))


def test_never_off_track_before_10_percent_of_the_schedule():
    assert not is_off_track(D("-0.50"), dt.date(2025, 1, 20), START, END)  # 19 / 365 = 5 %
    assert is_off_track(D("-0.50"), dt.date(2025, 2, 10), START, END)  # 40 / 365 = 11 %


def test_never_off_track_without_measurement_or_schedule():
    assert not is_off_track(None, dt.date(2025, 12, 1), START, END)
    assert not is_off_track(D(0), dt.date(2025, 12, 1), None, END)


# --- due dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "frequency", "expected"),
    [
        (dt.date(2025, 1, 31), MONTHLY, dt.date(2025, 2, 28)),
        (dt.date(2025, 11, 30), QUARTERLY, dt.date(2026, 2, 28)),
        (dt.date(2025, 8, 31), HALF_YEARLY, dt.date(2026, 2, 28)),
        (dt.date(2024, 2, 29), YEARLY, dt.date(2025, 2, 28)),
        (dt.date(2025, 3, 15), ONCE, None),
    ],
)
def test_next_due_date_per_frequency(reference, frequency, expected):
    assert next_due_date(reference, frequency) == expected


def test_next_due_date_never_passes_the_target_date():
    target = dt.date(2026, 6, 30)

    assert next_due_date(dt.date(2026, 5, 1), QUARTERLY, target) == target
    assert next_due_date(dt.date(2026, 6, 30), MONTHLY, target) is None
    assert next_due_date(dt.date(2025, 12, 1), ONCE, target) == target


@pytest.mark.parametrize(
    ("last", "frequency", "last_day_on_time"),
    [
        (dt.date(2025, 3, 10), MONTHLY, dt.date(2025, 4, 25)),
        (dt.date(2025, 1, 15), QUARTERLY, dt.date(2025, 4, 30)),
        (dt.date(2025, 1, 15), HALF_YEARLY, dt.date(2025, 7, 30)),
        (dt.date(2025, 1, 15), YEARLY, dt.date(2026, 1, 30)),
    ],
)
def test_overdue_after_the_due_date_plus_15_days_of_grace(last, frequency, last_day_on_time):
    assert not is_overdue(last_day_on_time, last, frequency)
    assert is_overdue(last_day_on_time + dt.timedelta(days=1), last, frequency)


def test_overdue_with_a_custom_grace():
    assert is_overdue(dt.date(2025, 4, 11), dt.date(2025, 3, 10), MONTHLY, grace_days=0)


def test_first_measurement_is_due_one_period_after_the_baseline_date():
    baseline_date = dt.date(2025, 1, 15)

    assert not is_overdue(dt.date(2025, 4, 30), None, QUARTERLY, reference_date=baseline_date)
    assert is_overdue(dt.date(2025, 5, 1), None, QUARTERLY, reference_date=baseline_date)
    assert not is_overdue(dt.date(2030, 1, 1), None, QUARTERLY)  # no date to count from


def test_a_once_indicator_is_due_on_its_target_date_and_then_done():
    target = dt.date(2026, 6, 30)
    baseline_date = dt.date(2025, 12, 1)

    assert not is_overdue(
        dt.date(2026, 7, 15), None, ONCE, reference_date=baseline_date, target_date=target
    )
    assert is_overdue(
        dt.date(2026, 7, 16), None, ONCE, reference_date=baseline_date, target_date=target
    )
    assert not is_overdue(
        dt.date(2027, 1, 1), dt.date(2026, 7, 2), ONCE, reference_date=baseline_date
    )


def test_nothing_is_overdue_once_measured_at_the_target_date():
    target = dt.date(2026, 6, 30)

    assert not is_overdue(dt.date(2027, 6, 1), target, MONTHLY, target_date=target)


# --- trend --------------------------------------------------------------------------------------

QUARTERS = [dt.date(2025, 1, 1), dt.date(2025, 4, 1), dt.date(2025, 7, 1), dt.date(2025, 10, 1)]


def series(*values, dates=QUARTERS):
    return [Measurement(day, D(value)) for day, value in zip(dates, values, strict=True)]


def test_rising_values_improve_an_increasing_indicator_and_worsen_a_decreasing_one():
    rising = series(10, 12, 14, 16)

    assert trend(rising, INCREASE, scale=D(30)) == IMPROVING
    assert trend(rising, DECREASE, scale=D(30)) == WORSENING


def test_falling_costs_improve_a_decreasing_indicator():
    assert trend(series(400000, 390000, 375000, 360000), DECREASE, scale=D(60000)) == IMPROVING


def test_small_moves_relative_to_the_target_distance_are_stable():
    # The line moves by about 0.3 over the window: 1 % of the 30 to travel.
    assert trend(series(10, "10.5", 10, "10.5"), INCREASE, scale=D(30)) == STABLE
    # The same moves are a real change when the whole distance is 2.
    assert trend(series(10, "10.5", 10, "10.5"), INCREASE, scale=D(2)) == IMPROVING


def test_trend_only_looks_at_the_last_four_measurements():
    dates = [dt.date(2024, 7, 1), dt.date(2024, 10, 1), *QUARTERS]
    early_jump_then_flat = series(0, 0, 20, 20, 20, 20, dates=dates)

    assert trend(early_jump_then_flat, INCREASE, scale=D(30)) == STABLE
    assert trend(early_jump_then_flat, INCREASE, scale=D(30), window=6) == IMPROVING


def test_trend_needs_two_dates():
    assert trend([], INCREASE) is None
    assert trend(series(10, dates=QUARTERS[:1]), INCREASE) is None


def test_trend_without_scale_compares_with_the_values_themselves():
    assert trend(series(100, 101, 100, 101), INCREASE) == STABLE
    assert trend(series(100, 110, 120, 130), INCREASE) == IMPROVING
    assert trend(series(0, 0, 0, 0), INCREASE) == STABLE


# --- follow-up ----------------------------------------------------------------------------------

COSTS = IndicatorData(
    direction=DECREASE,
    baseline=D(400000),
    baseline_date=dt.date(2025, 12, 1),
    target=D(340000),
    target_date=dt.date(2026, 6, 30),
    frequency=MONTHLY,
)
COST_MEASUREMENTS = [
    Measurement(dt.date(2026, 2, 28), D(385000)),
    Measurement(dt.date(2026, 1, 31), D(390000)),
    Measurement(dt.date(2026, 3, 31), D(380000)),
]


def test_follow_up_of_an_indicator_lagging_its_schedule():
    result = follow_up(COSTS, COST_MEASUREMENTS, today=dt.date(2026, 4, 10))

    assert [m.date for m in result.measurements] == [
        dt.date(2026, 1, 31),
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 31),
    ]
    assert result.latest == Measurement(dt.date(2026, 3, 31), D(380000))
    assert result.progress.ratio == D("0.3333")  # 20 000 of 60 000
    assert result.expected_ratio == D("0.6161")  # 130 of 211 days
    assert result.off_track  # 0.3333 < 0.6161 - 0.15
    assert result.trend == IMPROVING
    assert result.gap == Gap(D(-40000), D("-11.8"))
    assert result.next_due == dt.date(2026, 4, 30)
    assert not result.overdue
    assert not result.target_missed
    assert result.needs_attention


def test_follow_up_flags_an_overdue_measurement():
    result = follow_up(COSTS, COST_MEASUREMENTS, today=dt.date(2026, 5, 16))

    assert result.next_due == dt.date(2026, 4, 30)
    assert result.overdue


def test_follow_up_of_a_reached_target_needs_no_attention():
    measurements = [*COST_MEASUREMENTS, Measurement(dt.date(2026, 6, 30), D(338000))]

    result = follow_up(COSTS, measurements, today=dt.date(2026, 9, 1))

    assert result.progress.status == EXCEEDED
    assert result.next_due is None  # measured on the target date: nothing more is due
    assert not result.off_track
    assert not result.overdue
    assert not result.target_missed
    assert not result.needs_attention


def test_follow_up_past_the_target_date_without_reaching_it():
    measurements = [*COST_MEASUREMENTS, Measurement(dt.date(2026, 6, 30), D(350000))]

    result = follow_up(COSTS, measurements, today=dt.date(2026, 7, 5))

    assert result.target_missed
    assert result.needs_attention


def test_follow_up_before_any_measurement():
    result = follow_up(COSTS, [], today=dt.date(2025, 12, 20))

    assert result.latest is None
    assert result.progress.status == NO_DATA
    assert (result.gap, result.trend) == (None, None)
    assert result.next_due == dt.date(2026, 1, 1)  # one month after the baseline date
    assert not result.needs_attention


def test_follow_up_ignores_measurements_dated_after_today():
    future = [*COST_MEASUREMENTS, Measurement(dt.date(2026, 6, 1), D(300000))]

    result = follow_up(COSTS, future, today=dt.date(2026, 4, 10))

    assert result.latest.date == dt.date(2026, 3, 31)
    assert len(result.measurements) == 3


def test_follow_up_without_baseline_or_dates():
    indicator = IndicatorData(direction=INCREASE, target=D(50), frequency=YEARLY)

    result = follow_up(
        indicator, [Measurement(dt.date(2025, 6, 1), D(30))], today=dt.date(2025, 7, 1)
    )

    assert result.progress.status == NOT_REACHED
    assert result.expected_ratio is None
    assert not result.off_track
    assert result.next_due == dt.date(2026, 6, 1)
