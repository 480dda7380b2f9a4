"""Readable change history (django-simple-history): who changed what, and when.

`alliance_records(alliance)` is the `history.alliance_records` hook of this app: the records of
the alliance and of everything of its pages that keeps a history (its file's texts, the SWOT,
the figures, the candidates and their decisions, the meetings, the conventions and their
parties, the actions, the economic model). Other apps add theirs through the same hook
(`records_of(alliance)` gathers them all); `entries(records)` turns records into readable rows.
"""

from collections import defaultdict
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.navigation import app_hooks
from core.templatetags.fr_format import number

from .forms import STEP_TEXTS
from .models import (
    Action,
    AllianceDossier,
    AlliancePartner,
    BudgetLine,
    Candidate,
    Contribution,
    Convention,
    ConventionParty,
    CostShare,
    Meeting,
    MeetingAgendaItem,
    NeedFigure,
    Resource,
    SwotItem,
)
from .stepper import STEP_TITLES

ACTIONS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}
HIDDEN = {
    "updated_at",
    "created_at",
    "document",
    "document_size",
    "created_by",
    "entered_by",
    "updated_by",
    "author",
}
# Made empty with the alliance: the changes of its texts say everything.
SILENT_CREATIONS = {AllianceDossier}


def _dossier_section(name):
    """Which part of the method a text of the alliance's file belongs to."""
    for step, names in STEP_TEXTS.items():
        if name in names:
            if step == "economics":
                return _("Economic model")
            return _("Step %(number)s · %(title)s") % {"number": step, "title": STEP_TITLES[step]}
    return None


ALLIANCE_MODELS = (
    AllianceDossier,
    SwotItem,
    NeedFigure,
    Candidate,
    Meeting,
    Convention,
    Action,
    Resource,
    Contribution,
    BudgetLine,
    CostShare,
)
NOT_SHOWN = _("(deleted)")


def alliance_records(alliance):
    """This app's history records of the alliance, as querysets (one query each)."""
    sources = [alliance.history.all()]
    sources += [model.history.filter(alliance_id=alliance.pk) for model in ALLIANCE_MODELS]
    # A party stays in the history of the alliance after its convention is deleted.
    conventions = Convention.history.filter(alliance_id=alliance.pk).values("id")
    sources.append(ConventionParty.history.filter(convention_id__in=conventions))
    meetings = Meeting.history.filter(alliance_id=alliance.pk).values("id")
    sources.append(MeetingAgendaItem.history.filter(meeting_id__in=meetings))
    return [source.select_related("history_user") for source in sources]


def records_of(alliance) -> list:
    """Every app's history records of the alliance (the `history.alliance_records` hooks)."""
    return [
        record
        for hook in app_hooks("history", "alliance_records")
        for source in hook(alliance)
        for record in source
    ]


def _relations(model):
    return [
        field
        for field in model._meta.concrete_fields
        if field.is_relation and field.name not in HIDDEN and field.name != "alliance"
    ]


class _Related:
    """The names of the rows the records point to (a partner, an association, a governance
    body…), read in one query per kind of row whatever the number of records."""

    def __init__(self, records):
        wanted = defaultdict(set)
        for record in records:
            for field in _relations(record.instance_type):
                value = getattr(record, field.attname, None)
                if value is not None:
                    wanted[field.related_model].add(value)
        self.names = {}
        for model, ids in wanted.items():
            rows = model._base_manager.filter(pk__in=ids)
            if model is AlliancePartner:
                rows = rows.select_related("partner")
            for row in rows:
                self.names[(model, row.pk)] = (
                    row.partner.name if model is AlliancePartner else str(row)
                )

    def name(self, model, pk):
        return self.names.get((model, pk), NOT_SHOWN)


def _display(record, field_name, related):
    field = record.instance_type._meta.get_field(field_name)
    value = getattr(record, field.attname, None)
    if value in (None, ""):
        return "—"
    if field.is_relation:
        return related.name(field.related_model, value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        choices = dict(field.formfield().choices) if field.choices else {}
        text = ", ".join(_list_item(v, choices) for v in value)
        return text if len(text) <= 160 else text[:157] + "…"
    if isinstance(value, Decimal):
        shown = number(value, 0 if value == value.to_integral_value() else 2)
        return f"{shown}\u00a0€" if "€" in str(field.verbose_name) else shown
    if hasattr(value, "year"):
        return date_format(value, "SHORT_DATE_FORMAT")
    text = str(value)
    return text if len(text) <= 160 else text[:157] + "…"


def _list_item(value, choices):
    """An item of a list stored as JSON: a choice, or a row of a text (an article, a party's
    acceptance, a request) named by its title or its party, with its date or comment."""
    if isinstance(value, dict):
        name = next((value[key] for key in ("title", "party", "name") if value.get(key)), "")
        detail = value.get("on") or value.get("comment") or ""
        return f"{name} ({detail})" if detail else str(name)
    return str(choices.get(value, value))


def _label(record, related, changed_fields):
    """What the row is, in a few words: its title, its text, the partner it is about…"""
    model = record.instance_type
    if model is AllianceDossier:
        sections = dict.fromkeys(str(_dossier_section(name)) for name in changed_fields)
        sections.pop("None", None)
        return " ; ".join(sections) or _("Alliance file")
    if model is ConventionParty:
        for name in ("association", "partner"):
            if getattr(record, f"{name}_id"):
                field = model._meta.get_field(name)
                return related.name(field.related_model, getattr(record, f"{name}_id"))
        return record.name
    if model is Meeting:
        return date_format(record.date, "SHORT_DATE_FORMAT")
    for name in ("partner", "association"):  # candidates, contributions, cost-sharing keys
        if name in {field.name for field in _relations(model)}:
            field = model._meta.get_field(name)
            return related.name(field.related_model, getattr(record, f"{name}_id"))
    for name in ("title", "label", "description", "text"):
        value = getattr(record, name, None)
        if value:
            text = str(value)
            return text if len(text) <= 80 else text[:79] + "…"
    return str(record.instance)


def entries(records, label_of=None):
    """records: historical rows of one or several objects (any order) →
    [{when, who, action, kind, object, changes: [(field label, old, new)]}], newest first.
    `label_of(record)`, when given, names the object instead of the model's own rule."""
    related = _Related(records)
    by_object = defaultdict(list)
    for record in records:
        by_object[(record.instance_type, record.id)].append(record)
    result = []
    for rows in by_object.values():
        rows.sort(key=lambda r: (r.history_date, r.history_id))
        previous = None
        for record in rows:
            model = record.instance_type
            changes, changed_fields = [], []
            if previous is not None and record.history_type == "~":
                delta = record.diff_against(previous)
                for change in delta.changes:
                    if change.field in HIDDEN:
                        continue
                    field = model._meta.get_field(change.field)
                    label = capfirst(str(field.verbose_name))
                    changed_fields.append(change.field)
                    changes.append(
                        (
                            label,
                            _display(previous, change.field, related),
                            _display(record, change.field, related),
                        )
                    )
            previous = record
            if record.history_type == "~" and not changes:
                continue
            if record.history_type == "+" and model in SILENT_CREATIONS:
                continue
            result.append(
                {
                    "when": record.history_date,
                    "who": record.history_user,
                    "action": ACTIONS.get(record.history_type, record.history_type),
                    "kind": capfirst(str(model._meta.verbose_name)),
                    "object": (
                        label_of(record) if label_of else _label(record, related, changed_fields)
                    ),
                    "changes": changes,
                }
            )
    result.sort(key=lambda e: e["when"], reverse=True)
    return result
