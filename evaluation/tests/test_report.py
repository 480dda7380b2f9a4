"""The impact evaluation report: its data gathering (constant queries) and its PDF."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from alliances.tests.factories import AllianceFactory, AlliancePartnerFactory
from evaluation import report_data
from evaluation.models import Analysis, EvaluationPlan, EvaluativeQuestion

from .factories import (
    IndicatorFactory,
    MeasurementFactory,
    OperationalObjectiveFactory,
    StrategicObjectiveFactory,
    VisionFactory,
)

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


def build_alliance(size):
    alliance = AllianceFactory(title="Pôle mutualisé")
    VisionFactory(alliance=alliance)
    partners = [AlliancePartnerFactory(alliance=alliance) for _ in range(size)]
    for n in range(size):
        strategic = StrategicObjectiveFactory(alliance=alliance, priority=n + 1)
        operational = OperationalObjectiveFactory(strategic_objective=strategic)
        operational.partners.set(partners)
        indicator = IndicatorFactory(alliance=alliance, name=f"Coûts {n}")
        indicator.objectives.add(operational)
        for month in range(1, 7):
            MeasurementFactory(
                indicator=indicator,
                date=dt.date(2026, month, 15),
                value=Decimal(400000 - month * 10000 - n),
            )
        question = EvaluativeQuestion.objects.create(alliance=alliance, text=f"Question {n}")
        question.indicators.add(indicator)
    EvaluationPlan.objects.get_or_create(alliance=alliance, defaults={"purpose_track": True})
    Analysis.objects.get_or_create(alliance=alliance, defaults={"conclusions": "Poursuivre."})
    return alliance


def test_the_report_data_costs_the_same_queries_at_two_sizes(django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    small = build_alliance(2)
    with CaptureQueriesContext(connection) as captured:
        report_data.gather(small, today=TODAY)
    large = build_alliance(12)
    with django_assert_num_queries(len(captured.captured_queries)):
        data = report_data.gather(large, today=TODAY)
    assert len(data.indicators) == 12


def test_the_report_records_the_date_of_its_data():
    alliance = build_alliance(1)
    data = report_data.gather(alliance, today=TODAY)
    assert data.as_of == TODAY
    assert data.data_date == dt.date(2026, 6, 15)


def test_the_pdf_shows_each_indicators_target_and_actual_value():
    from pypdf import PdfReader
    from weasyprint import HTML

    alliance = build_alliance(2)
    with translation.override("fr"):
        html = render_to_string(
            "reports/evaluation.html", {"data": report_data.gather(alliance, today=TODAY)}
        )
    pdf = HTML(string=html).write_pdf()
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())
    assert len(reader.pages) >= 6
    assert "Pôle mutualisé" in flat
    assert "340 000 €" in flat  # the targets
    for value in ("339 999 €", "370 000 €"):  # actual values of the indicators
        assert value in flat, value
    assert "23 novembre 2026" in flat or "23/11/2026" in flat  # the date of the data
