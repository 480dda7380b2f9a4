"""A contributor guest updates its organisation's actions and enters its measurements; the
association sees them, with the person and the organisation. Denied writes change nothing."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from alliances.history import entries, records_of
from alliances.models import Action, ActionStatus
from alliances.tests.factories import signed_pdf_file
from evaluation.models import Measurement
from partnerspace.models import Comment, GuestActivity


def _action_url(space, action):
    return reverse("partnerspace:action_update", args=[space["alliance"].pk, action.pk])


def _measure_url(space, indicator):
    return reverse("partnerspace:measurement_add", args=[space["alliance"].pk, indicator.pk])


def test_a_contributor_updates_its_organisations_action_and_the_history_names_it(client, space):
    guest = space["contributor"].user
    client.force_login(guest)
    action = space["own_action"]
    response = client.post(
        _action_url(space, action),
        {"status": ActionStatus.IN_PROGRESS, "progress": "40", "comment": "Salle réservée"},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.progress) == (ActionStatus.IN_PROGRESS, 40)
    assert Comment.objects.get(kind="action", item_id=action.pk).text == "Salle réservée"
    activity = GuestActivity.objects.get(verb="action")
    assert activity.organisation == space["partner"]
    assert activity.person_name == str(guest)
    rows = entries(records_of(space["alliance"]))
    assert any(
        row["who"] == guest and space["partner"].partner.name in row["object"] for row in rows
    )
    assert any(row["who"] == guest and row["kind"] == "Action" for row in rows)


def test_another_partners_action_is_a_404_and_nothing_changes(client, space):
    client.force_login(space["contributor"].user)
    action = space["other_action"]
    response = client.post(
        _action_url(space, action), {"status": ActionStatus.DONE, "progress": "100"}
    )
    assert response.status_code == 404
    action.refresh_from_db()
    assert action.status == ActionStatus.PLANNED
    assert not GuestActivity.objects.exists()


def test_a_reader_cannot_update_and_nothing_changes(client, space):
    client.force_login(space["reader"].user)
    action = space["other_action"]
    response = client.post(
        _action_url(space, action), {"status": ActionStatus.DONE, "progress": "100"}
    )
    assert response.status_code == 403
    assert Action.objects.get(pk=action.pk).status == ActionStatus.PLANNED


def test_a_bad_progress_is_told_next_to_the_field_and_kept(client, space):
    client.force_login(space["contributor"].user)
    response = client.post(
        _action_url(space, space["own_action"]),
        {"status": ActionStatus.IN_PROGRESS, "progress": "140", "comment": "Presque"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "progress" in form.errors
    assert form["comment"].value() == "Presque"


def test_a_contributor_enters_a_measurement_with_evidence_and_the_association_sees_it(
    client, space, world
):
    client.force_login(space["contributor"].user)
    indicator = space["indicator"]
    day = timezone.localdate() - dt.timedelta(days=1)
    response = client.post(
        _measure_url(space, indicator),
        {
            "date": day.isoformat(),
            "value": "1 250",
            "source": "Caisse",
            "comment": "",
            "evidence_text": "",
            "evidence_file": signed_pdf_file("releve.pdf"),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    measurement = Measurement.objects.get(indicator=indicator)
    assert measurement.value == 1250
    assert measurement.entered_by == space["contributor"].user
    assert measurement.evidence_file
    assert GuestActivity.objects.filter(verb="measurement").exists()
    client.force_login(world.editor)
    page = client.get(
        reverse("evaluation:indicator_detail", args=[space["alliance"].pk, indicator.pk])
    )
    # Written « 1 250 » with a narrow no-break space between the thousands.
    assert "250" in page.content.decode().split("Repas servis", 1)[-1]
    assert page.context is not None
    guests_page = client.get(reverse("partnerspace:guests", args=[space["alliance"].pk]))
    assert "Repas servis" in guests_page.content.decode()


def test_an_indicator_its_organisation_does_not_contribute_to_is_a_404(client, space):
    client.force_login(space["contributor"].user)
    response = client.post(
        _measure_url(space, space["other_indicator"]),
        {"date": timezone.localdate().isoformat(), "value": "3"},
    )
    assert response.status_code == 404
    assert not Measurement.objects.exists()


def test_a_measurement_in_the_future_is_refused_next_to_the_field(client, space):
    client.force_login(space["contributor"].user)
    response = client.post(
        _measure_url(space, space["indicator"]),
        {"date": (timezone.localdate() + dt.timedelta(days=3)).isoformat(), "value": "12"},
    )
    assert response.status_code == 200
    assert "date" in response.context["form"].errors
    assert response.context["form"]["value"].value() == "12"
    assert not Measurement.objects.exists()
