import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from alliances.models import (
    Action,
    ActionStatus,
    ActorType,
    Alliance,
    AllianceMember,
    AlliancePartner,
    Association,
    AssociationMembership,
    Network,
    NetworkHead,
    NetworkMembership,
    Partner,
    PartnershipForm,
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
    responded_at = factory.LazyFunction(timezone.now)


class AllianceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Alliance

    title = factory.Sequence(lambda n: f"Alliance {n}")
    purpose = "Mutualiser les fonctions support."
    territory = "Métropole de Lyon"
    lead = factory.SubFactory(AssociationFactory)


class AllianceMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AllianceMember

    alliance = factory.SubFactory(AllianceFactory)
    association = factory.SubFactory(AssociationFactory)
    state = AllianceMember.State.ACTIVE


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    association = factory.SubFactory(AssociationFactory)
    name = factory.Sequence(lambda n: f"Partenaire {n}")
    actor_type = ActorType.COMPANY
    territory = "Lyon"


class AlliancePartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AlliancePartner

    alliance = factory.SubFactory(AllianceFactory)
    partner = factory.LazyAttribute(lambda o: PartnerFactory(association=o.alliance.lead))
    role = "Financeur"
    partnership_form = PartnershipForm.FINANCIAL_PATRONAGE


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    alliance = factory.SubFactory(AllianceFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    status = ActionStatus.PLANNED
