"""In Chromium: a staff member takes an alliance from the first idea to a signed convention and
a running action plan, and sees the stepper complete. axe-core runs on every page on the way."""

import re

import pytest
from playwright.sync_api import expect

from alliances.demo import simple_pdf
from alliances.models import Alliance, Convention
from core.tests.fixtures import assert_accessible, login
from healthchecks import questionnaires
from healthchecks.tests.factories import answer, closed, open_for
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory

pytestmark = pytest.mark.browser


def _submit(page):
    page.locator("main form[method=post] button[type=submit]").last.click()
    page.wait_for_load_state()


def _add(page, alliance_pk, kind, fields, query="", selects=None, check=None):
    page.goto(f"/alliances/{alliance_pk}/{kind}/ajouter/{query}")
    assert_accessible(page, f"add {kind}")
    for name, value in (selects or {}).items():
        page.select_option(f"main [name={name}]", label=value)
    for name, value in fields.items():
        page.fill(f"main [name={name}]", value)
    for name in check or []:
        page.check(f"main [name={name}]")
    _submit(page)
    assert "/ajouter/" not in page.url, page.locator(".invalid-feedback").all_inner_texts()


def test_an_editor_walks_an_alliance_through_the_five_steps(page):
    association = AssociationFactory(name="Solidarités Croix-Rousse")
    editor = MembershipFactory(association=association, role=Role.EDITOR).user
    login(page, editor.email)

    # The partner directory first: the candidates of step 3 come from it.
    page.goto(f"/partenaires/association/{association.pk}/")
    assert_accessible(page, "empty directory")
    page.get_by_role("link", name="Ajouter un partenaire").click()
    page.fill("[name=name]", "Ville de Lyon")
    page.select_option("[name=actor_type]", "local_authority")
    page.fill("[name=siren]", "732 829 321")  # a typo: the check digit is wrong
    _submit(page)
    assert page.locator("#id_siren").input_value() == "732 829 321"
    assert page.locator(".invalid-feedback, .is-invalid").count() > 0
    assert_accessible(page, "partner form with an error")
    page.fill("[name=siren]", "732 829 320")
    page.fill("[name=tags_text]", "collectivité, locaux")
    _submit(page)
    assert page.get_by_role("heading", name="Ville de Lyon").is_visible()
    assert_accessible(page, "partner detail")

    # Create the alliance.
    page.goto(f"/alliances/association/{association.pk}/")
    assert_accessible(page, "alliance list, empty")
    page.get_by_role("link", name="Créer une alliance").click()
    assert_accessible(page, "create alliance")
    page.fill("[name=title]", "Pôle mutualisé de fonctions support")
    page.fill("[name=purpose]", "Mutualiser la comptabilité et la paie de cinq associations.")
    page.fill("[name=territory]", "Lyon 4e")
    _submit(page)
    alliance = Alliance.objects.get(title="Pôle mutualisé de fonctions support")
    assert page.url.endswith(f"/alliances/{alliance.pk}/etapes/1/")
    assert page.locator(".fa-step-not_started").count() == 5
    assert_accessible(page, "step 1, empty")

    # Step 1: needs, expectations and the SWOT.
    page.fill("[name=strategic_priorities]", "Consolider nos fonctions support.")
    page.fill("[name=expectations]", "Partager un poste de comptable.")
    page.fill("[name=participation_mode]", "Chef de file.")
    page.fill("[name=complementarities]", "Compétences financières, locaux.")
    _submit(page)
    for quadrant, text in [
        ("strength", "Expertise de gestion"),
        ("weakness", "Pas de compétence paie"),
        ("opportunity", "Appel à projets métropolitain"),
        ("threat", "Baisse des subventions"),
    ]:
        _add(page, alliance.pk, "moff", {"text": text}, query=f"?quadrant={quadrant}")
    assert page.locator(".fa-step").first.get_attribute("class").count("fa-step-complete") == 1
    assert_accessible(page, "step 1 complete")

    # Step 2: the project file and a figure.
    page.goto(f"/alliances/{alliance.pk}/etapes/2/")
    for name in ["social_need", "collective_need", "argument", "key_actors", "beneficiaries"]:
        page.fill(f"[name={name}]", f"Texte pour {name}.")
    _submit(page)
    _add(
        page,
        alliance.pk,
        "chiffre",
        {
            "label": "Temps consacré à l'administratif",
            "value": "32",
            "unit": "%",
            "source": "Enquête 2025",
        },
    )
    assert_accessible(page, "step 2")

    # Step 3: map, criterion, scores, exchange, decision.
    _add(
        page,
        alliance.pk,
        "candidat",
        {"expectations": "Soutenir la mutualisation.", "influence": "5", "alignment": "4"},
        selects={"partner": "Ville de Lyon", "category": "Collectivités territoriales"},
    )
    _add(page, alliance.pk, "critere", {"name": "Compatibilité stratégique", "weight": "3"})
    page.goto(f"/alliances/{alliance.pk}/notation/")
    assert_accessible(page, "scoring")
    page.locator("main input[type=number]").first.fill("9")
    _submit(page)
    assert page.locator(".invalid-feedback").first.is_visible()
    page.locator("main input[type=number]").first.fill("5")
    _submit(page)
    _add(
        page,
        alliance.pk,
        "echange",
        {
            "date": "2026-01-10",
            "participants": "Claire, l'adjointe",
            "conclusion": "Suite favorable.",
        },
        selects={
            "candidate": "Ville de Lyon",
            "solidity": "Solide : prêts à s'engager ensemble".replace(" :", "\u202f:"),
        },
    )
    page.goto(f"/alliances/{alliance.pk}/etapes/3/")
    assert page.locator("svg[role=img] circle").count() == 1
    assert_accessible(page, "step 3")
    page.get_by_role("link", name=re.compile("^Décider")).click()
    assert_accessible(page, "decision")
    page.select_option("[name=decision]", "selected")
    page.fill("[name=decision_reason]", "Engagement confirmé.")
    page.select_option("[name=partnership_form]", "public_policy")
    page.fill("[name=role]", "Financeur")
    _submit(page)
    assert page.locator("#partners").get_by_text("Financeur").is_visible()

    # Step 4: a signed convention with its PDF and every clause.
    page.goto(f"/alliances/{alliance.pk}/convention/ajouter/")
    assert_accessible(page, "convention form")
    page.select_option("[name=kind]", "partnership")
    page.fill("[name=title]", "Convention de partenariat")
    page.select_option("[name=status]", "signed")
    page.fill("[name=signed_on]", "2026-01-20")
    page.fill("[name=start_date]", "2026-02-01")
    page.fill("[name=end_date]", "2027-01-31")
    page.fill("[name=total_amount]", "48 000,00")
    for checkbox in page.locator("[name=clauses]").all():
        checkbox.check()
    page.set_input_files(
        "[name=upload]",
        files=[
            {
                "name": "convention-signee.pdf",
                "mimeType": "application/pdf",
                "buffer": simple_pdf(["Convention signée"]),
            }
        ],
    )
    _submit(page)
    convention = Convention.objects.get(alliance=alliance)
    assert convention.document_name == "convention-signee.pdf"
    assert page.get_by_role("link", name="Télécharger le PDF signé").is_visible()
    assert_accessible(page, "step 4")

    # Step 5: vision, governance, a meeting, internal and external communication.
    page.goto(f"/alliances/{alliance.pk}/etapes/5/")
    page.fill("[name=shared_vision]", "Des associations plus solides.")
    page.fill("[name=decision_process]", "Le comité stratégique décide aux deux tiers.")
    _submit(page)
    _add(
        page,
        alliance.pk,
        "instance",
        {"name": "Comité stratégique", "members": "Présidents", "frequency": "Trimestrielle"},
        selects={"level": "Stratégique"},
    )
    _add(page, alliance.pk, "reunion", {"date": "2026-02-15", "decisions": "Budget validé."})
    for kind in ["Interne – stratégique", "Externe – plaidoyer"]:
        _add(
            page,
            alliance.pk,
            "communication",
            {"audience": "Élus", "channel": "Rencontre", "frequency": "Annuelle", "owner": "CA"},
            selects={"kind": kind},
        )
    assert_accessible(page, "step 5")

    # Step 5 waits for the alliance's health check of less than a year; once one is closed
    # (its own browser test walks it), the stepper is complete.
    assert page.locator(".fa-step-complete").count() == 4
    expect(page.locator("main")).to_contain_text("Un bilan de santé de moins d'un an")
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    questionnaires.load(questionnaires.read("v1"))  # emptied by an earlier transactional test
    health_check = open_for(alliance, admin)
    answer(health_check, editor, "4")
    closed(health_check)
    page.reload()
    assert page.locator(".fa-step-complete").count() == 5

    # The action plan, a late action standing out.
    _add(
        page,
        alliance.pk,
        "action",
        {
            "title": "Recruter la comptable",
            "start_date": "2025-09-01",
            "due_date": "2025-12-31",
            "progress": "50",
            "financial_resources": "2 500,00",
        },
        selects={"status": "En cours"},
    )
    _add(
        page,
        alliance.pk,
        "etape-action",
        {"title": "Fiche de poste"},
        selects={"action": "Recruter la comptable"},
    )
    assert page.locator("tr.fa-late").count() == 1
    assert page.locator(".fa-gantt-late").count() == 1
    assert_accessible(page, "action plan")

    for url, label in [
        (f"/alliances/{alliance.pk}/modele-economique/", "economic model"),
        (f"/alliances/{alliance.pk}/membres/", "members"),
        (f"/alliances/{alliance.pk}/historique/", "history"),
        (f"/alliances/{alliance.pk}/", "overview"),
        (f"/alliances/association/{association.pk}/", "alliance list"),
        ("/tableau-de-bord/", "dashboard"),
    ]:
        page.goto(url)
        assert_accessible(page, label)
    page.goto(f"/alliances/{alliance.pk}/")
    assert page.get_by_text("Les cinq étapes sont terminées.").is_visible()
