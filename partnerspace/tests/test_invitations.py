"""Inviting a partner's contact, and the invitation's single use."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from alliances.models import ConventionType
from alliances.tests.factories import ConventionFactory
from organisations.models import AssociationMembership
from partnerspace import services
from partnerspace.models import TERMS_VERSION, GuestAccess, GuestActivity, GuestInvitation

from .factories import GuestInvitationFactory


def _invite_data(space, email="marie@mairie.example", role="contributor"):
    return {
        "partner": space["partner"].pk,
        "email": email,
        "role": role,
        "ends_on": (timezone.localdate() + dt.timedelta(days=90)).isoformat(),
    }


def test_the_admin_invites_a_partners_contact_and_the_email_names_who_and_what(
    client, space, world, django_capture_on_commit_callbacks
):
    client.force_login(world.assoc_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("partnerspace:invite", args=[space["alliance"].pk]), _invite_data(space)
        )
    assert response.status_code == 302
    invitation = GuestInvitation.objects.get(email="marie@mairie.example")
    assert invitation.expires_at - invitation.created_at == dt.timedelta(days=14)
    (message,) = mail.outbox
    assert str(world.assoc_admin) in message.body
    assert "Pôle mutualisé" in message.body
    assert reverse("partnerspace:accept", args=[invitation.token]) in message.body


def test_an_editor_cannot_invite_and_nothing_changes(client, space, world):
    client.force_login(world.editor)
    response = client.post(
        reverse("partnerspace:invite", args=[space["alliance"].pk]), _invite_data(space)
    )
    assert response.status_code == 403
    assert not GuestInvitation.objects.exists()


def test_an_email_already_in_the_space_is_refused_next_to_the_field(client, space, world):
    client.force_login(world.assoc_admin)
    guest_email = space["contributor"].user.email
    response = client.post(
        reverse("partnerspace:invite", args=[space["alliance"].pk]),
        _invite_data(space, email=guest_email.upper()),
    )
    assert response.status_code == 200
    assert "already in the alliance" in str(response.context["form"].errors["email"]) or (
        "déjà" in str(response.context["form"].errors["email"])
    )
    assert response.context["form"]["email"].value() == guest_email.upper()
    assert not GuestInvitation.objects.exists()


def test_a_member_of_the_alliance_cannot_be_invited_as_a_guest(space, world):
    with pytest.raises(services.GuestSpaceError):
        services.invite_guest(
            alliance=space["alliance"],
            partner=space["partner"],
            email=world.editor.email,
            role="reader",
            ends_on=timezone.localdate() + dt.timedelta(days=30),
            by=world.assoc_admin,
        )


def test_the_end_of_access_defaults_to_the_main_convention_or_one_year(space):
    today = timezone.localdate()
    assert services.default_end_of_access(space["alliance"], today) == today + dt.timedelta(
        days=365
    )
    ConventionFactory(
        alliance=space["alliance"],
        kind=ConventionType.PARTNERSHIP,
        start_date=today - dt.timedelta(days=30),
        end_date=today + dt.timedelta(days=500),
    )
    assert services.default_end_of_access(space["alliance"], today) == today + dt.timedelta(
        days=500
    )


def test_accepting_creates_an_account_with_no_association_records_consent_and_lands_on_the_space(
    client, space
):
    invitation = GuestInvitationFactory(alliance=space["alliance"], partner=space["partner"])
    url = reverse("partnerspace:accept", args=[invitation.token])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "first_name": "Marie",
            "last_name": "Durand",
            "password1": "un-mot-de-passe-solide-42",
            "password2": "un-mot-de-passe-solide-42",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerspace:space", args=[space["alliance"].pk])
    user = User.objects.get(email=invitation.email)
    assert not AssociationMembership.objects.filter(user=user).exists()
    access = GuestAccess.objects.get(user=user)
    assert access.consent_version == TERMS_VERSION and access.consented_at
    assert access.partner == space["partner"]
    assert GuestActivity.objects.filter(user=user, verb="joined").exists()
    assert client.get(response["Location"]).status_code == 200


def test_without_consent_nothing_is_created_and_the_names_are_kept(client, space):
    invitation = GuestInvitationFactory(alliance=space["alliance"], partner=space["partner"])
    response = client.post(
        reverse("partnerspace:accept", args=[invitation.token]),
        {
            "first_name": "Marie",
            "last_name": "Durand",
            "password1": "un-mot-de-passe-solide-42",
            "password2": "un-mot-de-passe-solide-42",
        },
    )
    assert response.status_code == 200
    assert "consent" in response.context["form"].errors
    assert response.context["form"]["first_name"].value() == "Marie"
    assert not User.objects.filter(email=invitation.email).exists()


def test_an_invitation_is_single_use(client, space):
    invitation = GuestInvitationFactory(alliance=space["alliance"], partner=space["partner"])
    services.accept_invitation(invitation=invitation, password="x-solide-2026-abc")
    assert client.get(reverse("partnerspace:accept", args=[invitation.token])).status_code == 410
    with pytest.raises(services.GuestSpaceError):
        services.accept_invitation(invitation=invitation, password="x-solide-2026-abc")


def test_an_invitation_expires_after_14_days(client, space):
    invitation = GuestInvitationFactory(
        alliance=space["alliance"],
        partner=space["partner"],
        created_at=timezone.now() - dt.timedelta(days=15),
        expires_at=timezone.now() - dt.timedelta(days=1),
    )
    assert client.get(reverse("partnerspace:accept", args=[invitation.token])).status_code == 410


def test_an_existing_account_staff_elsewhere_accepts_with_its_consent_only(client, space, world):
    """One person may be staff of an association and guest of another's alliance."""
    outsider = world.outsider
    invitation = GuestInvitationFactory(
        alliance=space["alliance"], partner=space["partner"], email=outsider.email
    )
    url = reverse("partnerspace:accept", args=[invitation.token])
    assert client.get(url).status_code == 302  # log in first
    client.force_login(outsider)
    response = client.post(url, {"consent": "on"})
    assert response.status_code == 302
    assert GuestAccess.objects.get(user=outsider).is_active()
    assert client.get(reverse("partnerspace:space", args=[space["alliance"].pk])).status_code == 200
    # ... and still nothing of the alliance's association pages.
    assert (
        client.get(reverse("alliances:alliance_detail", args=[space["alliance"].pk])).status_code
        == 404
    )
