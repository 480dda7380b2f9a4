"""Reading a campaign's results: the queries, then the pure scoring module.

Used by the results page and the PDF report, so they always agree. One campaign's results are
scored from its answers (its statements' detail is needed); pages that compare many campaigns
read the scores each finished campaign stored when it closed (`Campaign.scores`) and the
network's stored benchmark (models/benchmark.py).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Subquery
from django.utils.translation import gettext as _

from core.collation import FrenchOrder
from core.prepared import Prepared, PreparedModels, prefetched
from organisations.models import NetworkMembership

from . import help_links
from .models import (
    Answer,
    Axis,
    Campaign,
    NetworkBenchmark,
    QuestionnaireVersion,
    Recommendation,
    Statement,
)
from .models.questionnaire import axis_specs
from .radar import RadarSeries, radar_svg
from .scoring import (
    MIN_GROUP_SIZE,
    AxisResult,
    Band,
    CampaignResult,
    ScoreSummary,
    StatementResult,
    evolution,
    score_campaign,
)

# --- Queries ------------------------------------------------------------------------------------


AXES = PreparedModels(
    lambda version: Axis.objects.filter(version_id=version).order_by("position"), version=int
)
STATEMENTS = PreparedModels(
    lambda version: Statement.objects.filter(axis__version_id=version).order_by(
        "axis__position", "position"
    ),
    version=int,
)
RECOMMENDATIONS = PreparedModels(
    lambda version: Recommendation.objects.filter(axis__version_id=version).order_by("pk"),
    version=int,
)


def version_axes(version_ids) -> dict[int, list[Axis]]:
    """{version id: axes with statements and recommendations}, in three queries a version
    (a questionnaire version never changes: read as prepared statements)."""
    by_version = {}
    for version_id in sorted(set(version_ids)):
        axes = AXES(version=version_id)
        children = {axis.pk: ([], []) for axis in axes}
        for statement in STATEMENTS(version=version_id):
            children[statement.axis_id][0].append(statement)
        for recommendation in RECOMMENDATIONS(version=version_id):
            children[recommendation.axis_id][1].append(recommendation)
        for axis in axes:
            statements, recommendations = children[axis.pk]
            prefetched(axis, "statements", statements)
            prefetched(axis, "recommendations", recommendations)
        by_version[version_id] = axes
    return by_version


ANSWERS = Prepared(
    lambda campaign: Answer.objects.filter(respondent__campaign_id=campaign).values_list(
        "respondent_id", "statement__code", "value", "dont_know"
    ),
    campaign=int,
)


def answers_by_campaign(campaign_ids) -> dict[int, dict]:
    """{campaign id: {respondent id: {statement code: value or None}}}, in one query (a
    prepared one for a single campaign, the results page's case).

    Only answers actually given count: a row with neither a value nor « je ne sais pas »
    (a comment typed before choosing) is left out.
    """
    campaign_ids = list(campaign_ids)
    if len(campaign_ids) == 1:
        [campaign_id] = campaign_ids
        rows = ((campaign_id, *row) for row in ANSWERS(campaign=campaign_id))
    else:
        rows = Answer.objects.filter(respondent__campaign_id__in=set(campaign_ids)).values_list(
            "respondent__campaign_id", "respondent_id", "statement__code", "value", "dont_know"
        )
    result: dict[int, dict] = {cid: {} for cid in campaign_ids}
    for campaign_id, respondent_id, code, value, dont_know in rows:
        if value is None and not dont_know:
            continue
        result[campaign_id].setdefault(respondent_id, {})[code] = value
    return result


def score_campaigns(campaigns, axes_by_version=None) -> dict[int, CampaignResult]:
    """{campaign id: its result}, scored from the answers: one query for their answers and
    three a version (none when their versions' axes are given, as version_axes() reads
    them)."""
    campaigns = list(campaigns)
    if not campaigns:
        return {}
    if axes_by_version is None:
        axes_by_version = version_axes(c.version_id for c in campaigns)
    specs = {vid: axis_specs(axes) for vid, axes in axes_by_version.items()}
    answers = answers_by_campaign(c.pk for c in campaigns)
    return {c.pk: score_campaign(specs[c.version_id], answers[c.pk]) for c in campaigns}


PREVIOUS = PreparedModels(
    lambda association, opened_at, campaign: (
        Campaign.objects.finished()
        .filter(association_id=association, opened_at__lt=opened_at)
        .exclude(pk=campaign)
        .order_by("-opened_at", "-pk")[:1]
    ),
    association=int,
    opened_at=dt.datetime,
    campaign=int,
)


def previous_finished(campaign: Campaign) -> Campaign | None:
    found = PREVIOUS(
        association=campaign.association_id, opened_at=campaign.opened_at, campaign=campaign.pk
    )
    return found[0] if found else None


def latest_finished(association) -> Campaign | None:
    return (
        Campaign.objects.filter(association=association, is_latest=True)
        .select_related("version")
        .first()
    )


@dataclass(frozen=True)
class Glance:
    """What an association's dashboard says of its campaigns."""

    scored: Campaign | None  # its latest campaign with an overall score
    unscored: Campaign | None  # its latest finished one, when it had too few answers for one
    open: Campaign | None  # the campaign running, if any


GLANCE_FIELDS = (
    "pk",
    "title",
    "status",
    "opened_at",
    "closed_at",
    "scores",
    "maturity_level",
    "is_latest",
    "version_id",
)

#: An association's latest finished campaign, its latest scored one and the one running, with
#: their questionnaire's maturity levels.
GLANCE = Prepared(
    lambda association: (
        Campaign.objects.filter(association=association)
        .filter(
            Q(is_latest=True)
            | Q(
                pk=Subquery(
                    Campaign.objects.filter(
                        association=association,
                        status=Campaign.Status.CLOSED,
                        maturity_level__isnull=False,
                    )
                    .order_by("-closed_at", "-pk")
                    .values("pk")[:1]
                )
            )
            | Q(status=Campaign.Status.OPEN)
        )
        .order_by("-opened_at", "-pk")
        .values_list(*GLANCE_FIELDS, "version__data__maturity_levels")
    ),
    association=int,
)


def campaigns_at_a_glance(association) -> Glance:
    """One query: the latest finished campaign may have been closed before enough answers came,
    and its results would then say nothing of where the association stands; the dashboard
    shows the latest one scored, and names the other. Each campaign carries its
    questionnaire's maturity levels (`maturity_levels`)."""
    campaigns = []
    for *values, levels in GLANCE(association=association.pk):
        campaign = Campaign(
            association_id=association.pk, **dict(zip(GLANCE_FIELDS, values, strict=True))
        )
        campaign.maturity_levels = {level["level"]: level for level in levels or ()}
        campaigns.append(campaign)
    latest = next((c for c in campaigns if c.is_latest), None)
    best = next((c for c in campaigns if c.maturity_level is not None and c.is_finished), None)
    return Glance(
        scored=best,
        unscored=latest if latest is not None and latest != best else None,
        open=next((c for c in campaigns if c.is_open), None),
    )


def latest_finished_per_association(association_ids) -> list[Campaign]:
    """Each association's most recent finished campaign (`association_ids`: a list or a
    subquery), in one query."""
    return list(Campaign.objects.filter(association_id__in=association_ids, is_latest=True))


@dataclass(frozen=True)
class NetworkComparison:
    network_name: str
    contributors: int
    medians: dict[str, Decimal | None]  # axis code -> median (None: fewer than 5 contributors)

    @property
    def shown(self) -> bool:
        return self.contributors >= MIN_GROUP_SIZE


FIRST_NETWORK = Prepared(
    lambda association: (
        NetworkMembership.objects.filter(
            association=association, state=NetworkMembership.State.ACTIVE
        )
        .order_by(FrenchOrder("network__name"), "network_id")
        .values_list("network_id", "network__name", "network__benchmark__figures")[:1]
    ),
    association=int,
)


def network_comparison(association) -> NetworkComparison | None:
    """The medians per axis of the association's (first) network, from its stored benchmark:
    shown only when at least MIN_GROUP_SIZE members have results, for their anonymity."""
    found = FIRST_NETWORK(association=association.pk)
    if not found:
        return None
    network_id, name, figures = found[0]
    if figures is None:
        return NetworkComparison(name, 0, {})
    benchmark = NetworkBenchmark(network_id=network_id, figures=figures)
    return NetworkComparison(name, benchmark.contributors, benchmark.medians())


# --- The results, ready to display --------------------------------------------------------------


@dataclass
class StatementRow:
    code: str
    text: str
    result: StatementResult
    comments: list[str] = field(default_factory=list)


@dataclass
class AxisRow:
    axis: Axis
    result: AxisResult
    band_label: str
    recommendation: str
    help_url: str | None
    previous: Decimal | None
    delta: Decimal | None
    network: Decimal | None
    statements: list[StatementRow]

    @property
    def is_priority(self):
        return self.result.band is Band.PRIORITY

    @property
    def discussion_points(self):
        return [row for row in self.statements if row.result.is_discussion_point]


@dataclass
class Results:
    campaign: Campaign
    result: CampaignResult
    axes: list[AxisRow]
    maturity: dict | None
    previous: Campaign | None
    previous_result: CampaignResult | ScoreSummary | None
    network: NetworkComparison | None
    radar: str
    overall_delta: Decimal | None
    # The same chart for a phone's screen: the axes' codes in large type (radar.py).
    radar_compact: str = ""

    @property
    def priorities(self):
        order = {axis.code: i for i, axis in enumerate(self.result.priorities)}
        return sorted(
            (row for row in self.axes if row.is_priority), key=lambda r: order[r.axis.code]
        )

    @property
    def axes_priorities_first(self):
        return self.priorities + [row for row in self.axes if not row.is_priority]

    @property
    def discussion_points(self):
        return [(row, s) for row in self.axes for s in row.discussion_points]

    @property
    def missing_axes(self):
        return [row for row in self.axes if not row.result.is_scored]

    @property
    def has_evolution(self):
        return self.previous_result is not None

    @property
    def network_shown(self):
        return self.network is not None and self.network.shown


def campaign_results(
    campaign: Campaign,
    *,
    with_comments=False,
    radar_id="radar",
    links=True,
    network=None,
    alliance=None,
) -> Results:
    """Everything the results page and the PDF show, in a constant number of queries.
    `network`, `alliance`: the network_comparison and the help links' alliance, when already
    read."""
    version: QuestionnaireVersion = campaign.version
    previous = previous_finished(campaign)
    # The previous campaign is finished: its stored scores are all the comparison needs.
    previous_result = previous.stored_scores if previous else None
    both = [campaign] + ([previous] if previous and previous_result is None else [])
    axes_by_version = version_axes(c.version_id for c in both)
    scored = score_campaigns(both, axes_by_version)
    result = scored[campaign.pk]
    if previous and previous_result is None:
        previous_result = scored[previous.pk]
    axes = axes_by_version[version.pk]
    if network is None:
        network = network_comparison(campaign.association)
    shown_network = network if network is not None and network.shown else None
    band_labels = version.band_labels()
    comments = defaultdict(list)
    if with_comments:
        # Comments without their authors: a board reads what was said, not who said it.
        rows = (
            Answer.objects.filter(respondent__campaign=campaign)
            .exclude(comment="")
            .order_by("statement_id", "answered_at")
            .values_list("statement__code", "comment")
        )
        for code, comment in rows:
            comments[code].append(comment)
    if links and alliance is None:
        alliance = help_links.latest_alliance(campaign.association)
    evo = evolution(result, previous_result)
    rows = []
    for axis in axes:
        axis_result = result.axis(axis.code)
        recommendations = {r.band: r.text for r in axis.recommendations.all()}
        delta = evo.axis(axis.code)
        rows.append(
            AxisRow(
                axis=axis,
                result=axis_result,
                band_label=band_labels.get(axis_result.band.value, "") if axis_result.band else "",
                recommendation=recommendations.get(axis_result.band.value, "")
                if axis_result.band
                else "",
                help_url=help_links.help_url(axis.help_link, campaign.association, alliance)
                if links
                else None,
                previous=delta.previous,
                delta=delta.delta,
                network=shown_network.medians.get(axis.code) if shown_network else None,
                statements=[
                    StatementRow(
                        s.code,
                        s.text,
                        _statement_result(axis_result, s.code),
                        comments.get(s.code, []),
                    )
                    for s in axis.statements.all()
                ],
            )
        )
    maturity = (
        version.maturity_levels().get(result.maturity_level) if result.maturity_level else None
    )
    radar = build_radar(
        campaign, rows, result, previous, previous_result, shown_network, radar_id=radar_id
    )
    radar_compact = build_radar(
        campaign,
        rows,
        result,
        previous,
        previous_result,
        shown_network,
        radar_id=f"{radar_id}-compact",
        compact=True,
    )
    return Results(
        campaign=campaign,
        result=result,
        axes=rows,
        maturity=maturity,
        previous=previous,
        previous_result=previous_result,
        network=network,
        radar=radar,
        overall_delta=evo.overall.delta,
        radar_compact=radar_compact,
    )


def _statement_result(axis_result: AxisResult, code: str) -> StatementResult:
    for statement in axis_result.statements:
        if statement.code == code:
            return statement
    raise KeyError(code)


def build_radar(
    campaign, rows, result, previous, previous_result, network, *, radar_id="radar", compact=False
):
    labels = [f"{row.axis.code} · {row.axis.title}" for row in rows]
    series = [
        RadarSeries(
            _("This diagnostic (%(date)s)") % {"date": campaign.opened_at.strftime("%m/%Y")},
            tuple(row.result.score for row in rows),
        )
    ]
    if previous_result is not None:
        series.append(
            RadarSeries(
                _("Previous diagnostic (%(date)s)")
                % {"date": previous.opened_at.strftime("%m/%Y")},
                tuple(_axis_score(previous_result, row.axis.code) for row in rows),
            )
        )
    if network is not None:
        series.append(
            RadarSeries(
                _("Network median (%(count)d associations)") % {"count": network.contributors},
                tuple(network.medians.get(row.axis.code) for row in rows),
            )
        )
    return radar_svg(
        labels,
        series,
        title=_("Scores of the eight axes, from 1 to 5"),
        description=_("Radar chart of the axis scores of %(association)s.")
        % {"association": campaign.association.name},
        id_prefix=radar_id,
        axis_codes=[row.axis.code for row in rows] if compact else None,
    )


def _axis_score(result: CampaignResult, code: str):
    try:
        return result.axis(code).score
    except KeyError:
        return None
