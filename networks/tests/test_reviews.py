"""Network heads review a member's alliance; the association sees it and answers."""

import pytest
from django.core import mail
from django.urls import reverse

from alliances.tests.factories import AllianceFactory
from networks.models import Review, ReviewReply
from organisations.models import NetworkMembership, Role
from organisations.tests.factories import (
    AssociationFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    association = AssociationFactory(name="Asso Revue")
    network = NetworkFactory(name="Réseau Relecteur")
    NetworkMembershipFactory(network=network, association=association)
    return {
        "association": association,
        "network": network,
        "alliance": AllianceFactory(lead=association, title="Alliance Revue"),
        "head": NetworkHeadFactory(network=network).user,
        "editor": MembershipFactory(association=association, role=Role.EDITOR).user,
        "reader": MembershipFactory(association=association, role=Role.READER).user,
    }


def _review(client, alliance, **data):
    payload = {"verdict": "rework", "comment": "Précisez le besoin social.", "step": "2"}
    payload.update(data)
    return client.post(reverse("networks:review_create", args=[alliance.pk]), payload)


def test_head_leaves_a_review_the_association_is_told_by_email_and_sees_it(
    client, setting, django_capture_on_commit_callbacks
):
    alliance = setting["alliance"]
    client.force_login(setting["head"])

    with django_capture_on_commit_callbacks(execute=True):
        response = _review(client, alliance)

    assert response.status_code == 302
    review = Review.objects.get()
    assert (review.network, review.step, review.verdict) == (setting["network"], 2, "rework")
    [message] = mail.outbox
    assert setting["editor"].email in message.to
    assert setting["reader"].email not in message.to
    assert "Réseau Relecteur" in message.subject
    assert "Précisez le besoin social." in message.body
    html = message.alternatives[0][0]
    assert reverse("networks:reviews", args=[alliance.pk]) in html

    client.force_login(setting["editor"])
    step = client.get(reverse("alliances:alliance_step", args=[alliance.pk, 2])).content.decode()
    assert "Précisez le besoin social." in step
    other_step = client.get(reverse("alliances:alliance_step", args=[alliance.pk, 3]))
    assert "Précisez le besoin social." not in other_step.content.decode()
    dashboard = client.get(reverse("accounts:dashboard"))
    assert "Alliance Revue" in dashboard.content.decode()


def test_staff_answer_in_the_thread_and_the_head_is_told(
    client, setting, django_capture_on_commit_callbacks
):
    alliance = setting["alliance"]
    client.force_login(setting["head"])
    _review(client, alliance)
    review = Review.objects.get()
    mail.outbox.clear()

    client.force_login(setting["editor"])
    url = reverse("networks:review_reply", args=[alliance.pk, review.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {f"r{review.pk}-body": "Nous complétons les chiffres."})

    assert response.status_code == 302
    reply = ReviewReply.objects.get()
    assert not reply.from_network and reply.author == setting["editor"]
    [message] = mail.outbox
    assert message.to == [setting["head"].email]
    page = client.get(reverse("networks:reviews", args=[alliance.pk])).content.decode()
    assert "Nous complétons les chiffres." in page

    client.force_login(setting["head"])
    client.post(url, {f"r{review.pk}-body": "Merci, c'est clair."})
    assert ReviewReply.objects.filter(from_network=True).count() == 1


def test_an_empty_review_is_refused_next_to_the_field_and_the_text_is_kept(client, setting):
    client.force_login(setting["head"])

    response = _review(client, setting["alliance"], verdict="", comment="Mon texte")

    assert response.status_code == 400
    page = response.content.decode()
    assert "Mon texte" in page
    assert 'id="error_1_id_verdict"' in page or "is-invalid" in page
    assert not Review.objects.exists()


def test_staff_and_platform_admins_cannot_leave_a_review(client, setting, django_user_model):
    admin = django_user_model.objects.create_superuser("root@example.org", "x")
    for user in (setting["editor"], admin):
        client.force_login(user)
        assert _review(client, setting["alliance"]).status_code == 403
    assert not Review.objects.exists()


def test_a_reader_cannot_answer_and_nothing_is_written(client, setting):
    client.force_login(setting["head"])
    _review(client, setting["alliance"])
    review = Review.objects.get()
    client.force_login(setting["reader"])

    response = client.post(
        reverse("networks:review_reply", args=[setting["alliance"].pk, review.pk]),
        {f"r{review.pk}-body": "Je ne devrais pas"},
    )

    assert response.status_code == 403
    assert not ReviewReply.objects.exists()


def test_head_of_another_network_and_a_network_the_member_left_see_nothing(client, setting):
    alliance = setting["alliance"]
    other_head = NetworkHeadFactory(network=NetworkFactory()).user
    client.force_login(other_head)
    assert client.get(reverse("networks:reviews", args=[alliance.pk])).status_code == 404
    assert _review(client, alliance).status_code == 404

    NetworkMembership.objects.filter(network=setting["network"]).update(
        state=NetworkMembership.State.LEFT
    )
    client.force_login(setting["head"])
    assert client.get(reverse("networks:reviews", args=[alliance.pk])).status_code == 404
    assert _review(client, alliance).status_code == 404
    assert not Review.objects.exists()


def test_the_alliance_file_shows_its_latest_three_reviews_with_their_answers(client, setting):
    alliance = setting["alliance"]
    head = setting["head"]
    client.force_login(head)
    for n in range(4):
        _review(client, alliance, comment=f"Relecture {n}", step=str(n + 1), verdict="validated")
    latest = Review.objects.get(comment="Relecture 3")
    for _ in range(2):
        ReviewReply.objects.create(review=latest, author=setting["editor"], body="Vu.")

    client.force_login(setting["reader"])
    html = client.get(reverse("alliances:alliance_detail", args=[alliance.pk])).content.decode()
    assert "Relecture 3" in html and "Relecture 1" in html
    assert "Relecture 0" not in html  # three at most, the latest first
    assert html.index("Relecture 3") < html.index("Relecture 2")
    assert "Validé</strong> · Réseau Relecteur" in html
    assert "(étape 4)" in html
    assert "(2 réponses)" in html and "(0 réponse)" in html
