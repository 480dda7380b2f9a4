"""A network head invites by e-mail an association not registered yet: the link leads to its
sign-up, the membership waits for its consent; the heads are told when members accept, decline
or leave (e-mail and dashboard)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from networks import services
from networks.models import SignupInvitation
from organisations.access import association_capability
from organisations.models import Association, NetworkMembership, Role
from organisations.ordering import french_key
from organisations.services import MembershipError
from organisations.tests.factories import AssociationFactory, MembershipFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "first_name": "Léa",
    "last_name": "Roux",
    "email": "lea@jardins-partages.org",
    "password1": "un-mot-de-passe-solide-42",
    "password2": "un-mot-de-passe-solide-42",
    "association-name": "Les Jardins Partagés",
    "association-rna": "W691000123",
    "association-siren": "",
    "association-department": "69",
    "association-sector": "social",
    "association-employees": "2",
    "association-volunteers": "30",
    "association-budget_band": "lt10k",
}


@pytest.fixture
def invite(client, world, django_capture_on_commit_callbacks):
    """The network head's invitation by e-mail, through the invite page's form."""

    def invite(email="contact@jardins-partages.org", name="Les Jardins Partagés"):
        client.force_login(world.network_head)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                reverse("networks:invite_by_email", args=[world.network.pk]),
                {"by-email-email": email, "by-email-association_name": name},
            )

    return invite


def test_a_head_invites_an_unregistered_association_by_e_mail(client, world, invite, mailoutbox):
    response = invite()

    assert response.status_code == 302
    invitation = SignupInvitation.objects.get()
    assert (invitation.network, invitation.email) == (world.network, "contact@jardins-partages.org")
    [message] = mailoutbox
    assert message.to == ["contact@jardins-partages.org"]
    assert world.network.name in message.subject
    assert reverse("networks:signup_invitation", args=[invitation.token]) in message.body
    assert "Inscrivez votre association avec ce lien" in message.body  # French, text part too
    html = message.alternatives[0][0]
    assert "Inscrire mon association" in html and invitation.token in html
    dashboard = client.get(reverse("networks:network_detail", args=[world.network.pk]))
    page = dashboard.content.decode()
    assert "Invitées par e-mail, pas encore inscrites" in page
    assert "contact@jardins-partages.org" in page


def test_inviting_the_same_address_again_sends_a_new_link_without_a_second_invitation(
    invite, mailoutbox
):
    invite()
    first = SignupInvitation.objects.get().token
    invite(email="CONTACT@jardins-partages.org")

    invitation = SignupInvitation.objects.get()
    assert invitation.token != first and len(mailoutbox) == 2


def test_an_address_with_an_account_is_invited_by_its_association_s_number_instead(
    invite, mailoutbox
):
    MembershipFactory(user__email="deja@example.org")

    response = invite(email="deja@example.org")

    assert response.status_code == 200
    assert "invitez son association par son numéro RNA ou SIREN" in response.content.decode()
    assert not SignupInvitation.objects.exists() and mailoutbox == []


def test_the_invitee_signs_up_and_the_network_waits_for_its_consent(
    client, world, invite, django_capture_on_commit_callbacks
):
    invite()
    invitation = SignupInvitation.objects.get()
    client.logout()
    url = reverse("networks:signup_invitation", args=[invitation.token])

    form = client.get(url).content.decode()
    assert 'value="contact@jardins-partages.org"' in form
    assert 'value="Les Jardins Partagés"' in form and world.network.name in form

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, SIGNUP)

    association = Association.objects.get(name="Les Jardins Partagés")
    assert response.status_code == 302
    assert response["Location"] == reverse("networks:association_networks", args=[association.pk])
    membership = NetworkMembership.objects.get(network=world.network, association=association)
    assert membership.state == NetworkMembership.State.INVITED
    assert membership.invited_by == world.network_head
    assert membership.name_key == french_key("Les Jardins Partagés")  # the dashboard's order
    user = User.objects.get(email="lea@jardins-partages.org")
    assert association.memberships.get().user == user and association.memberships.get().role == (
        Role.ADMIN
    )
    invitation.refresh_from_db()
    assert invitation.association == association and invitation.signed_up_at
    # The network reads nothing of it before its consent…
    assert not association_capability(world.network_head, association).can_view
    # … which its new administrator is asked for on the page it lands on.
    page = client.get(response["Location"]).content.decode()
    assert world.network.name in page and "Accepter" in page


def test_a_used_or_expired_link_registers_nothing(client, invite):
    invite()
    invitation = SignupInvitation.objects.get()
    client.logout()
    url = reverse("networks:signup_invitation", args=[invitation.token])

    SignupInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    assert client.get(url).status_code == 410
    assert client.post(url, SIGNUP).status_code == 410
    assert not Association.objects.filter(name="Les Jardins Partagés").exists()
    with pytest.raises(MembershipError):
        services.sign_up_invited_association(
            invitation=invitation,
            email="x@example.org",
            password="un-mot-de-passe-solide-42",
            first_name="X",
            last_name="Y",
        )


def test_someone_logged_in_is_asked_to_log_out_before_registering_another_association(
    client, world, invite
):
    invite()
    invitation = SignupInvitation.objects.get()
    client.force_login(world.assoc_admin)

    page = client.get(reverse("networks:signup_invitation", args=[invitation.token]))

    text = page.content.decode()
    assert page.status_code == 200 and "déconnectez-vous" in text
    assert 'name="password1"' not in text


@pytest.mark.parametrize(
    ("answer", "subject", "badge"),
    [
        (services.accept_network_invitation, "a rejoint", "a rejoint"),
        (services.refuse_network_invitation, "a refusé de rejoindre", "a refusé"),
    ],
)
def test_the_heads_are_told_when_an_association_answers(
    client, world, mailoutbox, django_capture_on_commit_callbacks, answer, subject, badge
):
    association = AssociationFactory(name="Épicerie Solidaire")
    MembershipFactory(association=association, role=Role.ADMIN)
    membership = services.invite_association_to_network(
        network=world.network, association=association, invited_by=world.network_head
    )
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        answer(membership=membership)

    [message] = mailoutbox
    assert message.to == [world.network_head.email]
    assert subject in message.subject and "Épicerie Solidaire" in message.subject
    client.force_login(world.network_head)
    page = client.get(reverse("networks:network_detail", args=[world.network.pk])).content
    news = page.decode().split("Nouvelles de vos membres")[1]
    assert "Épicerie Solidaire" in news and badge in news


def test_the_heads_are_told_when_a_member_leaves(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    membership = NetworkMembership.objects.get(network=world.network, association=world.association)

    with django_capture_on_commit_callbacks(execute=True):
        services.leave_network(membership=membership)

    [message] = mailoutbox
    assert message.to == [world.network_head.email]
    assert f"{world.association.name} a quitté" in message.subject
    assert reverse("networks:network_detail", args=[world.network.pk]) in message.body
    client.force_login(world.network_head)
    page = client.get(reverse("networks:network_detail", args=[world.network.pk])).content
    news = page.decode().split("Nouvelles de vos membres")[1]
    assert world.association.name in news and "a quitté" in news
