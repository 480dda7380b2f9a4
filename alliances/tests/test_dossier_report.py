"""The « dossier de présentation » of an alliance: a report kind made from step 2, what a team
sends to a prospective partner, with nothing internal in it."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from reports.kinds import get_kind
from reports.rendering import html_to_pdf, render_html, report_context

from .dossier_data import INTERNAL, dossier_alliance

pytestmark = pytest.mark.django_db


def _text(pdf):
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def _dossier_pdf(alliance):
    kind = get_kind("dossier")
    alliance = kind.get_subject(alliance.pk)
    return html_to_pdf(render_html(kind.template, report_context(kind, alliance, None)))


def test_the_dossier_shows_the_need_with_its_figures_the_partners_and_the_contact(world):
    alliance = dossier_alliance(lead=world.association, created_by=world.assoc_admin)

    text = _text(_dossier_pdf(alliance))

    # The cover: the alliance's name and its territory.
    assert "Pôle mutualisé Nord" in text and "Lyon 4e et Caluire" in text
    assert "un tiers de leur temps" in text  # the social need, qualified
    assert "32 %" in text and "Enquête Solidarités Lyon Nord" in text and "30/06/2025" in text
    assert "Aucune ne peut financer seule" in text  # why a collective answer
    assert "Enquête auprès de 12 associations" in text  # the argument
    assert "Ville de Lyon, fondations locales." in text  # the key actors
    assert "Les bénévoles participent" in text  # beneficiaries from the start
    assert "Jardins Nord" in text and "Mécène de compétences" in text  # partners engaged
    assert "compétences financières" in text  # the roles sought
    assert world.assoc_admin.email in text and world.association.name in text  # the contact


def test_nothing_internal_appears_in_the_dossier(world):
    alliance = dossier_alliance(lead=world.association)

    text = _text(_dossier_pdf(alliance))

    for internal in (*INTERNAL, "PRIORITÉ-STRATÉGIQUE-INTERNE"):
        assert internal not in text
    assert "SWOT" not in text and "MOFF" not in text


def test_the_dossier_shows_the_objectives_once_they_are_set(world):
    from evaluation.tests.factories import StrategicObjectiveFactory, VisionFactory

    alliance = dossier_alliance(lead=world.association)
    assert "Objectifs" not in _text(_dossier_pdf(alliance))

    VisionFactory(alliance=alliance, statement="Un pôle partagé par les associations du nord.")
    StrategicObjectiveFactory(alliance=alliance, title="Consolider le modèle économique")
    text = _text(_dossier_pdf(alliance))

    assert "Un pôle partagé par les associations du nord." in text
    assert "Consolider le modèle économique" in text


def test_the_dossier_is_one_click_from_step_2(client, world):
    alliance = dossier_alliance(lead=world.association)
    client.force_login(world.editor)

    page = client.get(reverse("alliances:alliance_step", args=[alliance.pk, 2])).content.decode()

    request_url = reverse("reports:request", kwargs={"kind": "dossier", "object_id": alliance.pk})
    assert f'action="{request_url}"' in page


def test_the_lead_admins_share_the_dossier_its_editors_do_not(rf, world):
    from django.core.exceptions import PermissionDenied

    alliance = dossier_alliance(lead=world.association)
    kind = get_kind("dossier")
    request = rf.get("/")

    request.user = world.assoc_admin
    kind.check_share_access(request, alliance)
    request.user = world.editor
    kind.check_access(request, alliance, write=True)
    with pytest.raises(PermissionDenied):
        kind.check_share_access(request, alliance)
