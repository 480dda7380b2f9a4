from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.navigation import app_hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def thread_link(context, alliance, kind, item_pk, label):
    """« Discuss » or « 3 messages », to the item's thread (the page's `counts`)."""
    count = context.get("counts", {}).get((kind, item_pk), 0)
    url = reverse("partnerspace:thread", args=[alliance.pk, kind, item_pk])
    text = (
        ngettext("%(n)s message", "%(n)s messages", count) % {"n": count} if count else _("Discuss")
    )
    return format_html(
        '<a class="small text-nowrap" href="{}">{}<span class="visually-hidden"> – {}</span></a>',
        url,
        text,
        label,
    )


@register.simple_tag
def space_tabs(alliance):
    """The tabs apps above this one add to a partners' space (`navigation.space_tabs(alliance)`:
    the health check), after its own."""
    tabs = [tab for hook in app_hooks("navigation", "space_tabs") for tab in hook(alliance)]
    return sorted(tabs, key=lambda tab: tab.order)
