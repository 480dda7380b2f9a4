"""Roles in an association and invitations of colleagues."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from organisations import services
from organisations.access import association_capability
from organisations.models import (
    AssociationMembership,
    Invitation,
    Role,
)

pytestmark = pytest.mark.django_db


def test_readers_see_but_never_change(world):
    capability = association_capability(world.reader, world.association)
    assert capability.can_view and not capability.can_edit and not capability.can_admin


def test_editors_change_but_do_not_administer(world):
    capability = association_capability(world.editor, world.association)
    assert capability.can_edit and not capability.can_admin


def test_network_heads_read_their_members_only(world):
    assert association_capability(world.network_head, world.association).via_network
    assert not association_capability(world.network_head, world.association).can_edit
    assert not association_capability(world.other_network_head, world.association).can_view


def test_the_last_administrator_can_be_neither_demoted_nor_removed(world):
    admin_membership = AssociationMembership.objects.get(user=world.assoc_admin)
    with pytest.raises(services.MembershipError):
        services.change_role(membership=admin_membership, role=Role.EDITOR)
    with pytest.raises(services.MembershipError):
        services.remove_member(membership=admin_membership)
    admin_membership.refresh_from_db()
    assert admin_membership.role == Role.ADMIN


def test_an_administrator_can_step_down_once_another_one_exists(world):
    services.change_role(
        membership=AssociationMembership.objects.get(user=world.editor), role=Role.ADMIN
    )
    services.change_role(
        membership=AssociationMembership.objects.get(user=world.assoc_admin), role=Role.READER
    )
    assert AssociationMembership.objects.get(user=world.assoc_admin).role == Role.READER


def test_admin_invites_a_colleague_who_sets_a_password_through_the_mailed_link(
    world, client, django_capture_on_commit_callbacks
):
    # Given the association admin on the members page
    client.force_login(world.assoc_admin)
    # When they invite a colleague as reader
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organisations:members", args=[world.association.pk]),
            {"email": "Nouveau.Collegue@Example.org", "role": "reader"},
        )
    assert response.status_code == 302
    # Then a French e-mail with a link arrives
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nouveau.collegue@example.org"]
    assert "Asso Témoin" in message.subject
    invitation = Invitation.objects.get(email="nouveau.collegue@example.org")
    link = reverse("accounts:accept_invitation", args=[invitation.token])
    assert link in message.body
    assert message.alternatives and link in message.alternatives[0][0]
    # When the colleague follows it and chooses a password
    client.logout()
    response = client.post(
        link,
        {
            "first_name": "Nora",
            "last_name": "Petit",
            "password1": "un-mot-de-passe-solide-42",
            "password2": "un-mot-de-passe-solide-42",
        },
    )
    # Then they are a reader of the association, logged in, and the link is spent
    assert response.status_code == 302
    user = User.objects.get(email="nouveau.collegue@example.org")
    assert user.check_password("un-mot-de-passe-solide-42")
    assert AssociationMembership.objects.get(user=user).role == Role.READER
    assert client.get(link).status_code == 410


def test_a_mismatched_password_keeps_what_was_typed_and_says_why(world, client):
    invitation = Invitation.objects.create(association=world.association, email="x@example.org")
    response = client.post(
        reverse("accounts:accept_invitation", args=[invitation.token]),
        {
            "first_name": "Nora",
            "last_name": "Petit",
            "password1": "abcdefgh-12345",
            "password2": "x",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["password2"]
    assert 'value="Nora"' in response.content.decode()
    assert not User.objects.filter(email="x@example.org").exists()


def test_inviting_an_existing_member_is_refused_next_to_the_field(world, client):
    client.force_login(world.assoc_admin)
    response = client.post(
        reverse("organisations:members", args=[world.association.pk]),
        {"email": world.editor.email, "role": "reader"},
    )
    assert response.status_code == 200
    assert response.context["invite_form"].errors["email"]


def test_a_reader_cannot_invite_and_nothing_is_created(world, client):
    client.force_login(world.reader)
    response = client.post(
        reverse("organisations:members", args=[world.association.pk]),
        {"email": "intrus@example.org", "role": "admin"},
    )
    assert response.status_code == 403
    assert not Invitation.objects.filter(email="intrus@example.org").exists()


def test_admin_changes_a_role_and_removes_a_colleague(world, client):
    client.force_login(world.assoc_admin)
    editor_membership = AssociationMembership.objects.get(user=world.editor)
    client.post(
        reverse("organisations:change_role", args=[world.association.pk, editor_membership.pk]),
        {"role": "reader"},
    )
    editor_membership.refresh_from_db()
    assert editor_membership.role == Role.READER
    client.post(
        reverse("organisations:remove_member", args=[world.association.pk, editor_membership.pk])
    )
    assert not AssociationMembership.objects.filter(pk=editor_membership.pk).exists()
    assert not association_capability(world.editor, world.association).can_view
