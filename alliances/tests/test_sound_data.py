"""Alliance data that cannot be wrong: one organisation per convention party and once per
convention, « Échue » only after the end date, no negative budget, contributions in kind on both
sides of the economic model; and every edit of the alliance's pages in its history."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from alliances import services
from alliances.models import (
    Action,
    AllianceDossier,
    BudgetLine,
    Contribution,
    Convention,
    ConventionParty,
    ConventionStatus,
    CostShare,
    Resource,
    SwotItem,
)
from alliances.step_data import economics_data
from alliances.tests.factories import (
    ActionFactory,
    AllianceFactory,
    AllianceMemberFactory,
    AlliancePartnerFactory,
    ConventionFactory,
    PartnerFactory,
)
from evaluation.services import record_decision
from organisations.tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def alliance(world):
    return AllianceFactory(lead=world.association, title="Pôle mutualisé")


@pytest.fixture
def editor(client, world):
    client.force_login(world.editor)
    return client


@pytest.fixture
def convention(alliance):
    return ConventionFactory(alliance=alliance, title="Convention du pôle")


@pytest.fixture
def ville(alliance, world):
    return AlliancePartnerFactory(
        alliance=alliance,
        partner=PartnerFactory(association=world.association, name="Ville de Lyon"),
    )


def _party(client, alliance, convention, **data):
    return client.post(
        reverse("alliances:item_add", args=[alliance.pk, "partie"]),
        {"convention": convention.pk, "commitments": "Financer le poste", **data},
    )


def _parties():
    return sorted(
        ConventionParty.objects.values_list("association_id", "partner_id", "name"), key=str
    )


# --- convention parties -----------------------------------------------------------------------


def test_a_party_that_is_an_association_and_a_partner_at_once_is_refused(
    editor, alliance, convention, ville, world
):
    before = _parties()

    response = _party(
        editor, alliance, convention, association=world.association.pk, partner=ville.pk
    )

    errors = response.context["form"].errors
    assert "une seule organisation" in errors["partner"][0]
    assert "Financer le poste" in response.content.decode()  # what was typed stays
    assert _parties() == before


def test_a_party_typed_by_name_and_chosen_at_once_is_refused(editor, alliance, convention, world):
    response = _party(editor, alliance, convention, association=world.association.pk, name="x")

    assert "name" in response.context["form"].errors
    assert not ConventionParty.objects.exists()


@pytest.mark.parametrize("how", ["association", "partner", "name", "name_of_the_partner"])
def test_the_same_organisation_twice_on_a_convention_is_refused_next_to_its_field(
    editor, alliance, convention, ville, world, how
):
    ConventionParty.objects.create(
        convention=convention, association=world.association, commitments="Porter"
    )
    ConventionParty.objects.create(convention=convention, partner=ville, commitments="Financer")
    ConventionParty.objects.create(convention=convention, name="Métropole", commitments="Appuyer")
    before = _parties()
    data, field = {
        "association": ({"association": world.association.pk}, "association"),
        "partner": ({"partner": ville.pk}, "partner"),
        "name": ({"name": "métropole"}, "name"),
        "name_of_the_partner": ({"name": "Ville de Lyon"}, "name"),
    }[how]

    response = _party(editor, alliance, convention, **data)

    assert "est déjà partie à cette convention" in response.context["form"].errors[field][0]
    assert _parties() == before


def test_the_same_organisation_may_be_a_party_to_two_conventions(editor, alliance, ville):
    first, second = ConventionFactory(alliance=alliance), ConventionFactory(alliance=alliance)
    assert _party(editor, alliance, first, partner=ville.pk).status_code == 302
    assert _party(editor, alliance, second, partner=ville.pk).status_code == 302
    assert ConventionParty.objects.filter(partner=ville).count() == 2


def test_the_database_refuses_a_party_named_two_ways_or_twice(convention, ville, world):
    with pytest.raises(IntegrityError), transaction.atomic():
        ConventionParty.objects.create(
            convention=convention, association=world.association, partner=ville, commitments="x"
        )
    ConventionParty.objects.create(convention=convention, name="Métropole", commitments="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        ConventionParty.objects.create(convention=convention, name="MÉTROPOLE", commitments="y")


def test_a_partner_leaving_the_alliance_stays_on_its_conventions_under_its_name(
    editor, alliance, convention, ville
):
    ConventionParty.objects.create(convention=convention, partner=ville, commitments="Financer")

    response = editor.post(
        reverse("alliances:item_delete", args=[alliance.pk, "partenaire", ville.pk])
    )

    assert response.status_code == 302
    party = ConventionParty.objects.get()
    assert (party.partner_id, party.name, party.display_name) == (
        None,
        "Ville de Lyon",
        "Ville de Lyon",
    )


def _convention_edit(client, alliance, convention, **data):
    return client.post(
        reverse("alliances:item_edit", args=[alliance.pk, "convention", convention.pk]),
        {"kind": "partnership", "title": convention.title, **data},
    )


@pytest.mark.parametrize(
    "end_date", [TODAY + dt.timedelta(days=30), TODAY, None], ids=["future", "today", "none"]
)
def test_a_convention_is_expired_only_once_its_end_date_has_passed(
    editor, alliance, convention, end_date
):
    response = _convention_edit(
        editor,
        alliance,
        convention,
        status="expired",
        end_date=end_date.isoformat() if end_date else "",
    )

    message = response.context["form"].errors["status"][0]
    assert "Résiliée" in message
    convention.refresh_from_db()
    assert convention.status == ConventionStatus.DRAFT


def test_a_convention_past_its_end_date_can_be_expired(editor, alliance, convention):
    response = _convention_edit(
        editor,
        alliance,
        convention,
        status="expired",
        start_date=(TODAY - dt.timedelta(days=400)).isoformat(),
        end_date=(TODAY - dt.timedelta(days=1)).isoformat(),
    )

    assert response.status_code == 302
    convention.refresh_from_db()
    assert convention.status == ConventionStatus.EXPIRED


# --- amounts that cannot be negative -----------------------------------------------------------


def test_an_action_with_a_negative_budget_is_refused_and_nothing_is_saved(editor, alliance):
    response = editor.post(
        reverse("alliances:item_add", args=[alliance.pk, "action"]),
        {"title": "Recruter", "status": "planned", "progress": "0", "financial_resources": "-500"},
    )

    assert "négatif" in response.context["form"].errors["financial_resources"][0]
    assert not Action.objects.exists()


def test_a_negative_party_contribution_or_convention_total_is_refused(
    editor, alliance, convention, world
):
    party = _party(
        editor, alliance, convention, association=world.association.pk, financial_contribution="-1"
    )
    total = _convention_edit(editor, alliance, convention, status="draft", total_amount="-48 000")

    assert "financial_contribution" in party.context["form"].errors
    assert "total_amount" in total.context["form"].errors
    assert not ConventionParty.objects.exists()
    convention.refresh_from_db()
    assert convention.total_amount is None


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Action, {"title": "Recruter", "financial_resources": Decimal("-1")}),
        (Resource, {"kind": "subsidies", "description": "S", "amount": Decimal("-1")}),
        (BudgetLine, {"label": "Loyer", "amount": Decimal("-1")}),
    ],
)
def test_the_database_refuses_a_negative_amount(alliance, model, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(alliance=alliance, **fields)


# --- the economic model ------------------------------------------------------------------------


def test_contributions_in_kind_are_on_both_sides_and_leave_the_balance_to_money(
    editor, alliance, ville
):
    Resource.objects.create(
        alliance=alliance, kind="volunteers", description="Bénévoles", amount=Decimal("20600")
    )
    Resource.objects.create(
        alliance=alliance, kind="subsidies", description="Subvention", amount=Decimal("9000")
    )
    Contribution.objects.create(
        alliance=alliance, partner=ville, cash=Decimal("1000"), in_kind=Decimal("4800")
    )
    BudgetLine.objects.create(alliance=alliance, label="Logiciel", amount=Decimal("3600"))

    budget = economics_data(alliance)["budget"]
    page = editor.get(reverse("alliances:economic_model", args=[alliance.pk]))

    assert budget.in_kind_total == Decimal("25400")
    assert budget.balance == Decimal("6400")  # 9 000 + 1 000 − 3 600: money only
    html = page.content.decode().replace("\u202f", " ").replace("\xa0", " ")
    assert "Contributions volontaires en nature (compte 87)" in html
    assert "Emplois des contributions volontaires en nature (compte 86)" in html
    assert html.count("25 400,00 €") == 2
    assert "6 400,00 €" in html


# --- the alliance's history --------------------------------------------------------------------


def _history(client, alliance):
    response = client.get(reverse("alliances:alliance_history", args=[alliance.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_edits_of_the_steps_texts_swot_parties_economics_and_decisions_show_in_the_history(
    editor, alliance, convention, ville, world
):
    co_member = AllianceMemberFactory(
        alliance=alliance, association=AssociationFactory(name="Les Jardins")
    ).association
    step1 = reverse("alliances:alliance_step", args=[alliance.pk, 1])
    editor.post(step1, {"strategic_priorities": "Mutualiser la paie"})
    editor.post(step1, {"strategic_priorities": "Mutualiser la paie et la comptabilité"})
    editor.post(
        reverse("alliances:alliance_step", args=[alliance.pk, 2]),
        {"social_need": "Des trésoriers bénévoles épuisés"},
    )
    editor.post(
        reverse("alliances:alliance_step", args=[alliance.pk, 5]),
        {"shared_vision": "Un pôle partagé"},
    )
    editor.post(
        reverse("alliances:item_add", args=[alliance.pk, "moff"]),
        {"quadrant": "strength", "text": "Expertise comptable", "importance": "4"},
    )
    swot = SwotItem.objects.get()
    editor.post(
        reverse("alliances:item_edit", args=[alliance.pk, "moff", swot.pk]),
        {"quadrant": "strength", "text": "Expertise comptable et RH", "importance": "5"},
    )
    _party(editor, alliance, convention, partner=ville.pk)
    party = ConventionParty.objects.get()
    editor.post(
        reverse("alliances:item_edit", args=[alliance.pk, "partie", party.pk]),
        {"convention": convention.pk, "partner": ville.pk, "commitments": "Financer la paie"},
    )
    editor.post(
        reverse("alliances:item_add", args=[alliance.pk, "ressource"]),
        {"kind": "subsidies", "description": "Subvention", "amount": "9 000"},
    )
    editor.post(
        reverse("alliances:item_add", args=[alliance.pk, "contribution"]),
        {"partner": ville.pk, "cash": "1 000", "in_kind": "0", "skills": "0"},
    )
    editor.post(
        reverse("alliances:item_add", args=[alliance.pk, "depense"]),
        {"label": "Logiciel de paie", "amount": "3 600", "shared": "on"},
    )
    editor.post(
        reverse("alliances:cost_sharing", args=[alliance.pk]),
        {
            "keys-TOTAL_FORMS": "2",
            "keys-INITIAL_FORMS": "2",
            "keys-0-percent": "40",
            "keys-1-percent": "60",
        },
    )
    editor.post(
        reverse("alliances:economic_model", args=[alliance.pk]),
        {"treasury": "Un compte commun"},
    )
    record_decision(
        alliance=alliance, text="Étendre le pôle à la paie", decided_on=TODAY, by=world.editor
    )
    assert CostShare.objects.count() == 2 and AllianceDossier.objects.count() == 1

    html = _history(editor, alliance)

    for expected in (
        "Étape 1 · Diagnostic interne",
        "Priorités stratégiques",
        "Mutualiser la paie et la comptabilité",
        "Étape 2 · Formaliser le projet",
        "Étape 5",
        "Modèle économique",
        "Un compte commun",
        "Élément de la matrice MOFF",
        "Expertise comptable et RH",
        "Partie",
        "Ville de Lyon",
        "Financer la paie",
        "Ressource",
        "Apport",
        "Dépense",
        "Logiciel de paie",
        "Clé de répartition",
        "Les Jardins",
        co_member.name,
        "Décision de pilotage",
        "Étendre le pôle à la paie",
        world.editor.get_full_name(),
    ):
        assert expected in html, expected


def test_the_history_names_a_deleted_partner_and_a_deleted_party(
    editor, alliance, convention, ville
):
    party = ConventionParty.objects.create(
        convention=convention, partner=ville, commitments="Financer"
    )
    services.delete_item(alliance=alliance, item=party)

    html = _history(editor, alliance)

    assert "Suppression · Partie « Ville de Lyon »" in html


def test_the_history_page_costs_the_same_queries_whatever_the_number_of_changes(
    editor, alliance, convention, ville, django_assert_max_num_queries
):
    def change_things(start, n):
        for i in range(start, start + n):
            item = SwotItem.objects.create(alliance=alliance, quadrant="threat", text=f"Menace {i}")
            item.text = f"Menace {i} revue"
            item.save()
            ConventionParty.objects.create(
                convention=convention, name=f"Partie {i}", commitments="x"
            )
            ActionFactory(alliance=alliance, owner_partner=ville)

    change_things(0, 2)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        _history(editor, alliance)
    change_things(2, 10)
    with CaptureQueriesContext(connection) as large:
        _history(editor, alliance)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_reader_sees_the_history_but_cannot_edit_a_party(client, world, alliance, convention):
    party = ConventionParty.objects.create(
        convention=convention, association=world.association, commitments="Porter"
    )
    client.force_login(world.reader)

    assert client.get(reverse("alliances:alliance_history", args=[alliance.pk])).status_code == 200
    response = client.post(
        reverse("alliances:item_edit", args=[alliance.pk, "partie", party.pk]),
        {"convention": convention.pk, "name": "Autre", "commitments": "Rien"},
    )
    assert response.status_code == 403
    party.refresh_from_db()
    assert (party.association_id, party.name) == (world.association.pk, "")
    assert not Convention.objects.exclude(pk=convention.pk).exists()


def test_the_add_a_party_link_preselects_its_convention_whatever_its_number(editor, alliance):
    convention = ConventionFactory(alliance=alliance, pk=1629)
    step4 = editor.get(reverse("alliances:alliance_step", args=[alliance.pk, 4])).content.decode()
    add = reverse("alliances:item_add", args=[alliance.pk, "partie"])
    link = re.search(rf'href="({re.escape(add)}\?convention=[^"]+)"', step4)[1]

    form = editor.get(link.replace("&#x27;", "'")).context["form"]

    assert str(form["convention"].value()) == str(convention.pk)
