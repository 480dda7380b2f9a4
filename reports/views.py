"""Report pages, generic over the kinds of reports (see reports/kinds.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .kinds import get_kind
from .models import Report
from .selectors import can_share, reports_panel


def _kind_and_subject(request, kind_code, object_id, *, write=False):
    try:
        kind = get_kind(kind_code)
        subject = kind.get_subject(object_id)
    except (KeyError, ObjectDoesNotExist) as error:
        raise Http404 from error
    kind.check_access(request, subject, write=write)
    return kind, subject


def get_report_for_user(request, pk, *, write=False):
    report = get_object_or_404(Report, pk=pk)
    kind, subject = _kind_and_subject(request, report.kind, report.object_id, write=write)
    return report, kind, subject


@login_required
def report_list(request, kind, object_id):
    kind, subject = _kind_and_subject(request, kind, object_id)
    return render(
        request,
        "reports/report_list.html",
        {
            "panel": reports_panel(request, kind.code, subject, limit=100),
            "subject": subject,
            "subject_url": kind.subject_url(subject) if kind.subject_url else None,
        },
    )


@login_required
@require_POST
def request_report(request, kind, object_id):
    kind, subject = _kind_and_subject(request, kind, object_id, write=True)
    pending_before = set(
        Report.objects.of_subject(subject)
        .filter(kind=kind.code, status__in=[Report.Status.QUEUED, Report.Status.RUNNING])
        .values_list("pk", flat=True)
    )
    report = services.request_report(kind, subject, request.user)
    if request.htmx:
        response = render(
            request,
            "reports/_status_item.html",
            {"report": report, "can_share": can_share(request, kind, subject)},
        )
        if report.pk in pending_before:  # already listed and polling: add nothing
            response["HX-Reswap"] = "none"
        return response
    messages.success(request, _("The report is being prepared; it will be ready in a moment."))
    return redirect("reports:list", kind=kind.code, object_id=subject.pk)


@login_required
def report_status(request, pk):
    report, kind, subject = get_report_for_user(request, pk)
    if settings.REPORTS_RENDER_IN_THREAD and services.is_stale(report):
        # No Celery beat without a broker: the page's poll sends a lost report again.
        services.requeue_stale()
        report.refresh_from_db()
    return render(
        request,
        "reports/_status.html",
        {"report": report, "can_share": can_share(request, kind, subject)},
    )


@login_required
@require_POST
def report_retry(request, pk):
    report, kind, subject = get_report_for_user(request, pk, write=True)
    report = services.retry(report, user=request.user)
    if request.htmx:
        return render(request, "reports/_status.html", {"report": report})
    return redirect("reports:list", kind=kind.code, object_id=subject.pk)


@login_required
def report_download(request, pk):
    report, kind, subject = get_report_for_user(request, pk)
    if report.status != Report.Status.READY or not report.file:
        raise Http404
    try:
        handle = default_storage.open(report.file.name, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=kind.filename(subject, report),
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
