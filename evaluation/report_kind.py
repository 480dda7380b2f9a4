"""The impact evaluation's PDF report, registered with the generic report pipeline
(reports/kinds.py). The data are gathered by evaluation.report_data (constant queries)."""

from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from alliances.access import alliance_capability, require
from reports.kinds import ReportKind, register

from .report_data import build_context


def check_access(request, alliance, write=False):
    """Whoever sees the alliance sees its reports; its editors ask for them."""
    return require(alliance_capability(request.user, alliance), write=write)


def title(alliance):
    return _("Impact evaluation – %(title)s") % {"title": alliance.title}


def filename(alliance, report):
    return f"evaluation-impact-{slugify(alliance.title)}-{report.created_at:%Y-%m-%d}.pdf"


def changed_at(alliance):
    """The alliance row and every evaluation row hanging from it (history included)."""
    from reports.freshness import latest_change

    return latest_change(alliance, ["evaluation"], own=("updated_at",))


EVALUATION = register(
    ReportKind(
        code="evaluation",
        label=_("Impact evaluation report"),
        model="alliances.Alliance",
        template="reports/evaluation.html",
        build_context=build_context,
        title=title,
        filename=filename,
        check_access=check_access,
        select_related=("lead",),
        subject_url=lambda alliance: reverse("evaluation:analysis", args=[alliance.pk]),
        changed_at=changed_at,
    )
)
