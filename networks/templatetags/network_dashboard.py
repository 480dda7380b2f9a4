"""Parts of the network dashboard written in Python rather than as template loops: a page of
25 members with ~10 alliances each, and a department filter of ~100 options, made ~2,500
template nodes, half of the page's time. Each of these is one call."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

SELECTED = mark_safe(" selected")


@register.simple_tag
def alliance_lines(lines, empty_text):
    """Each alliance as a link and the step it has reached, one per line."""
    if not lines:
        return format_html('<span class="text-body-secondary">{}</span>', empty_text)
    return format_html_join(
        mark_safe("<br>"),
        '<a href="{}">{}</a> · <span class="small">{}</span>',
        ((line.url, line.alliance.title, line.step_label) for line in lines),
    )


@register.simple_tag
def filter_options(field):
    """The <option>s of a filter's <select>, the submitted one selected."""
    value = field.value()
    current = "" if value is None else str(value)
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, SELECTED if str(value) == current else "", label)
            for value, label in field.field.choices
        ),
    )
