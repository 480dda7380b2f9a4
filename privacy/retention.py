"""How long personal data are kept, applied every night (Celery beat, `privacy.apply_retention`;
`manage.py apply_retention` by hand). Durations are settings (`PRIVACY_RETENTION_DAYS`):

- contacts of partners that are no longer in any alliance and have shown no sign of life
  (no change, no relationship note, no alliance left) for 3 years are erased as an admin's
  erasure does (`erasure.erase_contact`): the CNIL's advice for prospects;
- relationship notes older than 3 years are deleted;
- report PDFs finished more than a year ago are deleted: a report is made again on demand from
  the current data (`reports.bulk.current_report` no longer finds them).

Each run is stored (`RetentionRun`) and logged with what it did.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from alliances.models import AlliancePartner, Contact, Partner, RelationshipEvent
from reports.kinds import kept_kinds
from reports.models import Report

from .erasure import ERASED_NAME, erase_contact
from .graph import association_rows
from .models import RetentionRun

logger = logging.getLogger(__name__)


def days(kind: str) -> int:
    return settings.PRIVACY_RETENTION_DAYS[kind]


def dormant_partners(now):
    cutoff = now - timedelta(days=days("partner_contacts"))
    recent_events = RelationshipEvent.objects.filter(
        partner_id=OuterRef("pk"), date__gte=cutoff.date()
    )
    recent_alliance_rows = AlliancePartner.history.filter(
        partner_id=OuterRef("pk"), history_date__gte=cutoff
    )
    return (
        Partner.objects.filter(updated_at__lt=cutoff)
        .exclude(Exists(AlliancePartner.objects.filter(partner_id=OuterRef("pk"))))
        .exclude(Exists(recent_events))
        .exclude(Exists(recent_alliance_rows))
    )


def _delete_old_report_files(now) -> int:
    cutoff = now - timedelta(days=days("report_pdfs"))
    old = Report.objects.filter(status=Report.Status.READY, finished_at__lt=cutoff).exclude(
        kind__in=kept_kinds()
    )
    deleted = 0
    for report in old.exclude(file="").only("pk", "file"):
        try:
            default_storage.delete(report.file.name)
        except OSError:  # already gone: the row goes all the same
            logger.warning("Report file %s could not be deleted", report.file.name)
        deleted += 1
    old.delete()
    return deleted


@transaction.atomic
def apply_retention(*, now=None) -> RetentionRun:
    now = now or timezone.now()
    contacts = (
        Contact.objects.filter(partner__in=dormant_partners(now))
        .exclude(name=ERASED_NAME)
        .select_related("partner")
    )
    erased = 0
    rows_of = {}  # an association's rows, found once for all its dormant contacts
    for contact in contacts:
        association_id = contact.partner.association_id
        if association_id not in rows_of:
            rows_of[association_id] = association_rows(association_id)
        erase_contact(contact=contact, rows=rows_of[association_id])
        erased += 1
    notes_cutoff = (now - timedelta(days=days("relationship_notes"))).date()
    notes, _by_model = RelationshipEvent.objects.filter(date__lt=notes_cutoff).delete()
    reports = _delete_old_report_files(now)
    run = RetentionRun.objects.create(
        contacts_erased=erased, notes_deleted=notes, report_files_deleted=reports
    )
    logger.info(
        "Retention: %s contacts erased, %s relationship notes deleted, %s report files deleted",
        erased,
        notes,
        reports,
    )
    return run
