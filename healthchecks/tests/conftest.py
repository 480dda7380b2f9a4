import pytest

from alliances.tests.factories import (
    AllianceFactory,
    AllianceMemberFactory,
    AlliancePartnerFactory,
    PartnerFactory,
)
from healthchecks import questionnaires
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory
from partnerspace.models import GuestRole
from partnerspace.tests.factories import GuestAccessFactory


@pytest.fixture
def three_parties(world):
    """An alliance of asso (its reader, editor and admin), a co-member association with two
    staff, a bank partner with two guests and a town partner with one. The questionnaire its
    migration loaded is loaded again: a transactional test run earlier emptied the tables."""
    questionnaires.load(questionnaires.read("v1"))
    association = world.association
    alliance = AllianceFactory(lead=association, title="Pôle mutualisé")
    co_member = AssociationFactory(name="Les Jardins")
    AllianceMemberFactory(alliance=alliance, association=co_member)
    member_staff = [
        MembershipFactory(association=co_member, role=Role.ADMIN).user,
        MembershipFactory(association=co_member, role=Role.EDITOR).user,
    ]
    bank = AlliancePartnerFactory(
        alliance=alliance, partner=PartnerFactory(association=association, name="Banque Coop")
    )
    town = AlliancePartnerFactory(
        alliance=alliance, partner=PartnerFactory(association=association, name="Ville")
    )
    bank_guests = [
        GuestAccessFactory(alliance=alliance, partner=bank).user,
        GuestAccessFactory(alliance=alliance, partner=bank, role=GuestRole.READER).user,
    ]
    town_guest = GuestAccessFactory(alliance=alliance, partner=town).user
    return {
        "alliance": alliance,
        "co_member": co_member,
        "lead_staff": [world.assoc_admin, world.editor, world.reader],
        "member_staff": member_staff,
        "bank": bank,
        "bank_guests": bank_guests,
        "town_guest": town_guest,
    }
