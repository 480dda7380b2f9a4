"""An association's export holds its alliances' health checks (their means), never one
person's answers: those of its partners' guests least of all."""

import pytest

from healthchecks.models import HealthAnswer, HealthCheck
from healthchecks.tests.factories import finished_health_check
from privacy.export import tables_of

pytestmark = pytest.mark.django_db


def test_the_export_keeps_the_results_and_leaves_the_answers_out():
    health_check = finished_health_check()
    assert HealthAnswer.objects.exists()

    tables = dict(tables_of(health_check.alliance.lead_id))

    assert tables[HealthCheck] == {health_check.pk}
    assert HealthAnswer not in tables
