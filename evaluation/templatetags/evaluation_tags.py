from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def url_or_empty(name, *args):
    """A URL that may not exist yet on this branch (other apps' pages): '' when missing."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def smart_missing(assessment):
    """« mesurable, temporellement défini »: the criteria not met yet."""
    return ", ".join(str(c.label).lower() for c in assessment.criteria if not c.met)
