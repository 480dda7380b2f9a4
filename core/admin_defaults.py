"""Every model of the project in the Django admin, with French labels, filters, search and
history. Apps register their important models with a hand-written ModelAdmin; the others get a
generic one built from their fields by `register_remaining()`, called from `config/urls.py`
once every app's admin module is loaded, so that the hand-written ones always win."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from .apps import project_app_configs


def _admin_for(model):
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    display = ["__str__"] + [
        f.name
        for f in fields
        if not isinstance(f, models.TextField | models.JSONField | models.FileField)
    ][:5]
    filters = [
        f.name
        for f in fields
        if f.choices or isinstance(f, models.BooleanField | models.DateTimeField | models.DateField)
    ][:4]
    search = [f.name for f in fields if isinstance(f, models.CharField) and not f.choices][:3] + [
        f"{f.name}__name"
        for f in fields
        if f.many_to_one and f.related_model and hasattr(f.related_model, "name")
    ][:2]
    has_history = hasattr(model, "history")
    attrs = {
        "list_display": display,
        "list_filter": filters,
        "search_fields": search,
        "list_select_related": [f.name for f in fields if f.many_to_one][:3],
        "raw_id_fields": [f.name for f in fields if f.many_to_one],
    }
    base = SimpleHistoryAdmin if has_history else admin.ModelAdmin
    return type(f"{model.__name__}Admin", (base,), attrs)


def register_remaining(site=admin.site):
    for config in project_app_configs():
        for model in config.get_models():
            if model.__name__.startswith("Historical") or model in site._registry:
                continue
            site.register(model, _admin_for(model))
