"""Parts of the alliance's pages written in Python: the alliance file shows each of its texts
(thirteen) with the same markup, an include each cost more than what it shows."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def text_block(label, value):
    """A text of the alliance's file under its label, or « Pas encore rédigé. »"""
    if value:
        return format_html('<dt>{}</dt><dd class="fa-text">{}</dd>', label, linebreaksbr(value))
    return format_html(
        '<dt>{}</dt><dd class="fa-text"><span class="text-body-secondary">{}</span></dd>',
        label,
        gettext("Not written yet."),
    )
