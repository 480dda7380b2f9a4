"""What the network dashboard sorts by is stored on each membership, kept by the services that
change its sources, and put right by the nightly check."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from alliances.tests.factories import ActionFactory, AllianceFactory
from core.tasks import refresh_stored_figures
from diagnostics.tests.factories import finished_campaign
from organisations import services as organisation_services
from organisations.models import Association, NetworkMembership
from organisations.ordering import french_key
from organisations.tests.factories import (
    AssociationFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

pytestmark = pytest.mark.django_db


def _membership(association):
    return NetworkMembership.objects.get(association=association)


def test_a_membership_follows_its_associations_name_diagnostic_and_alliances():
    association = AssociationFactory(name="Zèbre solidaire")
    NetworkMembershipFactory(association=association)
    assert _membership(association).name_key == french_key("Zèbre solidaire")

    association.name = "Épicerie solidaire"
    organisation_services.update_association(association=association)
    campaign = finished_campaign(association, 3)
    alliance = AllianceFactory(lead=association)
    ActionFactory(alliance=alliance, due_date=timezone.localdate() - dt.timedelta(days=2))

    membership = _membership(association)
    campaign.refresh_from_db()
    assert membership.name_key == french_key("Épicerie solidaire")
    assert (membership.maturity_level, membership.diagnostic_date) == (
        campaign.maturity_level,
        campaign.closed_at,
    )
    assert (membership.alliances, membership.attention) == (1, 1)


def test_the_nightly_check_puts_right_what_changed_behind_the_services():
    association = AssociationFactory(name="Zèbre solidaire")
    NetworkMembershipFactory(association=association)
    Association.objects.filter(pk=association.pk).update(name="Abeille")
    NetworkMembership.objects.filter(association=association).update(alliances=7)

    refresh_stored_figures()

    membership = _membership(association)
    assert membership.name_key == french_key("Abeille")
    assert membership.alliances == 0


def test_the_dashboard_orders_names_the_french_way(client):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    for name in ["Zèbre", "épicerie", "École", "abeille"]:
        NetworkMembershipFactory(network=network, association=AssociationFactory(name=name))
    client.force_login(head.user)
    url = reverse("networks:network_detail", args=[network.pk])

    page = client.get(url).content.decode()
    assert (
        page.index("abeille") < page.index("École") < page.index("épicerie") < page.index("Zèbre")
    )
    page = client.get(url, {"tri": "-name"}).content.decode()
    assert page.index("Zèbre") < page.index("épicerie") < page.index("abeille")
