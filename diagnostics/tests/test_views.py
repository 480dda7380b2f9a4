import re
from datetime import timedelta

import pytest
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from diagnostics.models import Answer, Axis, Campaign, Statement
from diagnostics.tests.factories import finished_campaign, make_campaign, statements, v1
from organisations.models import Role
from organisations.tests.factories import (
    AssociationFactory,
    MembershipFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    association = AssociationFactory(name="Les Amis du Quartier")
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    respondent = MembershipFactory(association=association, role=Role.EDITOR).user
    campaign = make_campaign(association, [respondent])
    return association, admin, respondent, campaign


def test_the_axis_page_has_real_radio_groups_with_legends_and_the_progress(client, setup):
    _association, _admin, respondent, campaign = setup
    client.force_login(respondent)
    response = client.get(reverse("diagnostics:answer_axis", args=[campaign.pk, 3]))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<fieldset") == 5 and html.count("<legend") == 5
    first = statements()[10]  # A3.1
    assert html.count(f'name="answer-{first.pk}"') == 6  # 1..5 and « je ne sais pas »
    assert "Je ne sais pas / non concerné" in html
    assert re.search(r"Axe 3 sur 8 · 0 réponse sur 40", html)


def test_autosave_saves_one_answer_and_answers_saved_with_the_progress(client, setup):
    _association, _admin, respondent, campaign = setup
    client.force_login(respondent)
    statement = statements()[0]
    url = reverse("diagnostics:autosave", args=[campaign.pk])

    response = client.post(url, {f"answer-{statement.pk}": "4", "position": "1"})
    client.post(url, {f"comment-{statement.pk}": "Le CA en a parlé.", "position": "1"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Enregistré" in html and "1 réponse sur 40" in html and 'data-hx-swap-oob="true"' in html
    answer = Answer.objects.get(statement=statement)
    assert (answer.value, answer.comment) == (4, "Le CA en a parlé.")


def test_autosave_on_a_closed_campaign_says_why_and_saves_nothing(client, setup):
    _association, _admin, respondent, campaign = setup
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.CLOSED)
    client.force_login(respondent)
    statement = statements()[0]
    response = client.post(
        reverse("diagnostics:autosave", args=[campaign.pk]), {f"answer-{statement.pk}": "4"}
    )
    assert response.status_code == 409
    assert "clôturée" in response.content.decode()
    assert not Answer.objects.exists()


def test_a_failed_page_save_keeps_what_was_typed(client, setup):
    _association, _admin, respondent, campaign = setup
    client.force_login(respondent)
    first, second = statements()[:2]
    response = client.post(
        reverse("diagnostics:answer_axis", args=[campaign.pk, 1]),
        {f"answer-{first.pk}": "9", f"comment-{second.pk}": "Mon commentaire", "go": "next"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Mon commentaire" in html
    assert "Choisissez une réponse de 1 à 5" in html
    assert not Answer.objects.exists()


def test_resume_goes_back_to_the_last_axis_visited(client, setup):
    _association, _admin, respondent, campaign = setup
    client.force_login(respondent)
    client.get(reverse("diagnostics:answer_axis", args=[campaign.pk, 6]))
    client.logout()
    client.force_login(respondent)
    response = client.get(reverse("diagnostics:answer_resume", args=[campaign.pk]))
    assert response["Location"] == reverse("diagnostics:answer_axis", args=[campaign.pk, 6])


def test_submitting_warns_about_unanswered_statements_but_is_allowed(client, setup):
    _association, _admin, respondent, campaign = setup
    client.force_login(respondent)
    statement = statements()[0]
    client.post(
        reverse("diagnostics:autosave", args=[campaign.pk]), {f"answer-{statement.pk}": "3"}
    )
    review = client.get(reverse("diagnostics:answer_review", args=[campaign.pk])).content.decode()
    assert "39 affirmations ne sont pas renseignées" in review

    response = client.post(reverse("diagnostics:answer_review", args=[campaign.pk]))

    assert response["Location"] == reverse("diagnostics:campaign_detail", args=[campaign.pk])
    campaign.refresh_from_db()
    assert campaign.is_finished  # the only respondent submitted


def test_the_admin_may_close_a_campaign_early(client, setup):
    _association, admin, _respondent, campaign = setup
    client.force_login(admin)
    client.post(reverse("diagnostics:campaign_close", args=[campaign.pk]))
    campaign.refresh_from_db()
    assert campaign.is_finished


def test_the_admin_opens_a_campaign_choosing_colleagues(client, setup):
    association, admin, respondent, campaign = setup
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.CLOSED)
    client.force_login(admin)
    page = client.get(reverse("diagnostics:campaign_open", args=[association.pk])).content.decode()
    assert respondent.email in page and 'type="checkbox"' in page

    empty = client.post(reverse("diagnostics:campaign_open", args=[association.pk]), {})
    assert "Choisissez au moins un répondant" in empty.content.decode()

    response = client.post(
        reverse("diagnostics:campaign_open", args=[association.pk]),
        {"respondents": [admin.pk, respondent.pk], "title": "Diagnostic de printemps"},
    )
    new = Campaign.objects.get(title="Diagnostic de printemps")
    assert response["Location"] == reverse("diagnostics:campaign_detail", args=[new.pk])
    assert new.respondents.count() == 2


def _network_with_results(count, network=None):
    """`count` member associations with a finished campaign, in `network`."""
    network = network or NetworkHeadFactory().network
    for index in range(count):
        member = AssociationFactory()
        NetworkMembershipFactory(network=network, association=member)
        finished_campaign(member, 2 + index % 3)
    return network


def test_results_show_score_maturity_priorities_evolution_and_the_network_median(client):
    association = AssociationFactory(name="Les Amis du Quartier")
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    network = _network_with_results(4)
    NetworkMembershipFactory(network=network, association=association)
    finished_campaign(association, 2, opened_at=timezone.now() - timedelta(days=400))
    campaign = finished_campaign(association, lambda code: 2 if code.startswith("A1") else 4)
    client.force_login(admin)

    html = client.get(reverse("diagnostics:campaign_detail", args=[campaign.pk])).content.decode()

    assert "3,8" in html  # (2 + 7 × 4) / 8 = 3.75 → 3,8
    assert "Partenariats établis" in html
    assert "Prioritaire" in html and "Point fort" in html
    assert "+2,0" in html  # evolution of the axes that went from 2 to 4
    assert "Médiane du réseau" in html  # 5 associations with results, this one included
    assert "<svg" in html and "<table" in html
    assert html.index("A1 · Vision") < html.index("A2 · Connaissance", html.index("Priorités"))


def test_the_network_median_is_hidden_below_five_associations_and_shown_from_five(client):
    association = AssociationFactory()
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    network = _network_with_results(3)
    NetworkMembershipFactory(network=network, association=association)
    campaign = finished_campaign(association, 3)
    url = reverse("diagnostics:campaign_detail", args=[campaign.pk])
    client.force_login(admin)
    html = client.get(url).content.decode()
    assert "Médiane du réseau" not in html
    assert "au moins 5 associations" in html

    _network_with_results(1, network)  # a fifth member closes its campaign: not the cached 4

    assert "Médiane du réseau" in client.get(url).content.decode()


def test_network_heads_see_results_but_no_names_nor_comments(client):
    association = AssociationFactory()
    head = NetworkHeadFactory()
    NetworkMembershipFactory(network=head.network, association=association)
    person = MembershipFactory(association=association, user__first_name="Gaspard").user
    campaign = finished_campaign(association, 3, users=[person], comments={"A1.1": "Secret"})
    client.force_login(head.user)
    response = client.get(reverse("diagnostics:campaign_detail", args=[campaign.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gaspard" not in html and "Secret" not in html
    assert client.get(reverse("diagnostics:answer_review", args=[campaign.pk])).status_code == 403


def test_help_links_that_do_not_exist_yet_are_left_out_without_error(client):
    association = AssociationFactory()
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    campaign = finished_campaign(association, 2)
    client.force_login(admin)
    response = client.get(reverse("diagnostics:campaign_detail", args=[campaign.pk]))
    assert response.status_code == 200


def _results_page_queries(client, django_assert_max_num_queries, members, respondents):
    association = AssociationFactory()
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    network = _network_with_results(members)
    NetworkMembershipFactory(network=network, association=association)
    users = [MembershipFactory(association=association).user for _ in range(respondents)]
    finished_campaign(association, 3, users=users, opened_at=timezone.now() - timedelta(days=300))
    campaign = finished_campaign(association, 4, users=users)
    client.force_login(admin)
    # Session, user, access, campaign, respondents, the questionnaire and the answers of the
    # campaign and the previous one, the network's stored medians, reports, the request's
    # savepoint: a constant count whatever the sizes, with nothing cached (measured 18, and
    # the content types read once per process).
    with django_assert_max_num_queries(19):
        response = client.get(reverse("diagnostics:campaign_detail", args=[campaign.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(("members", "respondents"), [(2, 1), (12, 6)])
def test_results_page_queries_do_not_grow_with_data(
    client, django_assert_max_num_queries, members, respondents
):
    _results_page_queries(client, django_assert_max_num_queries, members, respondents)


@pytest.mark.parametrize("campaigns", [1, 8])
def test_campaign_list_queries_do_not_grow_with_campaigns(
    client, django_assert_max_num_queries, campaigns
):
    association = AssociationFactory()
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    for index in range(campaigns):
        finished_campaign(
            association, 3, users=[admin], opened_at=timezone.now() - timedelta(days=30 * index)
        )
    client.force_login(admin)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("diagnostics:campaign_list", args=[association.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("Voir les résultats") == campaigns


def test_dashboard_offers_to_resume_with_progress(client, setup):
    _association, _admin, respondent, campaign = setup
    client.force_login(respondent)
    statement = statements()[0]
    client.post(
        reverse("diagnostics:autosave", args=[campaign.pk]), {f"answer-{statement.pk}": "3"}
    )
    html = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Reprendre" in html and "1 réponse sur 40" in html.replace("réponses", "réponse")


def test_axes_are_those_of_the_campaigns_version():
    assert Axis.objects.filter(version=v1()).count() == 8


def test_the_diagnostic_summary_panel_for_an_alliance_step_shows_the_priorities(rf):
    from django.template.loader import render_to_string

    from core.dashboard import collect_panels

    association = AssociationFactory()
    finished_campaign(association, lambda code: 2 if code.startswith("A1") else 4)
    request = rf.get("/")
    request.user = MembershipFactory(association=association).user
    panels = collect_panels("diagnostic_summary_panels", request, association)
    html = render_to_string(panels[0].template, {"panel": panels[0].context})
    assert "Partenariats établis" in html
    assert "A1 · 2,0" in html


def test_network_heads_are_not_offered_help_links_into_the_associations_workspace(client):
    """The « Travailler dessus » links lead to pages only the association's staff may open."""
    association = AssociationFactory()
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    head = NetworkHeadFactory()
    NetworkMembershipFactory(network=head.network, association=association)
    campaign = finished_campaign(association, 2)
    url = reverse("diagnostics:campaign_detail", args=[campaign.pk])
    partners = reverse("alliances:partner_list", args=[association.pk])

    client.force_login(admin)
    assert partners in client.get(url).content.decode()
    client.force_login(head.user)
    response = client.get(url)
    assert response.status_code == 200
    assert partners not in response.content.decode()


def test_answers_save_when_statement_numbers_have_four_digits(client, setup):
    """Past 999 statements in the database, the French thousands separator must not slip into
    the fields' names: « answer-1 001 » would never be saved."""
    _association, _admin, respondent, campaign = setup
    Statement.objects.filter(axis__version=campaign.version).update(id=F("id") + 100_000)
    statement = statements()[0]
    client.force_login(respondent)

    html = client.get(reverse("diagnostics:answer_axis", args=[campaign.pk, 1])).content.decode()
    assert f'name="answer-{statement.pk}"' in html and f'id="save-{statement.pk}"' in html
    response = client.post(
        reverse("diagnostics:answer_axis", args=[campaign.pk, 1]),
        {f"answer-{statement.pk}": "4", f"comment-{statement.pk}": "Vu en CA.", "go": "next"},
    )

    assert response.status_code == 302
    answer = Answer.objects.get(statement=statement)
    assert (answer.value, answer.comment) == (4, "Vu en CA.")
