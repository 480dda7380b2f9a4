"""The health check's results, computed from the answers: no queries here.

A party is an organisation (the lead, a co-member, a partner). Its means are shown when at
least MIN_RESPONDENTS of its people answered; the others are merged into « Autres parties »,
itself shown only with MIN_RESPONDENTS people, so that no figure is ever one person's answer;
whoever is left in no shown party counts in no figure, the overall means included.
« Ne sait pas » is not a score: means are taken over the values given only.

A perception gap: on an axis, two shown parties whose means differ by GAP_THRESHOLD or more;
it carries the statements where those two parties differ most.
"""

from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

MIN_RESPONDENTS = 2
GAP_THRESHOLD = Decimal("1.5")
STATEMENTS_PER_GAP = 2
OTHERS_KEY = "others"


@dataclass(frozen=True)
class AxisSpec:
    code: str
    title: str
    statements: tuple[str, ...]


@dataclass(frozen=True)
class Response:
    """One person's answers: {statement code: 1..5, or None for « ne sait pas »}."""

    party_key: str
    party_name: str
    values: dict


@dataclass
class PartyResult:
    key: str
    name: str
    respondents: int
    axes: dict  # {axis code: mean as a string with one decimal, or None}
    statements: dict  # {statement code: mean as a string, or None}

    def axis_mean(self, code) -> Decimal | None:
        value = self.axes.get(code)
        return Decimal(value) if value is not None else None


@dataclass
class Gap:
    key: str
    axis: str
    axis_title: str
    parties: list  # [key, key]
    names: list  # [name, name]
    means: list  # [mean, mean] as strings
    difference: str
    statements: list  # [{"code", "means": [a, b], "difference"}]


@dataclass
class Results:
    axes: list  # [{"code", "title"}]
    respondents: int
    overall: dict  # {axis code: mean or None}; empty under MIN_RESPONDENTS people
    parties: list = field(default_factory=list)  # [PartyResult], the shown ones
    gaps: list = field(default_factory=list)  # [Gap]
    parties_merged: int = 0  # parties whose people went to « Autres parties »
    unshown_respondents: int = 0  # people in no shown party (too few even merged)

    def as_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Results":
        data = dict(data)
        data["parties"] = [PartyResult(**p) for p in data.get("parties", [])]
        data["gaps"] = [Gap(**g) for g in data.get("gaps", [])]
        return cls(**data)

    def overall_mean(self, code) -> Decimal | None:
        value = self.overall.get(code)
        return Decimal(value) if value is not None else None


def one_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _mean_of_people(responses, codes) -> Decimal | None:
    """The mean of the values these people gave to these statements, when at least
    MIN_RESPONDENTS of them gave one: otherwise it would be one person's answer."""
    values, people = [], 0
    for response in responses:
        given = [response.values[c] for c in codes if response.values.get(c) is not None]
        if given:
            people += 1
            values += given
    if people < MIN_RESPONDENTS:
        return None
    return one_decimal(Decimal(sum(values)) / len(values))


def _group_result(key, name, responses, axes) -> PartyResult:
    statements = {
        code: _text(_mean_of_people(responses, (code,)))
        for axis in axes
        for code in axis.statements
    }
    axis_means = {axis.code: _text(_mean_of_people(responses, axis.statements)) for axis in axes}
    return PartyResult(key, name, len(responses), axis_means, statements)


def compute(axes: tuple[AxisSpec, ...], responses: list[Response]) -> Results:
    # Someone who answered « ne sait pas » only gave no score: not a respondent of the figures.
    responses = [r for r in responses if any(v is not None for v in r.values.values())]
    by_party: dict[str, list[Response]] = {}
    names = {}
    for response in responses:
        by_party.setdefault(response.party_key, []).append(response)
        names.setdefault(response.party_key, response.party_name)
    shown, merged = [], []
    for key, group in by_party.items():
        (shown if len(group) >= MIN_RESPONDENTS else merged).append(key)
    parties = [_group_result(key, names[key], by_party[key], axes) for key in shown]
    merged_responses = [r for key in merged for r in by_party[key]]
    counted = [r for key in shown for r in by_party[key]]
    unshown = 0
    if len(merged_responses) >= MIN_RESPONDENTS:
        parties.append(_group_result(OTHERS_KEY, "", merged_responses, axes))
        counted += merged_responses
    else:
        unshown = len(merged_responses)
    parties.sort(key=lambda p: (p.key == OTHERS_KEY, p.name.casefold()))
    # The overall means leave out whoever is in no shown party: with the parties' means and
    # head counts beside them, that person's answers could be worked back from the overall.
    overall = {}
    if len(counted) >= MIN_RESPONDENTS:
        overall = _group_result("all", "", counted, axes).axes
    return Results(
        axes=[{"code": a.code, "title": a.title} for a in axes],
        respondents=len(responses),
        overall=overall,
        parties=parties,
        gaps=find_gaps(axes, parties),
        parties_merged=len(merged) if len(merged_responses) >= MIN_RESPONDENTS else 0,
        unshown_respondents=unshown,
    )


def find_gaps(axes, parties: list[PartyResult]) -> list[Gap]:
    gaps = []
    for axis in axes:
        for first, second in combinations(parties, 2):
            a, b = first.axis_mean(axis.code), second.axis_mean(axis.code)
            if a is None or b is None or abs(a - b) < GAP_THRESHOLD:
                continue
            # The party that sees the axis lower comes first.
            low, high = (first, second) if a <= b else (second, first)
            gaps.append(_gap(axis, low, high))
    gaps.sort(key=lambda g: (-Decimal(g.difference), g.axis))
    return gaps


def _gap(axis, low: PartyResult, high: PartyResult) -> Gap:
    behind = []
    for code in axis.statements:
        x, y = low.statements.get(code), high.statements.get(code)
        if x is None or y is None or x == y:
            continue
        behind.append(
            {"code": code, "means": [x, y], "difference": str(abs(Decimal(y) - Decimal(x)))}
        )
    behind.sort(key=lambda s: (-Decimal(s["difference"]), s["code"]))
    low_mean, high_mean = low.axis_mean(axis.code), high.axis_mean(axis.code)
    return Gap(
        key=f"{axis.code}|{low.key}|{high.key}",
        axis=axis.code,
        axis_title=axis.title,
        parties=[low.key, high.key],
        names=[low.name, high.name],
        means=[str(low_mean), str(high_mean)],
        difference=str(high_mean - low_mean),
        statements=behind[:STATEMENTS_PER_GAP],
    )


def evolution(current: Results, previous: Results | None) -> list[dict]:
    """Per axis of the current results: its overall mean, the previous one (same axis code)
    and the change; None where either is missing."""
    rows = []
    for axis in current.axes:
        now = current.overall_mean(axis["code"])
        before = previous.overall_mean(axis["code"]) if previous else None
        change = now - before if now is not None and before is not None else None
        rows.append(
            {
                "code": axis["code"],
                "title": axis["title"],
                "now": now,
                "before": before,
                "change": change,
            }
        )
    return rows
