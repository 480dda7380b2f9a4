"""A governance meeting planned ahead: recorded without its decisions, with an agenda that
the step 5 page shows; once its date has passed, its decisions are asked for."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from alliances.models import Meeting
from alliances.selectors import next_meeting
from alliances.services import add_agenda_item
from alliances.tests.factories import AllianceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alliance(world):
    return AllianceFactory(lead=world.association, title="Pôle mutualisé")


def test_a_meeting_planned_ahead_needs_no_decisions_yet(client, world, alliance):
    client.force_login(world.editor)
    url = reverse("alliances:item_add", args=[alliance.pk, "reunion"])
    ahead = timezone.localdate() + dt.timedelta(days=15)

    response = client.post(url, {"date": ahead.isoformat(), "attendees": "Comité"})

    assert response.status_code == 302
    assert Meeting.objects.get(alliance=alliance).decisions == ""


def test_a_past_meeting_asks_for_its_decisions_and_keeps_what_was_typed(client, world, alliance):
    client.force_login(world.editor)
    url = reverse("alliances:item_add", args=[alliance.pk, "reunion"])
    past = timezone.localdate() - dt.timedelta(days=3)

    response = client.post(url, {"date": past.isoformat(), "attendees": "Comité des 5"})

    assert response.status_code == 200
    assert not Meeting.objects.exists()
    page = response.content.decode()
    assert "Comité des 5" in page
    assert 'id="error_1_id_decisions"' in page or "is-invalid" in page


def test_the_next_meeting_is_the_earliest_from_today_and_shows_its_agenda(client, world, alliance):
    today = timezone.localdate()
    Meeting.objects.create(alliance=alliance, date=today - dt.timedelta(days=1), decisions="x")
    Meeting.objects.create(alliance=alliance, date=today + dt.timedelta(days=30))
    soon = Meeting.objects.create(alliance=alliance, date=today)
    assert next_meeting(alliance) == soon

    add_agenda_item(meeting=soon, title="Écart sur le pilotage", by=world.editor)

    client.force_login(world.reader)
    page = client.get(reverse("alliances:alliance_step", args=[alliance.pk, 5])).content.decode()
    assert "Écart sur le pilotage" in page
