"""Versions of a convention's text, each party's answer, acceptance by all."""

import hashlib
import io

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.urls import reverse
from pypdf import PdfReader

from agreements import services
from agreements.articles import DISPUTES, diff_articles
from agreements.models import ConventionVersion, Decision, PartyAnswer, VersionState
from alliances.models import Clause, ConventionStatus
from reports.models import Report
from reports.tasks import render_report

from .factories import ConventionPartyFactory

pytestmark = pytest.mark.django_db


def _write(deal, world, texts=None):
    """The lead's draft, every article given a text."""
    convention = deal["convention"]
    articles = services.starting_articles(convention)
    for article in articles:
        article["text"] = (texts or {}).get(
            article["key"], f"Texte de l'article {article['title']}."
        )
    return services.save_draft(convention=convention, articles=articles, by=world.assoc_admin)


def _send(deal, world):
    return services.send_version(convention=deal["convention"], by=world.assoc_admin)


def _guest_answer(client, deal, user, number, decision="accepted", **requests):
    client.force_login(user)
    data = {"version": number, "decision": decision, "comment": ""}
    data.update(requests)
    return client.post(
        reverse("agreements:guest_answer", args=[deal["alliance"].pk, deal["convention"].pk]),
        data,
    )


def _lead_answer(client, deal, world, number, decision="accepted"):
    client.force_login(world.assoc_admin)
    return client.post(
        reverse(
            "agreements:answer",
            args=[deal["alliance"].pk, deal["convention"].pk, number, deal["lead_party"].pk],
        ),
        {"version": number, "decision": decision, "comment": ""},
    )


def test_a_first_draft_follows_the_clause_checklist_then_disputes(deal, world):
    articles = services.starting_articles(deal["convention"])
    assert [a["key"] for a in articles] == [*Clause.values, DISPUTES]
    financial = next(a for a in articles if a["key"] == Clause.FINANCIAL)
    assert financial["text"] == "10 000 € par an"


def test_sending_freezes_a_numbered_version_and_a_later_edit_starts_the_next_draft(deal, world):
    _write(deal, world)
    first = _send(deal, world)
    assert (first.number, first.state) == (1, VersionState.SENT)
    assert [row["name"] for row in first.parties] == [
        str(deal["lead_party"]),
        str(deal["bank_party"]),
        str(deal["town_party"]),
    ]
    deal["convention"].refresh_from_db()
    assert deal["convention"].status == ConventionStatus.NEGOTIATION

    draft = _write(deal, world, {Clause.PURPOSE.value: "Un nouvel objet."})
    assert draft.number == 2 and draft.state == VersionState.DRAFT
    first.refresh_from_db()
    assert first.state == VersionState.SENT
    assert "Un nouvel objet." not in str(first.articles)
    with pytest.raises(services.VersionFrozen):
        services.edit_version(version=first, articles=[], by=world.assoc_admin)

    second = _send(deal, world)
    first.refresh_from_db()
    assert second.number == 2 and first.state == VersionState.SUPERSEDED


def test_the_representatives_are_told_when_a_version_is_sent(
    deal, world, django_capture_on_commit_callbacks
):
    _write(deal, world)
    with django_capture_on_commit_callbacks(execute=True):
        _send(deal, world)
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {
        world.assoc_admin.email,
        deal["bank_guest"].email,
        deal["town_guest"].email,
    }
    assert deal["bank_reader"].email not in recipients


def test_the_diff_shows_added_and_removed_words_per_article():
    old = [{"key": "a", "title": "Objet", "text": "Mutualiser la paie"}]
    new = [
        {"key": "a", "title": "Objet", "text": "Mutualiser la comptabilité"},
        {"key": "free-1", "title": "Annexe", "text": "Liste"},
    ]
    changed, added = diff_articles(old, new)
    assert changed.status == "changed"
    assert ("removed", "paie") in changed.segments and ("added", "comptabilité") in changed.segments
    assert added.status == "added"
    (removed,) = [d for d in diff_articles(new, old) if d.status == "removed"]
    assert removed.title == "Annexe"


