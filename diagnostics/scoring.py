"""Scoring of the self-diagnostic « politique partenariale » (rules: shared/domain/diagnostic.md).

Everything here is a pure function over plain data, so that the web pages, the PDF report and the
network views all read their numbers from one place and can never disagree.

Two rules shape the arithmetic:

* Bands and maturity levels are read on the score *as displayed* (one decimal, half up), so
  that the number a user sees and the label beside it always agree: a mean of 2.95 shows 3.0,
  « à consolider ».
* Means are computed exactly, as fractions, and turned into a Decimal once, by truncation.
  Summing 28-digit Decimals of values like 33/7 can turn an exact 3.95 into 3.9499…98, which
  would display as 3.9 and put the axis in the wrong band. A truncated Decimal is never above the
  exact value and never below a one-decimal tie it reaches, so rounding it half up gives the
  exact value rounded half up.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum
from fractions import Fraction
from typing import Any

__all__ = [
    "DISCUSSION_SPREAD",
    "MIN_ANSWERED_STATEMENTS",
    "MIN_GROUP_SIZE",
    "MIN_SCORED_AXES_FOR_OVERALL",
    "Answer",
    "Answers",
    "AxisResult",
    "AxisSpec",
    "Band",
    "CampaignResult",
    "Delta",
    "Evolution",
    "Quartiles",
    "StatementResult",
    "axis_specs_from_questionnaire",
    "band_for",
    "evolution",
    "maturity_level_for",
    "network_median",
    "one_decimal",
    "percent_for",
    "quartiles",
    "result_as_json",
    "score_campaign",
    "summary_from_json",
    "ScoreSummary",
    "AxisScore",
    "network_benchmark",
]

SCALE_MIN = 1
SCALE_MAX = 5

#: An axis needs this many answered statements (out of 5) to be scored.
MIN_ANSWERED_STATEMENTS = 3
#: Below this many scored axes there is no overall score and no maturity level.
MIN_SCORED_AXES_FOR_OVERALL = 5
#: Smallest group whose aggregate may be shown: protects each member's anonymity in network
#: comparisons. Reused by other apps for the same purpose.
MIN_GROUP_SIZE = 5
#: Numeric answers to a statement that span this many points or more make a « point de discussion ».
DISCUSSION_SPREAD = 2

_ONE_DECIMAL = Decimal("0.1")
_WHOLE = Decimal(1)
_CONSOLIDATE_FROM = Decimal("3.0")
_STRENGTH_FROM = Decimal("4.0")
# (level, lowest displayed overall score of that level), highest level first.
_MATURITY_LEVELS_FROM = ((4, Decimal("4.0")), (3, Decimal("3.3")), (2, Decimal("2.5")))

#: One respondent's answer to one statement: 1..5, or None for « Je ne sais pas / non concerné ».
Answer = int | None
#: respondent id -> {statement code: answer}. A statement left out has not been answered yet.
Answers = Mapping[Hashable, Mapping[str, Answer]]


class Band(StrEnum):
    """Band of an axis; the values are the keys of the recommendations in the questionnaire file."""

    PRIORITY = "priority"
    CONSOLIDATE = "consolidate"
    STRENGTH = "strength"


@dataclass(frozen=True)
class AxisSpec:
    """What scoring needs to know of an axis: its code and its statements' codes, in order."""

    code: str
    statement_codes: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "statement_codes", tuple(self.statement_codes))


@dataclass(frozen=True)
class StatementResult:
    """One statement, over all the campaign's respondents. `mean` is unrounded."""

    code: str
    mean: Decimal | None
    n_numeric: int
    n_dont_know: int
    min: int | None
    max: int | None

    @property
    def answered(self) -> bool:
        return self.n_numeric > 0

    @property
    def display_mean(self) -> Decimal | None:
        return None if self.mean is None else one_decimal(self.mean)

    @property
    def spread(self) -> int | None:
        if self.min is None or self.max is None:
            return None
        return self.max - self.min

    @property
    def is_discussion_point(self) -> bool:
        """Respondents disagree enough for the board to talk it over."""
        return self.spread is not None and self.spread >= DISCUSSION_SPREAD


@dataclass(frozen=True)
class AxisResult:
    """One axis. All score fields are None when the axis is « insuffisamment renseigné »."""

    code: str
    statements: tuple[StatementResult, ...]
    score: Decimal | None
    display_score: Decimal | None
    percent: int | None
    band: Band | None

    @property
    def answered_count(self) -> int:
        return sum(1 for statement in self.statements if statement.answered)

    @property
    def is_scored(self) -> bool:
        return self.score is not None

    @property
    def discussion_points(self) -> tuple[StatementResult, ...]:
        return tuple(s for s in self.statements if s.is_discussion_point)


