"""A new association's first steps: its dashboard offers the self-diagnostic and an alliance,
shows the latest campaign that has a score, and a running campaign takes new respondents."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from diagnostics import services
from diagnostics.models import Campaign, Respondent
from diagnostics.tests.factories import finished_campaign, make_campaign
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory

pytestmark = pytest.mark.django_db

DASHBOARD = "/tableau-de-bord/"


@pytest.fixture
def new_association():
    association = AssociationFactory(name="La Ressourcerie du Plateau")
    members = {
        role: MembershipFactory(association=association, role=role).user
        for role in (Role.ADMIN, Role.EDITOR, Role.READER)
    }
    return association, members


def _dashboard(client, user):
    client.force_login(user)
    return client.get(DASHBOARD).content.decode()


def test_a_new_association_s_admin_is_offered_the_self_diagnostic_and_an_alliance(
    client, new_association
):
    association, members = new_association

    page = _dashboard(client, members[Role.ADMIN])

    assert "Commencer l&#x27;autodiagnostic" in page or "Commencer l'autodiagnostic" in page
    assert reverse("diagnostics:campaign_open", args=[association.pk]) in page
    assert "Créer une alliance" in page
    assert reverse("alliances:alliance_create", args=[association.pk]) in page


def test_an_editor_may_create_an_alliance_and_a_reader_is_offered_neither(client, new_association):
    association, members = new_association
    open_url = reverse("diagnostics:campaign_open", args=[association.pk])
    create_url = reverse("alliances:alliance_create", args=[association.pk])

    editor_page = _dashboard(client, members[Role.EDITOR])
    assert create_url in editor_page and open_url not in editor_page
    assert "Un administrateur de l'association l'ouvre" in editor_page

    reader_page = _dashboard(client, members[Role.READER])
    assert create_url not in reader_page and open_url not in reader_page


def test_while_a_campaign_runs_the_dashboard_follows_it_instead_of_offering_another(
    client, new_association
):
    association, members = new_association
    campaign = make_campaign(association, [members[Role.EDITOR]])

    page = _dashboard(client, members[Role.ADMIN])

    assert reverse("diagnostics:campaign_open", args=[association.pk]) not in page
    assert reverse("diagnostics:campaign_detail", args=[campaign.pk]) in page


def test_the_dashboard_shows_the_latest_scored_campaign_and_names_a_later_one_without_score(
    client, new_association
):
    association, members = new_association
    scored = finished_campaign(association, 4, opened_at=timezone.now() - timedelta(days=60))
    # Closed later, but everyone answered « je ne sais pas »: no overall score.
    unscored = finished_campaign(association, lambda code: None)
    assert unscored.is_latest and unscored.maturity_level is None

    page = _dashboard(client, members[Role.ADMIN])

    assert "4,0" in page  # the scored campaign's overall score
    assert reverse("diagnostics:campaign_detail", args=[scored.pk]) in page
    assert "trop peu de réponses pour un score global" in page
    assert reverse("diagnostics:campaign_detail", args=[unscored.pk]) in page


def test_the_dashboard_costs_the_same_queries_with_one_or_five_campaigns(
    client, new_association, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    association, members = new_association
    client.force_login(members[Role.ADMIN])
    finished_campaign(association, 3, opened_at=timezone.now() - timedelta(days=400))
    client.get(DASHBOARD)
    with CaptureQueriesContext(connection) as few:
        client.get(DASHBOARD)
    for days in (300, 200, 100):
        finished_campaign(association, 2, opened_at=timezone.now() - timedelta(days=days))
    finished_campaign(association, lambda code: None)
    make_campaign(association, [members[Role.ADMIN]])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(DASHBOARD)


# --- Respondents added to a running campaign ---------------------------------------------------


def test_an_admin_adds_a_colleague_to_a_running_campaign_who_then_finds_it_on_the_dashboard(
    client, new_association
):
    association, members = new_association
    campaign = make_campaign(association, [members[Role.EDITOR]])
    latecomer = MembershipFactory(association=association, role=Role.EDITOR).user
    client.force_login(members[Role.ADMIN])

    page = client.get(reverse("diagnostics:campaign_detail", args=[campaign.pk])).content.decode()
    assert "Ajouter des répondants" in page and latecomer.email in page

    response = client.post(
        reverse("diagnostics:add_respondents", args=[campaign.pk]),
        {"respondents": [latecomer.pk]},
    )

    assert response.status_code == 302
    assert set(campaign.respondents.values_list("user_id", flat=True)) == {
        members[Role.EDITOR].pk,
        latecomer.pk,
    }
    assert reverse("diagnostics:answer_resume", args=[campaign.pk]) in _dashboard(client, latecomer)


def test_no_one_is_added_to_a_closed_campaign_nor_from_outside_the_association(new_association):
    association, members = new_association
    campaign = make_campaign(association, [members[Role.EDITOR]])
    outsider = MembershipFactory().user

    with pytest.raises(services.DiagnosticError):
        services.add_respondents(campaign=campaign, users=[outsider])
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.CLOSED)
    with pytest.raises(services.DiagnosticError):
        services.add_respondents(campaign=campaign, users=[members[Role.READER]])

    assert list(campaign.respondents.values_list("user_id", flat=True)) == [members[Role.EDITOR].pk]


def test_a_colleague_already_asked_is_not_asked_twice(new_association):
    association, members = new_association
    campaign = make_campaign(association, [members[Role.EDITOR]])

    added = services.add_respondents(
        campaign=campaign, users=[members[Role.EDITOR], members[Role.READER]]
    )

    assert [r.user_id for r in added] == [members[Role.READER].pk]
    assert Respondent.objects.filter(campaign=campaign).count() == 2


def test_a_form_with_no_colleague_chosen_says_so_and_adds_no_one(client, new_association):
    association, members = new_association
    campaign = make_campaign(association, [members[Role.EDITOR]])
    client.force_login(members[Role.ADMIN])

    response = client.post(reverse("diagnostics:add_respondents", args=[campaign.pk]), {})

    assert response.status_code == 200
    assert "Choisissez au moins un collègue à ajouter." in response.content.decode()
    assert campaign.respondents.count() == 1


# --- « Envoyer mes réponses » asks first --------------------------------------------------------


def test_sending_the_answers_asks_for_confirmation_and_counts_those_left(client, new_association):
    association, members = new_association
    campaign = make_campaign(association, [members[Role.EDITOR]])
    client.force_login(members[Role.EDITOR])

    page = client.get(reverse("diagnostics:answer_review", args=[campaign.pk])).content.decode()

    button = page.split('data-confirm="')[1].split('"')[0]
    assert "40 affirmations sans réponse" in button
    assert "ne pourront plus être modifiées" in button
