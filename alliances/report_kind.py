"""The « dossier de présentation » of an alliance (step 2), registered with the generic report
pipeline (reports/kinds.py): what the team sends to a prospective partner.

Only what is meant to be read outside: the social need and its figures, why a collective answer,
the argument, the key actors and beneficiaries, the partners already engaged and the roles
sought, the objectives when set (given by the apps above through the `report_kind.dossier_context`
hook), the lead's contact. Nothing internal: no SWOT, no candidate or its scores."""

from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.navigation import app_hooks
from organisations.access import association_capability, require
from reports.kinds import ReportKind, register

from .access import alliance_capability
from .models import AllianceDossier, AllianceMember, AlliancePartner, NeedFigure


def check_access(request, alliance, write=False):
    """Whoever sees the alliance sees its dossier; its editors ask for it."""
    return require(alliance_capability(request.user, alliance), write=write)


def check_share(request, alliance):
    """The admins of the lead association hand the dossier over (a share link)."""
    require(alliance_capability(request.user, alliance))
    return require(association_capability(request.user, alliance.lead_id), admin=True)


def build_context(alliance):
    dossier = AllianceDossier.objects.filter(alliance=alliance).first()
    context = {
        "alliance": alliance,
        "lead": alliance.lead,
        "dossier": dossier,
        "figures": list(NeedFigure.objects.filter(alliance=alliance).order_by("pk")),
        "partners": list(
            AlliancePartner.objects.filter(alliance=alliance).select_related("partner")
        ),
        "co_members": list(
            AllianceMember.objects.filter(alliance=alliance, state=AllianceMember.State.ACTIVE)
            .select_related("association")
            .order_by("association__name")
        ),
        "contact": alliance.created_by,
        "generated_at": timezone.now(),
    }
    context["engaged_count"] = len(context["partners"]) + len(context["co_members"])
    for hook in app_hooks("report_kind", "dossier_context"):
        context |= hook(alliance)
    return context


def title(alliance):
    return _("Presentation file – %(title)s") % {"title": alliance.title}


def filename(alliance, report):
    return f"dossier-{slugify(alliance.title)}-{report.created_at:%Y-%m-%d}.pdf"


def changed_at(alliance):
    return alliance.updated_at


DOSSIER = register(
    ReportKind(
        code="dossier",
        label=_("Presentation file of the alliance"),
        model="alliances.Alliance",
        template="reports/dossier.html",
        build_context=build_context,
        title=title,
        filename=filename,
        check_access=check_access,
        check_share=check_share,
        select_related=("lead", "created_by"),
        subject_url=lambda alliance: reverse("alliances:alliance_step", args=[alliance.pk, 2]),
        changed_at=changed_at,
    )
)
