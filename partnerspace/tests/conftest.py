import pytest

from alliances.models import ActionStatus
from alliances.tests.factories import ActionFactory, AllianceFactory, AlliancePartnerFactory
from evaluation.models import IndicatorContribution
from evaluation.tests.factories import IndicatorFactory
from partnerspace.models import GuestRole

from .factories import GuestAccessFactory


@pytest.fixture
def space(world):
    """An alliance of asso with a partner whose contact is a contributor guest, another
    partner's contact a reader, an action of each partner, and an indicator the first
    partner contributes to."""
    alliance = AllianceFactory(lead=world.association, title="Pôle mutualisé")
    partner = AlliancePartnerFactory(alliance=alliance, role="Financeur")
    other = AlliancePartnerFactory(alliance=alliance, role="Appui technique")
    contributor = GuestAccessFactory(alliance=alliance, partner=partner)
    reader = GuestAccessFactory(alliance=alliance, partner=other, role=GuestRole.READER)
    own_action = ActionFactory(alliance=alliance, owner_partner=partner, title="Atelier")
    other_action = ActionFactory(alliance=alliance, owner_partner=other, title="Étude")
    indicator = IndicatorFactory(alliance=alliance, name="Repas servis", unit="repas")
    IndicatorContribution.objects.create(
        indicator=indicator, partner=partner, date="2026-01-31", value=10
    )
    other_indicator = IndicatorFactory(alliance=alliance, name="Bénévoles", unit="personnes")
    assert own_action.status == ActionStatus.PLANNED
    return {
        "alliance": alliance,
        "partner": partner,
        "other": other,
        "contributor": contributor,
        "reader": reader,
        "own_action": own_action,
        "other_action": other_action,
        "indicator": indicator,
        "other_indicator": other_indicator,
    }
