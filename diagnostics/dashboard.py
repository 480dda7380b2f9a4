"""Dashboard panels of the self-diagnostic (see core/dashboard.py)."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from core.dashboard import Panel
from core.prepared import Prepared
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
    levels = getattr(campaign, "maturity_levels", None) or campaign.version.maturity_levels()
    maturity = levels.get(result.maturity_level) if result.maturity_level else None
    return {"campaign": campaign, "result": result, "maturity": maturity, "unscored": unscored}


#: The user's unsubmitted answers to an open campaign of the association: how many
#: statements they answered and the questionnaire's size, in one query.
TO_ANSWER = Prepared(
    lambda user, association: (
        Respondent.objects.filter(
            user=user,
            campaign__association=association,
            campaign__status=Campaign.Status.OPEN,
            submitted_at__isnull=True,
        )
        .annotate(
            given=Count(
                "answers", filter=Q(answers__value__isnull=False) | Q(answers__dont_know=True)
            ),
            total=Coalesce(
                Subquery(
                    Statement.objects.filter(axis__version_id=OuterRef("campaign__version_id"))
                    .order_by()
                    .values("axis__version_id")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                0,
            ),
        )
        .order_by("pk")
        .values_list("campaign_id", "campaign__title", "campaign__opened_at", "given", "total")[:1]
    ),
    user=int,
    association=int,
)


def association_panels(request, association, capability):
    to_answer = None
    if capability.is_member:
        found = TO_ANSWER(user=request.user.pk, association=association.pk)
        if found:
            campaign_id, title, opened_at, given, total = found[0]
            to_answer = {
                "campaign": Campaign(pk=campaign_id, title=title, opened_at=opened_at),
                "given": given,
                "total": total,
                "percent": round(100 * given / total) if total else 0,
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
