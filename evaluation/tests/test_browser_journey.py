"""The evaluation journey in Chromium: from a strategic objective to the analysis, with the live
SMART assistant, measurements and the chart; axe-core on every page."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from alliances.tests.factories import AlliancePartnerFactory, PartnerFactory
from core.tests.fixtures import assert_accessible, login
from evaluation.models import Analysis, Measurement, OperationalObjective

pytestmark = pytest.mark.browser

STATEMENT = (
    "Réduire de 15 % les coûts administratifs des 5 associations membres de l'alliance avant "
    "juillet 2026 en mutualisant les fonctions comptabilité, RH et communication via la création "
    "d'un service partagé opérationnel au 1er décembre 2025."
)


def test_an_editor_goes_from_a_strategic_objective_to_the_printed_report(
    page, world, alliance, celery_worker
):
    AlliancePartnerFactory(
        alliance=alliance,
        partner=PartnerFactory(association=alliance.lead, name="Métropole de Lyon"),
    )
    login(page, world.editor.email)

    # Given the alliance's objectives page
    page.goto(f"/evaluation/alliances/{alliance.pk}/objectifs/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Objectifs stratégiques et opérationnels"
    )
    assert_accessible(page, "objectives (empty)")

    # When the editor sets a strategic objective
    page.get_by_role("link", name="Ajouter un objectif stratégique").click()
    assert_accessible(page, "strategic objective form")
    page.locator("#id_title").fill("Consolider le modèle économique des membres")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("L'objectif stratégique est enregistré.")).to_be_visible()

    # And writes an operational objective with the SMART assistant
    page.get_by_role("link", name=re.compile("Écrire un objectif opérationnel")).click()
    assert_accessible(page, "operational objective form")
    panel = page.locator("#smart-panel")
    page.locator("#id_statement").fill(STATEMENT)
    page.locator("#id_dimension").select_option("means")
    expect(panel).to_contain_text(re.compile(r"critères? sur 5 remplis?"))
    expect(panel.locator('[data-criterion="time_bound"]')).to_have_class(re.compile("is-missing"))
    panel.get_by_role("button", name=re.compile("Échéance")).click()
    expect(page.locator("#id_deadline")).to_have_value("2026-06-30")
    panel.get_by_role("button", name=re.compile("Début")).click()
    expect(page.locator("#id_start_date")).to_have_value("2025-12-01")
    expect(panel.locator('[data-criterion="time_bound"]')).to_have_class(re.compile("is-met"))
    page.get_by_label("Métropole de Lyon").check()
    page.locator("#id_scope_who").fill("Les 5 associations membres de l'alliance")
    page.locator("#id_scope_what").fill(
        "Les coûts administratifs de la comptabilité, des RH et de la communication"
    )
    page.locator("#id_new_indicator_name").fill("Coûts administratifs des membres")
    page.locator("#id_new_indicator_unit").fill("€")
    page.locator("#id_new_indicator_baseline").fill("400 000")
    panel.get_by_role("button", name=re.compile("Évolution")).click()
    panel.get_by_role("button", name=re.compile("Cible")).click()
    expect(page.locator("#id_new_indicator_target")).to_have_value("340000,00")
    page.locator("#id_achievable_1").check()
    page.locator("#id_achievable_justification").fill(
        "Mutualisation de fonctions existantes, deux salariées formées"
    )
    page.locator("#id_realistic_1").check()
    page.locator("#id_realistic_justification").fill("Sept mois de déploiement, budget acquis")
    expect(panel).to_contain_text("Cet objectif est SMART.")
    assert panel.locator(".is-missing").count() == 0
    assert_accessible(page, "SMART assistant, all met")
    page.get_by_role("button", name="Enregistrer l'objectif").click()
    expect(page.get_by_text("L'objectif est enregistré. Il est SMART.")).to_be_visible()
    assert OperationalObjective.objects.get().assessment(alliance.vision).is_smart
    assert_accessible(page, "objectives (filled)")

    # Then the indicator exists; the editor adds two measurements
    page.get_by_role("link", name="Indicateurs", exact=True).click()
    assert_accessible(page, "indicator list")
    expect(page.get_by_role("region", name=re.compile("à surveiller"))).to_be_visible()
    page.get_by_role("table").get_by_role("link", name="Coûts administratifs des membres").click()
    for date, value in (("2026-01-31", "390 000"), ("2026-03-31", "372 500,50")):
        page.get_by_role("link", name="Ajouter une mesure").click()
        page.locator("#id_date").fill(date)
        page.locator("#id_value").fill(value)
        page.locator("#id_source").fill("Comptabilités des membres")
        assert_accessible(page, "measurement form")
        page.get_by_role("button", name="Enregistrer").click()
        expect(page.get_by_text("La mesure est enregistrée.")).to_be_visible()
    assert Measurement.objects.count() == 2

    # And sees the chart, with its text alternative
    chart = page.get_by_role("img", name=re.compile("Mesures de « Coûts administratifs"))
    expect(chart).to_be_visible()
    assert page.locator("figure.chart > svg polyline").count() == 1
    assert page.locator("figure.chart > svg circle").count() == 2
    expect(page.get_by_role("cell", name="372 500,50 €")).to_be_visible()
    assert_accessible(page, "indicator page with chart")

    # And writes the analysis
    page.get_by_role("link", name="Analyse et pilotage").click()
    page.locator("#id_strengths").fill("Les économies arrivent plus vite que prévu.")
    page.locator("#id_conclusions").fill("Étendre le service partagé à la paie.")
    page.get_by_role("button", name="Enregistrer l'analyse").click()
    expect(page.get_by_text("L'analyse est enregistrée.")).to_be_visible()
    assert Analysis.objects.get(alliance=alliance).conclusions.startswith("Étendre")
    assert_accessible(page, "analysis")

    # Finally generates the impact evaluation report (a real worker renders it) and downloads it
    page.get_by_role("button", name="Générer le rapport PDF").click()
    download_link = page.get_by_role("link", name=re.compile("Télécharger le PDF"))
    expect(download_link.first).to_be_visible(timeout=30_000)
    assert_accessible(page, "analysis with the report")
    with page.expect_download() as info:
        download_link.first.click()
    download = info.value
    assert download.suggested_filename.startswith("evaluation-impact-pole-mutualise")
    with open(download.path(), "rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF-")
    text = " ".join(
        "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        .replace("\u202f", " ")
        .replace("\u00a0", " ")
        .split()
    )
    assert "340 000 €" in text and "372 500,50 €" in text  # target and latest actual value


def test_the_other_evaluation_pages_are_accessible(page, world, alliance):
    from .factories import IndicatorFactory, MeasurementFactory

    indicator = IndicatorFactory(alliance=alliance, name="Coûts administratifs")
    MeasurementFactory(indicator=indicator)
    login(page, world.editor.email)
    for path in (
        f"/evaluation/alliances/{alliance.pk}/plan-evaluation/",
        f"/evaluation/alliances/{alliance.pk}/indicateurs/import/",
        f"/evaluation/alliances/{alliance.pk}/indicateurs/{indicator.pk}/cible/",
        f"/evaluation/alliances/{alliance.pk}/indicateurs/nouveau/",
        f"/evaluation/alliances/{alliance.pk}/objectifs/vision/",
        "/tableau-de-bord/",
    ):
        page.goto(path)
        assert_accessible(page, path)
