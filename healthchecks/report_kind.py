"""The health check's PDF report, registered with the report pipeline (reports/kinds.py):
its results as every participant sees them (means only, per party from two people)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from alliances.access import alliance_capability
from partnerspace.access import active_access
from reports.kinds import ReportKind, register

from .results import health_check_results


def check_access(request, health_check, write=False):
    """The alliance's staff read it and its editors ask for it; its guests read it."""
    capability = alliance_capability(request.user, health_check.alliance)
    if capability.can_view:
        if write and (not capability.can_edit or not health_check.is_finished):
            raise PermissionDenied
        return capability
    if active_access(request.user, health_check.alliance_id) is not None:
        if write:
            raise PermissionDenied
        return None
    raise Http404


def build_context(health_check):
    return {
        "health_check": health_check,
        "alliance": health_check.alliance,
        "data": health_check_results(health_check, radar_id="radar", follow_ups=False),
        "generated_at": timezone.now(),
    }


def title(health_check):
    return _("Health check of the alliance %(alliance)s · %(date)s") % {
        "alliance": health_check.alliance.title,
        "date": health_check.opened_at.strftime("%d/%m/%Y"),
    }


def filename(health_check, report):
    return (
        f"bilan-de-sante-{slugify(health_check.alliance.title)}-"
        f"{health_check.opened_at:%Y-%m-%d}.pdf"
    )


HEALTH_CHECK = register(
    ReportKind(
        code="health_check",
        label=_("Alliance health check report"),
        model="healthchecks.HealthCheck",
        template="reports/health_check.html",
        build_context=build_context,
        title=title,
        filename=filename,
        check_access=check_access,
        select_related=("alliance__lead", "questionnaire"),
        subject_url=lambda hc: reverse("healthchecks:detail", args=[hc.pk]),
        # A closed health check's answers no longer change.
        changed_at=lambda hc: hc.closed_at,
    )
)
