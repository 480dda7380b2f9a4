import datetime as dt
from decimal import Decimal

import factory
from django.db import transaction

from alliances.tests.factories import AllianceFactory
from core.tests.stored import note
from evaluation import summaries
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


class EvaluationFactory(factory.django.DjangoModelFactory):
    """Rows made as the services make them: the alliance's stored summary follows."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with transaction.atomic():
            obj = super()._create(model_class, *args, **kwargs)
            if not note("evaluation", cls.alliance_id(obj)):
                summaries.refresh([cls.alliance_id(obj)])
        return obj

    @staticmethod
    def alliance_id(obj):
        return obj.alliance_id


class IndicatorFactory(EvaluationFactory):
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


class MeasurementFactory(EvaluationFactory):
    class Meta:
        model = Measurement

    @staticmethod
    def alliance_id(obj):
        return obj.indicator.alliance_id

    indicator = factory.SubFactory(IndicatorFactory)
    date = dt.date(2026, 1, 31)
    value = Decimal("390000")
    source = "Comptabilité"
