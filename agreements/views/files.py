from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.text import slugify

from reports.models import Report


def serve_frozen_pdf(version):
    """The frozen PDF of a version accepted by all, once rendered; never inline, never sniffed."""
    report = version.report
    if report is None or report.status != Report.Status.READY or not report.file:
        raise Http404
    try:
        handle = default_storage.open(report.file.name, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    filename = f"convention-{slugify(version.convention.title)}-v{version.number}-acceptee.pdf"
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
