"""Campaigns, actions, conventions, measurements and reviews walked through their reminders
with the clock frozen: each reminder at its date, once, only to people whose access is current."""

import datetime as dt

import pytest

from alliances.models import ActionStatus, ConventionStatus
from alliances.tests.factories import ActionFactory, AllianceFactory, ConventionFactory
from diagnostics.models import Respondent
from diagnostics.tests.factories import make_campaign
from evaluation.tests.factories import IndicatorFactory, MeasurementFactory
from networks.models import Review
from notifications import kinds
from notifications.models import Preference, SentReminder
from organisations.models import AssociationMembership, Role
from organisations.tests.factories import AssociationFactory, MembershipFactory

from .helpers import PARIS, on, run_reminders

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2027, 3, 1)


def _immediate(user, *keys):
    for key in keys:
        Preference.objects.create(user=user, kind=key, delivery=kinds.IMMEDIATE)


def _walk(start, days, capture):
    """{day offset: e-mails sent that day} for each day of the walk."""
    return {
        offset: run_reminders(start + dt.timedelta(days=offset), capture) for offset in range(days)
    }


def test_campaign_respondent_is_reminded_after_7_then_14_days_then_never(
    django_capture_on_commit_callbacks, client
):
    association = AssociationFactory(name="Asso Relance")
    owner = MembershipFactory(association=association, role=Role.ADMIN).user
    late = MembershipFactory(association=association).user
    done = MembershipFactory(association=association).user
    with on(MONDAY):
        campaign = make_campaign(
            association, [owner, late, done], opened_at=dt.datetime(2027, 3, 1, 9, tzinfo=PARIS)
        )
    Respondent.objects.filter(campaign=campaign, user__in=[owner, done]).update(
        submitted_at=dt.datetime(2027, 3, 2, tzinfo=PARIS)
    )
    _immediate(late, kinds.CAMPAIGN_UNFINISHED)

    sent = _walk(MONDAY, 30, django_capture_on_commit_callbacks)

    days = {offset: [m.to for m in mails] for offset, mails in sent.items() if mails}
    assert days == {7: [[late.email]], 14: [[late.email]]}
    assert "Asso Relance" in sent[7][0].body
    assert f"/autodiagnostic/campagnes/{campaign.pk}/repondre/" in sent[7][0].body
    # The owner sees who was reminded, and when.
    with on(MONDAY + dt.timedelta(days=20)):
        client.force_login(owner)
        page = client.get(f"/autodiagnostic/campagnes/{campaign.pk}/").content.decode()
    assert "08/03/2027" in page and "15/03/2027" in page


def test_action_owner_is_reminded_7_days_before_and_when_late_once_each(
    django_capture_on_commit_callbacks,
):
    association = AssociationFactory()
    owner = MembershipFactory(association=association).user
    alliance = AllianceFactory(lead=association, title="Alliance Fonctions support")
    action = ActionFactory(
        alliance=alliance,
        title="Choisir le logiciel de paie",
        owner_user=owner,
        due_date=MONDAY + dt.timedelta(days=10),
        status=ActionStatus.IN_PROGRESS,
    )
    done = ActionFactory(
        alliance=alliance, owner_user=owner, due_date=MONDAY + dt.timedelta(days=5)
    )
    done.status = ActionStatus.DONE
    done.save()
    _immediate(owner, kinds.ACTION_DUE_SOON, kinds.ACTION_LATE)

    sent = _walk(MONDAY, 20, django_capture_on_commit_callbacks)

    days = {offset: [m.subject for m in mails] for offset, mails in sent.items() if mails}
    assert list(days) == [3, 11]
    assert "Choisir le logiciel de paie" in days[3][0]
    assert "11/03/2027" in sent[3][0].body
    assert "retard" in days[11][0] or "late" in days[11][0]
    assert SentReminder.objects.filter(object_id=action.pk).count() == 2


def test_convention_end_reminds_the_alliance_admins_90_and_30_days_before(
    django_capture_on_commit_callbacks,
):
    lead = AssociationFactory()
    admin = MembershipFactory(association=lead, role=Role.ADMIN).user
    editor = MembershipFactory(association=lead, role=Role.EDITOR).user
    alliance = AllianceFactory(lead=lead)
    ConventionFactory(
        alliance=alliance,
        title="Convention de mutualisation",
        status=ConventionStatus.SIGNED,
        end_date=MONDAY + dt.timedelta(days=100),
    )
    _immediate(admin, kinds.CONVENTION_ENDING)
    _immediate(editor, kinds.CONVENTION_ENDING)

    sent = _walk(MONDAY, 101, django_capture_on_commit_callbacks)

    days = {offset: [m.to for m in mails] for offset, mails in sent.items() if mails}
    assert days == {10: [[admin.email]], 70: [[admin.email]]}
    assert "Convention de mutualisation" in sent[10][0].body


