"""The weekly digest: everything waiting for a person, grouped by alliance, each line a link
to where it is done; never empty; once a week; the network heads' week."""

import datetime as dt

import pytest
from django.core import mail

from alliances.tests.factories import ActionFactory, AllianceFactory
from diagnostics.tests.factories import finished_campaign
from networks.models import Review, ReviewReply
from notifications import kinds
from notifications.models import Digest, Preference, SentReminder
from organisations.models import NetworkMembership, Role
from organisations.tests.factories import (
    AssociationFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

from .helpers import PARIS, on, run_digests, run_reminders

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2027, 3, 1)
NEXT_MONDAY = MONDAY + dt.timedelta(days=7)


@pytest.fixture
def week(django_capture_on_commit_callbacks):
    """An editor with two actions due in two alliances, reminded on Monday and Wednesday."""
    association = AssociationFactory(name="Solidarités Nord")
    editor = MembershipFactory(association=association, role=Role.EDITOR).user
    colleague = MembershipFactory(association=association, role=Role.EDITOR).user
    first = AllianceFactory(lead=association, title="Pôle fonctions support")
    second = AllianceFactory(lead=association, title="Épicerie solidaire")
    ActionFactory(
        alliance=first, title="Choisir la paie", owner_user=editor, due_date=dt.date(2027, 3, 8)
    )
    ActionFactory(
        alliance=second, title="Trouver un local", owner_user=editor, due_date=dt.date(2027, 3, 10)
    )
    ActionFactory(
        alliance=first, title="Recruter", owner_user=editor, due_date=dt.date(2027, 3, 12)
    )
    for offset in range(7):
        assert (
            run_reminders(MONDAY + dt.timedelta(days=offset), django_capture_on_commit_callbacks)
            == []
        )
    return {"editor": editor, "colleague": colleague, "first": first, "second": second}


def test_the_digest_groups_the_week_by_alliance_and_links_every_line(
    week, django_capture_on_commit_callbacks
):
    sent = run_digests(NEXT_MONDAY, django_capture_on_commit_callbacks)

    assert [message.to for message in sent] == [[week["editor"].email]]  # never an empty one
    body = sent[0].body
    assert body.index("Épicerie solidaire") < body.index("Trouver un local")
    assert body.index("Pôle fonctions support") < body.index("Choisir la paie")
    assert body.index("Choisir la paie") < body.index("Recruter")
    assert body.count(f"/alliances/{week['first'].pk}/plan-d-action/") == 2
    assert body.count(f"/alliances/{week['second'].pk}/plan-d-action/") == 1
    html = sent[0].alternatives[0][0]
    assert f'href="http://127.0.0.1:8000/alliances/{week["second"].pk}/plan-d-action/"' in html or (
        f"/alliances/{week['second'].pk}/plan-d-action/" in html
    )
    assert "List-Unsubscribe" in sent[0].extra_headers
    assert not SentReminder.objects.filter(sent_at__isnull=True).exists()


def test_a_second_digest_run_the_same_week_sends_nothing(week, django_capture_on_commit_callbacks):
    assert len(run_digests(NEXT_MONDAY, django_capture_on_commit_callbacks)) == 1
    assert run_digests(NEXT_MONDAY, django_capture_on_commit_callbacks) == []
    assert Digest.objects.count() == 1


def test_a_kind_set_to_never_leaves_the_digest(week, django_capture_on_commit_callbacks):
    # Chosen after the reminders were decided: they were weekly then, and still go.
    # Chosen before: they are recorded as never and never sent.
    SentReminder.objects.update(delivery=kinds.NEVER)
    assert run_digests(NEXT_MONDAY, django_capture_on_commit_callbacks) == []


def test_network_heads_get_their_networks_week(django_capture_on_commit_callbacks):
    network = NetworkFactory(name="Union des Hauts")
    head = NetworkHeadFactory(network=network).user
    quiet_head = NetworkHeadFactory(network=NetworkFactory(name="Réseau calme")).user
    alerted = AssociationFactory(name="Asso en alerte")
    closing = AssociationFactory(name="Asso diagnostiquée")
    for association in (alerted, closing):
        NetworkMembershipFactory(network=network, association=association)
    NetworkMembership.objects.filter(association=alerted).update(attention=3)
    with on(MONDAY + dt.timedelta(days=3)):
        finished_campaign(closing, 3, opened_at=dt.datetime(2027, 3, 2, 9, tzinfo=PARIS))
        alliance = AllianceFactory(lead=closing, title="Alliance relue")
        review = Review.objects.create(
            alliance=alliance, network=network, author=head, verdict="rework", comment="À revoir"
        )
        ReviewReply.objects.create(
            review=review,
            author=MembershipFactory(association=closing).user,
            body="C'est fait.",
            from_network=False,
        )

    sent = run_digests(NEXT_MONDAY, django_capture_on_commit_callbacks)

    assert [message.to for message in sent] == [[head.email]]
    assert quiet_head.email not in mail.outbox[-1].to
    body = sent[0].body
    assert "Union des Hauts" in body
    assert "Asso en alerte (3 " in body
    assert f"/reseaux/{network.pk}/?attention=on" in body
    assert "Asso diagnostiquée" in body and "/autodiagnostic/campagnes/" in body
    assert f"/alliances/{alliance.pk}/avis/#review-{review.pk}" in body


def test_a_head_who_chose_never_gets_no_network_digest(django_capture_on_commit_callbacks):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network).user
    member = AssociationFactory()
    NetworkMembershipFactory(network=network, association=member)
    NetworkMembership.objects.filter(association=member).update(attention=1)
    Preference.objects.create(user=head, kind=kinds.NETWORK_DIGEST, delivery=kinds.NEVER)

    assert run_digests(NEXT_MONDAY, django_capture_on_commit_callbacks) == []


def test_the_digest_is_written_in_the_person_s_language(week, django_capture_on_commit_callbacks):
    week["editor"].language = "en"
    week["editor"].save(update_fields=["language"])

    [message] = run_digests(NEXT_MONDAY, django_capture_on_commit_callbacks)

    assert "Your week on Faire Alliance" in message.subject
    assert "Action « Choisir la paie » is due on 08/03/2027" in message.body


def _waiting_people(count):
    association = AssociationFactory()
    alliance = AllianceFactory(lead=association)
    for _ in range(count):
        owner = MembershipFactory(association=association).user
        ActionFactory(alliance=alliance, owner_user=owner, due_date=dt.date(2027, 3, 8))


def test_the_digest_job_s_queries_do_not_grow_with_the_number_of_people(
    django_capture_on_commit_callbacks,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from notifications import services

    def queries_for_one_run():
        with on(NEXT_MONDAY), CaptureQueriesContext(connection) as queries:
            services.send_weekly_digests(today=NEXT_MONDAY)
        Digest.objects.all().delete()
        SentReminder.objects.update(sent_at=None)
        return len(queries)

    _waiting_people(2)
    NetworkHeadFactory(network=NetworkFactory())
    run_reminders(MONDAY, django_capture_on_commit_callbacks)
    few = queries_for_one_run()
    _waiting_people(40)
    run_reminders(MONDAY, django_capture_on_commit_callbacks)
    many = queries_for_one_run()

    assert few == many
