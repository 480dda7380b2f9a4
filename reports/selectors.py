from django.urls import reverse

from .kinds import get_kind
from .models import Report


def reports_panel(request, kind_code, subject, *, limit=10):
    """What a subject's page shows of its reports: the button, the latest ones."""
    kind = get_kind(kind_code)
    reports = list(Report.objects.of_subject(subject).filter(kind=kind.code)[:limit])
    can_request = True
    try:
        kind.check_access(request, subject, write=True)
    except Exception:
        can_request = False
    return {
        "kind": kind,
        "subject": subject,
        "reports": reports,
        "can_request": can_request,
        # A report on its way: the button waits for it (a second click would add nothing).
        "pending": any(report.is_pending for report in reports),
        "request_url": reverse(
            "reports:request", kwargs={"kind": kind.code, "object_id": subject.pk}
        ),
        "list_url": reverse("reports:list", kwargs={"kind": kind.code, "object_id": subject.pk}),
    }
