"""An autosave and the closing of its campaign at the same moment: the answer is either saved
before the closing (and scored with it) or refused, never committed after it."""

import threading
import time

import pytest
from django.db import connection, transaction

from core.tests.fixtures import postgresql_only
from diagnostics import services
from diagnostics.models import Answer, Campaign
from diagnostics.services import AnswerInput, DiagnosticError
from diagnostics.tests.factories import make_campaign, statements
from organisations.tests.factories import AssociationFactory

pytestmark = [pytest.mark.django_db(transaction=True), postgresql_only]


def test_an_autosave_waits_for_a_closing_in_progress_and_is_then_refused():
    # Given an open campaign whose respondent has not answered yet
    campaign = make_campaign(AssociationFactory())
    respondent = campaign.respondents.get()
    statement = statements()[0]
    outcome = {}

    def autosave():
        try:
            services.save_answers(respondent=respondent, items=[AnswerInput(statement, "4")])
            outcome["saved"] = True
        except DiagnosticError as error:
            outcome["refused"] = str(error)
        finally:
            connection.close()

    # When the campaign is being closed (its transaction not committed yet) and an autosave
    # of the same campaign arrives
    with transaction.atomic():
        services.close_campaign(campaign=campaign)
        saver = threading.Thread(target=autosave)
        saver.start()
        time.sleep(0.6)
        # Then the autosave waits for the closing...
        assert saver.is_alive(), f"the autosave did not wait for the closing: {outcome}"
    saver.join(10)
    # ... and is refused once the campaign is closed: nothing is committed after the closing
    assert "refused" in outcome, outcome
    assert not Answer.objects.filter(respondent=respondent).exists()
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.CLOSED


def test_a_closing_waits_for_an_autosave_in_progress_and_scores_its_answer():
    # Given an open campaign
    campaign = make_campaign(AssociationFactory())
    respondent = campaign.respondents.get()
    statement = statements()[0]
    closed = threading.Event()

    def close():
        try:
            services.close_campaign(campaign=campaign)
            closed.set()
        finally:
            connection.close()

    # When an autosave is being committed while someone closes the campaign
    with transaction.atomic():
        services.save_answers(respondent=respondent, items=[AnswerInput(statement, "4")])
        closer = threading.Thread(target=close)
        closer.start()
        time.sleep(0.6)
        # Then the closing waits for the autosave
        assert not closed.is_set(), "the closing did not wait for the autosave"
    closer.join(10)
    assert closed.is_set()
    # and the answer saved before the closing is part of the campaign
    assert Answer.objects.get(respondent=respondent).value == 4
    assert Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.CLOSED
