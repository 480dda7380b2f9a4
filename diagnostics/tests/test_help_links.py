import pytest
from django.test import override_settings

from alliances.tests.factories import AllianceFactory
from diagnostics.help_links import help_url, latest_alliance
from organisations.tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db


@override_settings(ROOT_URLCONF="diagnostics.tests.no_help_urls")
def test_without_the_target_pages_there_is_no_link_and_no_error():
    association = AssociationFactory()
    assert help_url("alliance_step_3", association, None) is None
    assert help_url("unknown_target", association, None) is None


@override_settings(ROOT_URLCONF="diagnostics.tests.help_urls")
def test_links_go_to_the_latest_alliance_or_to_the_list_of_alliances():
    association = AssociationFactory()
    assert help_url("alliance_step_3", association, None) == f"/a/{association.pk}/alliances/"
    assert help_url("partners_directory", association, None) == f"/a/{association.pk}/partenaires/"

    AllianceFactory(lead=association, title="Ancienne")
    recent = AllianceFactory(lead=association, title="Récente")
    alliance = latest_alliance(association)

    assert alliance == recent
    assert help_url("alliance_step_3", association, alliance) == f"/alliances/{recent.pk}/etapes/3/"
    assert help_url("evaluation_objectives", association, alliance) == (
        f"/evaluation/alliances/{recent.pk}/objectifs/"
    )
    assert help_url("alliance_economic_model", association, alliance) == (
        f"/alliances/{recent.pk}/modele/"
    )
