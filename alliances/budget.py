"""The economic model's summary: pure Decimal arithmetic that adds up, no queries."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal("100")


def _cents(value) -> Decimal:
    return Decimal(value or 0).quantize(CENT, rounding=ROUND_HALF_UP)


def keys_add_up(percents) -> bool:
    """Cost-sharing keys must add up to exactly 100 %."""
    return sum((Decimal(p) for p in percents), Decimal("0")) == HUNDRED


def split(amount, percents: list) -> list[Decimal]:
    """Split an amount by percentages, to the cent, so that the parts add up to the amount.

    Each part is rounded half up; the rounding difference goes to the largest share, so the
    sum is always exact.
    """
    amount = _cents(amount)
    if not percents:
        return []
    parts = [_cents(amount * Decimal(p) / HUNDRED) for p in percents]
    difference = amount - sum(parts, Decimal("0"))
    if difference and keys_add_up(percents):
        largest = max(range(len(percents)), key=lambda i: (Decimal(percents[i]), -i))
        parts[largest] += difference
    return parts


@dataclass
class BudgetSummary:
    resources_by_lever: dict = field(default_factory=dict)  # lever → Decimal
    resources_total: Decimal = Decimal("0")
    cash: Decimal = Decimal("0")
    in_kind: Decimal = Decimal("0")
    skills: Decimal = Decimal("0")
    contributions_total: Decimal = Decimal("0")
    income_total: Decimal = Decimal("0")
    expenses_total: Decimal = Decimal("0")
    shared_expenses: Decimal = Decimal("0")
    balance: Decimal = Decimal("0")
    shares: list = field(default_factory=list)  # [(label, percent, amount)]
    keys_complete: bool = False


def summarise(resources, contributions, expenses, keys) -> BudgetSummary:
    """resources [(lever, amount)], contributions [(cash, in_kind, skills)],
    expenses [(amount, shared)], keys [(label, percent)] → the budget summary.

    Income = resources on the three levers + partners' contributions (cash, in kind, skills);
    balance = income − expenses; shared expenses are split by the keys.
    """
    summary = BudgetSummary()
    for lever, amount in resources:
        summary.resources_by_lever[lever] = summary.resources_by_lever.get(
            lever, Decimal("0")
        ) + _cents(amount)
    summary.resources_total = sum(summary.resources_by_lever.values(), Decimal("0"))
    for cash, in_kind, skills in contributions:
        summary.cash += _cents(cash)
        summary.in_kind += _cents(in_kind)
        summary.skills += _cents(skills)
    summary.contributions_total = summary.cash + summary.in_kind + summary.skills
    summary.income_total = summary.resources_total + summary.contributions_total
    for amount, shared in expenses:
        summary.expenses_total += _cents(amount)
        if shared:
            summary.shared_expenses += _cents(amount)
    summary.balance = summary.income_total - summary.expenses_total
    percents = [Decimal(p) for _label, p in keys]
    summary.keys_complete = bool(keys) and keys_add_up(percents)
    amounts = split(summary.shared_expenses, percents)
    summary.shares = [
        (label, percent, amount) for (label, percent), amount in zip(keys, amounts, strict=True)
    ]
    return summary
