"""What the results page, the guests' page and the PDF show of a closed health check: its
stored results (means only) set out for reading, a fixed number of queries."""

from decimal import Decimal

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from diagnostics.radar import MAX_SERIES, RadarSeries, radar_svg

from . import scoring
from .models import GapFollowUp, HealthCheck


def party_label(key, name) -> str:
    return _("Other parties") if key == scoring.OTHERS_KEY else name


def previous_of(health_check) -> HealthCheck | None:
    return (
        HealthCheck.objects.filter(
            alliance_id=health_check.alliance_id,
            status=HealthCheck.Status.CLOSED,
            closed_at__lt=health_check.closed_at,
        )
        .order_by("-closed_at")
        .only("pk", "opened_at", "closed_at", "results")
        .first()
    )


def _radar(results, parties, *, radar_id, compact):
    series = [
        RadarSeries(
            party_label(p.key, p.name),
            tuple(p.axis_mean(axis["code"]) for axis in results.axes),
        )
        for p in parties[:MAX_SERIES]
    ]
    if not series:
        return ""
    svg = radar_svg(
        [axis["title"] for axis in results.axes],
        series,
        title=_("Scores per axis, one line per party"),
        description=_("Mean of each party's answers per axis, on a scale of 1 to 5."),
        id_prefix=f"{radar_id}-compact" if compact else radar_id,
        axis_codes=[axis["code"] for axis in results.axes] if compact else None,
        main=False,
    )
    # Built from escaped text only (radar_svg escapes every label and value).
    return mark_safe(svg)  # noqa: S308


def health_check_results(health_check: HealthCheck, *, radar_id="radar", follow_ups=True):
    results = health_check.stored_results
    if results is None:
        return None
    texts = health_check.questionnaire.statement_texts()
    parties = results.parties
    axis_rows = [
        {
            "code": axis["code"],
            "title": axis["title"],
            "overall": results.overall_mean(axis["code"]),
            "parties": [p.axis_mean(axis["code"]) for p in parties],
        }
        for axis in results.axes
    ]
    done = {}
    if follow_ups:
        for follow_up in GapFollowUp.objects.filter(health_check=health_check).select_related(
            "action", "agenda_item__meeting"
        ):
            done[(follow_up.gap_key, follow_up.kind)] = follow_up
    gaps = [
        {
            "key": gap.key,
            "axis": gap.axis,
            "axis_title": gap.axis_title,
            "names": [party_label(k, n) for k, n in zip(gap.parties, gap.names, strict=True)],
            "means": [Decimal(m) for m in gap.means],
            "difference": Decimal(gap.difference),
            "statements": [
                {
                    "code": s["code"],
                    "text": texts.get(s["code"], s["code"]),
                    "means": [Decimal(m) for m in s["means"]],
                }
                for s in gap.statements
            ],
            "action": done.get((gap.key, GapFollowUp.Kind.ACTION)),
            "agenda": done.get((gap.key, GapFollowUp.Kind.AGENDA)),
        }
        for gap in results.gaps
    ]
    previous = previous_of(health_check)
    evolution = scoring.evolution(results, previous.stored_results if previous else None)
    return {
        "results": results,
        "parties": [
            {"key": p.key, "label": party_label(p.key, p.name), "respondents": p.respondents}
            for p in parties
        ],
        "axis_rows": axis_rows,
        "gaps": gaps,
        "radar": _radar(results, parties, radar_id=radar_id, compact=False),
        "radar_compact": _radar(results, parties, radar_id=radar_id, compact=True),
        "radar_legend_cut": len(parties) > MAX_SERIES,
        "previous": previous,
        "evolution": evolution,
        "has_evolution": previous is not None,
        "threshold": scoring.GAP_THRESHOLD,
        "min_respondents": scoring.MIN_RESPONDENTS,
    }


def statement_rows(questionnaire, answers: dict) -> list[dict]:
    """The axes and statements of a questionnaire, with the person's own choices."""
    return [
        {
            "position": position,
            "code": axis["code"],
            "title": axis["title"],
            "statements": [
                {"code": s["code"], "text": s["text"], "choice": answers.get(s["code"], "")}
                for s in axis["statements"]
            ],
        }
        for position, axis in enumerate(questionnaire.axes(), start=1)
    ]
