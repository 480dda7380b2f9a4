"""Portability (RGPD article 20): every row of one association as a ZIP.

One JSON file and one CSV file per model (`<app>.<model>.json` / `.csv`), each row with its
stable id (the primary key, which never changes) and its foreign keys as ids, so that the
files join up; a README.md describes each file's columns. The rows are those of
`graph.association_rows` (history copies left out: they are not the association's data as it
stands), and the staff's accounts (name, e-mail). Secrets (invitation tokens, hashes) are
left out; an uploaded file is listed by its name.
"""

from __future__ import annotations

import io
import json
import logging
import secrets
import zipfile
from datetime import date, datetime
from decimal import Decimal

from celery import signature
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from core.spreadsheets import DATE, DECIMAL, INTEGER, TEXT, Column, to_csv
from organisations.models import AssociationMembership
from reports import in_process

from .graph import association_rows
from .models import AssociationExport

logger = logging.getLogger(__name__)

SECRET_FIELDS = {"token", "key_hash", "password"}
# One person's answers to an alliance's health check (its partners' guests among them): only
# their means are ever shown, in the health check's stored results, which the export holds.
NOT_EXPORTED = {"healthchecks.healthanswer"}
BATCH = 2000


def _fields(model):
    return [f for f in model._meta.concrete_fields if f.name not in SECRET_FIELDS]


def _kind(field):
    if isinstance(
        field, (models.ForeignKey, models.AutoField, models.BigAutoField, models.IntegerField)
    ):
        return Column(field.attname, INTEGER)
    if isinstance(field, models.DecimalField):
        return Column(field.attname, DECIMAL, places=field.decimal_places)
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        return Column(field.attname, DATE)
    return Column(field.attname, TEXT)


def _json_value(value):
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    return value


def _csv_value(column, value):
    value = _json_value(value)
    if value is None:
        return None
    if column.kind == TEXT:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, datetime):
            return (
                timezone.localtime(value).isoformat()
                if timezone.is_aware(value)
                else value.isoformat()
            )
        if isinstance(value, (dict, list)):
            return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
        if isinstance(value, (int, float, Decimal, date)):
            return str(value)
    return value


def _label(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def tables_of(association_id):
    """[(model, ids)] to export, in layer order, with the staff's accounts."""
    rows = {
        model: ids
        for model, ids in association_rows(association_id).items()
        if model._meta.label_lower not in NOT_EXPORTED
    }
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    rows[user_model] = set(
        AssociationMembership.objects.filter(association_id=association_id).values_list(
            "user_id", flat=True
        )
    )
    return sorted(rows.items(), key=lambda item: _label(item[0]))


def _user_fields(model):
    keep = {"id", "email", "first_name", "last_name", "language", "date_joined", "last_login"}
    return [f for f in model._meta.concrete_fields if f.name in keep]


def write_table(archive, model, ids, user_model):
    fields = _user_fields(model) if model is user_model else _fields(model)
    columns = [_kind(field) for field in fields]
    ordered = sorted(ids)
    records = []
    for start in range(0, len(ordered), BATCH):
        chunk = ordered[start : start + BATCH]
        records.extend(
            model._default_manager.filter(pk__in=chunk)
            .order_by("pk")
            .values_list(*[field.attname for field in fields])
        )
    names = [field.attname for field in fields]
    archive.writestr(
        f"json/{_label(model)}.json",
        json.dumps(
            [dict(zip(names, map(_json_value, record), strict=True)) for record in records],
            cls=DjangoJSONEncoder,
            ensure_ascii=False,
            indent=1,
        ),
    )
    archive.writestr(
        f"csv/{_label(model)}.csv",
        to_csv(
            columns,
            (
                [_csv_value(column, value) for column, value in zip(columns, record, strict=True)]
                for record in records
            ),
        ),
    )
    return fields, len(records)


def readme(association, described) -> str:
    lines = [
        f"# Données de l'association « {association.name} »",
        "",
        f"Export du {timezone.localtime():%d/%m/%Y à %H:%M}, fait par Faire Alliance.",
        "",
        "Chaque table est donnée deux fois : `json/<table>.json` (une liste d'objets) et",
        "`csv/<table>.csv` (séparateur `;`, UTF-8 avec BOM, dates JJ/MM/AAAA, décimales à",
        "virgule ; un texte commençant par = + - @ est précédé d'une apostrophe).",
        "`id` est l'identifiant stable de chaque ligne ; une colonne `…_id` désigne la ligne",
        "`id` de la table liée. Les fichiers déposés (conventions, preuves) sont cités par",
        "leur nom ; les jetons et mots de passe ne sont jamais exportés.",
        "",
    ]
    for model, fields, count in described:
        lines += [f"## {_label(model)} — {model._meta.verbose_name_plural} ({count} lignes)", ""]
        lines += ["| colonne | description | type |", "| --- | --- | --- |"]
        for field in fields:
            target = (
                f" → {_label(field.related_model)}.id"
                if isinstance(field, models.ForeignKey)
                else ""
            )
            kind = field.get_internal_type()
            lines.append(f"| `{field.attname}` | {field.verbose_name}{target} | {kind} |")
        lines.append("")
    return "\n".join(str(line) for line in lines)


BUILD_TASK = "privacy.tasks.build_association_export"


@transaction.atomic
def request_export(*, association, user) -> AssociationExport:
    """The export's row, and its task sent once the row is committed: to the workers, or
    without a broker to the web process's report thread (as the PDFs: the request answers at
    once and the page polls the row; the demo's association takes 2 to 4 s to export)."""
    export = AssociationExport.objects.create(association=association, requested_by=user)

    def send():
        if settings.REPORTS_RENDER_IN_THREAD:
            in_process.submit(BUILD_TASK, [export.pk])
            return
        try:
            signature(BUILD_TASK, args=[export.pk]).delay()
        except Exception:  # broker down: the row stays queued, a new export can be asked
            logger.exception("Could not send the export %s to the broker", export.pk)

    transaction.on_commit(send)
    return export


def build(export_id: int) -> None:
    """Builds the ZIP, advancing the row table by table. Idempotent: a ready export is left."""
    from django.contrib.auth import get_user_model

    with transaction.atomic():
        export = (
            AssociationExport.objects.select_for_update()
            .select_related("association")
            .filter(pk=export_id)
            .first()
        )
        if export is None or export.status == AssociationExport.Status.READY:
            return
        export.status = AssociationExport.Status.RUNNING
        export.started_at = timezone.now()
        export.save(update_fields=["status", "started_at"])
    user_model = get_user_model()
    try:
        tables = tables_of(export.association_id)
        AssociationExport.objects.filter(pk=export.pk).update(total=len(tables), done=0)
        buffer = io.BytesIO()
        described = []
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for done, (model, ids) in enumerate(tables, start=1):
                fields, count = write_table(archive, model, ids, user_model)
                described.append((model, fields, count))
                AssociationExport.objects.filter(pk=export.pk).update(done=done)
            archive.writestr("README.md", readme(export.association, described))
        name = f"privacy-exports/{secrets.token_hex(16)}.zip"
        stored = AssociationExport._meta.get_field("file").storage.save(
            name, ContentFile(buffer.getvalue())
        )
    except Exception as error:
        AssociationExport.objects.filter(pk=export.pk).update(
            status=AssociationExport.Status.FAILED,
            error_message=f"{type(error).__name__}: {error}"[:1000],
            finished_at=timezone.now(),
        )
        raise
    AssociationExport.objects.filter(pk=export.pk).update(
        status=AssociationExport.Status.READY, file=stored, finished_at=timezone.now()
    )
