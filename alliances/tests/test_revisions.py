"""Cached fragments follow every change of what they show (core/revisions.py)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from alliances.models import Candidate, Contact, CriterionScore, Role, SelectionCriterion
from alliances.revision_sources import (
    NOT_IN_FRAGMENTS,
    SOURCE_APPS,
    bump_on_delete,
    bump_on_links,
    bump_on_save,
    scopes_of,
)
from alliances.tests.factories import (
    ActionFactory,
    AllianceFactory,
    AllianceMemberFactory,
    AlliancePartnerFactory,
    MembershipFactory,
    PartnerFactory,
)
from core.revisions import SITE, alliance_scope, association_scope, tokens
from diagnostics.tests.factories import finished_campaign
from evaluation.imports import Row
from evaluation.services import import_measurements
from evaluation.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


def _receivers(signal, sender):
    sync, _async = signal._live_receivers(sender)
    return sync


def test_every_model_shown_in_a_cached_fragment_bumps_a_revision_when_it_changes():
    unlisted = []
    for app in SOURCE_APPS:
        for model in apps.get_app_config(app).get_models():
            if model.__name__.startswith("Historical") or model._meta.label in NOT_IN_FRAGMENTS:
                continue
            if bump_on_save not in _receivers(post_save, model) or bump_on_delete not in (
                _receivers(post_delete, model)
            ):
                unlisted.append(model._meta.label)
            for field in model._meta.local_many_to_many:
                if bump_on_links not in _receivers(m2m_changed, field.remote_field.through):
                    unlisted.append(f"{model._meta.label}.{field.name}")
    user = apps.get_model("accounts", "User")
    assert bump_on_save in _receivers(post_save, user)
    assert unlisted == []


def test_a_row_bumps_the_alliance_or_association_it_hangs_from(world):
    alliance = AllianceFactory(lead=world.association)
    candidate = Candidate.objects.create(
        alliance=alliance, partner=PartnerFactory(association=world.association)
    )
    criterion = SelectionCriterion.objects.create(alliance=alliance, name="Proximité")
    score = CriterionScore.objects.create(candidate=candidate, criterion=criterion, score=3)
    contact = Contact.objects.create(partner=candidate.partner, name="Mme Roux")
    assert scopes_of(alliance) == {alliance_scope(alliance.pk), association_scope(alliance.lead_id)}
    assert scopes_of(score) == {alliance_scope(alliance.pk)}
    # An association's name shows in alliances it only takes part in (a convention's party).
    assert scopes_of(world.association) == {association_scope(world.association.pk), SITE}
    assert scopes_of(contact) == {association_scope(world.association.pk)}
    campaign = finished_campaign(world.association)
    assert scopes_of(campaign) == {association_scope(world.association.pk)}
    assert scopes_of(campaign.version) == {SITE}


def test_a_change_gives_a_new_token_now_and_again_once_committed(
    world, django_capture_on_commit_callbacks
):
    action = ActionFactory(alliance=AllianceFactory(lead=world.association))
    scope = alliance_scope(action.alliance_id)
    before = tokens([scope])[scope]
    with django_capture_on_commit_callbacks(execute=True):
        action.title = "Renommée"
        action.save()
        during = tokens([scope])[scope]
    after = tokens([scope])[scope]
    assert len({before, during, after}) == 3


# --- The alliance file (overview) ---------------------------------------------------------------


@pytest.fixture
def alliance(world):
    return AllianceFactory(lead=world.association, title="Pôle mutualisé")


def _file(client, user, alliance):
    client.force_login(user)
    response = client.get(reverse("alliances:alliance_detail", args=[alliance.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_alliance_file_shows_an_edited_action_at_once(client, world, alliance):
    action = ActionFactory(alliance=alliance, title="Achats groupés")
    assert "Achats groupés" in _file(client, world.users["editor"], alliance)
    action.title = "Achats groupés de fournitures"
    action.save()
    assert "Achats groupés de fournitures" in _file(client, world.users["editor"], alliance)


def test_the_alliance_file_follows_the_partner_directory_and_the_associations_names(
    client, world, alliance
):
    link = AlliancePartnerFactory(alliance=alliance)
    co_member = AllianceMemberFactory(alliance=alliance).association
    page = _file(client, world.users["editor"], alliance)
    assert link.partner.name in page and "Asso Témoin" in page

    link.partner.name = "Fondation Horizon"
    link.partner.save()
    world.association.name = "Asso Témoin renommée"
    world.association.save()
    page = _file(client, world.users["editor"], alliance)
    assert "Fondation Horizon" in page
    assert "Association cheffe de file : Asso Témoin renommée" in page

    # A co-member reads its own self-diagnostic in step 1, and sees it once it is finished.
    co_admin = MembershipFactory(association=co_member, role=Role.ADMIN).user
    assert reverse("diagnostics:campaign_list", args=[co_member.pk]) in _file(
        client, co_admin, alliance
    )
    campaign = finished_campaign(co_member)
    page = _file(client, co_admin, alliance)
    assert reverse("diagnostics:campaign_detail", args=[campaign.pk]) in page
    assert reverse("diagnostics:campaign_detail", args=[campaign.pk]) not in _file(
        client, world.users["editor"], alliance
    )


def test_the_alliance_file_shows_a_renamed_action_owner(client, world, alliance):
    owner = UserFactory(first_name="Claire", last_name="Martin")
    ActionFactory(alliance=alliance, owner_user=owner)
    assert "Claire Martin" in _file(client, world.users["editor"], alliance)
    owner.last_name = "Dupuis"
    owner.save()
    assert "Claire Dupuis" in _file(client, world.users["editor"], alliance)


def test_a_login_does_not_throw_the_cached_files_away(client, world, alliance):
    _file(client, world.users["editor"], alliance)
    before = tokens([SITE])[SITE]
    client.force_login(world.users["reader"])  # stamps last_login
    assert tokens([SITE])[SITE] == before


def test_readers_and_editors_each_get_their_own_file(client, world, alliance):
    assert "Travailler sur cette étape" in _file(client, world.users["editor"], alliance)
    reader_page = _file(client, world.users["reader"], alliance)
    assert "Travailler sur cette étape" not in reader_page
    assert "Ouvrir cette étape" in reader_page


# --- The dashboards -----------------------------------------------------------------------------


def test_the_network_dashboard_follows_its_members_alliances_and_diagnostics(client, world):
    member = world.association
    alliance = AllianceFactory(lead=member, title="Plateforme logistique")
    url = reverse("alliances:network_detail", args=[world.network.pk])
    client.force_login(world.users["network_head"])
    page = client.get(url).content.decode()
    assert "Plateforme logistique" in page and "campagnes/" not in page.split("<tbody>")[1]

    alliance.title = "Plateforme logistique partagée"
    alliance.save()
    campaign = finished_campaign(member, 4)
    ActionFactory(alliance=alliance, due_date=timezone.localdate() - dt.timedelta(days=2))
    page = client.get(url).content.decode()
    assert "Plateforme logistique partagée" in page
    assert reverse("diagnostics:campaign_detail", args=[campaign.pk]) in page
    assert "1 action en retard" in page


def test_the_association_dashboard_follows_its_alliances_and_indicators(client, world):
    alliance = AllianceFactory(lead=world.association, title="Épicerie solidaire")
    IndicatorFactory(alliance=alliance)
    client.force_login(world.users["editor"])
    url = reverse("accounts:dashboard")
    page = client.get(url).content.decode()
    assert (
        "Épicerie solidaire" in page
        and "1 action en retard" not in page
        and "2 indicateurs" not in page
    )

    ActionFactory(alliance=alliance, due_date=timezone.localdate() - dt.timedelta(days=2))
    IndicatorFactory(alliance=alliance)
    page = client.get(url).content.decode()
    assert "1 action en retard" in page
    assert "2 indicateurs" in page


def test_measurements_imported_in_bulk_renew_their_alliance(world):
    indicator = IndicatorFactory(alliance=AllianceFactory(lead=world.association))
    scope = alliance_scope(indicator.alliance_id)
    before = tokens([scope])[scope]
    import_measurements([Row(1, indicator, timezone.localdate(), Decimal("3"), "", "")])
    assert tokens([scope])[scope] != before


def test_a_co_members_results_link_to_its_latest_alliance_even_one_led_by_another(client, world):
    lead = world.association
    co_member = AllianceMemberFactory(alliance=AllianceFactory(lead=lead)).association
    first = co_member.alliance_memberships.get().alliance
    second = AllianceFactory(lead=lead)
    AllianceMemberFactory(alliance=second, association=co_member)
    first.save()  # the most recently updated
    admin = MembershipFactory(association=co_member, role=Role.ADMIN).user
    url = reverse("diagnostics:campaign_detail", args=[finished_campaign(co_member).pk])
    client.force_login(admin)
    page = client.get(url).content.decode()
    assert reverse("alliances:alliance_step", args=[first.pk, 1]) in page

    second.title = "Renommée"
    second.save()  # renews the lead's scope and the alliance's, not the co-member's
    page = client.get(url).content.decode()
    assert reverse("alliances:alliance_step", args=[second.pk, 1]) in page
    assert reverse("alliances:alliance_step", args=[first.pk, 1]) not in page
