"""Network memberships: invitations, answers, leaving, and what each state opens."""

import pytest
from django.urls import reverse

from alliances.access import alliance_capability
from alliances.tests.factories import AllianceFactory
from networks import services
from organisations.access import association_capability
from organisations.models import (
    NetworkMembership,
    Role,
)
from organisations.tests.factories import (
    AssociationFactory,
    MembershipFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

pytestmark = pytest.mark.django_db


def test_network_invitation_accepted_then_left_opens_then_closes_access(world):
    association = AssociationFactory()
    MembershipFactory(association=association, role=Role.ADMIN)
    head = world.network_head
    # Invited: not visible yet
    membership = services.invite_association_to_network(
        network=world.network, association=association, invited_by=head
    )
    assert membership.state == NetworkMembership.State.INVITED
    assert not association_capability(head, association).can_view
    # Accepted: visible, with its alliances
    services.accept_network_invitation(membership=membership)
    alliance = AllianceFactory(lead=association)
    head = type(head).objects.get(pk=head.pk)  # a new request
    assert association_capability(head, association).can_view
    assert alliance_capability(head, alliance).can_view
    # Left: invisible at once
    services.leave_network(membership=membership)
    head = type(head).objects.get(pk=head.pk)
    assert not association_capability(head, association).can_view
    assert not alliance_capability(head, alliance).can_view
    assert not association_capability(head, association).can_view


def test_a_refused_invitation_gives_no_access_and_can_be_renewed(world):
    association = AssociationFactory()
    membership = services.invite_association_to_network(
        network=world.network, association=association, invited_by=world.network_head
    )
    services.refuse_network_invitation(membership=membership)
    assert not association_capability(world.network_head, association).can_view
    again = services.invite_association_to_network(
        network=world.network, association=association, invited_by=world.network_head
    )
    assert again.pk == membership.pk and again.state == NetworkMembership.State.INVITED


def test_inviting_an_active_member_again_is_refused(world):
    with pytest.raises(services.MembershipError):
        services.invite_association_to_network(
            network=world.network, association=world.association, invited_by=world.network_head
        )


def test_an_association_in_two_networks_is_seen_by_both(world):
    second = NetworkHeadFactory()
    NetworkMembershipFactory(network=second.network, association=world.association)
    assert association_capability(second.user, world.association).can_view
    assert association_capability(world.network_head, world.association).can_view


def test_network_head_invites_by_rna_and_an_unknown_number_is_explained(world, client):
    client.force_login(world.network_head)
    url = reverse("networks:invite_association", args=[world.network.pk])
    response = client.post(url, {"identifier": "W999999999"})
    assert response.status_code == 200
    assert "identifier" in response.context["form"].errors
    response = client.post(url, {"identifier": world.other_association.rna.lower()})
    assert response.status_code == 302
    assert (
        NetworkMembership.objects.get(
            network=world.network, association=world.other_association
        ).state
        == NetworkMembership.State.INVITED
    )
