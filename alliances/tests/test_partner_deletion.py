"""Deleting a partner of an alliance says what depends on it, and the conventions it is a
party to keep its name, with the change in the party's history."""

import pytest
from django.urls import reverse

from alliances.models import ConventionParty
from alliances.tests.factories import (
    AllianceFactory,
    AlliancePartnerFactory,
    ConventionFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db


def test_deleting_a_partner_of_the_alliance_says_which_conventions_keep_its_name(client, world):
    alliance = AllianceFactory(lead=world.association)
    link = AlliancePartnerFactory(
        alliance=alliance, partner=PartnerFactory(association=world.association, name="Mairie X")
    )
    convention = ConventionFactory(alliance=alliance, title="Convention cadre")
    party = ConventionParty.objects.create(
        convention=convention, partner=link, commitments="Prêter la salle"
    )
    client.force_login(world.editor)
    url = reverse("alliances:item_delete", args=[alliance.pk, "partenaire", link.pk])

    page = client.get(url).content.decode()

    assert "Nothing else depends on it" not in page
    assert "Rien d" not in page
    assert "Mairie X" in page
    assert "Convention cadre" in page

    response = client.post(url)
    assert response.status_code == 302
    party.refresh_from_db()
    assert party.partner is None
    assert party.name == "Mairie X"
    assert party.commitments == "Prêter la salle"
    assert [record.name for record in party.history.order_by("history_date")] == [
        "",
        "Mairie X",
    ]


def test_the_alliance_history_shows_the_party_named_after_its_partner_left(client, world):
    alliance = AllianceFactory(lead=world.association)
    link = AlliancePartnerFactory(
        alliance=alliance, partner=PartnerFactory(association=world.association, name="Mairie Y")
    )
    convention = ConventionFactory(alliance=alliance, title="Convention cadre")
    ConventionParty.objects.create(convention=convention, partner=link, commitments="Prêter")
    client.force_login(world.editor)
    client.post(reverse("alliances:item_delete", args=[alliance.pk, "partenaire", link.pk]))

    page = client.get(reverse("alliances:alliance_history", args=[alliance.pk])).content.decode()

    assert "Mairie Y" in page
