import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from alliances.models import Action, Alliance
from alliances.tests.factories import AllianceFactory, signed_pdf_file
from evaluation.models import Indicator, Measurement, SteeringDecision
from organisations.models import Association

from .factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


def test_changing_a_target_asks_for_a_reason_kept_in_the_history(editor_client, alliance, world):
    indicator = IndicatorFactory(alliance=alliance)
    url = reverse("evaluation:indicator_target", args=[alliance.pk, indicator.pk])

    response = editor_client.post(url, {"target": "350 000", "target_date": "2026-09-30"})
    assert "reason" in response.context["form"].errors
    indicator.refresh_from_db()
    assert indicator.target == Decimal("340000")

    reason = "Un membre a quitté l'alliance : l'objectif est recalculé."
    response = editor_client.post(
        url, {"target": "350 000", "target_date": "2026-09-30", "reason": reason}
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.target == Decimal("350000")
    latest = indicator.history.latest()
    assert latest.history_change_reason == reason
    assert latest.history_user == world.editor
    assert latest.prev_record.target == Decimal("340000")

    page = editor_client.get(
        reverse("evaluation:indicator_detail", args=[alliance.pk, indicator.pk])
    )
    assert escape(reason) in page.content.decode()


def test_an_unchanged_target_is_not_a_change(editor_client, alliance):
    indicator = IndicatorFactory(alliance=alliance)
    url = reverse("evaluation:indicator_target", args=[alliance.pk, indicator.pk])
    response = editor_client.post(
        url, {"target": "340000", "target_date": "2026-06-30", "reason": "Aucune raison valable"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_the_edit_form_cannot_change_the_target_silently(editor_client, alliance):
    indicator = IndicatorFactory(alliance=alliance)
    editor_client.post(
        reverse("evaluation:indicator_edit", args=[alliance.pk, indicator.pk]),
        {
            "name": "Coûts",
            "kind": "results",
            "unit": "€",
            "direction": "decrease",
            "baseline": "400000",
            "target": "1",
            "frequency": "monthly",
            "data_source": "member_systems",
            "method": "quantitative",
        },
    )
    indicator.refresh_from_db()
    assert (indicator.name, indicator.target) == ("Coûts", Decimal("340000"))


def test_a_measurement_typed_the_french_way_is_recorded_with_who_entered_it(
    editor_client, alliance, world
):
    indicator = IndicatorFactory(alliance=alliance)
    response = editor_client.post(
        reverse("evaluation:measurement_create", args=[alliance.pk, indicator.pk]),
        {"date": "2026-03-31", "value": "385 000,50", "source": "Compta", "comment": "T1"},
    )
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert measurement.value == Decimal("385000.50")
    assert measurement.entered_by == world.editor


def test_a_bad_value_is_reported_next_to_the_field_and_the_comment_kept(editor_client, alliance):
    indicator = IndicatorFactory(alliance=alliance)
    response = editor_client.post(
        reverse("evaluation:measurement_create", args=[alliance.pk, indicator.pk]),
        {"date": "2026-03-31", "value": "beaucoup", "comment": "Ne pas perdre ce commentaire"},
    )
    assert "value" in response.context["form"].errors
    assert "Ne pas perdre ce commentaire" in response.content.decode()
    assert not Measurement.objects.exists()


def test_evidence_of_the_wrong_type_or_disguised_is_refused(editor_client, alliance):
    indicator = IndicatorFactory(alliance=alliance, method="qualitative", target=None)
    url = reverse("evaluation:measurement_create", args=[alliance.pk, indicator.pk])
    for name, content in (("script.exe", b"MZ..."), ("faux.pdf", b"<html>not a pdf</html>")):
        response = editor_client.post(
            url, {"date": "2026-03-31", "evidence_file": SimpleUploadedFile(name, content)}
        )
        assert "evidence_file" in response.context["form"].errors
    assert not Measurement.objects.exists()


def test_evidence_is_served_only_through_the_access_checked_view(
    editor_client, client, alliance, world
):
    indicator = IndicatorFactory(alliance=alliance, method="qualitative", target=None)
    editor_client.post(
        reverse("evaluation:measurement_create", args=[alliance.pk, indicator.pk]),
        {
            "date": "2026-03-31",
            "evidence_text": "Entretiens avec les directions",
            "evidence_file": signed_pdf_file("compte-rendu.pdf"),
        },
    )
    measurement = Measurement.objects.get()
    assert "compte-rendu" not in measurement.evidence_file.name  # stored under a random name
    url = reverse("evaluation:evidence", args=[alliance.pk, measurement.pk])
    response = editor_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404


def test_the_indicator_list_costs_the_same_queries_at_two_sizes(
    editor_client, alliance, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            indicator = IndicatorFactory(alliance=alliance)
            for month in (1, 2, 3):
                MeasurementFactory(indicator=indicator, date=dt.date(2026, month, 20))

    url = reverse("evaluation:indicators", args=[alliance.pk])
    add(2)
    editor_client.get(url)  # warm the session and access caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert editor_client.get(url).status_code == 200
    add(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = editor_client.get(url)
    assert len(response.context["rows"]) == 22


def test_off_track_indicators_are_flagged_on_the_list_and_the_dashboard(client, world, alliance):
    indicator = IndicatorFactory(
        alliance=alliance,
        name="Familles orientées",
        unit="familles",
        direction="increase",
        baseline=Decimal("0"),
        baseline_date=dt.date(2025, 12, 1),
        target=Decimal("300"),
        target_date=dt.date(2099, 6, 30),
        frequency="yearly",
    )
    # Far behind a schedule that started long ago: off-track once 10 % of it has elapsed.
    Indicator.objects.filter(pk=indicator.pk).update(baseline_date=dt.date(2000, 1, 1))
    MeasurementFactory(indicator=indicator, date=dt.date(2026, 1, 15), value=Decimal("1"))
    client.force_login(world.reader)
    page = client.get(reverse("evaluation:indicators", args=[alliance.pk])).content.decode()
    assert "flag-off-track" in page
    dashboard = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Familles orientées" in dashboard
    assert "flag-off-track" in dashboard


def test_a_decision_can_create_an_action_in_the_action_plan(editor_client, alliance, world):
    response = editor_client.post(
        reverse("evaluation:decision_create", args=[alliance.pk]),
        {
            "text": "Ouvrir une quatrième permanence du guichet.",
            "decided_on": "2026-11-18",
            "create_action": "on",
            "action_title": "Ouvrir une quatrième permanence",
            "action_due_date": "2027-01-31",
        },
    )
    assert response.status_code == 302
    decision = SteeringDecision.objects.get()
    action = Action.objects.get(alliance=alliance)
    assert decision.action == action
    assert (action.title, action.due_date, action.created_by) == (
        "Ouvrir une quatrième permanence",
        dt.date(2027, 1, 31),
        world.editor,
    )


def test_a_decision_asking_for_an_action_needs_its_title(editor_client, alliance):
    response = editor_client.post(
        reverse("evaluation:decision_create", args=[alliance.pk]),
        {"text": "Ouvrir une permanence.", "decided_on": "2026-11-18", "create_action": "on"},
    )
    assert response.status_code == 200
    assert "action_title" in response.context["decision_form"].errors
    assert not SteeringDecision.objects.exists() and not Action.objects.exists()


def test_a_horizon_shorter_than_three_years_is_refused(editor_client, alliance):
    response = editor_client.post(
        reverse("evaluation:vision_edit", args=[alliance.pk]),
        {"statement": "Vision", "horizon_start": "2025-09-01", "horizon_end": "2026-09-01"},
    )
    assert "horizon_end" in response.context["form"].errors


def test_objects_of_another_alliance_are_not_found_through_this_one(editor_client, alliance):
    foreign = IndicatorFactory()  # another tenant's alliance
    response = editor_client.get(
        reverse("evaluation:indicator_detail", args=[alliance.pk, foreign.pk])
    )
    assert response.status_code == 404


def test_the_dashboard_panel_costs_the_same_queries_at_two_sizes(world, rf):
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext

    from evaluation.dashboard import association_panels
    from organisations.access import association_capability

    def add(count):
        for _ in range(count):
            alliance = AllianceFactory(lead=world.association)
            indicator = IndicatorFactory(alliance=alliance)
            MeasurementFactory(indicator=indicator)

    from django.contrib.sessions.backends.db import SessionStore

    request = rf.get("/tableau-de-bord/")
    request.user, request.session = world.editor, SessionStore()
    capability = association_capability(world.editor, world.association)
    add(1)
    association_panels(request, world.association, capability)  # the request's own lookups
    add(1)
    association = Association.objects.get(pk=world.association.pk)
    with CaptureQueriesContext(connection) as small:
        association_panels(request, association, capability)
    add(10)
    association = Association.objects.get(pk=world.association.pk)  # as in a new request
    with CaptureQueriesContext(connection) as large:
        panels = association_panels(request, association, capability)
    assert len(large.captured_queries) == len(small.captured_queries)
    alliances = Alliance.objects.filter(lead=world.association)
    html = render_to_string(panels[0].template, {"panel": panels[0].context}, request=request)
    assert all(reverse("evaluation:objectives", args=[a.pk]) in html for a in alliances)
    assert alliances.count() == 12


def test_a_mistyped_measurement_can_be_removed_with_its_evidence(
    editor_client, alliance, django_capture_on_commit_callbacks
):
    indicator = IndicatorFactory(alliance=alliance, method="qualitative", target=None)
    editor_client.post(
        reverse("evaluation:measurement_create", args=[alliance.pk, indicator.pk]),
        {
            "date": "2026-03-31",
            "evidence_text": "Entretiens",
            "evidence_file": signed_pdf_file("cr.pdf"),
        },
    )
    measurement = Measurement.objects.get()
    storage, name = measurement.evidence_file.storage, measurement.evidence_file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("evaluation:measurement_delete", args=[alliance.pk, measurement.pk])
        )
    assert response.status_code == 302
    assert not Measurement.objects.exists()
    assert not storage.exists(name)


def test_the_alliance_page_links_to_the_evaluation_and_counts_indicators_to_watch(
    client, world, alliance
):
    indicator = IndicatorFactory(alliance=alliance, frequency="monthly")
    Indicator.objects.filter(pk=indicator.pk).update(baseline_date=dt.date(2000, 1, 1))
    client.force_login(world.reader)
    html = client.get(reverse("alliances:alliance_detail", args=[alliance.pk])).content.decode()
    assert reverse("evaluation:objectives", args=[alliance.pk]) in html
    assert reverse("evaluation:indicators", args=[alliance.pk]) in html
    assert 'badge text-bg-danger">1<' in html
    page = client.get(reverse("evaluation:objectives", args=[alliance.pk])).content.decode()
    assert reverse("alliances:alliance_detail", args=[alliance.pk]) in page


def test_alerts_read_from_the_latest_measurement_only_match_the_full_follow_up():
    """The network dashboard flags indicators from each one's latest measurement; the flags
    must be exactly those of the full follow-up (future and qualitative rows ignored)."""
    import datetime as dt
    from decimal import Decimal

    from alliances.tests.factories import AllianceFactory
    from evaluation.models import Indicator, Measurement
    from evaluation.selectors import attention_rows, indicator_rows

    today = dt.date(2026, 11, 23)
    alliance = AllianceFactory()
    cases = [
        # (direction, baseline, target, values by month offset)
        ("increase", "0", "100", [10, 20, 30]),  # far behind the trajectory
        ("increase", "0", "100", [40, 70, 95]),  # on track
        ("decrease", "400", "300", [390, 350]),  # decreasing, on its way
        ("increase", "0", "50", []),  # nothing measured: overdue
    ]
    for n, (direction, baseline, target, values) in enumerate(cases):
        indicator = Indicator.objects.create(
            alliance=alliance,
            name=f"I{n}",
            kind="results",
            unit="u",
            direction=direction,
            baseline=Decimal(baseline),
            baseline_date=dt.date(2026, 1, 1),
            target=Decimal(target),
            target_date=dt.date(2027, 1, 1),
            frequency="monthly",
            data_source="members",
            method="quantitative",
        )
        for month, value in enumerate(values, start=7):
            Measurement.objects.create(
                indicator=indicator, date=dt.date(2026, month, 1), value=Decimal(value)
            )
        # A future value and a qualitative note must not count.
        Measurement.objects.create(indicator=indicator, date=dt.date(2026, 12, 15), value=999)
        Measurement.objects.create(indicator=indicator, date=dt.date(2026, 11, 1), value=None)

    def flags(rows):
        return {
            row.indicator.name: (
                row.follow_up.off_track,
                row.follow_up.target_missed,
                row.follow_up.overdue,
                row.follow_up.needs_attention,
            )
            for row in rows
        }

    queryset = Indicator.objects.filter(alliance=alliance)
    full = flags(indicator_rows(queryset, today))
    assert flags(attention_rows(queryset, today)) == full
    assert {name for name, f in full.items() if f[3]} >= {"I0", "I3"}
