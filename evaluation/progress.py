"""Indicator follow-up: progress toward the target, schedule, overdue measurements, trend, gap.

Pure and query-free: plain values in, frozen dataclasses out, ``Decimal`` throughout. Ratios are
rounded to 4 decimal places, percentages to whole numbers (display) or 1 decimal place (gaps),
always with ``ROUND_HALF_UP``.

Conventions the pages rely on:

* ``direction`` is ``"increase"`` (higher is better) or ``"decrease"`` (lower is better).
* Progress ratio = (actual - baseline) / (target - baseline): 0 at the baseline, 1 at the target,
  above 1 beyond it, below 0 when the indicator moved the wrong way. The same formula serves both
  directions.
* Without a baseline, or when the target equals the baseline, there is no distance to travel, so
  no ratio (``None``): the status only says whether the target is reached; the bar is full or empty.
* Nothing shows the target as reached before it is: until then the ratio stops at 0.9999 and the
  percentages at 99, even where rounding would give 1 / 100 %.
* ``gap`` is signed so that positive means better than the target, whatever the direction.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

INCREASE = "increase"
DECREASE = "decrease"
DIRECTIONS = (INCREASE, DECREASE)

MONTHLY = "monthly"
QUARTERLY = "quarterly"
HALF_YEARLY = "half_yearly"
YEARLY = "yearly"
ONCE = "once"
FREQUENCY_MONTHS = {MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12, ONCE: None}

# Progress status codes.
NO_DATA = "no_data"  # no measurement yet
WORSE_THAN_BASELINE = "worse_than_baseline"  # moved the wrong way (ratio < 0)
IN_PROGRESS = "in_progress"  # 0 <= ratio < 1
REACHED = "reached"  # exactly on the target
EXCEEDED = "exceeded"  # beyond the target
NOT_REACHED = "not_reached"  # no ratio can be computed (no baseline) and the target is not reached
INCONSISTENT_TARGET = "inconsistent_target"  # the target lies on the wrong side of the baseline

# Trend codes.
IMPROVING = "improving"
STABLE = "stable"
WORSENING = "worsening"

DEFAULT_TOLERANCE = Decimal("0.15")
MIN_ELAPSED_FOR_OFF_TRACK = Decimal("0.10")
DEFAULT_GRACE_DAYS = 15
DEFAULT_TREND_WINDOW = 4
DEFAULT_STABLE_THRESHOLD = Decimal("0.05")

_RATIO_PLACES = Decimal("0.0001")
_ALMOST_ONE = Decimal("0.9999")
_ONE_PLACE = Decimal("0.1")
_UNIT = Decimal(1)
_HUNDRED = Decimal(100)
_PRECISION = 60  # wide enough that quantizing large ratios never raises


@dataclass(frozen=True)
class Measurement:
    date: dt.date
    value: Decimal


@dataclass(frozen=True)
class IndicatorData:
    direction: str
    target: Decimal
    baseline: Decimal | None = None
    baseline_date: dt.date | None = None
    target_date: dt.date | None = None
    frequency: str = QUARTERLY


@dataclass(frozen=True)
class Progress:
    ratio: Decimal | None  # 1 = target reached; may exceed 1 or be negative
    percent: int | None  # ratio x 100, rounded, not capped (e.g. 130, -20)
    capped_percent: int  # 0..100 for bars; 100 only when the target is reached
    reached: bool  # on or beyond the target
    exceeded: bool  # strictly beyond the target
    status: str


@dataclass(frozen=True)
class Gap:
    absolute: Decimal  # in the indicator's unit; positive = better than the target
    relative_percent: Decimal | None  # absolute / |target| x 100, 1 decimal; None if target is 0


@dataclass(frozen=True)
class IndicatorFollowUp:
    measurements: tuple[Measurement, ...]  # up to today, oldest first: the chart's series
    latest: Measurement | None
    progress: Progress
    gap: Gap | None
    trend: str | None
    expected_ratio: Decimal | None  # where the linear schedule says we should be today
    off_track: bool
    target_missed: bool  # the target date is past and the latest measurement misses the target
    overdue: bool
    next_due: dt.date | None

    @property
    def needs_attention(self) -> bool:
        return self.off_track or self.overdue or self.target_missed


def _check_direction(direction: str) -> int:
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")
    return 1 if direction == INCREASE else -1


def _check_number(value: Decimal | int | None, name: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, (float, bool)):
        raise TypeError(f"{name} must be a Decimal, not {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"{name} must be a finite number")
    return number


def _percent(ratio: Decimal) -> int:
    return int((ratio * _HUNDRED).quantize(_UNIT, rounding=ROUND_HALF_UP))


def progress(
    baseline: Decimal | None,
    target: Decimal,
    actual: Decimal | None,
    direction: str,
) -> Progress:
    """Progress of ``actual`` from ``baseline`` toward ``target`` (see the module docstring)."""
    sign = _check_direction(direction)
    baseline = _check_number(baseline, "baseline")
    target = _check_number(target, "target")
    actual = _check_number(actual, "actual")
    if target is None:
        raise ValueError("target is required")
    if actual is None:
        return Progress(None, None, 0, False, False, NO_DATA)

    beyond = sign * (actual - target)
    reached, exceeded = beyond >= 0, beyond > 0
    reached_status = EXCEEDED if exceeded else REACHED
    full = 100 if reached else 0

    if baseline is None:
        return Progress(
            None, None, full, reached, exceeded, reached_status if reached else NOT_REACHED
        )
    distance = sign * (target - baseline)
    if distance == 0:
        # Nothing to travel: either we hold the target, or we fell below it (= below the baseline).
        status = reached_status if reached else WORSE_THAN_BASELINE
        return Progress(None, None, full, reached, exceeded, status)
    if distance < 0:
        status = reached_status if reached else INCONSISTENT_TARGET
        return Progress(None, None, full, reached, exceeded, status)

    with localcontext() as context:
        context.prec = _PRECISION
        exact = (actual - baseline) / (target - baseline)
        ratio = exact.quantize(_RATIO_PLACES, rounding=ROUND_HALF_UP)
        percent = _percent(exact)
    if reached:
        return Progress(ratio, percent, 100, True, exceeded, reached_status)
    if actual * sign < baseline * sign:
        return Progress(ratio, percent, 0, False, False, WORSE_THAN_BASELINE)
    # Rounding must not announce the target before it is reached: 0.99995 shows as 0.9999 / 99 %.
    ratio, percent = min(ratio, _ALMOST_ONE), min(percent, 99)
    return Progress(ratio, percent, max(0, percent), False, False, IN_PROGRESS)


def gap(target: Decimal, actual: Decimal | None, direction: str) -> Gap | None:
    """Distance between the latest value and the target, positive when better than the target."""
    sign = _check_direction(direction)
    target = _check_number(target, "target")
    actual = _check_number(actual, "actual")
    if actual is None:
        return None
    absolute = sign * (actual - target)
    relative = None
    if target != 0:
        with localcontext() as context:
            context.prec = _PRECISION
            relative = (absolute / abs(target) * _HUNDRED).quantize(
                _ONE_PLACE, rounding=ROUND_HALF_UP
            )
    return Gap(absolute, relative)


def expected_ratio_at(day: dt.date, baseline_date: dt.date, target_date: dt.date) -> Decimal:
    """Share of the way the linear schedule expects on ``day``: 0 at the baseline date, 1 at the
    target date, clamped to 0..1."""
    if target_date <= baseline_date:
        return _UNIT if day >= target_date else Decimal(0)
    elapsed = (day - baseline_date).days
    total = (target_date - baseline_date).days
    share = (Decimal(elapsed) / Decimal(total)).quantize(_RATIO_PLACES, rounding=ROUND_HALF_UP)
    return max(Decimal(0), min(_UNIT, share))


def is_off_track(
    ratio: Decimal | None,
    day: dt.date,
    baseline_date: dt.date | None,
    target_date: dt.date | None,
    tolerance: Decimal = DEFAULT_TOLERANCE,
) -> bool:
    """True when the latest progress ratio lags the linear schedule by more than ``tolerance``.

    Never before a measurement exists (``ratio`` None), nor before 10 % of the schedule has elapsed,
    nor without a schedule (baseline and target dates).
    """
    if ratio is None or baseline_date is None or target_date is None:
        return False
    expected = expected_ratio_at(day, baseline_date, target_date)
    if expected < MIN_ELAPSED_FOR_OFF_TRACK:
        return False
    return ratio < expected - tolerance


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due_date(
    reference: dt.date | None,
    frequency: str,
    target_date: dt.date | None = None,
) -> dt.date | None:
    """When the next measurement is due, one period after ``reference`` (the last measurement, else
    the baseline date). With a ``target_date`` the due date never passes it, and nothing is due once
    the reference reaches it. ``once``: due on the target date (caller: not when measured already).
    """
    if frequency not in FREQUENCY_MONTHS:
        raise ValueError(f"unknown frequency {frequency!r}")
    if reference is None:
        return None
    if target_date is not None and reference >= target_date:
        return None
    months = FREQUENCY_MONTHS[frequency]
    if months is None:
        return target_date
    due = _add_months(reference, months)
    return min(due, target_date) if target_date is not None else due


def _due(
    last_measurement_date: dt.date | None,
    frequency: str,
    reference_date: dt.date | None,
    target_date: dt.date | None,
) -> dt.date | None:
    if frequency == ONCE and last_measurement_date is not None:
        return None
    return next_due_date(last_measurement_date or reference_date, frequency, target_date)


def is_overdue(
    today: dt.date,
    last_measurement_date: dt.date | None,
    frequency: str,
    grace_days: int = DEFAULT_GRACE_DAYS,
    *,
    reference_date: dt.date | None = None,
    target_date: dt.date | None = None,
) -> bool:
    """True when a measurement was due more than ``grace_days`` ago and has not been recorded.

    ``reference_date`` (the baseline date) starts the clock while nothing has been measured.
    """
    due = _due(last_measurement_date, frequency, reference_date, target_date)
    return due is not None and today > due + dt.timedelta(days=grace_days)


def trend(
    measurements,
    direction: str,
    *,
    scale: Decimal | None = None,
    window: int = DEFAULT_TREND_WINDOW,
    threshold: Decimal = DEFAULT_STABLE_THRESHOLD,
) -> str | None:
    """Improving, stable or worsening, from the least-squares line through the last ``window``
    measurements (at least two dates needed, else ``None``).

    The change the line shows across the window is compared with ``scale``, normally the distance
    from baseline to target (else |target|, else the mean absolute value): a change within
    ``threshold`` (5 %) of it is stable.
    """
    sign = _check_direction(direction)
    points = _series(measurements)[-window:]
    if len({m.date for m in points}) < 2:
        return None
    with localcontext() as context:
        context.prec = _PRECISION
        origin = points[0].date
        xs = [Decimal((m.date - origin).days) for m in points]
        ys = [m.value for m in points]
        mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
        sxx = sum((x - mean_x) ** 2 for x in xs)
        sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
        change = sign * sxy / sxx * (xs[-1] - xs[0])
        if scale is None or scale == 0:
            scale = sum(abs(y) for y in ys) / len(ys)
        scale = abs(scale)
        if scale == 0:
            relative = Decimal(0) if change == 0 else _UNIT.copy_sign(change)
        else:
            relative = change / scale
    if relative > threshold:
        return IMPROVING
    if relative < -threshold:
        return WORSENING
    return STABLE


def _series(measurements) -> list[Measurement]:
    """Sorted by date; of several values on one date, the last given wins."""
    by_date = {}
    for m in measurements:
        by_date[m.date] = Measurement(m.date, _check_number(m.value, "value"))
    return [by_date[day] for day in sorted(by_date)]


def follow_up(
    indicator: IndicatorData,
    measurements,
    today: dt.date,
    *,
    tolerance: Decimal = DEFAULT_TOLERANCE,
    grace_days: int = DEFAULT_GRACE_DAYS,
) -> IndicatorFollowUp:
    """Everything an indicator's page, chart and alerts need, as of ``today``.

    ``measurements`` is any iterable of objects with ``date`` and ``value``; those dated after
    ``today`` are ignored.
    """
    series = tuple(m for m in _series(measurements) if m.date <= today)
    latest = series[-1] if series else None
    actual = latest.value if latest else None
    current = progress(indicator.baseline, indicator.target, actual, indicator.direction)

    if indicator.baseline is not None and indicator.baseline != indicator.target:
        scale = abs(indicator.target - indicator.baseline)
    else:
        scale = abs(indicator.target) or None
    schedule_known = indicator.baseline_date is not None and indicator.target_date is not None
    expected = (
        expected_ratio_at(today, indicator.baseline_date, indicator.target_date)
        if schedule_known
        else None
    )
    last_date = latest.date if latest else None
    due = _due(last_date, indicator.frequency, indicator.baseline_date, indicator.target_date)
    return IndicatorFollowUp(
        measurements=series,
        latest=latest,
        progress=current,
        gap=gap(indicator.target, actual, indicator.direction),
        trend=trend(series, indicator.direction, scale=scale),
        expected_ratio=expected,
        off_track=is_off_track(
            current.ratio, today, indicator.baseline_date, indicator.target_date, tolerance
        ),
        target_missed=(
            latest is not None
            and indicator.target_date is not None
            and today > indicator.target_date
            and not current.reached
        ),
        overdue=due is not None and today > due + dt.timedelta(days=grace_days),
        next_due=due,
    )
