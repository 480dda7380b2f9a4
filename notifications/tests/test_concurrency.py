"""Two workers running the same job at the same moment, each on its own connection: the
unique records decide, nobody gets a reminder or a digest twice (PostgreSQL)."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import connection

from alliances.tests.factories import ActionFactory, AllianceFactory
from core.tests.fixtures import postgresql_only
from notifications import kinds, services
from notifications.models import Digest, Preference, SentReminder
from organisations.tests.factories import AssociationFactory, MembershipFactory

from .helpers import on

# Transactional, as the other tests of two connections at once: the tests that need the
# questionnaire the migrations loaded make it again (diagnostics.tests.factories.v1).
pytestmark = [pytest.mark.django_db(transaction=True), postgresql_only]

MONDAY = dt.date(2027, 3, 1)


def _at_once(job, **kwargs):
    """`job` in two threads released together; the results of both."""
    barrier = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            results.append(job(**kwargs))
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    return results


def _people(count):
    association = AssociationFactory()
    alliance = AllianceFactory(lead=association)
    owners = [MembershipFactory(association=association).user for _ in range(count)]
    for owner in owners:
        ActionFactory(alliance=alliance, owner_user=owner, due_date=MONDAY + dt.timedelta(days=7))
    return owners


def test_two_workers_sending_the_reminders_at_once_send_each_once():
    owners = _people(40)
    for owner in owners[:20]:
        Preference.objects.create(user=owner, kind=kinds.ACTION_DUE_SOON, delivery=kinds.IMMEDIATE)
    mail.outbox = []

    with on(MONDAY):
        results = _at_once(services.send_reminders, today=MONDAY)

    assert sum(result["recorded"] for result in results) == 40
    assert SentReminder.objects.count() == 40
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        owner.email for owner in owners[:20]
    )


def test_two_workers_sending_the_digests_at_once_send_each_once():
    owners = _people(30)
    with on(MONDAY):
        services.send_reminders(today=MONDAY)
    mail.outbox = []

    with on(MONDAY + dt.timedelta(days=7)):
        results = _at_once(services.send_weekly_digests, today=MONDAY + dt.timedelta(days=7))

    assert sum(result["people"] for result in results) == 30
    assert Digest.objects.count() == 30
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        owner.email for owner in owners
    )
