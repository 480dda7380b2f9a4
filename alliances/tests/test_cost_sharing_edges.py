"""The cost-sharing keys when the members changed while the page was open, or when its
management form was tampered with: a French message and the keys typed kept, never a 500."""

import pytest
from django.urls import reverse

from alliances.models import CostShare
from alliances.tests.factories import AllianceFactory, AllianceMemberFactory
from organisations.tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alliance(world):
    alliance = AllianceFactory(lead=world.association)
    AllianceMemberFactory(alliance=alliance, association=AssociationFactory(name="Bêta"))
    return alliance


def _rows(response):
    return [(member.name, form["percent"].value()) for member, form in response.context["rows"]]


def test_a_member_that_joined_while_the_page_was_open_is_told_and_the_keys_are_kept(
    client, world, alliance
):
    client.force_login(world.editor)
    url = reverse("alliances:cost_sharing", args=[alliance.pk])
    page = client.get(url)
    rows = page.context["rows"]
    posted = {"keys-TOTAL_FORMS": "2", "keys-INITIAL_FORMS": "2"}
    for index, (member, _form) in enumerate(rows):
        posted[f"keys-{index}-association"] = str(member.pk)
        posted[f"keys-{index}-percent"] = "60" if member.pk == world.association.pk else "40"
    # A co-member joins meanwhile (« Alpha » sorts first: it shifts the rows).
    AllianceMemberFactory(alliance=alliance, association=AssociationFactory(name="Alpha"))

    response = client.post(url, posted)

    assert response.status_code == 200
    assert "changé" in response.content.decode()
    shown = dict(_rows(response))
    assert shown[world.association.name] == "60"
    assert shown["Bêta"] == "40"
    assert shown["Alpha"] in (None, "")
    assert not CostShare.objects.exists()


@pytest.mark.parametrize(
    "management",
    [
        {},
        {"keys-TOTAL_FORMS": "abc", "keys-INITIAL_FORMS": "2"},
        {"keys-TOTAL_FORMS": "1", "keys-INITIAL_FORMS": "1"},
        {"keys-TOTAL_FORMS": "5000", "keys-INITIAL_FORMS": "5000"},
        {"keys-TOTAL_FORMS": "-1", "keys-INITIAL_FORMS": "0"},
    ],
)
def test_a_tampered_management_form_gets_a_message_not_a_500(client, world, alliance, management):
    client.force_login(world.editor)
    url = reverse("alliances:cost_sharing", args=[alliance.pk])
    response = client.post(url, {**management, "keys-0-percent": "60", "keys-1-percent": "40"})
    assert response.status_code == 200
    assert len(response.context["rows"]) == 2
    assert not CostShare.objects.exists()
