"""Platform admin pages: bulk exports (progress, failures, ZIP) and what the workers are doing."""

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db.models import DurationField, ExpressionWrapper, F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from organisations.access import require_platform_admin

from . import bulk
from .models import BulkExport, Report


def _export_context(export):
    done, failed, total = bulk.progress(export)
    return {
        "export": export,
        "done": done,
        "failed_count": failed,
        "total": total,
        "percent": round(done * 100 / total) if total else 0,
        "failed": export.reports.filter(status=Report.Status.FAILED).order_by("title"),
        "polling": export.status
        in (BulkExport.Status.PREPARING, BulkExport.Status.RUNNING, BulkExport.Status.BUILDING),
    }


@login_required
def bulk_export_list(request):
    require_platform_admin(request)
    exports = BulkExport.objects.select_related("requested_by")[:50]
    return render(request, "reports/bulk_export_list.html", {"exports": exports})


@login_required
def bulk_export(request, pk):
    require_platform_admin(request)
    export = get_object_or_404(BulkExport, pk=pk)
    return render(request, "reports/bulk_export.html", _export_context(export))


@login_required
def bulk_export_progress(request, pk):
    require_platform_admin(request)
    export = get_object_or_404(BulkExport, pk=pk)
    return render(request, "reports/_bulk_progress.html", _export_context(export))


@login_required
@require_POST
def bulk_export_retry(request, pk, report_pk):
    require_platform_admin(request)
    export = get_object_or_404(BulkExport, pk=pk)
    report = get_object_or_404(export.reports, pk=report_pk)
    bulk.retry_report(export, report)
    if request.htmx:
        return render(request, "reports/_bulk_progress.html", _export_context(export))
    return redirect("reports:bulk_export", pk=export.pk)


@login_required
def bulk_export_download(request, pk):
    require_platform_admin(request)
    export = get_object_or_404(BulkExport, pk=pk)
    if export.status != BulkExport.Status.READY or not export.file:
        raise Http404
    try:
        handle = default_storage.open(export.file.name, "rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"rapports-{export.kind}-{export.created_at:%Y-%m-%d}-{export.pk}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def report_monitor(request):
    """Every report, newest first, with its status, duration and error."""
    require_platform_admin(request)
    reports = Report.objects.select_related("requested_by").annotate(
        duration=ExpressionWrapper(F("finished_at") - F("started_at"), output_field=DurationField())
    )
    status = request.GET.get("statut")
    if status in Report.Status.values:
        reports = reports.filter(status=status)
    counts = {code: Report.objects.filter(status=code).count() for code in Report.Status.values}
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/monitor.html",
        {
            "page": page,
            "status": status,
            "statuses": [(code, label, counts[code]) for code, label in Report.Status.choices],
        },
    )
