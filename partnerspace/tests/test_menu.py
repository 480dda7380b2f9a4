"""« Espaces partenaires » in the main menu: shown to a person with an active guest access
(a guest with no association, a staff member who is also a guest), hidden from everyone
else, read from a flag on the user kept by the services: no query added on pages."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from organisations.tests.factories import MembershipFactory
from partnerspace import services
from partnerspace.tests.factories import GuestAccessFactory, GuestInvitationFactory

pytestmark = pytest.mark.django_db

ENTRY = 'href="/espace-partenaires/"'


def _menu_of(client, user):
    client.force_login(user)
    return client.get(reverse("accounts:profile")).content.decode()


def test_a_guest_with_no_association_has_the_entry_and_my_account_costs_no_more_queries(
    client, django_assert_max_num_queries
):
    guest = GuestAccessFactory().user
    client.force_login(guest)
    # The same floor as accounts/tests/test_profile.py: the session, the user, the menu's
    # organisations; the entry adds nothing.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("accounts:profile"))
    assert ENTRY in response.content.decode()


def test_a_staff_member_who_is_also_a_guest_has_the_entry(client):
    user = MembershipFactory().user
    GuestAccessFactory(user=user)
    assert ENTRY in _menu_of(client, user)


def test_people_with_no_access_have_no_entry(client):
    assert ENTRY not in _menu_of(client, MembershipFactory().user)
    assert ENTRY not in _menu_of(client, UserFactory())


def test_accepting_an_invitation_sets_the_flag_and_revoking_the_last_access_clears_it(client):
    invitation = GuestInvitationFactory(email="contact@partenaire.example")
    access = services.accept_invitation(invitation=invitation, password="x-solide-2026-abc")
    access.user.refresh_from_db()
    assert access.user.has_guest_access
    assert ENTRY in _menu_of(client, access.user)
    second = GuestAccessFactory(user=access.user)

    services.revoke_access(access=access, by=None)
    access.user.refresh_from_db()
    assert access.user.has_guest_access  # still a guest of another alliance

    services.revoke_access(access=second, by=None)
    access.user.refresh_from_db()
    assert not access.user.has_guest_access
    assert ENTRY not in _menu_of(client, access.user)


def test_moving_the_end_of_access_to_the_past_clears_the_flag(client):
    access = GuestAccessFactory()
    services.change_end_of_access(
        access=access, ends_on=timezone.localdate() - dt.timedelta(days=1)
    )
    access.user.refresh_from_db()
    assert not access.user.has_guest_access
