from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from core.prepared import PreparedModels

from .kinds import get_kind
from .models import Report


def _latest(limit):
    """A subject's latest `limit` reports of a kind."""
    return PreparedModels(
        lambda content_type, subject, kind: Report.objects.filter(
            content_type_id=content_type, object_id=subject, kind=kind
        ).order_by("-created_at", "-pk")[:limit],
        content_type=int,
        subject=int,
        kind=str,
    )


#: The subject's page shows the ten latest, the list of its reports a hundred.
LATEST = {10: _latest(10), 100: _latest(100)}


def reports_panel(request, kind_code, subject, *, limit=10):
    """What a subject's page shows of its reports: the button, the latest ones."""
    kind = get_kind(kind_code)
    reports = LATEST[limit](
        content_type=ContentType.objects.get_for_model(subject).pk,
        subject=subject.pk,
        kind=kind.code,
    )
    return {
        "kind": kind,
        "subject": subject,
        "reports": reports,
        "can_request": _allowed(kind.check_access, request, subject, write=True),
        "can_share": can_share(request, kind, subject),
        # A report on its way: the button waits for it (a second click would add nothing).
        "pending": any(report.is_pending for report in reports),
        "request_url": reverse(
            "reports:request", kwargs={"kind": kind.code, "object_id": subject.pk}
        ),
        "list_url": reverse("reports:list", kwargs={"kind": kind.code, "object_id": subject.pk}),
    }


def _allowed(check, *args, **kwargs) -> bool:
    try:
        check(*args, **kwargs)
    except Exception:
        return False
    return True


def can_share(request, kind, subject) -> bool:
    """Whether the user may make share links of the subject's ready reports."""
    return _allowed(kind.check_share_access, request, subject)
