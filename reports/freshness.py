"""When did a report's subject last change? A READY report whose data were read after that
moment (`Report.data_as_of`) is "current" and a bulk export reuses it instead of making it again.

`latest_change` looks at every model of the given apps that hangs from the subject (directly, or
through one intermediate foreign key such as measurement → indicator → alliance): the newest
`updated_at` / `created_at`, and for models with django-simple-history the newest
`history_date` — which also records deletions. One aggregate query per model.
"""

from django.apps import apps
from django.db.models import Max

TIMESTAMPS = ("history_date", "updated_at", "created_at")


def _timestamp_field(model):
    names = {f.name for f in model._meta.get_fields()}
    return next((name for name in TIMESTAMPS if name in names), None)


def _path_to(model, target, depth=2):
    """The lookup from `model` to `target` (e.g. "indicator__alliance"), or None."""
    for field in model._meta.get_fields():
        if not (field.many_to_one and field.concrete) or field.related_model is None:
            continue
        if field.related_model is target:
            return field.name
        if depth > 1 and field.related_model._meta.app_label == model._meta.app_label:
            sub = _path_to(field.related_model, target, depth - 1)
            if sub:
                return f"{field.name}__{sub}"
    return None


def latest_change(subject, app_labels, *, own=()):
    """The newest change among the subject's own timestamps (`own` attribute names) and the
    rows of `app_labels` hanging from it."""
    moments = [getattr(subject, name) for name in own if getattr(subject, name, None)]
    target = type(subject)
    for app_label in app_labels:
        for model in apps.get_app_config(app_label).get_models():
            stamp = _timestamp_field(model)
            if stamp is None:
                continue
            path = _path_to(model, target)
            if path is None:
                # Historical models keep foreign keys without constraint: look for `<name>_id`.
                continue
            value = model.objects.filter(**{path: subject.pk}).aggregate(m=Max(stamp))["m"]
            if value:
                moments.append(value)
    return max(moments) if moments else None
