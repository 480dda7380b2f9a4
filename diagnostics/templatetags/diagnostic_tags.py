from decimal import Decimal

from django import template

from core.templatetags.fr_format import score

register = template.Library()


@register.filter
def signed_score(value):
    """A change of score: « +0,3 », « −0,2 » (true minus sign), « = » when unchanged."""
    if value is None:
        return "—"
    value = Decimal(value)
    if value == 0:
        return "="
    text = score(abs(value))
    return f"+{text}" if value > 0 else f"\u2212{text}"


@register.filter
def band_class(band):
    return {
        "priority": "band-priority",
        "consolidate": "band-consolidate",
        "strength": "band-strength",
    }.get(getattr(band, "value", band) or "", "band-none")


@register.filter
def scale_width(value, width=40):
    """Length (mm, as text with a dot) of a bar for a 1–5 value: 1 → 0, 5 → `width`."""
    if value is None:
        return "0"
    fraction = (Decimal(value) - 1) / 4
    return f"{max(Decimal(0), fraction) * Decimal(width):.1f}"