def test_the_diff_page_escapes_what_was_typed(client, deal, world):
    _write(deal, world)
    _send(deal, world)
    _write(deal, world, {Clause.PURPOSE.value: "<b>gras</b> et <script>x</script>"})
    client.force_login(world.reader)
    response = client.get(
        reverse("agreements:version", args=[deal["alliance"].pk, deal["convention"].pk, 2])
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<b>gras</b>" not in body and "&lt;b&gt;gras&lt;/b&gt;" in body
    assert "<ins>" in body and "<del>" in body


def test_two_versions_accepted_by_three_parties_two_of_them_guests(
    client, deal, world, django_capture_on_commit_callbacks, settings
):
    settings.REPORTS_RENDER_IN_THREAD = False
    convention = deal["convention"]
    # Version 1: the bank asks for a change on the financial terms.
    _write(deal, world)
    _send(deal, world)
    keys = [a["key"] for a in ConventionVersion.objects.get(number=1).articles]
    financial = keys.index(Clause.FINANCIAL.value)
    response = _guest_answer(
        client,
        deal,
        deal["bank_guest"],
        1,
        "changes",
        **{f"request-{financial}": "Versement en deux fois"},
    )
    assert response.status_code == 302
    answer = PartyAnswer.objects.get(party=deal["bank_party"])
    assert answer.decision == Decision.CHANGES
    assert answer.requests[0]["comment"] == "Versement en deux fois"
    assert answer.answered_by == deal["bank_guest"]

    # Version 2 takes it into account; all three accept it.
    _write(deal, world, {Clause.FINANCIAL.value: "10 000 € par an, versés en deux fois."})
    _send(deal, world)
    assert _guest_answer(client, deal, deal["bank_guest"], 2).status_code == 302
    assert _guest_answer(client, deal, deal["town_guest"], 2).status_code == 302
    convention.refresh_from_db()
    assert convention.status == ConventionStatus.NEGOTIATION
    with django_capture_on_commit_callbacks(execute=False):
        assert _lead_answer(client, deal, world, 2).status_code == 302

    version = ConventionVersion.objects.get(convention=convention, number=2)
    convention.refresh_from_db()
    assert version.state == VersionState.ACCEPTED
    assert convention.status == ConventionStatus.ACCEPTED
    assert convention.accepted_version == 2
    assert [row["party"] for row in convention.acceptances] == [
        str(deal["lead_party"]),
        str(deal["bank_party"]),
        str(deal["town_party"]),
    ]
    assert convention.accepted_text_sha256 == version.text_sha256 != ""
    assert convention.accepted_report_id == version.report_id
    assert convention.clauses == Clause.values  # every clause's article has a text

    # The frozen PDF: rendered once, its text's hash on every page, its own hash stored.
    render_report.apply(args=[version.report_id])
    report = Report.objects.get(pk=version.report_id)
    assert report.status == Report.Status.READY
    content = default_storage.open(report.file.name, "rb").read()
    assert report.sha256 == hashlib.sha256(content).hexdigest()
    pages = PdfReader(io.BytesIO(content)).pages
    for page in pages:
        assert version.text_sha256 in page.extract_text().replace("\n", "")

    # The lead's page and the guest's show both hashes and the PDF.
    client.force_login(world.reader)
    page = client.get(reverse("agreements:convention", args=[deal["alliance"].pk, convention.pk]))
    assert version.text_sha256 in page.content.decode()
    assert report.sha256 in page.content.decode()
    client.force_login(deal["bank_guest"])
    pdf = client.get(reverse("agreements:guest_pdf", args=[deal["alliance"].pk, convention.pk]))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content) == content


def _accept_all(deal, world):
    _write(deal, world)
    version = _send(deal, world)
    for party, user in (
        (deal["lead_party"], world.assoc_admin),
        (deal["bank_party"], deal["bank_guest"]),
        (deal["town_party"], deal["town_guest"]),
    ):
        services.answer_version(version=version, party=party, decision=Decision.ACCEPTED, by=user)
    version.refresh_from_db()
    return version