def test_a_measurement_due_by_the_frequency_reminds_those_who_enter_it(
    django_capture_on_commit_callbacks,
):
    lead = AssociationFactory()
    editor = MembershipFactory(association=lead, role=Role.EDITOR).user
    reader = MembershipFactory(association=lead, role=Role.READER).user
    alliance = AllianceFactory(lead=lead)
    indicator = IndicatorFactory(
        alliance=alliance,
        name="Coût administratif",
        frequency="quarterly",
        baseline_date=dt.date(2026, 12, 1),
        target_date=dt.date(2028, 6, 30),
    )
    MeasurementFactory(indicator=indicator, date=dt.date(2026, 12, 5))
    _immediate(editor, kinds.MEASUREMENT_DUE)
    _immediate(reader, kinds.MEASUREMENT_DUE)

    sent = _walk(MONDAY, 10, django_capture_on_commit_callbacks)

    days = {offset: [m.to for m in mails] for offset, mails in sent.items() if mails}
    assert days == {4: [[editor.email]]}  # due on 05/03/2027, a quarter after the last one
    assert "Coût administratif" in sent[4][0].body


def test_a_review_unanswered_for_7_days_reminds_the_association(
    django_capture_on_commit_callbacks,
):
    from organisations.tests.factories import NetworkFactory, NetworkHeadFactory

    lead = AssociationFactory()
    editor = MembershipFactory(association=lead, role=Role.EDITOR).user
    alliance = AllianceFactory(lead=lead)
    network = NetworkFactory(name="Union régionale")
    with on(MONDAY, 10):
        Review.objects.create(
            alliance=alliance,
            network=network,
            author=NetworkHeadFactory(network=network).user,
            verdict="rework",
            comment="Précisez le besoin.",
        )
    _immediate(editor, kinds.REVIEW_WAITING)

    sent = _walk(MONDAY, 12, django_capture_on_commit_callbacks)

    days = {offset: [m.to for m in mails] for offset, mails in sent.items() if mails}
    assert days == {7: [[editor.email]]}
    assert "Union régionale" in sent[7][0].body


def test_nothing_goes_to_a_person_whose_access_ended(django_capture_on_commit_callbacks):
    association = AssociationFactory()
    owner = MembershipFactory(association=association).user
    alliance = AllianceFactory(lead=association)
    ActionFactory(alliance=alliance, owner_user=owner, due_date=MONDAY + dt.timedelta(days=7))
    with on(MONDAY):
        make_campaign(association, [owner], opened_at=dt.datetime(2027, 2, 22, 9, tzinfo=PARIS))
    _immediate(owner, *kinds.KINDS)
    AssociationMembership.objects.filter(user=owner).delete()

    assert run_reminders(MONDAY, django_capture_on_commit_callbacks) == []
    assert not SentReminder.objects.exists()


def test_running_the_job_twice_sends_each_reminder_once(django_capture_on_commit_callbacks):
    association = AssociationFactory()
    owner = MembershipFactory(association=association).user
    alliance = AllianceFactory(lead=association)
    ActionFactory(alliance=alliance, owner_user=owner, due_date=MONDAY + dt.timedelta(days=7))
    _immediate(owner, kinds.ACTION_DUE_SOON)

    first = run_reminders(MONDAY, django_capture_on_commit_callbacks)
    second = run_reminders(MONDAY, django_capture_on_commit_callbacks)

    assert len(first) == 1 and second == []
    assert SentReminder.objects.count() == 1


def test_weekly_is_the_default_and_never_sends_nothing(django_capture_on_commit_callbacks):
    association = AssociationFactory()
    weekly = MembershipFactory(association=association).user
    silent = MembershipFactory(association=association).user
    alliance = AllianceFactory(lead=association)
    for owner in (weekly, silent):
        ActionFactory(alliance=alliance, owner_user=owner, due_date=MONDAY + dt.timedelta(days=7))
    Preference.objects.create(user=silent, kind=kinds.ACTION_DUE_SOON, delivery=kinds.NEVER)

    assert run_reminders(MONDAY, django_capture_on_commit_callbacks) == []
    waiting = SentReminder.objects.filter(sent_at__isnull=True).values_list(
        "recipient_id", "delivery"
    )
    assert set(waiting) == {(weekly.pk, kinds.WEEKLY), (silent.pk, kinds.NEVER)}


def test_an_immediate_reminder_carries_the_one_click_unsubscribe_headers(
    django_capture_on_commit_callbacks, client
):
    association = AssociationFactory()
    owner = MembershipFactory(association=association).user
    ActionFactory(
        alliance=AllianceFactory(lead=association),
        owner_user=owner,
        due_date=MONDAY + dt.timedelta(days=7),
    )
    _immediate(owner, kinds.ACTION_DUE_SOON)

    [message] = run_reminders(MONDAY, django_capture_on_commit_callbacks)

    header = message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.alternatives[0][1] == "text/html"
    url = header.strip("<>").removeprefix("http://testserver").split("://", 1)[-1]
    path = "/" + url.split("/", 1)[1]
    assert path in message.body
    # A mail client's one-click POST: no login, no CSRF token.
    assert client.post(path).status_code == 200
    assert Preference.objects.get(user=owner, kind=kinds.ACTION_DUE_SOON).delivery == kinds.NEVER
