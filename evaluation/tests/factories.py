import datetime as dt
from decimal import Decimal

import factory

from alliances.tests.factories import AllianceFactory
from evaluation.models import (
    Dimension,
    Indicator,
    Measurement,
    OperationalObjective,
    StrategicObjective,
    Vision,
)


class VisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vision

    alliance = factory.SubFactory(AllianceFactory)
    statement = "Un pôle de fonctions support partagé par les associations du territoire."
    horizon_start = dt.date(2025, 9, 1)
    horizon_end = dt.date(2029, 8, 31)


class StrategicObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategicObjective

    alliance = factory.SubFactory(AllianceFactory)
    title = factory.Sequence(lambda n: f"Objectif stratégique {n}")
    priority = 1


class OperationalObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OperationalObjective

    strategic_objective = factory.SubFactory(StrategicObjectiveFactory)
    dimension = Dimension.MEANS
    statement = factory.Sequence(lambda n: f"Objectif opérationnel {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    alliance = factory.SubFactory(AllianceFactory)
    name = factory.Sequence(lambda n: f"Indicateur {n}")
    kind = "results"
    unit = "€"
    direction = "decrease"
    baseline = Decimal("400000")
    baseline_date = dt.date(2025, 12, 1)
    target = Decimal("340000")
    target_date = dt.date(2026, 6, 30)
    frequency = "monthly"
    data_source = "member_systems"
    method = "quantitative"


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    date = dt.date(2026, 1, 31)
    value = Decimal("390000")
    source = "Comptabilité"
