"""The reminders and the weekly digest at scale; prints JSON. Part of `make bench`.

    python manage.py bench_digests [--day 2026-12-07] [--owners]

A week of reminders is decided (the daily job run for the seven days before `--day`), then
the weekly digest job is timed with its SQL queries, and the e-mails it queued are rendered
and handed to an in-memory mail backend. Everything happens in one transaction that is
rolled back: the database is left as it was (the bench's databases are shared).

seed_scale leaves actions without an owner; `--owners` gives each one, inside the same
rolled-back transaction, an editor of the alliance's lead, so that the action reminders
weigh in as they would in real use.
"""

import datetime as dt
import json
import time
from collections import Counter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import TestCase
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from alliances.models import Action, Alliance
from notifications import kinds, services
from notifications.models import SentReminder
from organisations.models import AssociationMembership, Role


class Command(BaseCommand):
    help = "Time the daily reminders and the weekly digest job (JSON); rolled back."

    def add_arguments(self, parser):
        parser.add_argument("--day", type=dt.date.fromisoformat, default=None)
        parser.add_argument("--owners", action="store_true")
        parser.add_argument(
            "--everyone",
            action="store_true",
            help="one waiting line more for every account: the digest goes to all of them",
        )

    @staticmethod
    def give_actions_owners():
        """Each action to the first editor of its alliance's lead (one UPDATE)."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Action._meta.db_table} AS action SET owner_user_id = ("
                f"SELECT membership.user_id FROM {AssociationMembership._meta.db_table} "
                f"AS membership JOIN {Alliance._meta.db_table} AS alliance "
                "ON alliance.lead_id = membership.association_id "
                "WHERE alliance.id = action.alliance_id AND membership.role = %s "
                "ORDER BY membership.id LIMIT 1)",
                [Role.EDITOR],
            )

    def handle(self, *args, day=None, owners=False, everyone=False, **options):
        from config.celery import app

        day = day or timezone.localdate()
        app.conf.task_always_eager = True  # the e-mails are rendered here, not by a worker
        figures = {"day": day.isoformat(), "batch": services.BATCH}
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            mail.outbox = []
            with transaction.atomic():
                if owners:
                    self.give_actions_owners()
                started = time.perf_counter()
                with CaptureQueriesContext(connection) as queries:
                    daily = [
                        services.send_reminders(today=day - dt.timedelta(days=offset))
                        for offset in range(7, 0, -1)
                    ]
                figures["reminders"] = {
                    "seconds_for_7_days": round(time.perf_counter() - started, 2),
                    "queries_for_7_days": len(queries),
                    "recorded": sum(run["recorded"] for run in daily),
                    "by_kind": dict(Counter(SentReminder.objects.values_list("kind", flat=True))),
                }
                if everyone:
                    SentReminder.objects.bulk_create(
                        [
                            SentReminder(
                                kind=kinds.ACTION_LATE,
                                object_id=0,
                                recipient_id=pk,
                                due_on=day,
                                delivery=kinds.WEEKLY,
                                group="Bench",
                                subject="Bench",
                                path="/",
                            )
                            for pk in get_user_model().objects.values_list("pk", flat=True)
                        ],
                        batch_size=1000,
                    )
                mail.outbox = []
                started = time.perf_counter()
                with (
                    CaptureQueriesContext(connection) as queries,
                    TestCase.captureOnCommitCallbacks(execute=False) as callbacks,
                ):
                    result = services.send_weekly_digests(today=day)
                job = time.perf_counter() - started
                started = time.perf_counter()
                for callback in callbacks:
                    callback()
                rendering = time.perf_counter() - started
                figures["digest"] = {
                    **result,
                    "job_seconds": round(job, 2),
                    "queries": len(queries),
                    "emails_rendered_and_sent_seconds": round(rendering, 2),
                    "total_seconds": round(job + rendering, 2),
                    "emails": len(mail.outbox),
                    "largest_email_chars": max((len(m.body) for m in mail.outbox), default=0),
                }
                transaction.set_rollback(True)
        figures["database"] = settings.DATABASES["default"]["NAME"]
        figures["people"] = get_user_model().objects.count()
        self.stdout.write(json.dumps(figures, indent=2, ensure_ascii=False))
