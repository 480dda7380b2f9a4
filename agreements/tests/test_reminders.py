"""The daily reminder of a version waiting for a party's answer (notifications.due)."""

import datetime as dt

import pytest

from agreements import services
from agreements.models import Decision
from notifications import kinds
from notifications.models import Preference, SentReminder
from notifications.tests.helpers import on, run_reminders

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2027, 3, 1)


def test_a_party_that_has_not_answered_is_reminded_after_7_then_14_days(
    deal, world, django_capture_on_commit_callbacks
):
    with on(MONDAY):
        convention = deal["convention"]
        services.save_draft(
            convention=convention,
            articles=[dict(a, text="Texte") for a in services.starting_articles(convention)],
            by=world.assoc_admin,
        )
        version = services.send_version(convention=convention, by=world.assoc_admin)
        services.answer_version(
            version=version,
            party=deal["bank_party"],
            decision=Decision.ACCEPTED,
            by=deal["bank_guest"],
        )
    for user, key in (
        (world.assoc_admin, kinds.AGREEMENT_WAITING),
        (deal["town_guest"], kinds.GUEST_AGREEMENT_WAITING),
        (deal["bank_guest"], kinds.GUEST_AGREEMENT_WAITING),
    ):
        Preference.objects.create(user=user, kind=key, delivery=kinds.IMMEDIATE)

    sent = {
        offset: run_reminders(
            MONDAY + dt.timedelta(days=offset), django_capture_on_commit_callbacks
        )
        for offset in range(25)
    }

    days = {
        offset: sorted(address for m in mails for address in m.to)
        for offset, mails in sent.items()
        if mails
    }
    expected = sorted([world.assoc_admin.email, deal["town_guest"].email])
    assert days == {7: expected, 14: expected}
    guest_mail = next(m for m in sent[7] if m.to == [deal["town_guest"].email])
    assert f"/espace-partenaires/{deal['alliance'].pk}/conventions/{convention.pk}/" in (
        guest_mail.body
    )
    assert "/alliances/" not in guest_mail.body
    assert SentReminder.objects.filter(kind=kinds.GUEST_AGREEMENT_WAITING).count() == 2
