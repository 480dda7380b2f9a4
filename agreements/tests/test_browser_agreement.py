"""In Chromium: the lead drafts a convention and sends it; a partner's guest asks for a change
on an article; the lead sends a second version, whose changes the parties read; the two guests
and the lead's admin accept it, and the convention shows the frozen PDF with its hashes.
axe-core on every page (and the Nu HTML Checker on every answer); screenshots at 1280 and
390 pixels wide in /tmp/shots-agreements/."""

import hashlib
import io
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from agreements.models import ConventionVersion, PartyAnswer, VersionState
from alliances.models import ConventionStatus
from alliances.tests.factories import (
    AllianceFactory,
    AlliancePartnerFactory,
    ConventionFactory,
    PartnerFactory,
)
from core.tests.fixtures import assert_accessible, login, logout
from partnerspace.tests.factories import GuestAccessFactory
from reports.tasks import render_report

from .factories import ConventionPartyFactory

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots-agreements")


def _shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}-1280.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=SHOTS / f"{name}-390.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _guest_answers(page, guest, alliance, convention, *, changes=None, shot=None):
    login(page, guest.email)
    page.goto(f"/espace-partenaires/{alliance.pk}/")
    page.locator(f"a[href$='/conventions/{convention.pk}/']").click()
    assert_accessible(page, "the guest's convention page")
    page.locator(f"a[href$='/conventions/{convention.pk}/repondre/']").click()
    assert_accessible(page, "the guest's answer page")
    if changes:
        page.locator("input[name=decision][value=changes]").check()
        index, text = changes
        request = page.locator(f"#id_request-{index}")
        request.locator("xpath=ancestor::details").locator("summary").click()
        request.fill(text)
    else:
        page.locator("input[name=decision][value=accepted]").check()
    if shot:
        _shot(page, shot)
    page.locator("form:has(input[name=version]) button[type=submit]").click()
    expect(page.locator(".alert-success")).to_be_visible()
    logout(page)


def test_a_convention_goes_through_two_versions_and_is_accepted_by_three_parties(page, world):
    alliance = AllianceFactory(lead=world.association, title="Pôle mutualisé")
    bank = AlliancePartnerFactory(
        alliance=alliance,
        partner=PartnerFactory(association=world.association, name="Crédit Coopératif"),
        role="Mécène de compétences",
    )
    town = AlliancePartnerFactory(
        alliance=alliance,
        partner=PartnerFactory(association=world.association, name="Ville de Lyon"),
        role="Financeur public",
    )
    bank_guest = GuestAccessFactory(alliance=alliance, partner=bank).user
    town_guest = GuestAccessFactory(alliance=alliance, partner=town).user
    convention = ConventionFactory(
        alliance=alliance,
        title="Convention de mécénat de compétences",
        financial_terms="Deux salariés, 40 jours par an.",
    )
    lead_party = ConventionPartyFactory(convention=convention, association=world.association)
    for link in (bank, town):
        ConventionPartyFactory(convention=convention, partner=link)
    versions_url = f"/alliances/{alliance.pk}/conventions/{convention.pk}/versions/"

    # The lead's admin drafts the text from step 4 and sends it
    login(page, world.assoc_admin.email)
    page.goto(f"/alliances/{alliance.pk}/etapes/4/")
    page.locator(f"a[href='{versions_url}']").click()
    assert_accessible(page, "the convention's versions, nothing drafted")
    page.locator(f"a[href='{versions_url}brouillon/']").click()
    assert_accessible(page, "the draft")
    page.locator("#id_text-0").fill("Former les trésoriers bénévoles des membres du pôle.")
    page.locator("form:has(#id_new_title) button[type=submit]").click()
    page.locator(f"form[action='{versions_url}envoyer/'] button").click()
    expect(page.locator(".alert-success")).to_be_visible()
    logout(page)

    # The bank's guest asks for a change on the financial terms (article 4)
    _guest_answers(
        page,
        bank_guest,
        alliance,
        convention,
        changes=(3, "Nous pouvons aller jusqu'à 50 jours la première année."),
    )
    answer = PartyAnswer.objects.get()
    assert answer.requests[0]["comment"].startswith("Nous pouvons")

    # The lead sees the request, writes version 2 and sends it; the diff shows the change
    login(page, world.assoc_admin.email)
    page.goto(versions_url)
    expect(page.get_by_text("Nous pouvons aller jusqu'à 50 jours").first).to_be_visible()
    page.locator(f"a[href='{versions_url}brouillon/']").click()
    page.locator("#id_text-3").fill("Deux salariés, 50 jours la première année puis 40 jours.")
    page.locator("form:has(#id_new_title) button[type=submit]").click()
    page.locator(f"form[action='{versions_url}envoyer/'] button").click()
    expect(page.locator(".alert-success")).to_be_visible()
    page.goto(f"{versions_url}2/")
    assert_accessible(page, "the diff of version 2")
    expect(page.locator("ins", has_text="50").first).to_be_visible()
    expect(page.locator("del", has_text="an.").first).to_be_visible()
    _shot(page, "diff-version-2")
    logout(page)

    # The two guests accept version 2
    _guest_answers(page, bank_guest, alliance, convention, shot="guest-answer-page")
    _guest_answers(page, town_guest, alliance, convention)

    # The lead's page shows who accepted and who has not answered; its admin accepts last
    login(page, world.assoc_admin.email)
    page.goto(versions_url)
    assert_accessible(page, "the convention's versions, two answers of three")
    _shot(page, "lead-versions-and-answers")
    page.locator(f"a[href='{versions_url}2/parties/{lead_party.pk}/repondre/']").first.click()
    assert_accessible(page, "the lead's answer")
    page.locator("input[name=decision][value=accepted]").check()
    page.locator("form:has(input[name=version]) button[type=submit]").click()
    expect(page.locator(".alert-success")).to_be_visible()

    version = ConventionVersion.objects.get(convention=convention, number=2)
    convention.refresh_from_db()
    assert version.state == VersionState.ACCEPTED
    assert convention.status == ConventionStatus.ACCEPTED
    render_report.apply(args=[version.report_id])
    version.report.refresh_from_db()

    # Accepted by all: the state, both hashes and the frozen PDF
    page.goto(versions_url)
    expect(page.get_by_text(version.text_sha256).first).to_be_visible()
    expect(page.get_by_text(version.report.sha256).first).to_be_visible()
    assert_accessible(page, "the accepted convention")
    _shot(page, "accepted-state")
    with page.expect_download() as download:
        page.locator(f"a[href='{versions_url}2/pdf/']").first.click()
    content = Path(download.value.path()).read_bytes()
    assert hashlib.sha256(content).hexdigest() == version.report.sha256
    for pdf_page in PdfReader(io.BytesIO(content)).pages:
        assert version.text_sha256 in pdf_page.extract_text().replace("\n", "")
    (SHOTS / "frozen.pdf").write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(SHOTS / "frozen.pdf"), str(SHOTS / "frozen-pdf")],
        check=True,
    )
    page.goto(f"/alliances/{alliance.pk}/etapes/4/")
    expect(page.get_by_text(version.text_sha256).first).to_be_visible()
    _shot(page, "step4-convention-card")
