"""The diagnostic's PDF report, registered with the generic report pipeline (reports/kinds.py)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from organisations.access import association_capability, require
from reports.kinds import ReportKind, register

from . import results


def check_access(request, campaign, write=False):
    """Whoever sees the association's results sees its reports; its editors ask for them."""
    capability = require(association_capability(request.user, campaign.association_id), write=write)
    if write and not campaign.is_finished:
        raise PermissionDenied
    return capability


def check_share(request, campaign):
    """The association's admins hand its reports over (a share link)."""
    return require(association_capability(request.user, campaign.association_id), admin=True)


def build_context(campaign):
    data = results.campaign_results(campaign, with_comments=True, radar_id="radar", links=False)
    return {
        "campaign": campaign,
        "association": campaign.association,
        "version": campaign.version,
        "results": data,
        "respondent_count": campaign.respondents.filter(submitted_at__isnull=False).count()
        or data.result.respondent_count,
        "generated_at": timezone.now(),
    }


def title(campaign):
    return _("Self-diagnostic of %(association)s · %(date)s") % {
        "association": campaign.association.name,
        "date": campaign.opened_at.strftime("%d/%m/%Y"),
    }


def filename(campaign, report):
    return f"autodiagnostic-{slugify(campaign.association.name)}-{campaign.opened_at:%Y-%m-%d}.pdf"


def changed_at(campaign):
    """Its closing: a finished campaign's answers no longer change (reopening it clears the
    closing time, and closing it again sets a later one)."""
    return campaign.closed_at


def bulk_subjects(association_ids):
    """Each association's latest finished diagnostic."""
    return [(c.association_id, c) for c in results.latest_finished_per_association(association_ids)]


DIAGNOSTIC = register(
    ReportKind(
        code="diagnostic",
        label=_("Self-diagnostic report"),
        model="diagnostics.Campaign",
        template="reports/diagnostic.html",
        build_context=build_context,
        title=title,
        filename=filename,
        check_access=check_access,
        check_share=check_share,
        select_related=("association", "version"),
        subject_url=lambda campaign: reverse("diagnostics:campaign_detail", args=[campaign.pk]),
        changed_at=changed_at,
        bulk_subjects=bulk_subjects,
    )
)