@dataclass(frozen=True)
class CampaignResult:
    """A whole diagnostic campaign. `overall` is unrounded; the others are as displayed."""

    axes: tuple[AxisResult, ...]
    respondent_count: int
    overall: Decimal | None
    display_overall: Decimal | None
    maturity_level: int | None

    def axis(self, code: str) -> AxisResult:
        for axis in self.axes:
            if axis.code == code:
                return axis
        raise KeyError(code)

    @property
    def scored_axes(self) -> tuple[AxisResult, ...]:
        return tuple(axis for axis in self.axes if axis.is_scored)

    @property
    def missing_axes(self) -> tuple[AxisResult, ...]:
        """Axes to complete: they are not scored, and the results must say so."""
        return tuple(axis for axis in self.axes if not axis.is_scored)

    @property
    def discussion_points(self) -> tuple[StatementResult, ...]:
        return tuple(s for axis in self.axes for s in axis.discussion_points)

    @property
    def priorities(self) -> tuple[AxisResult, ...]:
        """« Prioritaire » axes, weakest first (questionnaire order among equals)."""
        priority = [axis for axis in self.axes if axis.band is Band.PRIORITY]
        return tuple(sorted(priority, key=lambda axis: axis.score))

    @property
    def strengths(self) -> tuple[AxisResult, ...]:
        """« Point fort » axes, strongest first (questionnaire order among equals)."""
        strength = [axis for axis in self.axes if axis.band is Band.STRENGTH]
        return tuple(sorted(strength, key=lambda axis: -axis.score))


@dataclass(frozen=True)
class Delta:
    """Change of one displayed score since the previous diagnostic."""

    code: str
    current: Decimal | None
    previous: Decimal | None

    @property
    def delta(self) -> Decimal | None:
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous


@dataclass(frozen=True)
class Evolution:
    axes: tuple[Delta, ...]
    overall: Delta

    def axis(self, code: str) -> Delta:
        for delta in self.axes:
            if delta.code == code:
                return delta
        raise KeyError(code)


@dataclass(frozen=True)
class Quartiles:
    """A distribution summed up without its extremes, which could single out one member."""

    q1: Decimal
    median: Decimal
    q3: Decimal
    count: int


# --- Display rules -------------------------------------------------------------------------------


def one_decimal(value: Decimal) -> Decimal:
    """The score as displayed: one decimal, half up."""
    return value.quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)


def percent_for(display_score: Decimal) -> int:
    """`(displayed score − 1) / 4 × 100`, to a whole number, half up."""
    value = (one_decimal(display_score) - 1) / 4 * 100
    return int(value.quantize(_WHOLE, rounding=ROUND_HALF_UP))


def band_for(score: Decimal) -> Band:
    """Band of an axis score, read on its displayed value whatever the caller passes."""
    displayed = one_decimal(score)
    if displayed >= _STRENGTH_FROM:
        return Band.STRENGTH
    if displayed >= _CONSOLIDATE_FROM:
        return Band.CONSOLIDATE
    return Band.PRIORITY


def maturity_level_for(overall: Decimal) -> int:
    """Maturity level 1..4 of an overall score, read on its displayed value."""
    displayed = one_decimal(overall)
    for level, lowest in _MATURITY_LEVELS_FROM:
        if displayed >= lowest:
            return level
    return 1


# --- Campaign scoring ----------------------------------------------------------------------------


def axis_specs_from_questionnaire(questionnaire: Mapping[str, Any]) -> tuple[AxisSpec, ...]:
    """Axis specs from a questionnaire file's content (e.g. questionnaires/v1.json)."""
    return tuple(
        AxisSpec(
            code=axis["code"],
            statement_codes=tuple(statement["code"] for statement in axis["statements"]),
        )
        for axis in questionnaire["axes"]
    )


def score_campaign(axes: Sequence[AxisSpec], answers: Answers) -> CampaignResult:
    """Score a campaign from every respondent's answers.

    Raises ValueError on an answer outside 1..5 or a statement code the questionnaire lacks: either
    means the answers were saved against another questionnaire version.
    """
    _check_answers(axes, answers)
    axis_results = []
    exact_scores = []
    for spec in axes:
        result, exact = _score_axis(spec, answers)
        axis_results.append(result)
        if exact is not None:
            exact_scores.append(exact)

    overall = display_overall = level = None
    if len(exact_scores) >= MIN_SCORED_AXES_FOR_OVERALL:
        overall = _to_decimal(_mean(exact_scores))
        display_overall = one_decimal(overall)
        level = maturity_level_for(display_overall)
    return CampaignResult(
        axes=tuple(axis_results),
        respondent_count=len(answers),
        overall=overall,
        display_overall=display_overall,
        maturity_level=level,
    )


