"""Inputs that used to give a 500 on the answer pages: each gets a French message, and what
was typed is kept on the page."""

import pytest
from django.urls import reverse

from diagnostics.models import Answer
from diagnostics.tests.factories import make_campaign, statements
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def answering(client):
    association = AssociationFactory()
    respondent = MembershipFactory(association=association, role=Role.EDITOR).user
    campaign = make_campaign(association, [respondent])
    client.force_login(respondent)
    return campaign


def test_a_nul_byte_in_an_autosaved_comment_is_refused_in_french(client, answering):
    statement = statements()[0]
    url = reverse("diagnostics:autosave", args=[answering.pk])
    response = client.post(url, {f"comment-{statement.pk}": "Avant\x00après", "position": "1"})
    assert response.status_code == 409
    assert "caractère" in response.content.decode()
    assert not Answer.objects.exists()


def test_a_nul_byte_in_a_comment_on_the_axis_page_keeps_what_was_typed(client, answering):
    statement = statements()[0]
    url = reverse("diagnostics:answer_axis", args=[answering.pk, 1])
    response = client.post(
        url, {f"answer-{statement.pk}": "4", f"comment-{statement.pk}": "Avant\x00après"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "caractère" in html
    assert "Avant" in html and "après" in html
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    "key", ["answer-²", "comment-²", "answer-٣", "answer-99999999999999999999"]
)
def test_an_autosave_key_that_is_not_a_statement_is_refused(client, answering, key):
    url = reverse("diagnostics:autosave", args=[answering.pk])
    response = client.post(url, {key: "4", "position": "1"})
    assert response.status_code == 409
    assert not Answer.objects.exists()
