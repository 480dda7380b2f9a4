"""A week of reminders and one digest per person, with the clock frozen: what an association's
people and its network head receive from Monday to the next Monday's digest.

With REMINDERS_WEEK_TEXT=<file> the e-mails are also written there as text, day by day."""

import datetime as dt
import os
from pathlib import Path

import pytest
from django.core import mail

from alliances.models import ActionStatus, ConventionStatus
from alliances.tests.factories import ActionFactory, AllianceFactory, ConventionFactory
from diagnostics.tests.factories import finished_campaign, make_campaign
from evaluation.tests.factories import IndicatorFactory, MeasurementFactory
from networks.models import Review, ReviewReply
from notifications import kinds
from notifications.models import Preference
from organisations.models import NetworkMembership, Role
from organisations.tests.factories import (
    AssociationFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

from .helpers import PARIS, on, run_digests, run_reminders, text_of

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2027, 3, 1)
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def _person(association, role, first, last):
    user = MembershipFactory(association=association, role=role).user
    user.first_name, user.last_name = first, last
    user.email = f"{first.lower()}@solidarites-nord.example"
    user.save()
    return user


def test_a_week_of_reminders_then_one_digest_per_person(django_capture_on_commit_callbacks):
    # Given an association with an admin, an editor who wants action reminders at once, a
    # co-member association in one alliance, and the network head of both
    association = AssociationFactory(name="Solidarités Lyon Nord")
    claire = _person(association, Role.ADMIN, "Claire", "Martin")
    karim = _person(association, Role.EDITOR, "Karim", "Benali")
    Preference.objects.create(user=karim, kind=kinds.ACTION_DUE_SOON, delivery=kinds.IMMEDIATE)
    Preference.objects.create(user=karim, kind=kinds.ACTION_LATE, delivery=kinds.IMMEDIATE)
    network = NetworkFactory(name="Union régionale des associations solidaires")
    NetworkMembershipFactory(network=network, association=association)
    head = NetworkHeadFactory(network=network).user
    head.first_name, head.email = "Sophie", "sophie@union-solidaire.example"
    head.save()
    neighbour = AssociationFactory(name="Restos du Plateau")
    NetworkMembershipFactory(network=network, association=neighbour)

    pole = AllianceFactory(lead=association, title="Pôle fonctions support")
    epicerie = AllianceFactory(lead=association, title="Épicerie solidaire du 9e")
    ActionFactory(
        alliance=pole,
        title="Choisir le logiciel de paie commun",
        owner_user=karim,
        due_date=dt.date(2027, 3, 5),
        status=ActionStatus.IN_PROGRESS,
    )
    ActionFactory(
        alliance=epicerie,
        title="Signer le bail du local",
        owner_user=karim,
        due_date=dt.date(2027, 3, 2),
        status=ActionStatus.IN_PROGRESS,
    )
    ConventionFactory(
        alliance=pole,
        title="Convention de mutualisation 2025-2027",
        status=ConventionStatus.SIGNED,
        end_date=dt.date(2027, 6, 1),
    )
    indicator = IndicatorFactory(
        alliance=epicerie,
        name="Paniers distribués par mois",
        frequency="monthly",
        baseline_date=dt.date(2026, 12, 1),
        target_date=dt.date(2027, 12, 31),
    )
    MeasurementFactory(indicator=indicator, date=dt.date(2027, 2, 3), value=410)
    with on(dt.date(2027, 2, 22)):
        make_campaign(
            association,
            [claire, karim],
            opened_at=dt.datetime(2027, 2, 22, 9, tzinfo=PARIS),
        )
    with on(dt.date(2027, 2, 24), 15):
        review = Review.objects.create(
            alliance=epicerie,
            network=network,
            author=head,
            verdict="rework",
            comment="Précisez le besoin social du quartier.",
        )
    with on(dt.date(2027, 3, 3), 11):
        finished_campaign(neighbour, 3, opened_at=dt.datetime(2027, 3, 2, 9, tzinfo=PARIS))
        other = AllianceFactory(lead=neighbour, title="Cuisine partagée")
        other_review = Review.objects.create(
            alliance=other, network=network, author=head, verdict="ok", comment="Bien."
        )
        ReviewReply.objects.create(
            review=other_review,
            author=MembershipFactory(association=neighbour).user,
            body="Merci !",
            from_network=False,
        )

    # (its stored alert figures, as the nightly job leaves them)
    NetworkMembership.objects.filter(association=neighbour).update(attention=2)

    # When the daily job runs every day of the week, then the digest job next Monday
    log = []
    for offset, name in enumerate(DAYS):
        day = MONDAY + dt.timedelta(days=offset)
        sent = run_reminders(day, django_capture_on_commit_callbacks)
        log.append((f"{name} {day:%d/%m/%Y}, 07:00 — rappels immédiats", sent))
    digests = run_digests(MONDAY + dt.timedelta(days=7), django_capture_on_commit_callbacks)
    log.append((f"lundi {MONDAY + dt.timedelta(days=7):%d/%m/%Y}, 07:30 — résumés", digests))

    # Then Karim had his action reminders at once (each action due soon on Monday, then late
    # on Wednesday and Saturday), and everyone one digest
    immediate = {label.split(",")[0]: len(sent) for label, sent in log[:-1] if sent}
    assert immediate == {"lundi 01/03/2027": 2, "mercredi 03/03/2027": 1, "samedi 06/03/2027": 1}
    assert {m.to[0] for _label, sent in log[:-1] for m in sent} == {karim.email}
    assert sorted(message.to[0] for message in digests) == sorted(
        [claire.email, karim.email, head.email]
    )
    by_person = {message.to[0]: message.body for message in digests}
    assert "Convention de mutualisation 2025-2027" in by_person[claire.email]
    assert "Paniers distribués par mois" in by_person[karim.email]
    assert f"#review-{review.pk}" in by_person[claire.email]
    assert "Restos du Plateau (2 " in by_person[head.email]
    assert "/autodiagnostic/campagnes/" in by_person[head.email]
    assert all(len(message.to) == 1 for message in mail.outbox)

    target = os.environ.get("REMINDERS_WEEK_TEXT")
    if target:
        chunks = []
        for label, sent in log:
            chunks.append(f"{'=' * 78}\n{label}: {len(sent)} e-mail(s)\n{'=' * 78}\n")
            chunks.extend(text_of(message) + "\n" + "-" * 78 + "\n" for message in sent)
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        Path(target).write_text("\n".join(chunks))
        for message in digests:  # the HTML parts beside it, to look at
            name = message.to[0].split("@")[0]
            html = Path(target).with_name(f"digest-{name}.html")
            html.write_text(message.alternatives[0][0])