def _check_answers(axes: Sequence[AxisSpec], answers: Answers) -> None:
    known = {code for spec in axes for code in spec.statement_codes}
    for respondent, given in answers.items():
        for code, value in given.items():
            if code not in known:
                raise ValueError(f"Respondent {respondent!r}: unknown statement {code!r}.")
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"Respondent {respondent!r}, {code}: {value!r} is not an integer.")
            if not SCALE_MIN <= value <= SCALE_MAX:
                raise ValueError(f"Respondent {respondent!r}, {code}: {value} is not within 1..5.")


def _score_axis(spec: AxisSpec, answers: Answers) -> tuple[AxisResult, Fraction | None]:
    statements = []
    statement_means = []
    for code in spec.statement_codes:
        statement, exact_mean = _score_statement(code, answers)
        statements.append(statement)
        if exact_mean is not None:
            statement_means.append(exact_mean)

    if len(statement_means) < MIN_ANSWERED_STATEMENTS:
        result = AxisResult(spec.code, tuple(statements), None, None, None, None)
        return result, None

    exact = _mean(statement_means)
    score = _to_decimal(exact)
    display = one_decimal(score)
    result = AxisResult(
        code=spec.code,
        statements=tuple(statements),
        score=score,
        display_score=display,
        percent=percent_for(display),
        band=band_for(display),
    )
    return result, exact


def _score_statement(code: str, answers: Answers) -> tuple[StatementResult, Fraction | None]:
    given = [respondent[code] for respondent in answers.values() if code in respondent]
    numeric = [value for value in given if value is not None]
    exact = _mean(Fraction(value) for value in numeric) if numeric else None
    result = StatementResult(
        code=code,
        mean=None if exact is None else _to_decimal(exact),
        n_numeric=len(numeric),
        n_dont_know=len(given) - len(numeric),
        min=min(numeric, default=None),
        max=max(numeric, default=None),
    )
    return result, exact


# --- Evolution and network comparison ------------------------------------------------------------


def evolution(current: CampaignResult, previous: CampaignResult | None) -> Evolution:
    """Changes since the previous diagnostic, on displayed scores, matched by axis code.

    Displayed scores are compared so that the change shown is the difference of the two numbers
    shown. An axis missing or not scored on either side has no change.
    """
    previous_scores = {} if previous is None else {a.code: a.display_score for a in previous.axes}
    axes = tuple(
        Delta(axis.code, axis.display_score, previous_scores.get(axis.code))
        for axis in current.axes
    )
    overall = Delta(
        "overall",
        current.display_overall,
        None if previous is None else previous.display_overall,
    )
    return Evolution(axes=axes, overall=overall)


def network_median(values: Iterable[Decimal | None]) -> Decimal | None:
    """Median of the members' unrounded axis scores, None (not shown) below MIN_GROUP_SIZE.

    None values are members whose axis is not scored; they are left out of the count too.
    """
    contributing = _contributing(values)
    if contributing is None:
        return None
    return _to_decimal(_quantile(contributing, Fraction(1, 2)))


def quartiles(values: Iterable[Decimal | None]) -> Quartiles | None:
    """First quartile, median and third quartile, None below MIN_GROUP_SIZE contributors.

    Linear interpolation between the closest ranks, the « inclusive » method of
    `statistics.quantiles`, so the median agrees with `network_median`.
    """
    contributing = _contributing(values)
    if contributing is None:
        return None
    q1, median, q3 = (_to_decimal(_quantile(contributing, Fraction(k, 4))) for k in (1, 2, 3))
    return Quartiles(q1=q1, median=median, q3=q3, count=len(contributing))


def _contributing(values: Iterable[Decimal | None]) -> list[Fraction] | None:
    contributing = sorted(Fraction(value) for value in values if value is not None)
    return contributing if len(contributing) >= MIN_GROUP_SIZE else None


def _quantile(ordered: Sequence[Fraction], p: Fraction) -> Fraction:
    position = (len(ordered) - 1) * p
    below = int(position)  # position >= 0, so this is the floor
    if below == len(ordered) - 1:
        return ordered[below]
    weight = position - below
    return ordered[below] + (ordered[below + 1] - ordered[below]) * weight


