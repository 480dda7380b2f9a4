import pytest

from alliances.tests.factories import (
    AllianceFactory,
    AllianceMemberFactory,
    AlliancePartnerFactory,
    ConventionFactory,
)
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory
from partnerspace.models import GuestRole
from partnerspace.tests.factories import GuestAccessFactory

from .factories import ConventionPartyFactory


@pytest.fixture
def deal(world):
    """A convention of an alliance led by world's association, with three parties: the lead,
    and two partners, each with a contributor guest (the first also a reader guest); a
    co-member association with its admin, not a party."""
    alliance = AllianceFactory(lead=world.association, title="Pôle mutualisé")
    co_member = AssociationFactory(name="Asso Voisine")
    AllianceMemberFactory(alliance=alliance, association=co_member)
    co_admin = MembershipFactory(association=co_member, role=Role.ADMIN).user
    bank = AlliancePartnerFactory(alliance=alliance, role="Financeur")
    town = AlliancePartnerFactory(alliance=alliance, role="Collectivité")
    bank_guest = GuestAccessFactory(alliance=alliance, partner=bank)
    bank_reader = GuestAccessFactory(alliance=alliance, partner=bank, role=GuestRole.READER)
    town_guest = GuestAccessFactory(alliance=alliance, partner=town)
    convention = ConventionFactory(
        alliance=alliance, title="Convention de mutualisation", financial_terms="10 000 € par an"
    )
    lead_party = ConventionPartyFactory(convention=convention, association=world.association)
    bank_party = ConventionPartyFactory(convention=convention, partner=bank)
    town_party = ConventionPartyFactory(convention=convention, partner=town)
    return {
        "alliance": alliance,
        "convention": convention,
        "co_member": co_member,
        "co_admin": co_admin,
        "bank_guest": bank_guest.user,
        "bank_reader": bank_reader.user,
        "town_guest": town_guest.user,
        "lead_party": lead_party,
        "bank_party": bank_party,
        "town_party": town_party,
    }
