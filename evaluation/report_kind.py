"""The impact evaluation's PDF report, registered with the generic report pipeline
(reports/kinds.py). The data are gathered by evaluation.report_data (constant queries)."""

from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from alliances.access import alliance_capability
from alliances.models import Alliance, AllianceSummary
from organisations.access import association_capability, require
from reports.kinds import ReportKind, register

from .report_data import build_context


def check_access(request, alliance, write=False):
    """Whoever sees the alliance sees its reports; its editors ask for them."""
    return require(alliance_capability(request.user, alliance), write=write)


def check_share(request, alliance):
    """The admins of the lead association hand its reports over (a share link)."""
    require(alliance_capability(request.user, alliance))
    return require(association_capability(request.user, alliance.lead_id), admin=True)


def title(alliance):
    return _("Impact evaluation – %(title)s") % {"title": alliance.title}


def filename(alliance, report):
    return f"evaluation-impact-{slugify(alliance.title)}-{report.created_at:%Y-%m-%d}.pdf"


def changed_at(alliance):
    """The alliance row, and its evaluation as its services record it (AllianceSummary)."""
    summary = AllianceSummary.objects.filter(alliance=alliance).first()
    moments = [alliance.updated_at, summary.evaluation_changed_at if summary else None]
    return max(moment for moment in moments if moment)


def bulk_subjects(association_ids):
    """Each alliance the associations lead."""
    alliances = Alliance.objects.filter(lead_id__in=association_ids).order_by("lead_id", "pk")
    return [(alliance.lead_id, alliance) for alliance in alliances]


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
        check_share=check_share,
        select_related=("lead",),
        subject_url=lambda alliance: reverse("evaluation:analysis", args=[alliance.pk]),
        changed_at=changed_at,
        bulk_subjects=bulk_subjects,
    )
)


def dossier_context(alliance):
    """What the alliance's dossier de présentation (alliances/report_kind.py) shows of its
    objectives, when they are set: the shared vision and the objectives, in priority order."""
    from django.db.models import Prefetch

    from .models import OperationalObjective, StrategicObjective, Vision

    objectives = StrategicObjective.objects.filter(alliance=alliance).prefetch_related(
        Prefetch(
            "operational_objectives",
            queryset=OperationalObjective.objects.order_by("deadline", "pk"),
        )
    )
    return {
        "vision": Vision.objects.filter(alliance=alliance).first(),
        "objectives": list(objectives.order_by("priority", "pk")),
    }