def test_a_version_accepted_by_all_can_never_be_edited(client, deal, world):
    version = _accept_all(deal, world)
    frozen = list(version.articles)
    with pytest.raises(services.VersionFrozen):
        services.edit_version(version=version, articles=[], by=world.assoc_admin)
    with pytest.raises(services.AnswerRefused):
        services.answer_version(
            version=version,
            party=deal["bank_party"],
            decision=Decision.CHANGES,
            by=deal["bank_guest"],
        )
    # Editing the text starts an amendment: a new draft, the accepted version unchanged.
    client.force_login(world.assoc_admin)
    url = reverse("agreements:draft", args=[deal["alliance"].pk, deal["convention"].pk])
    form = client.get(url).context["form"]
    data = {name: field.initial for name, field in form.fields.items() if field.initial}
    data["title-0"] = "Objet modifié"
    assert client.post(url, data).status_code == 302
    version.refresh_from_db()
    assert version.articles == frozen and version.state == VersionState.ACCEPTED
    assert ConventionVersion.objects.get(convention=deal["convention"], number=2).is_draft
    deal["convention"].refresh_from_db()
    assert deal["convention"].status == ConventionStatus.ACCEPTED
    assert deal["convention"].accepted_version == 1


def test_answering_a_stale_version_is_refused_with_a_message(client, deal, world):
    _write(deal, world)
    _send(deal, world)
    _write(deal, world, {Clause.PURPOSE.value: "Autre objet"})
    _send(deal, world)
    response = _guest_answer(client, deal, deal["bank_guest"], 1)
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert len(errors) == 1 and "2" in errors[0]
    assert not PartyAnswer.objects.exists()


def test_a_party_answering_for_another_gets_404(client, deal, world):
    _write(deal, world)
    _send(deal, world)
    args = [deal["alliance"].pk, deal["convention"].pk, 1]
    # The co-member's admin, the lead's editor: not the lead party's representatives.
    for user in (deal["co_admin"], world.editor, world.reader):
        client.force_login(user)
        url = reverse("agreements:answer", args=[*args, deal["lead_party"].pk])
        assert client.post(url, {"version": 1, "decision": "accepted"}).status_code == 404
    # A guest of the bank on the town's party, through the associations' side: 404.
    client.force_login(deal["bank_guest"])
    url = reverse("agreements:answer", args=[*args, deal["town_party"].pk])
    assert client.post(url, {"version": 1, "decision": "accepted"}).status_code == 404
    # The lead's admin on a partner's party: 404 too, the partner answers for itself.
    client.force_login(world.assoc_admin)
    url = reverse("agreements:answer", args=[*args, deal["bank_party"].pk])
    assert client.post(url, {"version": 1, "decision": "accepted"}).status_code == 404
    assert not PartyAnswer.objects.exists()


def test_a_reader_guest_cannot_answer(client, deal, world):
    _write(deal, world)
    _send(deal, world)
    response = _guest_answer(client, deal, deal["bank_reader"], 1)
    assert response.status_code == 403
    assert not PartyAnswer.objects.exists()


def test_a_guest_of_an_organisation_not_party_sees_nothing(client, deal, world):
    from alliances.tests.factories import AlliancePartnerFactory
    from partnerspace.tests.factories import GuestAccessFactory

    _write(deal, world)
    _send(deal, world)
    outsider = GuestAccessFactory(
        alliance=deal["alliance"], partner=AlliancePartnerFactory(alliance=deal["alliance"])
    ).user
    client.force_login(outsider)
    url = reverse("agreements:guest_convention", args=[deal["alliance"].pk, deal["convention"].pk])
    assert client.get(url).status_code == 404


