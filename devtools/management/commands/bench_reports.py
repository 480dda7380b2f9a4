"""The PDF part of `make bench`; prints JSON. A Celery worker must be running for --click/--bulk.

    python manage.py bench_reports [--renders 5] [--bulk 200]

- render: median time to render (HTML + PDF, in this process) each kind of report of the demo
  (diagnostic, evaluation, dossier, network), tagged PDF/UA-1 as the pipeline writes them, and
  the same untagged, the two interleaved so that a busy machine weighs on both alike;
- click-to-ready: a report requested through the pipeline's service (as the button does) until
  its row is READY, with an idle worker;
- bulk: `--bulk` diagnostic reports of distinct seeded campaigns requested through the same
  service at once; throughput from the first request to the last report ready.
"""

import json
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.models import User
from alliances.models import Alliance
from diagnostics.models import Campaign
from organisations.models import Association, Network
from reports import services
from reports.kinds import get_kind
from reports.models import Report
from reports.rendering import PDF_VARIANT, html_to_pdf, render_html, report_context

DEMO_ASSOCIATION = "Solidarités Lyon Nord"


def _render_seconds(kind, subject, runs):
    """(median tagged, runs tagged, median untagged): renders alternating the two variants."""
    times = {PDF_VARIANT: [], None: []}
    for run in range(runs):
        for variant in (PDF_VARIANT, None) if run % 2 else (None, PDF_VARIANT):
            started = time.perf_counter()
            html = render_html(kind.template, report_context(kind, subject, None))
            html_to_pdf(html, variant=variant)
            times[variant].append(time.perf_counter() - started)
    tagged = times[PDF_VARIANT]
    return statistics.median(tagged), tagged, statistics.median(times[None])


def _wait(report_ids, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = Report.objects.filter(
            pk__in=report_ids, status__in=[Report.Status.QUEUED, Report.Status.RUNNING]
        ).count()
        if pending == 0:
            return True
        time.sleep(0.05)
    return False


class Command(BaseCommand):
    help = "Measure PDF report rendering, click-to-ready and bulk throughput (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--renders", type=int, default=5)
        parser.add_argument("--bulk", type=int, default=200)

    def handle(self, *args, renders, bulk, **options):
        association = Association.objects.filter(name=DEMO_ASSOCIATION).first()
        if association is None:
            raise CommandError("No demo data here: run seed_demo first.")
        campaign = (
            Campaign.objects.filter(association=association, status=Campaign.Status.CLOSED)
            .order_by("-opened_at")
            .first()
        )
        alliance = (
            Alliance.objects.filter(lead=association, indicators__isnull=False)
            .order_by("pk")
            .first()
        )
        user = User.objects.get(email="admin@demo.faire-alliance.fr")
        diagnostic, evaluation = get_kind("diagnostic"), get_kind("evaluation")
        # Reports left pending by an interrupted run (their messages were purged).
        Report.objects.filter(status__in=[Report.Status.QUEUED, Report.Status.RUNNING]).delete()
        result = {}
        network = Network.objects.filter(memberships__association=association).first()
        for kind, subject in (
            (diagnostic, campaign),
            (evaluation, alliance),
            (get_kind("dossier"), alliance),
            (get_kind("network"), network),
        ):
            median, times, untagged = _render_seconds(kind, subject, renders)
            result[f"{kind.code}_render_median_s"] = round(median, 3)
            result[f"{kind.code}_render_runs_s"] = [round(t, 3) for t in times]
            result[f"{kind.code}_untagged_median_s"] = round(untagged, 3)

        # Click to ready, idle worker: three clicks, the median.
        clicks = []
        for _ in range(3):
            started = time.perf_counter()
            report = services.request_report(diagnostic, campaign, user)
            if not _wait([report.pk], 120):
                raise CommandError("The report was not ready within 2 minutes.")
            clicks.append(time.perf_counter() - started)
        result["click_to_ready_s"] = round(statistics.median(clicks), 3)
        result["click_to_ready_runs_s"] = [round(t, 3) for t in clicks]

        if bulk:
            subjects = list(
                Campaign.objects.filter(
                    status=Campaign.Status.CLOSED, association__rna__startswith="W9"
                )
                .select_related("association")
                .order_by("pk")[:bulk]
            )
            started = time.perf_counter()
            begun = timezone.now()
            ids = [services.request_report(diagnostic, c, user).pk for c in subjects]
            finished = _wait(ids, 1800)
            elapsed = time.perf_counter() - started
            statuses = Report.objects.filter(pk__in=ids)
            ready = statuses.filter(status=Report.Status.READY).count()
            result["bulk_reports"] = len(ids)
            result["bulk_ready"] = ready
            result["bulk_failed"] = statuses.filter(status=Report.Status.FAILED).count()
            result["bulk_finished"] = finished
            result["bulk_seconds"] = round(elapsed, 1)
            result["bulk_per_minute"] = round(ready / elapsed * 60, 1) if elapsed else None
            result["bulk_started_at"] = begun.isoformat()
        self.stdout.write(json.dumps(result))
