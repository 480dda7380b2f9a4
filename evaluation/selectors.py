"""Reads shared by the pages, the dashboard panel and the report: constant query counts."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from core.collation import FrenchOrder

from . import charts
from .models import Indicator, Measurement, OperationalObjective, StrategicObjective, Vision


@dataclass
class IndicatorRow:
    indicator: Indicator
    follow_up: object  # progress.IndicatorFollowUp or None (no numeric target)

    @property
    def needs_attention(self):
        return bool(self.follow_up and self.follow_up.needs_attention)

    @property
    def latest(self):
        return self.follow_up.latest if self.follow_up else None

    def chart(self):
        i = self.indicator
        return charts.build(
            measurements=self.follow_up.measurements if self.follow_up else [],
            baseline=i.baseline,
            baseline_date=i.baseline_date,
            target=i.target,
            target_date=i.target_date,
        )


def indicator_rows(queryset, today: dt.date | None = None) -> list[IndicatorRow]:
    today = today or timezone.localdate()
    return [IndicatorRow(i, i.follow_up(today)) for i in queryset.with_follow_up_data()]


def attention_rows(queryset, today: dt.date | None = None) -> list[IndicatorRow]:
    """The indicators' alerts only (needs_attention and its parts), read from each one's latest
    measurement: for pages that flag many alliances' indicators at once."""
    today = today or timezone.localdate()
    indicators = list(queryset)
    latest = Measurement.objects.latest_per_indicator([i.pk for i in indicators], today)
    return [
        IndicatorRow(i, i.follow_up(today, [latest[i.pk]] if i.pk in latest else []))
        for i in indicators
    ]


def alliance_indicators(alliance, today=None):
    queryset = (
        Indicator.objects.filter(alliance=alliance)
        .prefetch_related("objectives")
        .order_by("kind", FrenchOrder("name"))
    )
    return indicator_rows(queryset, today)


def vision_of(alliance):
    return Vision.objects.filter(alliance=alliance).first()


def objectives_tree(alliance):
    """Strategic objectives with impacts and operational objectives (partners, indicators)."""
    return list(
        StrategicObjective.objects.filter(alliance=alliance)
        .ranked()
        .prefetch_related(
            "impacts",
            Prefetch(
                "operational_objectives",
                queryset=OperationalObjective.objects.prefetch_related(
                    "partners__partner", "indicators"
                ).order_by("deadline", "pk"),
            ),
        )
    )


def assessed_tree(alliance, vision=None):
    tree = objectives_tree(alliance)
    for strategic in tree:
        for objective in strategic.operational_objectives.all():
            objective.smart = objective.assessment(vision)
    return tree


def target_history(indicator):
    """The indicator's successive targets, most recent first, each with its reason."""
    records = list(indicator.history.select_related("history_user").order_by("history_date", "pk"))
    kept, previous = [], None
    for record in records:
        key = (record.target, record.target_date)
        if key != previous:
            kept.append(record)
            previous = key
    return list(reversed(kept))
