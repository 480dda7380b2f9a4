"""Alliances in use: forms that keep what was typed, the signed PDF, decisions, keys, exports."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from alliances.demo import seed
from alliances.models import (
    Action,
    ActorFamily,
    Alliance,
    AllianceMember,
    AlliancePartner,
    Amendment,
    Candidate,
    Convention,
    ConventionStatus,
    CostShare,
    Decision,
    Partner,
    SwotItem,
)
from alliances.selectors import steps_by_alliance
from alliances.stepper import COMPLETE, IN_PROGRESS, NOT_STARTED
from alliances.tests.factories import (
    ActionFactory,
    AllianceFactory,
    AllianceMemberFactory,
    AlliancePartnerFactory,
    ConventionFactory,
    PartnerFactory,
    attach_pdf,
    signed_pdf_file,
)
from organisations.demo import seed_organisations
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alliance(world):
    return AllianceFactory(lead=world.association, title="Pôle mutualisé")


def _login(client, user):
    client.force_login(user)
    return client


def test_a_partner_with_a_wrong_siren_check_digit_is_refused_and_nothing_typed_is_lost(
    client, world
):
    _login(client, world.editor)
    response = client.post(
        reverse("alliances:partner_create", args=[world.association.pk]),
        {"name": "Crédit Mutuel Témoin", "actor_type": "company", "siren": "732829321"},
    )
    assert response.status_code == 200
    assert "siren" in response.context["form"].errors
    assert "Crédit Mutuel Témoin" in response.content.decode()
    assert not Partner.objects.filter(name="Crédit Mutuel Témoin").exists()


def test_a_partner_gets_its_tags_and_a_spaced_siren_is_normalised(client, world):
    _login(client, world.editor)
    response = client.post(
        reverse("alliances:partner_create", args=[world.association.pk]),
        {
            "name": "Ville Témoin",
            "actor_type": "local_authority",
            "siren": "732 829 320",
            "tags_text": "emploi, Lyon, emploi",
        },
    )
    assert response.status_code == 302
    partner = Partner.objects.get(name="Ville Témoin")
    assert partner.siren == "732829320"
    assert sorted(t.name for t in partner.tags.all()) == ["Lyon", "emploi"]
    assert partner.family == ActorFamily.PUBLIC


def test_creating_an_alliance_makes_its_file_and_leads_to_step_1(client, world):
    _login(client, world.editor)
    response = client.post(
        reverse("alliances:alliance_create", args=[world.association.pk]),
        {"title": "Pôle support", "purpose": "Mutualiser", "territory": "Lyon"},
    )
    alliance = Alliance.objects.get(title="Pôle support")
    assert response["Location"] == reverse("alliances:alliance_step", args=[alliance.pk, 1])
    assert alliance.lead == world.association
    assert alliance.dossier is not None
    assert [s.state for s in steps_by_alliance([alliance.pk])[alliance.pk]] == [NOT_STARTED] * 5


def test_a_reader_cannot_add_a_swot_item_and_nothing_changes(client, world, alliance):
    _login(client, world.reader)
    response = client.post(
        reverse("alliances:item_add", args=[alliance.pk, "moff"]),
        {"quadrant": "strength", "text": "Expertise", "importance": "3"},
    )
    assert response.status_code == 403
    assert not SwotItem.objects.exists()


def test_a_network_head_reads_every_step_without_any_edit_button(client, world, alliance):
    _login(client, world.network_head)
    for step in range(1, 6):
        html = client.get(reverse("alliances:alliance_step", args=[alliance.pk, step])).content
        assert b"/ajouter/" not in html
        assert b'method="post"' not in html.split(b"<main")[1]


def test_a_co_member_association_edits_the_alliance_once_it_accepted(client, world, alliance):
    co_member = AssociationFactory()
    admin = MembershipFactory(association=co_member, role=Role.ADMIN).user
    _login(client, world.editor)
    client.post(
        reverse("alliances:alliance_members", args=[alliance.pk]), {"identifier": co_member.rna}
    )
    member = AllianceMember.objects.get(alliance=alliance, association=co_member)
    assert member.state == AllianceMember.State.INVITED
    _login(client, admin)
    step = reverse("alliances:alliance_step", args=[alliance.pk, 1])
    assert client.get(step).status_code == 404
    client.post(reverse("alliances:accept_alliance_invitation", args=[co_member.pk, member.pk]))
    assert client.get(step).status_code == 200
    response = client.post(step, {"strategic_priorities": "Se renforcer ensemble"})
    assert response.status_code == 302
    alliance.refresh_from_db()
    assert alliance.dossier.strategic_priorities == "Se renforcer ensemble"


def test_a_convention_cannot_end_before_it_starts(client, world, alliance):
    _login(client, world.editor)
    response = client.post(
        reverse("alliances:item_add", args=[alliance.pk, "convention"]),
        {
            "kind": "partnership",
            "title": "Convention Témoin",
            "status": "draft",
            "start_date": "2026-06-01",
            "end_date": "2026-05-01",
            "total_amount": "1 250,50",
        },
    )
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    assert "Convention Témoin" in response.content.decode()
    assert not Convention.objects.exists()


def _convention_post(client, alliance, upload, **extra):
    return client.post(
        reverse("alliances:item_add", args=[alliance.pk, "convention"]),
        {
            "kind": "partnership",
            "title": "Convention signée",
            "status": "signed",
            "signed_on": "2026-01-10",
            "start_date": "2026-01-15",
            "end_date": "2027-01-14",
            "total_amount": "48 000,00",
            "clauses": ["purpose", "duration"],
            "upload": upload,
            **extra,
        },
    )


def test_a_signed_pdf_is_stored_under_a_random_name_and_served_only_as_an_attachment(
    client, world, alliance
):
    _login(client, world.editor)
    response = _convention_post(client, alliance, signed_pdf_file("Ma convention.pdf"))
    assert response.status_code == 302
    convention = Convention.objects.get()
    assert convention.total_amount == Decimal("48000.00")
    assert convention.document_name == "Ma convention.pdf"
    assert "Ma convention" not in convention.document.name
    assert convention.document.name.startswith("conventions/")
    assert convention.missing_clauses  # only two of ten ticked
    download = client.get(
        reverse("alliances:convention_document", args=[alliance.pk, convention.pk])
    )
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("upload", "why"),
    [
        (SimpleUploadedFile("faux.pdf", b"<html>pas un pdf</html>", "application/pdf"), "bytes"),
        (SimpleUploadedFile("note.txt", b"%PDF-1.4 texte", "text/plain"), "type"),
        (
            SimpleUploadedFile("gros.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "application/pdf"),
            "size",
        ),
    ],
)
def test_only_a_real_pdf_under_10_mb_is_accepted(client, world, alliance, upload, why):
    _login(client, world.editor)
    response = _convention_post(client, alliance, upload)
    assert response.status_code == 200, why
    assert "upload" in response.context["form"].errors
    assert not Convention.objects.exists()


def test_an_outsider_and_a_former_co_member_get_404_on_the_signed_convention(
    client, world, alliance
):
    convention = attach_pdf(ConventionFactory(alliance=alliance))
    url = reverse("alliances:convention_document", args=[alliance.pk, convention.pk])
    _login(client, world.outsider)
    assert client.get(url).status_code == 404
    member = AllianceMemberFactory(alliance=alliance)
    co_editor = MembershipFactory(association=member.association, role=Role.EDITOR).user
    _login(client, co_editor)
    assert client.get(url).status_code == 200
    member.state = AllianceMember.State.LEFT
    member.save()
    client.logout()
    _login(client, co_editor)
    assert client.get(url).status_code == 404


def test_amendments_are_numbered_in_order(client, world, alliance):
    convention = ConventionFactory(alliance=alliance)
    _login(client, world.editor)
    for title in ["Ajout d'un membre", "Prolongation"]:
        client.post(
            reverse("alliances:item_add", args=[alliance.pk, "avenant"]),
            {
                "convention": convention.pk,
                "signed_on": "2026-03-01",
                "title": title,
                "changes": "…",
            },
        )
    assert list(Amendment.objects.values_list("number", "title")) == [
        (1, "Ajout d'un membre"),
        (2, "Prolongation"),
    ]


def test_selecting_a_candidate_makes_it_a_partner_and_setting_aside_needs_a_reason(
    client, world, alliance
):
    partner = PartnerFactory(association=world.association, name="Fondation Témoin")
    candidate = Candidate.objects.create(
        alliance=alliance, partner=partner, category="social_economy"
    )
    url = reverse("alliances:candidate_decision", args=[alliance.pk, candidate.pk])
    _login(client, world.editor)
    response = client.post(url, {"decision": "set_aside", "decision_reason": ""})
    assert "decision_reason" in response.context["form"].errors
    response = client.post(
        url,
        {
            "decision": "selected",
            "decision_reason": "Engagée",
            "partnership_form": "patronage_financial",
            "role": "Financeur",
        },
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.decision == Decision.SELECTED
    joined = AlliancePartner.objects.get(alliance=alliance, partner=partner)
    assert (joined.role, joined.partnership_form) == ("Financeur", "patronage_financial")


def test_cost_sharing_keys_that_do_not_add_up_to_100_are_refused(client, world, alliance):
    AllianceMemberFactory(alliance=alliance)
    _login(client, world.editor)
    url = reverse("alliances:cost_sharing", args=[alliance.pk])
    data = {"keys-TOTAL_FORMS": "2", "keys-INITIAL_FORMS": "2"}
    response = client.post(url, {**data, "keys-0-percent": "60", "keys-1-percent": "30"})
    assert response.status_code == 200
    assert "100" in str(response.context["formset"].non_form_errors())
    assert not CostShare.objects.exists()
    response = client.post(url, {**data, "keys-0-percent": "66,67", "keys-1-percent": "33,33"})
    assert response.status_code == 302
    assert sum(CostShare.objects.values_list("percent", flat=True)) == Decimal("100")


def test_the_action_plan_exports_french_csv_and_a_spreadsheet_with_real_numbers(
    client, world, alliance
):
    ActionFactory(
        alliance=alliance,
        title="Recruter",
        start_date=dt.date(2026, 1, 5),
        due_date=dt.date(2026, 3, 31),
        financial_resources=Decimal("1250.50"),
        progress=40,
    )
    _login(client, world.reader)
    response = client.get(reverse("alliances:action_plan_export", args=[alliance.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Action", "Description", "Responsable", "Début", "Échéance"]
    assert rows[1][0] == "Recruter"
    assert rows[1][3:5] == ["05/01/2026", "31/03/2026"]
    assert rows[1][9] == "1250,50"
    response = client.get(reverse("alliances:action_plan_export", args=[alliance.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "Recruter"
    assert sheet["J2"].value == 1250.5
    assert sheet["E2"].value.date() == dt.date(2026, 3, 31)
    assert sheet["E2"].number_format == "DD/MM/YYYY"


def test_late_actions_and_conventions_ending_soon_reach_the_dashboard(client, world, alliance):
    today = timezone.localdate()
    ActionFactory(alliance=alliance, title="Action en retard", due_date=today - dt.timedelta(1))
    ConventionFactory(
        alliance=alliance,
        title="Convention qui finit",
        status=ConventionStatus.SIGNED,
        signed_on=today - dt.timedelta(300),
        start_date=today - dt.timedelta(300),
        end_date=today + dt.timedelta(30),
    )
    ConventionFactory(
        alliance=alliance,
        title="Convention lointaine",
        status=ConventionStatus.SIGNED,
        signed_on=today,
        start_date=today,
        end_date=today + dt.timedelta(200),
    )
    _login(client, world.editor)
    html = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Action en retard" in html
    assert "Convention qui finit" in html
    assert "Convention lointaine" not in html
    step4 = client.get(reverse("alliances:alliance_step", args=[alliance.pk, 4])).content.decode()
    assert step4.count("fa-ending") == 1


def test_the_history_page_says_who_changed_what(client, world, alliance):
    action = ActionFactory(alliance=alliance, title="Recruter")
    _login(client, world.editor)
    client.post(
        reverse("alliances:item_edit", args=[alliance.pk, "action", action.pk]),
        {"title": "Recruter la comptable", "status": "in_progress", "progress": "20"},
    )
    html = client.get(reverse("alliances:alliance_history", args=[alliance.pk])).content.decode()
    assert "Recruter la comptable" in html
    assert world.editor.get_full_name() in html or world.editor.email in html
    assert "20" in html


def test_deleting_an_alliance_says_what_goes_with_it(client, world, alliance):
    ActionFactory(alliance=alliance)
    ConventionFactory(alliance=alliance)
    _login(client, world.assoc_admin)
    html = client.get(reverse("alliances:alliance_delete", args=[alliance.pk])).content.decode()
    assert "Actions" in html and "Conventions" in html
    client.post(reverse("alliances:alliance_delete", args=[alliance.pk]))
    assert not Alliance.objects.filter(pk=alliance.pk).exists()
    assert not Action.objects.exists()


def test_a_partner_in_an_alliance_cannot_be_deleted_and_the_page_says_why(client, world, alliance):
    partner = PartnerFactory(association=world.association, name="Mairie")
    AlliancePartner.objects.create(
        alliance=alliance, partner=partner, partnership_form="public_policy"
    )
    _login(client, world.editor)
    response = client.post(reverse("alliances:partner_delete", args=[partner.pk]))
    assert response.status_code == 200
    assert Partner.objects.filter(pk=partner.pk).exists()


def test_the_demo_has_one_alliance_at_step_2_and_one_complete_and_seeding_twice_changes_nothing(
    settings,
):
    demo = seed_organisations("demo-password-2026")
    seed(demo)
    counts = (Alliance.objects.count(), Action.objects.count(), Convention.objects.count())
    seed(seed_organisations("demo-password-2026"))
    assert (Alliance.objects.count(), Action.objects.count(), Convention.objects.count()) == counts
    complete = Alliance.objects.get(title="Pôle mutualisé de fonctions support")
    second = Alliance.objects.get(title="Jardins partagés et insertion")
    steps = steps_by_alliance([complete.pk, second.pk])
    # Step 5 waits for a health check of the alliance (the healthchecks app's demo adds it).
    assert [s.state for s in steps[complete.pk]] == [COMPLETE] * 4 + [IN_PROGRESS]
    assert len(steps[complete.pk][4].missing) == 1
    assert [s.state for s in steps[second.pk]][:3] == [COMPLETE, IN_PROGRESS, NOT_STARTED]
    assert complete.actions.late().exists()
    convention = complete.conventions.get()
    assert convention.status == ConventionStatus.SIGNED
    assert convention.document.open("rb").read(5) == b"%PDF-"


def test_an_action_has_one_owner_and_cannot_end_before_it_starts(client, world, alliance):
    partner = AlliancePartnerFactory(alliance=alliance)
    _login(client, world.editor)
    response = client.post(
        reverse("alliances:item_add", args=[alliance.pk, "action"]),
        {
            "title": "Recruter",
            "status": "planned",
            "progress": "0",
            "owner_user": world.editor.pk,
            "owner_partner": partner.pk,
            "start_date": "2026-05-01",
            "due_date": "2026-04-01",
        },
    )
    errors = response.context["form"].errors
    assert "owner_partner" in errors and "due_date" in errors
    assert not Action.objects.exists()


def test_the_alliance_file_shows_each_text_escaped_with_its_lines_or_not_written_yet(client):
    from alliances.models import AllianceDossier

    alliance = AllianceFactory()
    AllianceDossier.objects.create(
        alliance=alliance, strategic_priorities="<b>Priorité</b>\nsur deux lignes"
    )
    reader = MembershipFactory(association=alliance.lead, role=Role.READER).user
    client.force_login(reader)

    page = client.get(reverse("alliances:alliance_detail", args=[alliance.pk])).content.decode()

    assert "&lt;b&gt;Priorité&lt;/b&gt;<br>sur deux lignes" in page
    assert "<b>Priorité</b>" not in page
    assert "Pas encore rédigé." in page  # the other texts
