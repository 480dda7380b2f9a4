"""The health check's pages: results per party without any individual answer, on both sides;
gaps turned into actions in one click; autosave refusing what it cannot save."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from alliances.models import Action, Meeting
from healthchecks.models import HealthAnswer, HealthCheck, Participant

from .factories import answer, closed, open_for


@pytest.fixture
def finished(three_parties, world):
    """Closed: the lead rates the steering 5, the bank 2, the co-member 4; the town's one
    guest answered 1 everywhere (alone: never shown)."""
    health_check = open_for(three_parties["alliance"], world.assoc_admin)
    for user in three_parties["lead_staff"]:
        answer(health_check, user, "4", per_axis={"A2": "5"}, submit=False)
    for user in three_parties["bank_guests"]:
        answer(health_check, user, "4", per_axis={"A2": "2"}, submit=False)
    for user in three_parties["member_staff"]:
        answer(health_check, user, "4", submit=False)
    answer(health_check, three_parties["town_guest"], "1", submit=False)
    return closed(health_check)


def test_results_show_each_party_of_two_and_the_gaps(client, world, finished):
    client.force_login(world.reader)
    page = client.get(reverse("healthchecks:detail", args=[finished.pk])).content.decode()

    assert "Banque Coop" in page and "Les Jardins" in page and "Asso Témoin" in page
    assert "<svg" in page and 'id="radar"' in page
    assert 'id="gaps"' in page and "Pilotage, instances et d" in page
    # The town's lone guest is counted, never shown: neither its name nor its 1s.
    assert "Ville" not in page
    assert ">1,0<" not in page


def test_the_results_pages_keep_a_constant_number_of_queries(
    client, world, three_parties, finished, django_assert_max_num_queries
):
    # Measured: 14 on the results page, 10 on the list, 18 on the guest's results page (seven
    # people of four parties); the figures come stored, whatever the number of answers.
    client.force_login(world.editor)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("healthchecks:detail", args=[finished.pk])).status_code == 200
    with django_assert_max_num_queries(11):
        client.get(reverse("healthchecks:list", args=[finished.alliance_id]))
    client.force_login(three_parties["bank_guests"][0])
    with django_assert_max_num_queries(19):
        client.get(reverse("healthchecks:guest_detail", args=[finished.alliance_id, finished.pk]))


def test_a_guest_sees_the_shared_results_in_the_space(client, three_parties, finished):
    client.force_login(three_parties["bank_guests"][1])  # a reader guest
    alliance = three_parties["alliance"]
    space = client.get(reverse("partnerspace:space", args=[alliance.pk])).content.decode()
    assert reverse("healthchecks:guest_list", args=[alliance.pk]) in space

    page = client.get(
        reverse("healthchecks:guest_detail", args=[alliance.pk, finished.pk])
    ).content.decode()
    assert "Banque Coop" in page and 'id="gaps"' in page
    assert reverse("partnerspace:preferences") in page  # the space's own footer
    # The follow-up buttons are the associations' side.
    assert reverse("healthchecks:gap_action", args=[finished.pk]) not in page


def test_a_gap_becomes_an_action_in_one_click_then_says_so(client, world, finished):
    client.force_login(world.editor)
    gap = finished.stored_results.gaps[0]
    url = reverse("healthchecks:detail", args=[finished.pk])
    assert (
        reverse("healthchecks:gap_action", args=[finished.pk]) in client.get(url).content.decode()
    )

    response = client.post(reverse("healthchecks:gap_action", args=[finished.pk]), {"gap": gap.key})
    client.post(reverse("healthchecks:gap_action", args=[finished.pk]), {"gap": gap.key})

    assert response.status_code == 302
    assert Action.objects.filter(alliance=finished.alliance).count() == 1
    page = client.get(url).content.decode()
    assert Action.objects.get().title in page


def test_without_a_planned_meeting_the_page_offers_to_plan_one(client, world, finished):
    client.force_login(world.editor)
    url = reverse("healthchecks:detail", args=[finished.pk])
    page = client.get(url).content.decode()
    assert reverse("alliances:item_add", args=[finished.alliance_id, "reunion"]) in page
    assert reverse("healthchecks:gap_agenda", args=[finished.pk]) not in page

    Meeting.objects.create(alliance=finished.alliance, date=dt.date.today() + dt.timedelta(days=5))
    assert (
        reverse("healthchecks:gap_agenda", args=[finished.pk]) in client.get(url).content.decode()
    )


def test_answering_resumes_where_one_stopped(client, three_parties, world):
    health_check = open_for(three_parties["alliance"], world.assoc_admin)
    client.force_login(world.editor)
    url = reverse("healthchecks:answer", args=[health_check.pk])

    client.post(f"{url}?axe=2", {"answer-A2.1": "3", "go": "next"})
    page = client.get(url).content.decode()

    assert "A3 · " in page  # back on the axis after the last one saved
    assert Participant.objects.get(health_check=health_check, user=world.editor).last_axis == 3


def test_a_bad_answer_is_refused_and_what_was_typed_stays(client, three_parties, world):
    health_check = open_for(three_parties["alliance"], world.assoc_admin)
    client.force_login(world.editor)
    url = reverse("healthchecks:answer", args=[health_check.pk])

    response = client.post(f"{url}?axe=1", {"answer-A1.1": "9", "answer-A1.2": "4"})

    assert response.status_code == 400
    assert 'value="4" checked' in response.content.decode()
    assert not HealthAnswer.objects.exists()
    save = client.post(
        reverse("healthchecks:autosave", args=[health_check.pk]), {"answer-A1.1": "\x00"}
    )
    assert save.status_code == 409


def test_step_5_counts_a_recent_health_check(client, world, finished):
    client.force_login(world.editor)
    page = client.get(
        reverse("alliances:alliance_step", args=[finished.alliance_id, 5])
    ).content.decode()
    # Its checklist no longer asks for one, and its panel leads to the latest.
    missing = page.split('class="fa-missing')[1].split("</ul>")[0] if "fa-missing" in page else ""
    assert "de moins d" not in missing and "less than a year" not in missing
    assert reverse("healthchecks:detail", args=[finished.pk]) in page


def test_each_autosave_updates_the_count_of_answers(client, three_parties, world):
    health_check = open_for(three_parties["alliance"], world.assoc_admin)
    client.force_login(world.editor)
    url = reverse("healthchecks:autosave", args=[health_check.pk])

    client.post(url, {"answer-A1.1": "4", "position": "1"})
    response = client.post(url, {"answer-A1.2": "dk", "position": "9" * 5000})

    assert response.status_code == 200
    assert 'id="progress"' in response.content.decode()
    assert "2 / 20" in response.content.decode()


def test_the_alliances_history_tells_when_a_health_check_opened_and_closed(client, world, finished):
    client.force_login(world.editor)
    response = client.get(reverse("alliances:alliance_history", args=[finished.alliance_id]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "bilan de santé" in page.lower()


def test_the_evolution_names_both_health_checks_by_their_date(
    client, world, three_parties, finished
):
    """Read months later, in the page or its PDF, « today » would be wrong: each column says
    when its health check was opened."""
    HealthCheck.objects.filter(pk=finished.pk).update(
        opened_at=timezone.now() - dt.timedelta(days=300)
    )
    second = open_for(three_parties["alliance"], world.assoc_admin)
    for user in three_parties["lead_staff"] + three_parties["bank_guests"]:
        answer(second, user, "3", submit=False)
    second = closed(second)
    client.force_login(world.reader)

    page = client.get(reverse("healthchecks:detail", args=[second.pk])).content.decode()

    evolution = page[page.index('id="evolution-title"') :]
    evolution = evolution[: evolution.index("</section>")]
    before = timezone.localdate(timezone.now() - dt.timedelta(days=300)).strftime("%d/%m/%Y")
    now = timezone.localdate(second.opened_at).strftime("%d/%m/%Y")
    assert f"Le {before}" in evolution and f"Le {now}" in evolution
    assert "Aujourd&#x27;hui" not in evolution and "Aujourd'hui" not in evolution
    # A change of score, not a button: « Évolution », and 4,0 → 3,0 written « −1,0 ».
    assert ">Évolution</th>" in evolution and "Modifier" not in evolution
    assert "\u22121,0" in evolution
