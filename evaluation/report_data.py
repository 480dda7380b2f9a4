"""Everything the impact evaluation report shows, gathered in a constant number of queries.

`gather(alliance)` is what the PDF pipeline's `build_context` calls (reports.kinds): all the
queries happen here, none in the template. The report records the date of its data: the day it
was gathered (`as_of`) and the date of the latest measurement it shows (`data_date`).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from alliances.models import AllianceMember, AlliancePartner
from core.collation import FrenchOrder

from .models import (
    Analysis,
    EvaluationPlan,
    EvaluativeQuestion,
    Indicator,
    IndicatorContribution,
    IndicatorKind,
    Measurement,
    SteeringDecision,
    StrategicGap,
)
from .selectors import IndicatorRow, assessed_tree, vision_of


@dataclass
class EvaluationReportData:
    alliance: object
    as_of: dt.date
    generated_at: dt.datetime
    data_date: dt.date | None
    members: list
    partners: list
    vision: object
    gaps: list
    tree: list
    plan: object
    questions: list
    indicators: list  # IndicatorRow with .chart_data and .contributions
    indicators_by_kind: list
    analysis: object
    decisions: list
    counts: dict = field(default_factory=dict)

    @property
    def flagged(self):
        return [row for row in self.indicators if row.needs_attention]


def gather(alliance, today: dt.date | None = None) -> EvaluationReportData:
    today = today or timezone.localdate()
    members = list(
        AllianceMember.objects.filter(
            alliance=alliance, state=AllianceMember.State.ACTIVE
        ).select_related("association")
    )
    partners = list(AlliancePartner.objects.filter(alliance=alliance).select_related("partner"))
    vision = vision_of(alliance)
    gaps = list(StrategicGap.objects.filter(alliance=alliance).select_related("partner__partner"))
    tree = assessed_tree(alliance, vision)
    plan = EvaluationPlan.objects.filter(alliance=alliance).first()
    questions = list(
        EvaluativeQuestion.objects.filter(alliance=alliance).prefetch_related("indicators")
    )
    indicators = list(
        Indicator.objects.filter(alliance=alliance)
        .order_by("kind", FrenchOrder("name"))
        .prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.order_by("date", "pk")),
            Prefetch(
                "contributions",
                queryset=IndicatorContribution.objects.select_related(
                    "partner__partner", "association"
                ),
            ),
            "objectives",
        )
    )
    rows = []
    for indicator in indicators:
        row = IndicatorRow(indicator, indicator.follow_up(today))
        row.chart_data = row.chart() if indicator.target is not None else None
        row.measurements = [m for m in indicator.measurements.all() if m.date <= today]
        row.contributions = list(indicator.contributions.all())
        rows.append(row)
    dates = [m.date for row in rows for m in row.measurements]
    by_kind = [
        (label, [row for row in rows if row.indicator.kind == value])
        for value, label in IndicatorKind.choices
    ]
    analysis = Analysis.objects.filter(alliance=alliance).first()
    decisions = list(SteeringDecision.objects.filter(alliance=alliance).select_related("action"))
    operational = [op for so in tree for op in so.operational_objectives.all()]
    return EvaluationReportData(
        alliance=alliance,
        as_of=today,
        generated_at=timezone.now(),
        data_date=max(dates) if dates else None,
        members=members,
        partners=partners,
        vision=vision,
        gaps=gaps,
        tree=tree,
        plan=plan,
        questions=questions,
        indicators=rows,
        indicators_by_kind=[(label, items) for label, items in by_kind if items],
        analysis=analysis,
        decisions=decisions,
        counts={
            "strategic": len(tree),
            "operational": len(operational),
            "smart": sum(1 for op in operational if op.smart.is_smart),
            "indicators": len(rows),
            "flagged": sum(1 for row in rows if row.needs_attention),
        },
    )


def build_context(alliance) -> dict:
    """For the PDF pipeline's registry (reports.kinds.ReportKind.build_context)."""
    return {"data": gather(alliance)}
