"""In Chromium: the lead's admin opens a health check; a colleague answers on a computer, a
partner's guest on a phone, from their space; once the others have answered, the admin
closes it, reads each party's perception and the gaps, and turns one into an action of the
plan in one click; the guest reads the same results in the space. axe-core on every page.

With SCREENSHOTS_DIR set, each step is saved there as a PNG, and the PDF report too."""

import os
import re
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from alliances.models import Action
from core.tests.fixtures import assert_accessible, login, logout
from healthchecks.models import HealthAnswer, HealthCheck, Participant
from reports.kinds import get_kind
from reports.rendering import html_to_pdf, render_html, report_context

from .factories import answer

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("SCREENSHOTS_DIR")


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def _answer_axis(page, value):
    # htmx binds the autosave once the deferred scripts have run (before that, a choice is
    # saved by the form's own submit, as without JavaScript).
    page.wait_for_load_state("load")
    for number in range(1, 5):
        page.locator(f"label[for='answer-{number}-{value}']").click()
        expect(page.locator(f"#save-{number}")).not_to_be_empty()
    # Off the last button, once its hover colours have faded (axe reads them mid-transition).
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)


def test_three_parties_answer_and_a_gap_becomes_an_action(page, phone_page, three_parties, world):
    alliance = three_parties["alliance"]
    guest = three_parties["bank_guests"][0]
    page.on("dialog", lambda dialog: dialog.accept())

    # The lead's admin opens the health check from the alliance's tab
    login(page, world.assoc_admin.email)
    page.goto(f"/alliances/{alliance.pk}/bilans-de-sante/")
    assert_accessible(page, "the alliance's health checks")
    page.locator("a[href$='/bilans-de-sante/ouvrir/']").click()
    expect(page.locator("main")).to_contain_text("Banque Coop")
    assert_accessible(page, "opening a health check")
    shot(page, "01-opening-desktop")
    page.locator("#id_confirm").check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/bilans-de-sante/\d+/$"))
    health_check = HealthCheck.objects.get(alliance=alliance)
    expect(page).to_have_url(re.compile(rf"/bilans-de-sante/{health_check.pk}/$"))
    assert {m.to[0] for m in mail.outbox} >= {guest.email, world.editor.email}

    # The admin answers the first axis: each choice is saved at once
    page.locator(f"a[href$='/bilans-de-sante/{health_check.pk}/repondre/']").first.click()
    _answer_axis(page, 5)
    assert_accessible(page, "answering on a computer")
    shot(page, "02-answering-desktop")
    assert HealthAnswer.objects.filter(participant__user=world.assoc_admin, value=5).count() == 4

    # A partner's guest answers everything on a phone, from the partners' space
    login(phone_page, guest.email)
    phone_page.goto(f"/espace-partenaires/{alliance.pk}/")
    phone_page.locator(f"a[href$='/espace-partenaires/{alliance.pk}/bilans-de-sante/']").click()
    phone_page.locator("main a[href$='/repondre/']").click()
    for position in range(1, 6):
        _answer_axis(phone_page, 2 if position == 2 else 4)
        if position == 1:
            assert_accessible(phone_page, "answering on a phone")
            shot(phone_page, "03-answering-phone")
        phone_page.locator("button[name=go][value=next], button[name=go][value=review]").click()
    assert_accessible(phone_page, "the guest's review of their answers")
    phone_page.locator(f"main form[action$='/{health_check.pk}/envoyer/'] button").click()
    assert Participant.objects.get(health_check=health_check, user=guest).has_submitted

    # The others answer (the town's lone guest does not)
    answer(health_check, world.assoc_admin, "4", per_axis={"A2": "5"}, submit=False)
    for user in (world.editor, world.reader):
        answer(health_check, user, "4", per_axis={"A2": "5"}, submit=False)
    answer(health_check, three_parties["bank_guests"][1], "4", per_axis={"A2": "2"})
    for user in three_parties["member_staff"]:
        answer(health_check, user, "3", per_axis={"A4": "2"})

    # The admin closes it and reads the perceptions of the three parties and their gaps
    page.goto(f"/bilans-de-sante/{health_check.pk}/")
    page.locator(f"form[action$='/{health_check.pk}/cloturer/'] button").click()
    expect(page.locator("#gaps article").first).to_be_visible()
    expect(page.locator("main svg#radar")).to_be_visible()
    for party in ("Asso Témoin", "Banque Coop", "Les Jardins"):
        expect(page.locator("main table").first).to_contain_text(party)
    assert_accessible(page, "the results")
    shot(page, "04-results-desktop")

    # One click turns the steering gap into an action of the plan; it then says so
    bank = three_parties["bank"].partner_id
    gap = page.locator(f"#gaps article[data-gap^='A2|partner:{bank}|']")
    gap.locator("form[action$='/ecarts/action/'] button").click()
    expect(gap).to_contain_text(Action.objects.get(alliance=alliance).title)
    expect(gap.locator("form[action$='/ecarts/action/']")).to_have_count(0)
    assert "Banque Coop" in Action.objects.get(alliance=alliance).description
    shot(page, "05-gap-turned-into-an-action")
    page.goto(f"/alliances/{alliance.pk}/plan-d-action/")
    expect(page.locator("main")).to_contain_text(Action.objects.get().title)

    # The guest reads the same results in the space, without the lead's buttons
    phone_page.goto(f"/espace-partenaires/{alliance.pk}/bilans-de-sante/{health_check.pk}/")
    expect(phone_page.locator("#gaps article").first).to_be_visible()
    expect(phone_page.locator("form[action$='/ecarts/action/']")).to_have_count(0)
    assert_accessible(phone_page, "the guest's results on a phone")
    shot(phone_page, "06-guest-results-phone")
    logout(page)
    login(page, three_parties["bank_guests"][1].email)
    page.goto(f"/espace-partenaires/{alliance.pk}/bilans-de-sante/{health_check.pk}/")
    shot(page, "07-guest-results-desktop")

    if SHOTS:
        kind = get_kind("health_check")
        subject = kind.get_subject(health_check.pk)
        pdf = Path(SHOTS) / "08-report.pdf"
        pdf.write_bytes(
            html_to_pdf(render_html(kind.template, report_context(kind, subject, None)))
        )
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(pdf), str(Path(SHOTS) / "08-report")], check=True
        )
