from decimal import Decimal

from django import template

register = template.Library()


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
