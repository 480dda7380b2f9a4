"""Guests of an alliance's partners' space: the reminders of what their organisation has to
do there, a digest linking to their space only, the shared dates in their calendar, and one
preferences page with the threads' e-mails; nothing once their access ended or was revoked."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from accounts.tests.factories import UserFactory
from alliances.models import (
    ActionStatus,
    ConventionParty,
    ConventionStatus,
    GovernanceBody,
    Meeting,
)
from alliances.tests.factories import (
    ActionFactory,
    AllianceFactory,
    AlliancePartnerFactory,
    ConventionFactory,
)
from evaluation.models import IndicatorContribution
from evaluation.tests.factories import IndicatorFactory, MeasurementFactory
from notifications import kinds
from notifications.models import CalendarFeed, Preference, SentReminder
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory
from partnerspace.models import GuestRole, NotificationPreference
from partnerspace.services import revoke_access
from partnerspace.tests.factories import GuestAccessFactory

from .helpers import on, run_digests, run_reminders

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2027, 3, 1)
NEXT_MONDAY = MONDAY + dt.timedelta(days=7)
PAGE = "/mon-compte/notifications/"


def _access(partner, role=GuestRole.CONTRIBUTOR, **fields):
    fields.setdefault("starts_on", dt.date(2026, 11, 1))
    fields.setdefault("ends_on", dt.date(2027, 12, 31))
    return GuestAccessFactory(alliance=partner.alliance, partner=partner, role=role, **fields)


@pytest.fixture
def guests():
    """An alliance with a partner (a contributor, a reader, one whose access ended, one
    revoked) and another partner (a contributor); an action of each partner, one of the
    association's, and an indicator the first partner contributes to, due on 05/03/2027."""
    lead = AssociationFactory(name="Solidarités Nord")
    editor = MembershipFactory(association=lead, role=Role.EDITOR).user
    alliance = AllianceFactory(lead=lead, title="Pôle alimentaire")
    partner = AlliancePartnerFactory(alliance=alliance, role="Financeur")
    other = AlliancePartnerFactory(alliance=alliance, role="Appui")
    contributor = _access(partner)
    reader = _access(partner, GuestRole.READER)
    ended = _access(partner, ends_on=MONDAY - dt.timedelta(days=1))
    revoked = _access(partner)
    revoke_access(access=revoked, by=editor)
    other_contributor = _access(other)
    ActionFactory(
        alliance=alliance,
        title="Financer la chambre froide",
        owner_partner=partner,
        due_date=MONDAY + dt.timedelta(days=10),
        status=ActionStatus.IN_PROGRESS,
    )
    ActionFactory(
        alliance=alliance,
        title="Étude de faisabilité",
        owner_partner=other,
        due_date=dt.date(2027, 6, 1),
    )
    ActionFactory(
        alliance=alliance,
        title="Recruter un coordinateur",
        owner_user=editor,
        due_date=MONDAY + dt.timedelta(days=4),
    )
    indicator = IndicatorFactory(
        alliance=alliance,
        name="Repas servis",
        frequency="quarterly",
        baseline_date=dt.date(2026, 12, 1),
        target_date=dt.date(2028, 6, 30),
    )
    MeasurementFactory(indicator=indicator, date=dt.date(2026, 12, 5))
    IndicatorContribution.objects.create(
        indicator=indicator, partner=partner, date=dt.date(2026, 12, 5), value=10
    )
    return {
        "alliance": alliance,
        "partner": partner,
        "editor": editor,
        "contributor": contributor.user,
        "reader": reader.user,
        "ended": ended.user,
        "revoked": revoked.user,
        "other_contributor": other_contributor.user,
    }


def _immediate(user, *keys):
    for key in keys:
        Preference.objects.create(user=user, kind=key, delivery=kinds.IMMEDIATE)


GUEST_KINDS = (kinds.GUEST_ACTION_DUE_SOON, kinds.GUEST_ACTION_LATE, kinds.GUEST_MEASUREMENT_DUE)


def test_a_contributor_guest_is_reminded_of_its_organisations_action_and_measurement(
    guests, django_capture_on_commit_callbacks
):
    for key in ("contributor", "reader", "ended", "revoked", "other_contributor"):
        _immediate(guests[key], *GUEST_KINDS)

    sent = {
        offset: run_reminders(
            MONDAY + dt.timedelta(days=offset), django_capture_on_commit_callbacks
        )
        for offset in range(20)
    }

    to_contributor = {
        offset: [m.subject for m in mails if m.to == [guests["contributor"].email]]
        for offset, mails in sent.items()
    }
    days = {offset: subjects for offset, subjects in to_contributor.items() if subjects}
    assert sorted(days) == [3, 4, 11]  # due in 7 days, the measurement, then late
    bodies = [m.body for mails in sent.values() for m in mails]
    assert any("Financer la chambre froide" in body for body in bodies)
    assert any("Repas servis" in body for body in bodies)
    recipients = set(SentReminder.objects.values_list("recipient_id", flat=True))
    # A reader has nothing to do; an access ended or revoked gives nothing; the other partner's
    # contact is not told about the first partner's action or indicator.
    for key in ("reader", "ended", "revoked", "other_contributor"):
        assert guests[key].pk not in recipients, key
    for reminder in SentReminder.objects.filter(recipient=guests["contributor"]):
        assert reminder.path.startswith("/espace-partenaires/"), reminder.path
        assert reminder.kind in GUEST_KINDS


