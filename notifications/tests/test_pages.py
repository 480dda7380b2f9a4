"""« Mon compte → notifications », the signed unsubscribe link and the calendar feed."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from alliances.models import ConventionStatus, GovernanceBody, Meeting
from alliances.tests.factories import (
    ActionFactory,
    AllianceFactory,
    AllianceMemberFactory,
    ConventionFactory,
)
from evaluation.tests.factories import IndicatorFactory
from notifications import kinds
from notifications.models import CalendarFeed, Preference
from notifications.preferences import DIGEST, unsubscribe_token
from organisations.models import Role
from organisations.tests.factories import (
    AssociationFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

from .helpers import on

pytestmark = pytest.mark.django_db

PAGE = "/mon-compte/notifications/"


def test_preferences_show_the_staff_kinds_with_weekly_by_default(client, world):
    client.force_login(world.editor)
    page = client.get(PAGE).content.decode()
    assert 'name="action_late" value="weekly" id="id_action_late_1" checked' in page
    assert "network_digest" not in page


def test_a_network_head_chooses_the_network_digest(client, world):
    client.force_login(world.network_head)
    page = client.get(PAGE).content.decode()
    assert "network_digest" in page and "action_late" not in page
    response = client.post(PAGE, {"network_digest": "never"})
    assert response.status_code == 302
    assert Preference.objects.get(user=world.network_head).delivery == kinds.NEVER


def test_saving_preferences_stores_each_kind(client, world):
    client.force_login(world.editor)
    data = {key: kinds.NEVER for key, kind in kinds.KINDS.items() if kind.audience == kinds.STAFF}
    data[kinds.ACTION_LATE] = kinds.IMMEDIATE
    assert client.post(PAGE, data).status_code == 302
    chosen = dict(Preference.objects.filter(user=world.editor).values_list("kind", "delivery"))
    assert chosen[kinds.ACTION_LATE] == kinds.IMMEDIATE
    assert chosen[kinds.CAMPAIGN_UNFINISHED] == kinds.NEVER


def test_a_bad_choice_keeps_the_form_and_says_why(client, world):
    client.force_login(world.editor)
    response = client.post(PAGE, {kinds.ACTION_LATE: "every-hour", kinds.ACTION_DUE_SOON: "never"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "invalid-feedback" in page
    assert 'value="never" id="id_action_due_soon_2" checked' in page
    assert not Preference.objects.exists()


def test_unsubscribe_link_asks_then_turns_the_kind_off_without_login(client, world):
    path = reverse(
        "notifications:unsubscribe", args=[unsubscribe_token(world.editor.pk, kinds.ACTION_LATE)]
    )
    assert client.get(path).status_code == 200
    assert not Preference.objects.exists()  # a link opened by a mail scanner changes nothing
    assert client.post(path).status_code == 200
    assert Preference.objects.get(user=world.editor, kind=kinds.ACTION_LATE).delivery == "never"


def test_unsubscribing_from_the_digest_turns_every_weekly_kind_off(client, world):
    Preference.objects.create(user=world.editor, kind=kinds.ACTION_LATE, delivery="immediate")
    path = reverse("notifications:unsubscribe", args=[unsubscribe_token(world.editor.pk, DIGEST)])
    client.post(path)
    chosen = dict(Preference.objects.filter(user=world.editor).values_list("kind", "delivery"))
    assert chosen.pop(kinds.ACTION_LATE) == "immediate"
    assert set(chosen.values()) == {"never"}


def test_an_altered_unsubscribe_link_is_refused(client, world):
    token = unsubscribe_token(world.editor.pk, kinds.ACTION_LATE)
    path = reverse("notifications:unsubscribe", args=[token[:-2] + "xx"])
    assert client.post(path).status_code == 404
    assert not Preference.objects.exists()


@pytest.fixture
def dated_alliance():
    """An association's alliance with a co-member, dated things of each kind, and a network."""
    lead = AssociationFactory()
    editor = MembershipFactory(association=lead, role=Role.EDITOR).user
    co_member = AssociationFactory()
    co_staff = MembershipFactory(association=co_member, role=Role.READER).user
    alliance = AllianceFactory(lead=lead, title="Alliance datée")
    AllianceMemberFactory(alliance=alliance, association=co_member)
    ActionFactory(alliance=alliance, title="Ouvrir le local", due_date=dt.date(2027, 4, 2))
    ConventionFactory(
        alliance=alliance,
        title="Convention cadre",
        status=ConventionStatus.SIGNED,
        end_date=dt.date(2027, 12, 31),
    )
    IndicatorFactory(
        alliance=alliance,
        name="Repas servis",
        frequency="quarterly",
        baseline_date=dt.date(2027, 1, 1),
        target_date=dt.date(2028, 12, 31),
    )
    body = GovernanceBody.objects.create(
        alliance=alliance,
        name="Comité de pilotage",
        level="strategic",
        members="Tous",
        frequency="trimestrielle",
    )
    Meeting.objects.create(alliance=alliance, body=body, date=dt.date(2027, 3, 15), decisions="—")
    network = NetworkFactory()
    NetworkMembershipFactory(network=network, association=lead)
    head = NetworkHeadFactory(network=network).user
    other = MembershipFactory(association=AssociationFactory()).user
    return {"editor": editor, "co_staff": co_staff, "head": head, "other": other}


def _feed(client, client_user):
    client.force_login(client_user)
    client.post(reverse("notifications:calendar_reset"))
    client.logout()
    token = CalendarFeed.objects.get(user=client_user).token
    with on(dt.date(2027, 3, 1)):
        response = client.get(reverse("notifications:calendar", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_calendar_feed_parses_back_with_every_kind_of_date(client, dated_alliance):
    calendar = _feed(client, dated_alliance["editor"])

    events = {str(event["summary"]): event.decoded("dtstart") for event in calendar.walk("VEVENT")}
    assert len(events) == 4
    found = {summary.split(":")[0] for summary in events}
    assert len(found) == 4
    by_date = sorted(events.values())
    assert by_date == [
        dt.date(2027, 3, 15),
        dt.date(2027, 4, 1),
        dt.date(2027, 4, 2),
        dt.date(2027, 12, 31),
    ]
    assert all("Alliance datée" in summary for summary in events)
    assert all(str(event["url"]).startswith("http") for event in calendar.walk("VEVENT"))


def test_co_members_and_network_heads_see_the_alliance_in_their_feed(client, dated_alliance):
    assert len(_feed(client, dated_alliance["co_staff"]).walk("VEVENT")) == 4
    assert len(_feed(client, dated_alliance["head"]).walk("VEVENT")) == 4
    assert _feed(client, dated_alliance["other"]).walk("VEVENT") == []


def test_a_reset_token_stops_the_old_address(client, world):
    client.force_login(world.editor)
    client.post(reverse("notifications:calendar_reset"))
    old = CalendarFeed.objects.get(user=world.editor).token
    client.post(reverse("notifications:calendar_reset"))
    new = CalendarFeed.objects.get(user=world.editor).token
    assert new != old
    client.logout()
    assert client.get(reverse("notifications:calendar", args=[old])).status_code == 404
    assert client.get(reverse("notifications:calendar", args=[new])).status_code == 200


def test_the_profile_page_links_to_the_notifications(client, world):
    client.force_login(world.reader)
    assert PAGE in client.get("/mon-compte/").content.decode()
