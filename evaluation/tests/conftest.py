import datetime as dt

import pytest

from alliances.tests.factories import AllianceFactory, AlliancePartnerFactory

from .factories import StrategicObjectiveFactory, VisionFactory


@pytest.fixture
def alliance(world):
    alliance = AllianceFactory(lead=world.association, title="Pôle mutualisé")
    VisionFactory(
        alliance=alliance, horizon_start=dt.date(2025, 9, 1), horizon_end=dt.date(2029, 8, 31)
    )
    return alliance


@pytest.fixture
def partner(alliance):
    return AlliancePartnerFactory(alliance=alliance)


@pytest.fixture
def strategic(alliance):
    return StrategicObjectiveFactory(
        alliance=alliance, title="Consolider le modèle économique des membres"
    )


@pytest.fixture
def editor_client(client, world):
    client.force_login(world.editor)
    return client
