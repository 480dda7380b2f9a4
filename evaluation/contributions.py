"""Who brought what to a shared indicator's result: pure and query-free.

The result is the way travelled from the baseline, in the expected direction (for « Temps
salarié mutualisé », 0 → 3 ETP: 3 ETP; for administrative costs, 400 000 → 334 000 €: 66 000 €
saved); without a baseline, the latest value. Each contributor's contributions add up to its
total; its share is that total over the result, in %, to one decimal place. What the
contributions do not explain is « not attributed »; contributions may also add up to more than
the result (then the shares add up to more than 100 %, and the page says so).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

_ONE_PLACE = Decimal("0.1")
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ContributorTotal:
    name: str
    total: Decimal
    share: Decimal | None  # % of the result; None when there is no positive result


@dataclass(frozen=True)
class ContributionShares:
    result: Decimal | None
    rows: tuple[ContributorTotal, ...]  # the largest total first
    total: Decimal
    share: Decimal | None  # the contributions' total as a % of the result
    unattributed: Decimal | None  # result − total when positive, else None
    unattributed_share: Decimal | None  # its % of the result

    @property
    def exceeds_result(self) -> bool:
        return self.result is not None and self.total > self.result


def result_of(direction: str, baseline: Decimal | None, latest: Decimal | None) -> Decimal | None:
    """The way travelled from the baseline to the latest value, positive in the expected
    direction; the latest value itself without a baseline; None before any measurement."""
    if latest is None:
        return None
    if baseline is None:
        return latest
    return baseline - latest if direction == "decrease" else latest - baseline


def _share(part: Decimal, whole: Decimal | None) -> Decimal | None:
    if whole is None or whole <= 0:
        return None
    with localcontext() as context:
        context.prec = 40
        return (part / whole * _HUNDRED).quantize(_ONE_PLACE, rounding=ROUND_HALF_UP)


def shares(contributions, result: Decimal | None) -> ContributionShares:
    """contributions: (contributor key, name, value), any order, a contributor any number of
    times (its key tells two contributors of the same name apart) → each contributor's total
    and share of ``result``."""
    totals: dict = {}
    names: dict = {}
    for key, name, value in contributions:
        totals[key] = totals.get(key, Decimal(0)) + Decimal(value)
        names[key] = name
    ordered = sorted(totals, key=lambda key: (-totals[key], names[key].lower()))
    rows = tuple(
        ContributorTotal(names[key], totals[key], _share(totals[key], result)) for key in ordered
    )
    total = sum((row.total for row in rows), Decimal(0))
    unattributed = None
    if result is not None and result > total:
        unattributed = result - total
    return ContributionShares(
        result,
        rows,
        total,
        _share(total, result),
        unattributed,
        _share(unattributed, result) if unattributed is not None else None,
    )
