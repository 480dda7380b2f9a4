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


# The levers whose resources are given in kind and valued rather than paid (the values of
# models.economics.Lever): volunteers, staff made available, skills, the means other
# organisations bring. Funding ("financial") is money.
VALUED_IN_KIND_LEVERS = ("human", "alliances")


@dataclass
class BudgetSummary:
    """The year's budget as the associations' accounting plan presents it: money on one side
    and the other, then the contributions in kind valued on both sides (compte 87 among the
    resources, compte 86 among the expenses), so that they never make a balance."""

    resources_by_lever: dict = field(default_factory=dict)  # lever → Decimal
    resources_total: Decimal = Decimal("0")  # every resource on the three levers
    cash: Decimal = Decimal("0")  # partners' contributions in cash…
    in_kind: Decimal = Decimal("0")  # …in kind, valued…
    skills: Decimal = Decimal("0")  # …in skills, valued
    contributions_total: Decimal = Decimal("0")
    funding: Decimal = Decimal("0")  # resources on the funding lever
    financial_income: Decimal = Decimal("0")  # funding + partners' cash
    valued_resources: Decimal = Decimal("0")  # resources on the human and alliances levers
    partners_in_kind: Decimal = Decimal("0")  # partners' contributions in kind and skills
    in_kind_total: Decimal = Decimal("0")  # valued resources + partners' in kind
    income_total: Decimal = Decimal("0")  # financial income + in kind (87)
    financial_expenses: Decimal = Decimal("0")  # the expenses entered
    expenses_total: Decimal = Decimal("0")  # financial expenses + in kind (86)
    shared_expenses: Decimal = Decimal("0")
    balance: Decimal = Decimal("0")  # income − expenses: money only, in kind is on both sides
    shares: list = field(default_factory=list)  # [(label, percent, amount)]
    keys_complete: bool = False


def summarise(resources, contributions, expenses, keys) -> BudgetSummary:
    """resources [(lever, amount)], contributions [(cash, in_kind, skills)],
    expenses [(amount, shared)], keys [(label, percent)] → the budget summary.

    Money in = resources on the funding lever + partners' cash; money out = the expenses.
    Contributions in kind = resources on the human and alliances levers + partners' in kind and
    skills: counted as resources (87) and as expenses (86) alike. Balance = money in − money
    out. Shared expenses are split by the keys.
    """
    summary = BudgetSummary()
    for lever, amount in resources:
        summary.resources_by_lever[lever] = summary.resources_by_lever.get(
            lever, Decimal("0")
        ) + _cents(amount)
        if lever in VALUED_IN_KIND_LEVERS:
            summary.valued_resources += _cents(amount)
        else:
            summary.funding += _cents(amount)
    summary.resources_total = sum(summary.resources_by_lever.values(), Decimal("0"))
    for cash, in_kind, skills in contributions:
        summary.cash += _cents(cash)
        summary.in_kind += _cents(in_kind)
        summary.skills += _cents(skills)
    summary.contributions_total = summary.cash + summary.in_kind + summary.skills
    summary.financial_income = summary.funding + summary.cash
    summary.partners_in_kind = summary.in_kind + summary.skills
    summary.in_kind_total = summary.valued_resources + summary.partners_in_kind
    summary.income_total = summary.financial_income + summary.in_kind_total
    for amount, shared in expenses:
        summary.financial_expenses += _cents(amount)
        if shared:
            summary.shared_expenses += _cents(amount)
    summary.expenses_total = summary.financial_expenses + summary.in_kind_total
    summary.balance = summary.income_total - summary.expenses_total
    percents = [Decimal(p) for _label, p in keys]
    summary.keys_complete = bool(keys) and keys_add_up(percents)
    amounts = split(summary.shared_expenses, percents)
    summary.shares = [
        (label, percent, amount) for (label, percent), amount in zip(keys, amounts, strict=True)
    ]
    return summary
