from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def site_languages():
    """[(code, name)]: each language named in itself (« English » stays « English » on a French
    page, where Django's get_available_languages would translate it)."""
    return settings.LANGUAGES
