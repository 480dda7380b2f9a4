"""Writes of the partner directory import: the uploaded file kept between the steps, its
column mapping, and the import itself."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from alliances import partner_import
from alliances.models import Partner, PartnerImport
from organisations.models import Association

BATCH = 1000
# An upload left at its mapping or preview is deleted by the association's next upload.
KEPT_FOR = dt.timedelta(days=1)


@transaction.atomic
def start_partner_import(
    *, association: Association, by, file_name: str, content: bytes
) -> PartnerImport:
    """Keeps the uploaded file for the mapping and preview steps, with the columns guessed."""
    table = partner_import.read_table(file_name, content)  # refuses an unreadable file now
    _line, header, _rows = partner_import.header_and_rows(table)
    PartnerImport.objects.filter(
        association=association, created_at__lt=timezone.now() - KEPT_FOR
    ).delete()
    return PartnerImport.objects.create(
        association=association,
        uploaded_by=by,
        file_name=file_name[:255],
        content=content,
        mapping=partner_import.guess_mapping(header),
    )


@transaction.atomic
def set_partner_import_mapping(
    *, upload: PartnerImport, mapping: dict, default_actor_type: str
) -> PartnerImport:
    upload.mapping = mapping
    upload.default_actor_type = default_actor_type
    upload.save(update_fields=["mapping", "default_actor_type"])
    return upload


@dataclass
class ImportResult:
    created: int
    merged: int
    refused: int


@transaction.atomic
def import_partners(*, upload: PartnerImport, by) -> ImportResult:
    """Creates and merges the rows the preview listed. The dry run is made again here, on the
    stored file and the directory as it is now, locked: a partner added meanwhile is merged
    into, never duplicated."""
    upload = PartnerImport.objects.select_for_update().get(pk=upload.pk)
    association = upload.association
    # Two imports at once into one directory would each miss the other's partners.
    Association.objects.select_for_update().filter(pk=association.pk).first()
    table = partner_import.read_table(upload.file_name, bytes(upload.content))
    outcome = partner_import.dry_run(
        table,
        upload.mapping,
        association=association,
        default_actor_type=upload.default_actor_type,
    )
    new = [Partner(association=association, **row.values) for row in outcome.create]
    bulk_create_with_history(new, Partner, batch_size=BATCH, default_user=by)
    if outcome.merge:
        partners = Partner.objects.in_bulk([row.partner_id for row in outcome.merge])
        changed, fields = [], set()
        for row in outcome.merge:
            partner = partners[row.partner_id]
            for name in row.fills:
                setattr(partner, name, row.values[name])
                fields.add(name)
            partner.updated_at = timezone.now()
            changed.append(partner)
        bulk_update_with_history(
            changed,
            Partner,
            sorted(fields | {"updated_at"}),
            batch_size=BATCH,
            default_user=by,
        )
    upload.imported_at = timezone.now()
    upload.content = b""  # the file's job is done: its personal data is not kept
    upload.save(update_fields=["imported_at", "content"])
    return ImportResult(created=len(new), merged=len(outcome.merge), refused=len(outcome.refused))
