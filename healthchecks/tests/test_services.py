"""Opening, answering, closing a health check, and what its gaps become."""

import datetime as dt

import pytest
from django.core import mail

from alliances.models import Action, Alliance, Meeting, MeetingAgendaItem
from alliances.summaries import facts_of
from healthchecks import services
from healthchecks.models import GapFollowUp, HealthAnswer, HealthCheck, Participant
from healthchecks.parties import association_key, partner_key

from .factories import answer, closed, open_for


def test_opening_asks_every_participant_by_email_for_their_party(
    three_parties, world, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        health_check = open_for(three_parties["alliance"], world.assoc_admin)

    parties = dict(
        Participant.objects.filter(health_check=health_check).values_list("user_id", "party_key")
    )
    assert parties[world.editor.pk] == association_key(world.association.pk)
    assert parties[three_parties["member_staff"][0].pk] == association_key(
        three_parties["co_member"].pk
    )
    bank = three_parties["bank"].partner_id
    assert {parties[u.pk] for u in three_parties["bank_guests"]} == {partner_key(bank)}
    assert len(parties) == 8
    assert sorted(mail.outbox[0].to + [m.to[0] for m in mail.outbox[1:]]) == sorted(
        Participant.objects.filter(health_check=health_check).values_list("user__email", flat=True)
    )
    guest_mail = next(m for m in mail.outbox if m.to == [three_parties["town_guest"].email])
    assert "/espace-partenaires/" in guest_mail.body


def test_one_health_check_at_a_time(three_parties, world):
    open_for(three_parties["alliance"], world.assoc_admin)

    with pytest.raises(services.HealthCheckError):
        open_for(three_parties["alliance"], world.assoc_admin)
    assert HealthCheck.objects.count() == 1


def test_answers_are_saved_one_statement_at_a_time_and_resumed(three_parties, world):
    health_check = open_for(three_parties["alliance"], world.assoc_admin)
    participant = Participant.objects.get(health_check=health_check, user=world.editor)

    services.save_answers(participant=participant, choices={"A1.1": "4"})
    services.save_answers(participant=participant, choices={"A1.2": "dk"})
    services.save_answers(participant=participant, choices={"A1.1": "2"})

    answers = {a.statement: a.choice for a in HealthAnswer.objects.filter(participant=participant)}
    assert answers == {"A1.1": "2", "A1.2": "dk"}
    with pytest.raises(services.HealthCheckError):
        services.save_answers(participant=participant, choices={"A1.1": "7"})
    with pytest.raises(services.HealthCheckError):
        services.save_answers(participant=participant, choices={"Z9": "3"})


def test_the_last_submission_closes_it_and_stores_the_results(three_parties, world):
    health_check = open_for(three_parties["alliance"], world.assoc_admin)
    for participant in Participant.objects.filter(health_check=health_check):
        answer(health_check, participant.user, "4")

    health_check.refresh_from_db()
    assert health_check.is_finished
    results = health_check.stored_results
    assert results.respondents == 8
    assert [p.respondents for p in results.parties] == [3, 2, 2]  # lead, bank, co-member
    assert results.unshown_respondents == 1  # the town's one guest
    assert facts_of(three_parties["alliance"]).recent_health_checks == 1


def test_no_answer_after_the_closing(three_parties, world):
    health_check = open_for(three_parties["alliance"], world.assoc_admin)
    answer(health_check, world.editor, "3", submit=False)
    closed(health_check)
    participant = Participant.objects.get(health_check=health_check, user=world.editor)

    with pytest.raises(services.HealthCheckError):
        services.save_answers(participant=participant, choices={"A1.1": "5"})


def test_a_health_check_older_than_a_year_no_longer_counts_for_step_5(
    three_parties, world, time_machine
):
    health_check = open_for(three_parties["alliance"], world.assoc_admin)
    closed(health_check)
    assert facts_of(three_parties["alliance"]).recent_health_checks == 1

    time_machine.move_to(dt.datetime.now(dt.UTC) + dt.timedelta(days=370))
    from alliances import summaries

    summaries.refresh([three_parties["alliance"].pk])
    alliance = Alliance.objects.get(pk=three_parties["alliance"].pk)
    assert facts_of(alliance).recent_health_checks == 0


@pytest.fixture
def with_gap(three_parties, world):
    """The lead sees the steering at 5, the bank at 2: a gap on A2."""
    health_check = open_for(three_parties["alliance"], world.assoc_admin)
    for user in three_parties["lead_staff"]:
        answer(health_check, user, "4", per_axis={"A2": "5"}, submit=False)
    for user in three_parties["bank_guests"]:
        answer(health_check, user, "4", per_axis={"A2": "2"}, submit=False)
    return closed(health_check)


def test_a_gap_becomes_an_action_once(with_gap, world):
    gap = with_gap.stored_results.gaps[0]
    assert gap.axis == "A2"

    first = services.gap_to_action(health_check=with_gap, gap_key=gap.key, by=world.editor)
    second = services.gap_to_action(health_check=with_gap, gap_key=gap.key, by=world.editor)

    assert first.pk == second.pk
    action = Action.objects.get(alliance=with_gap.alliance)
    assert action.title == "Écart de perception sur « Pilotage, instances et décision »"
    assert "Banque Coop" in action.description and "2,0" in action.description
    assert action.created_by == world.editor


def test_a_gap_goes_on_the_agenda_of_the_next_meeting(with_gap, world):
    gap = with_gap.stored_results.gaps[0]
    with pytest.raises(services.HealthCheckError):
        services.gap_to_agenda(health_check=with_gap, gap_key=gap.key, by=world.editor)
    assert not GapFollowUp.objects.exists()

    today = dt.date.today()
    Meeting.objects.create(
        alliance=with_gap.alliance, date=today - dt.timedelta(days=3), decisions="x"
    )
    later = Meeting.objects.create(alliance=with_gap.alliance, date=today + dt.timedelta(days=40))
    sooner = Meeting.objects.create(alliance=with_gap.alliance, date=today + dt.timedelta(days=10))
    services.gap_to_agenda(health_check=with_gap, gap_key=gap.key, by=world.editor)
    services.gap_to_agenda(health_check=with_gap, gap_key=gap.key, by=world.editor)

    item = MeetingAgendaItem.objects.get()
    assert item.meeting == sooner != later
    assert item.title.startswith("Écart de perception")


def test_an_unknown_gap_is_refused(with_gap, world):
    with pytest.raises(services.HealthCheckError):
        services.gap_to_action(health_check=with_gap, gap_key="A9|x|y", by=world.editor)
    assert not Action.objects.exists()
