"""The frozen PDF of a version accepted by all parties, made by the report pipeline
(reports/kinds.py), tagged PDF/UA as every report.

It is made once, when the last party accepts, from what the version stored (its articles, the
parties asked, their acceptances, the text's SHA-256): nothing read from the live convention,
and nobody asks for it again (`check_access` refuses every request), so it never changes. The
retention of report files keeps it (`kept_for_good`)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from alliances.access import alliance_capability
from partnerspace.access import active_access
from reports.kinds import ReportKind, register

from .models import PartyAnswer


def check_access(request, version, write=False):
    """Whoever sees the alliance, and the guests of a party's organisation, read it; nobody
    asks for it again."""
    if write:
        raise PermissionDenied
    alliance = version.convention.alliance
    if alliance_capability(request.user, alliance).can_view:
        return
    access = active_access(request.user, alliance.pk)
    if access is not None and version.convention.parties.filter(partner=access.partner).exists():
        return
    raise Http404


def build_context(version):
    answers = {
        a.party_id: a
        for a in PartyAnswer.objects.filter(version=version).select_related("answered_by")
    }
    acceptances = []
    for row in version.parties:
        answer = answers.get(row["id"])
        acceptances.append(
            {
                "party": row["name"],
                "on": timezone.localtime(answer.answered_at) if answer else None,
                "by": str(answer.answered_by) if answer and answer.answered_by else "",
                "on_behalf": bool(answer and answer.on_behalf),
            }
        )
    convention = version.convention
    return {
        "version": version,
        "convention": convention,
        "alliance": convention.alliance,
        "articles": version.articles,
        "acceptances": acceptances,
        "document_title": title(version),
    }


def title(version):
    return _("%(title)s – version %(n)s accepted by all parties") % {
        "title": version.convention.title,
        "n": version.number,
    }


def filename(version, report):
    return f"convention-{slugify(version.convention.title)}-v{version.number}-acceptee.pdf"


CONVENTION_VERSION = register(
    ReportKind(
        code="convention_version",
        label=_("Convention accepted by all parties"),
        model="agreements.ConventionVersion",
        template="reports/convention_version.html",
        build_context=build_context,
        title=title,
        filename=filename,
        check_access=check_access,
        select_related=("convention__alliance__lead",),
        subject_url=lambda version: reverse(
            "agreements:convention", args=[version.convention.alliance_id, version.convention_id]
        ),
        kept_for_good=True,
    )
)
