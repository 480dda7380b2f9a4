import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from alliances.models import ActionStatus, ActorFamily, ActorType, Partner
from alliances.services import create_action
from alliances.tests.factories import ActionFactory, AllianceFactory, AlliancePartnerFactory
from organisations.tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("actor_type", "family"),
    [
        (ActorType.ASSOCIATION, ActorFamily.PEERS),
        (ActorType.LOCAL_AUTHORITY, ActorFamily.PUBLIC),
        (ActorType.STATE, ActorFamily.PUBLIC),
        (ActorType.COMPANY, ActorFamily.PRIVATE),
        (ActorType.FOUNDATION, ActorFamily.PRIVATE),
    ],
)
def test_the_family_of_a_partner_follows_from_its_type_of_actor(actor_type, family):
    assert Partner(actor_type=actor_type).family == family


def test_every_type_of_actor_belongs_to_a_family():
    for actor_type in ActorType:
        assert Partner(actor_type=actor_type).family in ActorFamily


def test_a_siret_must_belong_to_the_siren_given():
    partner = Partner(
        association=AssociationFactory(),
        name="Entreprise",
        actor_type=ActorType.COMPANY,
        siren="732829320",
        siret="35600000000048",
    )
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "siret" in error.value.message_dict


def test_an_invalid_siret_checksum_is_refused_in_french_terms():
    partner = Partner(
        association=AssociationFactory(), name="E", actor_type="company", siret="73282932000075"
    )
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "siret" in error.value.message_dict


def test_an_action_cannot_be_due_before_it_starts():
    with pytest.raises(ValidationError) as error:
        create_action(
            alliance=AllianceFactory(),
            title="Recruter",
            start_date=dt.date(2026, 3, 1),
            due_date=dt.date(2026, 2, 1),
        )
    assert "due_date" in error.value.message_dict


def test_an_action_owned_by_a_partner_of_another_alliance_is_refused():
    other = AlliancePartnerFactory()
    with pytest.raises(ValidationError) as error:
        create_action(alliance=AllianceFactory(), title="X", owner_partner=other)
    assert "owner_partner" in error.value.message_dict


def test_open_actions_past_their_due_date_are_late_and_done_ones_are_not():
    today = dt.date(2026, 11, 23)
    late = ActionFactory(due_date=dt.date(2026, 11, 1), status=ActionStatus.IN_PROGRESS)
    ActionFactory(due_date=dt.date(2026, 11, 1), status=ActionStatus.DONE)
    ActionFactory(due_date=dt.date(2026, 12, 1), status=ActionStatus.PLANNED)
    assert list(late.__class__.objects.late(today)) == [late]