def test_a_guests_digest_links_to_its_space_never_to_the_associations_pages(
    guests, django_capture_on_commit_callbacks
):
    for offset in range(7):
        run_reminders(MONDAY + dt.timedelta(days=offset), django_capture_on_commit_callbacks)

    sent = run_digests(NEXT_MONDAY, django_capture_on_commit_callbacks)

    to_guest = [m for m in sent if m.to == [guests["contributor"].email]]
    assert len(to_guest) == 1
    message = to_guest[0]
    html = message.alternatives[0][0]
    space = guests["alliance"].pk
    assert f"/espace-partenaires/{space}/plan-d-action/" in html
    assert "Financer la chambre froide" in message.body
    assert "Repas servis" in message.body
    for text in (message.body, html):
        assert "/alliances/" not in text
    assert not [m for m in sent if m.to == [guests["reader"].email]]
    assert not [m for m in sent if m.to == [guests["revoked"].email]]
    assert not [m for m in sent if m.to == [guests["ended"].email]]
    assert len(mail.outbox) >= len(sent)


def _feed(client, user, day=MONDAY):
    client.force_login(user)
    client.post(reverse("notifications:calendar_reset"))
    client.logout()
    token = CalendarFeed.objects.get(user=user).token
    with on(day):
        response = client.get(reverse("notifications:calendar", args=[token]))
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def test_a_guests_calendar_holds_the_shared_dates_of_its_alliances_only(client, guests):
    alliance, partner = guests["alliance"], guests["partner"]
    ours = ConventionFactory(
        alliance=alliance,
        title="Convention de financement",
        status=ConventionStatus.SIGNED,
        end_date=dt.date(2027, 12, 31),
    )
    ConventionParty.objects.create(convention=ours, partner=partner, commitments="Financer")
    ConventionFactory(
        alliance=alliance,
        title="Convention entre membres",
        status=ConventionStatus.SIGNED,
        end_date=dt.date(2027, 11, 30),
    )
    body = GovernanceBody.objects.create(
        alliance=alliance,
        name="Comité de pilotage",
        level="strategic",
        members="Tous",
        frequency="trimestrielle",
    )
    Meeting.objects.create(alliance=alliance, body=body, date=dt.date(2027, 3, 15), decisions="—")
    elsewhere = AllianceFactory(lead=alliance.lead, title="Autre alliance")
    ActionFactory(alliance=elsewhere, title="Action interne", due_date=dt.date(2027, 4, 1))

    calendar = _feed(client, guests["contributor"])

    summaries = sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))
    assert any("Financer la chambre froide" in s for s in summaries)
    assert any("Étude de faisabilité" in s for s in summaries)  # the plan is shared
    assert any("Recruter un coordinateur" in s for s in summaries)
    assert any("Convention de financement" in s for s in summaries)
    assert any("Comité de pilotage" in s for s in summaries)
    assert len(summaries) == 5, summaries
    joined = "\n".join(summaries)
    assert "Convention entre membres" not in joined  # not a party to it
    assert "Repas servis" not in joined  # the measurements' schedule is internal
    assert "Action interne" not in joined  # another alliance
    for event in calendar.walk("VEVENT"):
        assert f"/espace-partenaires/{alliance.pk}/" in str(event["url"])
    # A reader sees the same shared dates; an access revoked, none.
    assert len(_feed(client, guests["reader"]).walk("VEVENT")) == 5
    assert _feed(client, guests["revoked"]).walk("VEVENT") == []
    assert _feed(client, guests["ended"]).walk("VEVENT") == []


def test_a_guest_chooses_its_kinds_and_the_threads_emails_on_one_page(client, guests):
    client.force_login(guests["contributor"])
    page = client.get(PAGE).content.decode()
    assert "An action of my organisation due in 7 days" in page or "7 jours" in page
    assert 'name="guest_measurement_due"' in page
    assert 'name="action_due_soon"' not in page  # the staff's kinds are not there
    assert 'name="comment_emails"' in page

    response = client.post(
        PAGE,
        {
            "guest_action_due_soon": kinds.IMMEDIATE,
            "guest_action_late": kinds.IMMEDIATE,
            "guest_measurement_due": kinds.NEVER,
            "guest_agreement_waiting": kinds.WEEKLY,
            "guest_health_check_unanswered": kinds.IMMEDIATE,
            "comment_emails": kinds.NEVER,
        },
    )

    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=guests["contributor"]).comment_emails is False
    assert Preference.objects.get(
        user=guests["contributor"], kind=kinds.GUEST_MEASUREMENT_DUE
    ).delivery == (kinds.NEVER)
    page = client.get(PAGE).content.decode()
    assert 'name="comment_emails" value="never" id="id_comment_emails_1" checked' in page


def test_a_reader_guest_has_only_the_threads_emails_row(client, guests):
    client.force_login(guests["reader"])
    page = client.get(PAGE).content.decode()
    assert 'name="guest_action_due_soon"' not in page
    assert 'name="comment_emails"' in page
    response = client.post(PAGE, {"comment_emails": kinds.NEVER})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=guests["reader"]).comment_emails is False


def test_a_person_with_no_role_anywhere_still_has_the_threads_row(client):
    client.force_login(UserFactory())
    page = client.get(PAGE).content.decode()
    assert 'name="comment_emails"' in page
