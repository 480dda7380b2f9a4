"""The steps cached for the network pages follow every change to what they are read from."""

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from alliances.models import (
    AllianceDossier,
    Candidate,
    CriterionScore,
    SelectionCriterion,
    SwotItem,
    SwotQuadrant,
)
from alliances.selectors import step_facts
from alliances.step_cache import STEP_SOURCES, cached_current_steps, cached_facts
from alliances.stepper import current_step, steps_for
from alliances.tests.factories import AllianceFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def _checked(alliance, number):
    steps = steps_for(cached_facts([alliance.pk])[alliance.pk])
    return {str(label) for label in steps[number - 1].done}


def test_step_sources_are_every_table_the_step_facts_read():
    alliance = AllianceFactory()
    with CaptureQueriesContext(connection) as queries:
        step_facts([alliance.pk])
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    read = {
        model._meta.label
        for model in apps.get_app_config("alliances").get_models()
        if f'"{model._meta.db_table}"' in sql and model._meta.label != "alliances.Alliance"
    }
    assert read == set(STEP_SOURCES)


def test_cached_steps_follow_the_swot_the_dossier_and_the_scores():
    alliance = AllianceFactory()
    assert _checked(alliance, 1) == set()  # now cached

    SwotItem.objects.create(alliance=alliance, quadrant=SwotQuadrant.STRENGTH, text="Ancrage")
    assert _checked(alliance, 1) == {"Forces listées dans la matrice MOFF"}

    dossier = AllianceDossier.objects.create(alliance=alliance, expectations="Mutualiser")
    assert "Attentes vis-à-vis de l'alliance rédigées" in _checked(alliance, 1)
    dossier.expectations = ""
    dossier.save()
    assert "Attentes vis-à-vis de l'alliance rédigées" not in _checked(alliance, 1)

    # Step 3: every candidate scored on every criterion, through a score (candidate → alliance).
    candidate = Candidate.objects.create(alliance=alliance, partner=PartnerFactory())
    criterion = SelectionCriterion.objects.create(alliance=alliance, name="Proximité")
    scored = "Chaque candidat noté sur chaque critère"
    assert scored not in _checked(alliance, 3)
    score = CriterionScore.objects.create(candidate=candidate, criterion=criterion, score=4)
    assert scored in _checked(alliance, 3)
    score.delete()
    assert scored not in _checked(alliance, 3)

    fresh = steps_for(step_facts([alliance.pk])[alliance.pk])
    assert cached_current_steps([alliance.pk]) == {alliance.pk: current_step(fresh)}
