"""French display of numbers: `1 250,00 €`, `3,4`, `15 %`. Values stay Decimal until here."""

from decimal import Decimal, InvalidOperation

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space, before « % » and « € » in French typography


def _decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def euros(value, places=2):
    """1250 → « 1 250,00 € » (grouped, French separators). None → « — »."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    return f"{floatformat(amount, f'{int(places)}g')}{NBSP}€"


@register.filter
def number(value, places=0):
    """French grouping and decimal comma: 12500.5 → « 12 500,5 » with places=1."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    return floatformat(amount, f"{int(places)}g")


@register.filter
def score(value):
    """A 1–5 score to one decimal: 3.45 → « 3,5 » (half up, as the scoring module rounds)."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    from decimal import ROUND_HALF_UP

    return floatformat(amount.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), 1)


@register.filter
def percent(value, places=0):
    amount = _decimal(value)
    if amount is None:
        return "—"
    return f"{floatformat(amount, f'{int(places)}g')}{NNBSP}%"


@register.filter
def with_unit(value, unit):
    """A measured value with its unit: « 340 000 € », « 12 bénévoles », « 15 % »."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    places = 0 if amount == amount.to_integral_value() else 2
    text = floatformat(amount, f"{places}g")
    if not unit:
        return text
    separator = NNBSP if unit in ("%", "€") else NBSP
    return f"{text}{separator}{unit}"
