"""Handing a validated ModelForm's row to a service: the view passes `form.instance` (its
fields set by validation) and `links_of(form)`; the service saves both (`save_with_links`)."""

from django import forms


def links_of(form) -> dict:
    """The many-to-many values a ModelForm validated: {field name: objects}."""
    names = {field.name for field in form.instance._meta.many_to_many}
    return {
        name: form.cleaned_data[name]
        for name, field in form.fields.items()
        if name in names
        and name in form.cleaned_data
        and isinstance(field, forms.ModelMultipleChoiceField)
    }


def save_with_links(instance, links=None):
    """Saves the row, then sets its many-to-many links (they need its primary key)."""
    instance.save()
    for name, values in (links or {}).items():
        getattr(instance, name).set(values)
    return instance
