import datetime as dt

import pytest

from evaluation.demo import seed
from evaluation.models import Indicator, Measurement, OperationalObjective, StrategicObjective
from evaluation.selectors import alliance_indicators, vision_of
from organisations.demo import Demo
from reports.models import Report

pytestmark = pytest.mark.django_db


def test_the_demo_alliance_is_complete_and_seeding_twice_changes_nothing(world):
    demo = Demo(network=world.network, association=world.association, members=[])
    alliance = seed(demo)
    counts = (
        StrategicObjective.objects.count(),
        OperationalObjective.objects.count(),
        Indicator.objects.count(),
        Measurement.objects.count(),
    )
    assert seed(demo) == alliance
    assert counts == (
        StrategicObjective.objects.count(),
        OperationalObjective.objects.count(),
        Indicator.objects.count(),
        Measurement.objects.count(),
    )
    assert counts[:3] == (2, 4, 6)
    vision = vision_of(alliance)
    smart = [
        o.assessment(vision).is_smart
        for o in OperationalObjective.objects.prefetch_related("partners", "indicators")
    ]
    assert sorted(smart) == [False, True, True, True]
    rows = alliance_indicators(alliance, today=dt.date(2026, 11, 23))
    assert [r.indicator.name for r in rows if r.follow_up.off_track] == [
        "Familles orientées par le guichet commun"
    ]
    assert all(len(r.follow_up.measurements) >= 2 for r in rows)
    costs = Measurement.objects.filter(indicator__name__startswith="Coûts")
    assert costs.count() == 12  # a year of monthly measurements
    report = Report.objects.of_subject(alliance).get(kind="evaluation")  # once, not twice
    assert report.status == Report.Status.READY and report.file
