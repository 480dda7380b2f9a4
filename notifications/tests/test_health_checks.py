"""An alliance health check not answered: its staff and its guests are reminded 7 then 14
days after it opened, each once, with a link to where they answer; not those who submitted,
nor a guest whose access was revoked."""

import datetime as dt

import pytest

from alliances.tests.factories import AllianceFactory, AlliancePartnerFactory
from healthchecks.tests.factories import answer, open_for
from notifications import kinds
from notifications.models import Preference, SentReminder
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory
from partnerspace.services import revoke_access
from partnerspace.tests.factories import GuestAccessFactory

from .helpers import on, run_reminders

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2027, 3, 1)


def test_people_who_have_not_answered_are_reminded_twice(django_capture_on_commit_callbacks):
    association = AssociationFactory()
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    editor = MembershipFactory(association=association, role=Role.EDITOR).user
    alliance = AllianceFactory(lead=association)
    partner = AlliancePartnerFactory(alliance=alliance)
    guest = GuestAccessFactory(alliance=alliance, partner=partner).user
    revoked = GuestAccessFactory(alliance=alliance, partner=partner)
    with on(MONDAY):
        health_check = open_for(alliance, admin)
    answer(health_check, admin, "4")
    revoke_access(access=revoked, by=admin)
    for user in (editor, guest, revoked.user):
        for key in (kinds.HEALTH_CHECK_UNANSWERED, kinds.GUEST_HEALTH_CHECK_UNANSWERED):
            Preference.objects.create(user=user, kind=key, delivery=kinds.IMMEDIATE)

    sent = {
        offset: run_reminders(
            MONDAY + dt.timedelta(days=offset), django_capture_on_commit_callbacks
        )
        for offset in range(22)
    }

    days = {
        offset: sorted(m.to[0] for m in mails if m.to[0] in (editor.email, guest.email))
        for offset, mails in sent.items()
    }
    assert {offset: to for offset, to in days.items() if to} == {
        7: sorted([editor.email, guest.email]),
        14: sorted([editor.email, guest.email]),
    }
    reminders = {r.recipient_id: r for r in SentReminder.objects.all()}
    assert admin.pk not in reminders and revoked.user_id not in reminders
    assert reminders[editor.pk].kind == kinds.HEALTH_CHECK_UNANSWERED
    assert reminders[editor.pk].path == f"/bilans-de-sante/{health_check.pk}/repondre/"
    assert reminders[guest.pk].kind == kinds.GUEST_HEALTH_CHECK_UNANSWERED
    assert reminders[guest.pk].path.startswith(f"/espace-partenaires/{alliance.pk}/")
