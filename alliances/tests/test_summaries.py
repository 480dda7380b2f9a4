"""An alliance's stored summary follows what the pages write, right away, and nothing the
pages show is cached: a row changed behind the services' back shows at once where the page
reads it, and its summary is put right by the nightly job."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliances import services, summaries
from alliances.models import Action, AllianceSummary, SwotItem
from alliances.selectors import step_facts
from alliances.stepper import StepFacts, current_step_of
from alliances.tests.factories import ActionFactory, AllianceFactory, ConventionFactory
from core.tests.stored import summarised_at_the_end
from evaluation.models import Measurement
from evaluation.tests.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


def test_a_new_alliance_has_its_summary_at_step_1(world):
    alliance = services.create_alliance(lead=world.association, by=world.editor, title="Pôle")
    summary = AllianceSummary.objects.get(alliance=alliance)
    assert summary.current_step == 1 and StepFacts.from_json(summary.facts) == StepFacts()


def test_the_stepper_follows_the_rows_added_through_the_pages(client, world):
    alliance = AllianceFactory(lead=world.association)
    client.force_login(world.editor)
    for quadrant in ("strength", "weakness", "opportunity", "threat"):
        response = client.post(
            reverse("alliances:item_add", args=[alliance.pk, "moff"]),
            {"quadrant": quadrant, "text": f"Élément {quadrant}", "importance": 3},
        )
        assert response.status_code == 302
    facts = StepFacts.from_json(AllianceSummary.objects.get(alliance=alliance).facts)
    assert facts.swot_quadrants == {"strength", "weakness", "opportunity", "threat"}
    assert facts == step_facts([alliance.pk])[alliance.pk]
    page = client.get(reverse("alliances:alliance_step", args=[alliance.pk, 1])).content.decode()
    assert "Forces listées dans le SWOT" in page or "SWOT" in page

    item = SwotItem.objects.filter(alliance=alliance, quadrant="threat").get()
    client.post(reverse("alliances:item_delete", args=[alliance.pk, "moff", item.pk]))
    facts = StepFacts.from_json(AllianceSummary.objects.get(alliance=alliance).facts)
    assert "threat" not in facts.swot_quadrants


def test_an_action_renamed_behind_the_services_back_shows_at_once_on_the_alliance_file(
    client, world
):
    alliance = AllianceFactory(lead=world.association)
    action = ActionFactory(alliance=alliance, title="Ancien titre")
    client.force_login(world.reader)
    assert "Ancien titre" in client.get(alliance.get_absolute_url()).content.decode()

    Action.objects.filter(pk=action.pk).update(title="Nouveau titre")

    page = client.get(alliance.get_absolute_url()).content.decode()
    assert "Nouveau titre" in page and "Ancien titre" not in page


def test_every_summary_is_computed_again_by_the_nightly_job():
    with summarised_at_the_end():
        alliances = [AllianceFactory() for _ in range(3)]
    AllianceSummary.objects.all().delete()  # e.g. alliances bulk-loaded by a script

    summaries.refresh_all()

    assert AllianceSummary.objects.count() == 3
    for alliance in alliances:
        summary = AllianceSummary.objects.get(alliance=alliance)
        assert summary.current_step == current_step_of(step_facts([alliance.pk])[alliance.pk])
        assert summary.alerts_on == timezone.localdate()


def _delete_queries(measurements):
    with summarised_at_the_end():
        alliance = AllianceFactory()
        for _k in range(3):
            indicator = IndicatorFactory(alliance=alliance)
            for day in range(measurements // 3):
                MeasurementFactory(
                    indicator=indicator, date=dt.date(2025, 1, 1) + dt.timedelta(day)
                )
        for _a in range(4):
            ActionFactory(alliance=alliance)
        ConventionFactory(alliance=alliance)
    pks = set(Measurement.objects.filter(indicator__alliance=alliance).values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        services.delete_alliance(alliance=alliance)
    assert not Measurement.objects.exists()
    deleted = Measurement.history.filter(history_type="-")
    assert set(deleted.filter(id__in=pks).values_list("id", flat=True)) == pks  # who deleted what
    return len(queries)


def test_deleting_an_alliance_costs_the_same_queries_whatever_its_measurements():
    # Its rows' history (django-simple-history) is written in one INSERT a model, and the
    # cascade deletes 100 rows a query (both sizes here are under 100).
    assert _delete_queries(12) == _delete_queries(96)