# --- Exact arithmetic ----------------------------------------------------------------------------


def _mean(values: Iterable[Fraction]) -> Fraction:
    values = list(values)
    return sum(values, Fraction(0)) / len(values)


def _to_decimal(value: Fraction) -> Decimal:
    # Truncation, not rounding: see the module docstring.
    with localcontext() as context:
        context.prec = 28
        context.rounding = ROUND_FLOOR
        return Decimal(value.numerator) / Decimal(value.denominator)


# --- Stored scores and the network's benchmark ---------------------------------------------------
#
# A finished campaign keeps its scores (exact, as strings) so that pages comparing hundreds of
# members read them instead of scoring every campaign again; the network's figures are made
# from those stored scores by `network_benchmark`, whose result is stored too.


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def result_as_json(result: CampaignResult) -> dict:
    """What a finished campaign stores of its result: exact scores, as JSON."""
    return {
        "overall": _text(result.overall),
        "axes": [[axis.code, _text(axis.score)] for axis in result.axes],
        "respondents": result.respondent_count,
    }


@dataclass(frozen=True)
class AxisScore:
    code: str
    score: Decimal | None

    @property
    def display_score(self) -> Decimal | None:
        return None if self.score is None else one_decimal(self.score)

    @property
    def band(self) -> Band | None:
        return None if self.score is None else band_for(self.score)


@dataclass(frozen=True)
class ScoreSummary:
    """A finished campaign's stored scores: what dashboards, exports and the network read."""

    overall: Decimal | None
    axes: tuple[AxisScore, ...]
    respondent_count: int = 0

    @property
    def display_overall(self) -> Decimal | None:
        return None if self.overall is None else one_decimal(self.overall)

    @property
    def maturity_level(self) -> int | None:
        return None if self.overall is None else maturity_level_for(self.overall)

    def axis(self, code: str) -> AxisScore:
        for axis in self.axes:
            if axis.code == code:
                return axis
        raise KeyError(code)

    @property
    def priorities(self) -> tuple[AxisScore, ...]:
        """« Prioritaire » axes, weakest first (questionnaire order among equals)."""
        priority = [axis for axis in self.axes if axis.band is Band.PRIORITY]
        return tuple(sorted(priority, key=lambda axis: axis.score))


def summary_from_json(data) -> ScoreSummary | None:
    if not data:
        return None
    return ScoreSummary(
        overall=_decimal(data.get("overall")),
        axes=tuple(AxisScore(code, _decimal(score)) for code, score in data.get("axes", [])),
        respondent_count=data.get("respondents", 0),
    )


def _quartiles_json(values) -> dict | None:
    stats = quartiles(values)
    if stats is None:
        return None
    return {
        "q1": str(stats.q1),
        "median": str(stats.median),
        "q3": str(stats.q3),
        "count": stats.count,
    }


def network_benchmark(
    member_count: int,
    latest: Sequence[ScoreSummary],
    yearly: Mapping[int, Sequence[Decimal | None]],
    titles: Mapping[str, str],
) -> dict:
    """The network's figures, as JSON: for each axis the members' quartiles (None below
    MIN_GROUP_SIZE scored members), the maturity levels (None below MIN_GROUP_SIZE), and for
    each year the median overall score of each member's latest finished diagnostic of that
    year. `latest`: each member's latest finished campaign; `titles`: axis code -> title, in
    the questionnaire's order (axes met only in `latest` come after)."""
    codes = list(titles)
    for summary in latest:
        for axis in summary.axes:
            if axis.code not in codes:
                codes.append(axis.code)
    by_axis = {code: [] for code in codes}
    for summary in latest:
        for axis in summary.axes:
            by_axis[axis.code].append(axis.score)
    levels = dict.fromkeys((1, 2, 3, 4), 0)
    for summary in latest:
        if summary.maturity_level:
            levels[summary.maturity_level] += 1
    with_level = sum(levels.values())
    return {
        "members": member_count,
        "contributors": len(latest),
        "axes": [
            {
                "code": code,
                "title": titles.get(code, code),
                "count": sum(value is not None for value in by_axis[code]),
                "quartiles": _quartiles_json(by_axis[code]),
            }
            for code in codes
        ],
        "levels": {str(level): n for level, n in levels.items()}
        if with_level >= MIN_GROUP_SIZE
        else None,
        "with_level": with_level,
        "evolution": [
            {
                "year": year,
                "count": len(yearly[year]),
                "median": _text(network_median(yearly[year])),
            }
            for year in sorted(yearly)
        ],
    }