def test_the_lead_records_the_answer_of_a_party_without_account_on_its_behalf(client, deal, world):
    party = ConventionPartyFactory(convention=deal["convention"], name="Fondation Horizon")
    _write(deal, world)
    _send(deal, world)
    client.force_login(deal["co_admin"])
    url = reverse(
        "agreements:answer", args=[deal["alliance"].pk, deal["convention"].pk, 1, party.pk]
    )
    assert client.post(url, {"version": 1, "decision": "accepted"}).status_code == 404
    client.force_login(world.assoc_admin)
    assert client.post(url, {"version": 1, "decision": "accepted"}).status_code == 302
    answer = PartyAnswer.objects.get(party=party)
    assert answer.on_behalf and answer.answered_by == world.assoc_admin
    assert answer.history.count() == 1


def test_asking_for_changes_needs_a_comment_on_an_article_and_keeps_what_was_typed(
    client, deal, world
):
    _write(deal, world)
    _send(deal, world)
    response = _guest_answer(client, deal, deal["town_guest"], 1, "changes", comment="Voir")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "Voir" in response.content.decode()
    assert not PartyAnswer.objects.exists()


def test_the_reminder_goes_to_the_parties_that_have_not_answered(
    client, deal, world, django_capture_on_commit_callbacks
):
    version = (_write(deal, world), _send(deal, world))[1]
    services.answer_version(
        version=version, party=deal["bank_party"], decision=Decision.ACCEPTED, by=deal["bank_guest"]
    )
    client.force_login(world.editor)
    url = reverse("agreements:remind", args=[deal["alliance"].pk, deal["convention"].pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {world.assoc_admin.email, deal["town_guest"].email}
    version.refresh_from_db()
    assert version.reminded_at is not None
    # A second click the same day sends nothing and says when the parties were reminded.
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert len(mail.outbox) == sent
    assert "une relance par jour au plus" in response.content.decode()
    # A co-member's admin sees the alliance but does not draft nor remind.
    client.force_login(deal["co_admin"])
    assert client.post(url).status_code == 403


def test_the_convention_page_costs_the_same_whatever_the_versions(
    client, deal, world, django_assert_max_num_queries
):
    for _ in range(4):
        _write(deal, world)
        version = _send(deal, world)
        services.answer_version(
            version=version,
            party=deal["bank_party"],
            decision=Decision.CHANGES,
            requests=[{"key": "purpose", "title": "Objet", "comment": "Préciser"}],
            by=deal["bank_guest"],
        )
    client.force_login(world.assoc_admin)
    url = reverse("agreements:convention", args=[deal["alliance"].pk, deal["convention"].pk])
    with django_assert_max_num_queries(25):
        assert client.get(url).status_code == 200
    # Step 4 links every convention to its versions, one query for all of them.
    step = reverse("alliances:alliance_step", args=[deal["alliance"].pk, 4])
    assert url in client.get(step).content.decode()


def test_the_alliances_history_shows_every_version_and_answer(client, deal, world):
    _accept_all(deal, world)
    client.force_login(world.reader)
    response = client.get(reverse("alliances:alliance_history", args=[deal["alliance"].pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert str(deal["bank_guest"]) in body
    assert "Convention de mutualisation, version 1" in body


@pytest.mark.parametrize("versions", [1, 4])
def test_the_pages_of_the_versions_cost_the_same_whatever_their_number(
    client, deal, world, versions, django_assert_max_num_queries
):
    for _ in range(versions):
        _write(deal, world)
        version = _send(deal, world)
        services.answer_version(
            version=version,
            party=deal["bank_party"],
            decision=Decision.CHANGES,
            requests=[{"key": "purpose", "title": "Objet", "comment": "Préciser"}],
            by=deal["bank_guest"],
        )
    args = [deal["alliance"].pk, deal["convention"].pk]
    client.force_login(world.assoc_admin)
    for url in (
        reverse("agreements:convention", args=args),
        reverse("agreements:version", args=[*args, versions]),
    ):
        with django_assert_max_num_queries(25):
            assert client.get(url).status_code == 200
    client.force_login(deal["bank_guest"])
    for url in (
        reverse("agreements:guest_convention", args=args),
        reverse("agreements:guest_answer", args=args),
    ):
        with django_assert_max_num_queries(25):
            assert client.get(url).status_code == 200
