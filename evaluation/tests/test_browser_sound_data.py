"""In Chromium: a future date is refused, an import previews what it adds, updates and refuses
before it saves, an objective short of SMART is saved on « Enregistrer quand même », and a
co-member association's contribution shows with its share of the result. axe-core on every
page."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from alliances.tests.factories import AllianceMemberFactory
from core.tests.fixtures import assert_accessible, login
from evaluation.models import IndicatorContribution, Measurement, OperationalObjective
from organisations.tests.factories import AssociationFactory

from .factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.browser


def test_an_editor_records_sound_measurements_and_contributions(page, world, alliance, tmp_path):
    indicator = IndicatorFactory(
        alliance=alliance,
        name="Temps salarié mutualisé",
        unit="ETP",
        direction="increase",
        baseline=Decimal("0"),
        target=Decimal("3"),
        baseline_date=dt.date(2025, 12, 1),
        target_date=dt.date(2026, 12, 31),
    )
    MeasurementFactory(indicator=indicator, date=dt.date(2026, 3, 31), value=Decimal("1"))
    co_member = AllianceMemberFactory(
        alliance=alliance, association=AssociationFactory(name="Les Jardins de Villeurbanne")
    ).association
    login(page, world.editor.email)
    detail = f"/evaluation/alliances/{alliance.pk}/indicateurs/{indicator.pk}/"

    # A measurement dated in the future is refused next to its date; nothing typed is lost.
    page.goto(detail)
    page.get_by_role("link", name="Ajouter une mesure").click()
    page.locator("#id_date").fill("2030-01-01")
    page.locator("#id_value").fill("2,5")
    page.locator("#id_source").fill("Paie")
    page.get_by_role("button", name="Enregistrer").click()
    expect(
        page.locator("#id_date").locator("xpath=..").locator(".invalid-feedback")
    ).to_contain_text("dans le futur")
    expect(page.locator("#id_value")).to_have_value("2,5")
    assert_accessible(page, "measurement form with a future date")
    assert Measurement.objects.count() == 1

    # The import: 31/03/2026 is recorded already (updated), 30/06 is new, -1 is refused.
    csv = tmp_path / "mesures.csv"
    csv.write_text(
        "Indicateur;Date;Valeur\n"
        "Temps salarié mutualisé;31/03/2026;1,5\n"
        "Temps salarié mutualisé;30/06/2026;2\n"
        "Temps salarié mutualisé;30/09/2026;-1\n",
        encoding="utf-8",
    )
    page.goto(f"/evaluation/alliances/{alliance.pk}/indicateurs/import/")
    page.locator("input[type=file]").set_input_files(str(csv))
    page.get_by_role("button", name="Vérifier le fichier").click()
    preview = page.get_by_role("region", name=re.compile("Aperçu"))
    expect(preview).to_contain_text("1 mesure à ajouter")
    expect(preview).to_contain_text("1 mesure à mettre à jour")
    expect(preview).to_contain_text("Ligne 4")
    assert_accessible(page, "import preview")
    assert Measurement.objects.count() == 1
    page.get_by_role("button", name=re.compile("Confirmer : enregistrer 2 mesures")).click()
    expect(page.get_by_text("1 mesure ajoutée, 1 mise à jour.")).to_be_visible()
    assert sorted(Measurement.objects.values_list("value", flat=True)) == [
        Decimal("1.5"),
        Decimal("2"),
    ]

    # A co-member association's contribution, then its share of the result.
    page.goto(detail)
    page.get_by_role("link", name="Ajouter une contribution").click()
    page.select_option("#id_contributor", label="Les Jardins de Villeurbanne")
    page.locator("#id_date").fill("2026-06-30")
    page.locator("#id_value").fill("0,5")
    assert_accessible(page, "contribution form")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("La contribution est enregistrée.")).to_be_visible()
    assert IndicatorContribution.objects.get().association_id == co_member.pk
    shares = page.get_by_role("table", name=re.compile("part du résultat"))
    expect(
        shares.get_by_role("row", name=re.compile("Les Jardins de Villeurbanne"))
    ).to_contain_text("25,0")
    assert_accessible(page, "indicator with contributions")


def test_an_objective_short_of_smart_is_saved_only_when_confirmed(page, world, alliance, strategic):
    login(page, world.editor.email)
    page.goto(
        f"/evaluation/alliances/{alliance.pk}/objectifs/strategiques/{strategic.pk}/operationnels/nouveau/"
    )
    page.locator("#id_statement").fill("Accueillir 300 familles en juin 2027")
    page.locator("#id_dimension").select_option("production")
    page.locator("#id_deadline").fill("2029-06-30")
    panel = page.locator("#smart-panel")
    expect(panel.locator('[data-criterion="time_bound"]')).to_contain_text("« juin 2027 »")
    page.get_by_role("button", name="Enregistrer l'objectif").click()

    confirm = page.get_by_role("alert").filter(has_text=re.compile("SMART sur 5"))
    expect(confirm).to_be_visible()
    expect(page.locator("#id_statement")).to_have_value("Accueillir 300 familles en juin 2027")
    assert_accessible(page, "objective asking for confirmation")
    assert not OperationalObjective.objects.exists()
    confirm.get_by_role("button", name="Enregistrer quand même").click()

    expect(page.get_by_text(re.compile("pas encore SMART"))).to_be_visible()
    assert OperationalObjective.objects.get().deadline == dt.date(2029, 6, 30)
