"""Readable change history (django-simple-history): who changed what, and when."""

from collections import defaultdict

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

ACTIONS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}
HIDDEN = {"updated_at", "created_at", "document", "document_size", "created_by"}


def _display(record, field_name):
    field = record.instance_type._meta.get_field(field_name)
    value = getattr(record, field.attname, None)
    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        choices = dict(field.formfield().choices) if field.choices else {}
        return ", ".join(str(choices.get(v, v)) for v in value)
    if hasattr(value, "year"):
        return date_format(value, "SHORT_DATE_FORMAT")
    text = str(value)
    return text if len(text) <= 160 else text[:157] + "…"


def entries(records, label_of=None):
    """records: historical rows of one or several objects (any order) →
    [{when, who, action, object, changes: [(field label, old, new)]}], newest first."""
    by_object = defaultdict(list)
    for record in records:
        by_object[(record.instance_type, record.id)].append(record)
    result = []
    for rows in by_object.values():
        rows.sort(key=lambda r: (r.history_date, r.history_id))
        previous = None
        for record in rows:
            changes = []
            if previous is not None and record.history_type == "~":
                delta = record.diff_against(previous)
                for change in delta.changes:
                    if change.field in HIDDEN:
                        continue
                    field = record.instance_type._meta.get_field(change.field)
                    changes.append(
                        (
                            str(field.verbose_name).capitalize(),
                            _display(previous, change.field),
                            _display(record, change.field),
                        )
                    )
            previous = record
            if record.history_type == "~" and not changes:
                continue
            result.append(
                {
                    "when": record.history_date,
                    "who": record.history_user,
                    "action": ACTIONS.get(record.history_type, record.history_type),
                    "kind": str(record.instance_type._meta.verbose_name).capitalize(),
                    "object": label_of(record) if label_of else str(record),
                    "changes": changes,
                }
            )
    result.sort(key=lambda e: e["when"], reverse=True)
    return result
