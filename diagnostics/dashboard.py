"""Dashboard panels of the self-diagnostic (see core/dashboard.py)."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from core.dashboard import Panel
from organisations.models import Association

from . import results
from .models import Campaign, NetworkBenchmark, Respondent, Statement


def _latest_summary(association, glance=None):
    """The latest campaign with an overall score, and the latest finished one when it came
    back with too few answers for a score (named, with its own link)."""
    glance = glance or results.campaigns_at_a_glance(association)
    campaign, unscored = glance.scored, glance.unscored
    # Closed behind the services' back: scored here until the nightly check stores it.
    if (
        unscored is not None
        and unscored.scores is None
        and results.score_campaigns([unscored])[unscored.pk].maturity_level
    ):
        campaign, unscored = unscored, None
    if campaign is None:
        return {"unscored": unscored} if unscored else None
    result = campaign.stored_scores
    if result is None:  # closed behind the services' back: scored until the nightly check
        result = results.score_campaigns([campaign])[campaign.pk]
    maturity = (
        campaign.version.maturity_levels().get(result.maturity_level)
        if result.maturity_level
        else None
    )
    return {"campaign": campaign, "result": result, "maturity": maturity, "unscored": unscored}


def association_panels(request, association, capability):
    to_answer = None
    statements = (
        Statement.objects.filter(axis__version_id=OuterRef("campaign__version_id"))
        .order_by()
        .values("axis__version_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    if capability.is_member:
        respondent = (
            Respondent.objects.filter(
                user=request.user,
                campaign__association=association,
                campaign__status=Campaign.Status.OPEN,
                submitted_at__isnull=True,
            )
            .select_related("campaign")
            .annotate(
                given=Count(
                    "answers", filter=Q(answers__value__isnull=False) | Q(answers__dont_know=True)
                ),
                # The questionnaire's size in the same query.
                total=Coalesce(Subquery(statements, output_field=IntegerField()), 0),
            )
            .first()
        )
        if respondent is not None:
            total = respondent.total
            to_answer = {
                "respondent": respondent,
                "campaign": respondent.campaign,
                "given": respondent.given,
                "total": total,
                "percent": round(100 * respondent.given / total) if total else 0,
            }
    glance = results.campaigns_at_a_glance(association)
    return [
        Panel(
            "diagnostics/panels/association.html",
            {
                "association": association,
                "capability": capability,
                "to_answer": to_answer,
                "latest": _latest_summary(association, glance),
                "open": glance.open,
            },
            order=20,
        )
    ]


def diagnostic_summary_panels(request, association):
    """A compact summary of the association's latest results (used on an alliance's step 1)."""
    return [
        Panel(
            "diagnostics/panels/summary.html",
            {"association": association, "latest": _latest_summary(association)},
            order=20,
        )
    ]


def network_panels(request, network):
    """A summary only: each member's latest diagnostic is a column of the network dashboard,
    and the distribution is on the network picture."""
    benchmark = NetworkBenchmark.objects.filter(network=network).first()
    if benchmark is None:  # not computed yet (the nightly job makes it)
        figures = {"members": Association.objects.active_in(network).count(), "contributors": 0}
    else:
        figures = benchmark.figures
    return [
        Panel(
            "diagnostics/panels/network.html",
            {
                "network": network,
                "with_results": figures.get("contributors", 0),
                "member_count": figures.get("members", 0),
            },
            order=30,
        )
    ]
