from datetime import timedelta

import factory
from django.db import transaction
from django.utils import timezone

from accounts.tests.factories import UserFactory
from organisations.models import (
    Association,
    AssociationMembership,
    Network,
    NetworkHead,
    NetworkMembership,
    Role,
)


def _rna(n):
    return f"W{750000000 + n:09d}"


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Association

    name = factory.Sequence(lambda n: f"Association {n}")
    rna = factory.Sequence(_rna)
    department = "69"
    city = "Lyon"
    postal_code = "69001"
    sector = "social"
    employees = 4
    volunteers = 20
    budget_band = "50k-200k"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssociationMembership

    user = factory.SubFactory(UserFactory)
    association = factory.SubFactory(AssociationFactory)
    role = Role.EDITOR


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Réseau {n}")
    scope = Network.Scope.NATIONAL


class NetworkHeadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkHead

    user = factory.SubFactory(UserFactory)
    network = factory.SubFactory(NetworkFactory)


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMembership

    network = factory.SubFactory(NetworkFactory)
    association = factory.SubFactory(AssociationFactory)
    state = NetworkMembership.State.ACTIVE
    # A member for a year: what it did lately is the networks' news (networks/dashboard.py).
    responded_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=365))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """As the networks' services do, the network's stored benchmark follows its members,
        and the membership gets the figures the dashboard sorts by."""
        from core.tests.stored import note
        from diagnostics import summaries
        from networks.services import copy_member_figures

        with transaction.atomic():
            membership = super()._create(model_class, *args, **kwargs)
            if not note("members", membership.association_id):
                copy_member_figures([membership.association_id])
            if not note("networks", membership.network_id):
                summaries.refresh_networks([membership.network_id])
        return membership
