"""get_FOO_display() in a dict lookup.

Django's rebuilds the field's flattened choices and hashes each of them at every call (~30 µs
for a field of nine choices): a page of conventions, actions and partners calls it by the
dozen. The project's models get, at start-up, a get_FOO_display() that reads a dict of the
field's choices made at the first call (choices are code, fixed for the process's life) and
gives the same label, translated in the active language at each call. A get_FOO_display()
a model writes itself is left alone.
"""

from functools import partialmethod

from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


def _display(instance, field):
    labels = field.__dict__.get("_display_labels")
    if labels is None:
        labels = field._display_labels = {
            make_hashable(value): label for value, label in field.flatchoices
        }
    value = getattr(instance, field.attname)
    return force_str(labels.get(make_hashable(value), value), strings_only=True)


def speed_up_choice_displays(models):
    for model in models:
        for field in model._meta.fields:
            name = f"get_{field.name}_display"
            if field.choices and isinstance(model.__dict__.get(name), partialmethod):
                setattr(model, name, partialmethod(_display, field=field))
