"""Step 3: the proximity test is done only when every selected partner has had an exchange that
gives a verdict on the relationship's solidity; target beneficiaries and media are placed on the
map by their name, without an entry in the partner directory."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from alliances.models import (
    AlliancePartner,
    AllianceSummary,
    Candidate,
    Decision,
    Exchange,
    MappingCategory,
    SelectionCriterion,
    Solidity,
)
from alliances.selectors import step_facts
from alliances.stepper import StepFacts, step_state
from alliances.tests.factories import AllianceFactory, PartnerFactory

pytestmark = pytest.mark.django_db

PROXIMITY = "Proximité testée\u202f: un échange avec chaque partenaire retenu, avec son verdict"


@pytest.fixture
def alliance(world):
    return AllianceFactory(lead=world.association, title="Pôle mutualisé")


def _selected(alliance, name="Fondation Témoin", world=None):
    partner = PartnerFactory(association=alliance.lead, name=name)
    return Candidate.objects.create(
        alliance=alliance,
        partner=partner,
        category=MappingCategory.SOCIAL_ECONOMY,
        decision=Decision.SELECTED,
    )


def _step3_missing(alliance):
    from django.utils import translation

    with translation.override("fr"):
        return [
            str(label) for label in step_state(3, step_facts([alliance.pk])[alliance.pk]).missing
        ]


def test_step_3_is_complete_only_when_every_selected_partner_was_tested_with_a_verdict():
    complete = StepFacts(candidates=2, criteria=1, exchanges=1, selected=2, selected_untested=0)
    assert step_state(3, complete).complete
    one_left = StepFacts(candidates=2, criteria=1, exchanges=1, selected=2, selected_untested=1)
    assert not step_state(3, one_left).complete
    # A summary stored before the verdict existed never reads as a test passed.
    assert StepFacts.from_json({"selected": 2, "candidates": 2}).selected_untested == 2


def test_an_exchange_counts_for_its_partner_once_it_gives_its_verdict(client, world, alliance):
    first, second = _selected(alliance), _selected(alliance, "Ville de Lyon")
    client.force_login(world.editor)
    assert PROXIMITY in _step3_missing(alliance)

    # An exchange with one of them, logged before the verdict was asked: not a test yet.
    Exchange.objects.create(
        alliance=alliance, candidate=first, date=dt.date(2026, 5, 1), participants="Claire"
    )
    assert PROXIMITY in _step3_missing(alliance)

    for candidate in (first, second):
        response = client.post(
            reverse("alliances:item_add", args=[alliance.pk, "echange"]),
            {
                "candidate": candidate.pk,
                "date": "02/05/2026",
                "participants": "Claire Martin",
                "solidity": Solidity.SOLID,
            },
        )
        assert response.status_code == 302
        if candidate is first:
            assert PROXIMITY in _step3_missing(alliance)  # the second is still untested

    assert PROXIMITY not in _step3_missing(alliance)
    stored = AllianceSummary.objects.get(alliance=alliance).facts
    assert stored["selected_untested"] == 0  # kept by the service, in the same transaction


def test_an_exchange_without_a_verdict_is_refused_and_what_was_typed_stays(client, world, alliance):
    candidate = _selected(alliance)
    client.force_login(world.editor)

    response = client.post(
        reverse("alliances:item_add", args=[alliance.pk, "echange"]),
        {"candidate": candidate.pk, "date": "02/05/2026", "participants": "Claire Martin"},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Dites si la relation vous paraît solide après cet échange." in page
    assert 'value="Claire Martin"' in page
    assert not Exchange.objects.exists()


@pytest.mark.parametrize("category", [MappingCategory.BENEFICIARIES, MappingCategory.MEDIA])
def test_beneficiaries_and_media_are_placed_by_name_without_a_directory_entry(
    client, world, alliance, category
):
    client.force_login(world.editor)

    response = client.post(
        reverse("alliances:item_add", args=[alliance.pk, "candidat"]),
        {"category": category, "name": "Familles du quartier Nord", **_levels()},
    )

    assert response.status_code == 302, response.context["form"].errors
    candidate = Candidate.objects.get()
    assert (candidate.partner, candidate.display_name) == (None, "Familles du quartier Nord")
    page = client.get(reverse("alliances:alliance_step", args=[alliance.pk, 3])).content.decode()
    assert "Familles du quartier Nord" in page


def test_any_other_actor_still_comes_from_the_directory(client, world, alliance):
    client.force_login(world.editor)

    response = client.post(
        reverse("alliances:item_add", args=[alliance.pk, "candidat"]),
        {"category": MappingCategory.COMPANIES, "name": "Une entreprise", **_levels()},
    )

    assert response.status_code == 200
    assert "Choisissez le partenaire dans l&#x27;annuaire" in response.content.decode() or (
        "Choisissez le partenaire dans l'annuaire" in response.content.decode()
    )
    assert not Candidate.objects.exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        Candidate.objects.create(alliance=alliance, category=MappingCategory.COMPANIES, name="X")


def test_a_named_actor_leaves_the_directory_s_partners_to_choose_from(client, world, alliance):
    PartnerFactory(association=world.association, name="Ville de Lyon")
    Candidate.objects.create(alliance=alliance, category=MappingCategory.MEDIA, name="Le Progrès")
    client.force_login(world.editor)

    page = client.get(reverse("alliances:item_add", args=[alliance.pk, "candidat"]))

    assert "Ville de Lyon" in page.content.decode()


def test_selecting_named_beneficiaries_asks_no_form_of_partnership_and_adds_no_partner(
    client, world, alliance
):
    candidate = Candidate.objects.create(
        alliance=alliance, category=MappingCategory.BENEFICIARIES, name="Familles du quartier"
    )
    SelectionCriterion.objects.create(alliance=alliance, name="Compatibilité")
    client.force_login(world.editor)
    url = reverse("alliances:candidate_decision", args=[alliance.pk, candidate.pk])

    assert 'name="partnership_form"' not in client.get(url).content.decode()
    response = client.post(url, {"decision": "selected", "decision_reason": "Raison d'être"})

    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.decision == Decision.SELECTED
    assert not AlliancePartner.objects.filter(alliance=alliance).exists()


def _levels():
    return {"influence": 3, "harm": 1, "alignment": 4}
