"""The self-diagnostic in Chromium: answer half, leave, come back, finish; the admin reads the
results and downloads the PDF. axe-core on each page."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.fixtures import assert_accessible, login, logout
from diagnostics.models import Answer, Campaign, Statement
from diagnostics.tests.factories import make_campaign, statements
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory

pytestmark = pytest.mark.browser


def _logout(page):
    """Log out and wait until the logout has landed (the next goto must not race it)."""
    logout(page)
    page.wait_for_url(lambda url: "/tableau-de-bord/" not in url)
    page.wait_for_load_state()


def _answer_axis(page, axis_statements, value):
    for statement in axis_statements:
        page.locator(f"label[for='answer-{statement.pk}-{value}']").click()
        expect(page.locator(f"#save-{statement.pk}")).to_contain_text("Enregistré")


def test_respondent_answers_in_two_sittings_and_the_admin_gets_the_pdf(page):
    association = AssociationFactory(name="Les Amis du Quartier")
    admin = MembershipFactory(association=association, role=Role.ADMIN).user
    respondent = MembershipFactory(association=association, role=Role.EDITOR).user
    campaign = make_campaign(association, [respondent])
    by_axis = {}
    for statement in statements():
        by_axis.setdefault(statement.axis.position, []).append(statement)

    # The respondent starts from the dashboard
    login(page, respondent.email)
    panel = page.get_by_role("region", name="Autodiagnostic")
    panel.get_by_role("link", name="Commencer").click()
    heading = page.get_by_role("heading", name="A1 · Vision et stratégie partenariale")
    expect(heading).to_be_visible()
    expect(page.locator("#progress")).to_contain_text("Axe 1 sur 8 · 0 réponse sur 40")
    assert_accessible(page, "axis 1")

    # Keyboard only on the first statement: focus the « 3 » radio, arrow to « 4 »
    first = by_axis[1][0]
    page.locator(f"#answer-{first.pk}-3").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    expect(page.locator(f"#save-{first.pk}")).to_contain_text("Enregistré")
    _answer_axis(page, by_axis[1][1:], 2)
    comment = page.get_by_label("Commentaire (facultatif) : pourquoi cette réponse ?").first
    comment.fill("Le projet associatif date de 2015.")
    comment.blur()
    expect(page.locator(f"#save-{first.pk}")).to_contain_text("Enregistré")
    expect(page.locator("#progress")).to_contain_text("5 réponses sur 40")

    for position in (2, 3, 4):
        page.get_by_role("button", name="Axe suivant").click()
        expect(page.locator("#progress")).to_contain_text(f"Axe {position} sur 8")
        _answer_axis(page, by_axis[position], 4 if position % 2 else "dk")
    page.get_by_role("button", name="Axe suivant").click()
    expect(page.locator("#progress")).to_contain_text("Axe 5 sur 8 · 20 réponses sur 40")
    _logout(page)

    answer = Answer.objects.get(respondent__user=respondent, statement=first)
    assert (answer.value, answer.comment) == (4, "Le projet associatif date de 2015.")

    # Days later: back on the dashboard, « Reprendre » leads to axis 5
    login(page, respondent.email)
    page.get_by_role("region", name="Autodiagnostic").get_by_role("link", name="Reprendre").click()
    expect(page.get_by_role("heading", name="A5 · Moyens et compétences")).to_be_visible()
    for position in (5, 6, 7, 8):
        _answer_axis(page, by_axis[position][:4], 3 if position < 8 else 5)
        button = "Axe suivant" if position < 8 else "Relire et envoyer"
        page.get_by_role("button", name=button).click()

    # The review warns about the 4 statements left, and allows submitting
    missing = page.get_by_role("heading", name="4 affirmations ne sont pas renseignées")
    expect(missing).to_be_visible()
    assert_accessible(page, "review")
    page.once("dialog", lambda dialog: dialog.accept())  # « 4 affirmations sans réponse… »
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(page.get_by_text("Tout le monde a répondu")).to_be_visible()
    _logout(page)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CLOSED

    # The admin reads the results: radar, table, priorities
    login(page, admin.email)
    page.get_by_role("link", name="Autodiagnostic").first.click()
    assert_accessible(page, "campaign list")
    page.get_by_role("link", name="Voir les résultats").first.click()
    expect(page.get_by_role("img", name=re.compile("Scores des huit axes"))).to_be_visible()
    expect(page.get_by_text("Niveau de maturité")).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Scores par axe"))).to_be_visible()
    assert_accessible(page, "results")

    # … asks for the PDF, sees it being prepared, then downloads it
    page.get_by_role("button", name="Générer le rapport PDF").click()
    download_link = page.get_by_role("link", name="Télécharger le PDF")
    expect(download_link.first).to_be_visible(timeout=30_000)
    assert_accessible(page, "results with the report")
    with page.expect_download() as info:
        download_link.first.click()
    download = info.value
    assert download.suggested_filename.startswith("autodiagnostic-les-amis-du-quartier")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_a_failed_save_stays_on_screen_says_so_and_is_retried(page):
    association = AssociationFactory()
    respondent = MembershipFactory(association=association, role=Role.EDITOR).user
    campaign = make_campaign(association, [respondent])
    login(page, respondent.email)
    page.goto(f"/autodiagnostic/campagnes/{campaign.pk}/repondre/")
    # The statement the respondent sees first, read from the page itself.
    first = page.locator("label.scale-option[for$='-5']").first
    expect(first).to_be_attached()
    statement = Statement.objects.get(pk=first.get_attribute("for").split("-")[1])
    assert statement.axis.version_id == campaign.version_id, (page.url, page.title())

    # The network drops the first two saves
    failures = []

    def drop(route):
        if len(failures) < 2:
            failures.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/repondre/enregistrer/", drop)
    page.locator(f"label[for='answer-{statement.pk}-5']").click()
    expect(page.locator(f"#save-{statement.pk}")).to_contain_text("Pas encore enregistré")
    expect(page.locator("#save-problems")).to_be_visible()
    assert page.locator(f"#answer-{statement.pk}-5").is_checked()
    assert_accessible(page, "save failed")

    # … and the retry gets through on its own
    expect(page.locator(f"#save-{statement.pk}")).to_contain_text("Enregistré", timeout=15_000)
    expect(page.locator("#save-problems")).to_be_hidden()
    assert Answer.objects.get(statement=statement).value == 5
